using GoldBot.Market;

namespace GoldBot.Pipeline;

/// <summary>A closed source bar published by the market-data feed.</summary>
/// <param name="Bar">The bar (open time, UTC).</param>
/// <param name="Period">Its length; the bar closed at <c>Bar.OpenTime + Period</c>.</param>
public sealed record MarketBar(Bar Bar, TimeSpan Period)
{
    /// <summary>Close time of the bar, UTC: the market time at which it is known.</summary>
    public DateTimeOffset CloseTime => Bar.OpenTime + Period;
}

/// <summary>Messages from the market-data feed to the SMC detector.</summary>
public abstract record DetectorInput;

/// <summary>A closed bar to analyse.</summary>
/// <param name="Bar">The bar.</param>
public sealed record BarClosed(MarketBar Bar) : DetectorInput;

/// <summary>The feed has no more bars (end of a replay).</summary>
public sealed record EndOfData : DetectorInput;
