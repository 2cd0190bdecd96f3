using System.Globalization;
using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Where the replayed market stands, for the simulator's console: the market time (UTC), the contract and its last trade price
/// (points), the bars played out of the file's, and what the accounts hold (open positions, working orders).
/// </summary>
public sealed record ReplayProgress(DateTimeOffset MarketTime, string ContractId, decimal? LastPrice, int BarsPlayed, int Bars, int OpenPositions, int WorkingOrders)
{
    /// <summary>A snapshot of <paramref name="gateway"/> (to be taken under its lock: <see cref="SimulatedGateway.ReadAsync{T}"/>).</summary>
    public static ReplayProgress Of(SimulatedGateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var replay = gateway.Replay;
        return new ReplayProgress(gateway.Clock.GetUtcNow(), replay.ContractId, replay.LastPrice, replay.NextBarIndex, replay.BarCount,
            gateway.Engine.Positions.Count(), gateway.Engine.Orders.Count(o => o.Status == OrderStatus.Open));
    }

    /// <summary>One console line, e.g. <c>market 2025-11-26 15:30Z CON.F.US.MGC.G26 4191.3, bar 1234/12382 (10.0 %), 1 open position, 2 working orders</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"market {MarketTime:yyyy-MM-dd HH:mm}Z {ContractId} {(LastPrice is { } price ? price.ToString(CultureInfo.InvariantCulture) : "no trade yet")}, "
        + $"bar {BarsPlayed}/{Bars} ({100.0 * BarsPlayed / Math.Max(Bars, 1):0.0} %), "
        + $"{OpenPositions} open position{(OpenPositions == 1 ? "" : "s")}, {WorkingOrders} working order{(WorkingOrders == 1 ? "" : "s")}");
}
