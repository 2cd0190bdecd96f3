using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Api;

/// <summary>A bar of <c>History/retrieveBars</c>: <c>t</c> open time (UTC), prices in points, <c>v</c> contracts (research/topstepx-api.md §6).</summary>
public sealed record BarModel(DateTimeOffset T, decimal O, decimal H, decimal L, decimal C, long V)
{
    /// <summary>Maps a bar.</summary>
    public static BarModel From(Bar b) => new(b.OpenTime, b.Open, b.High, b.Low, b.Close, b.Volume);
}
