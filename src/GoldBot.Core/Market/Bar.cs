namespace GoldBot.Market;

/// <summary>
/// One OHLCV bar. Prices are in the contract's quote units (USD per troy ounce for MGC/GC,
/// index points for MES/ES); volume is in contracts traded (or ticks for FX CFD data).
/// </summary>
/// <param name="OpenTime">Bar open time, UTC. A bar covers [OpenTime, OpenTime + period).</param>
/// <param name="Open">First trade price of the bar.</param>
/// <param name="High">Highest trade price of the bar.</param>
/// <param name="Low">Lowest trade price of the bar.</param>
/// <param name="Close">Last trade price of the bar.</param>
/// <param name="Volume">Contracts traded during the bar (non-negative).</param>
public readonly record struct Bar(
    DateTimeOffset OpenTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    long Volume);
