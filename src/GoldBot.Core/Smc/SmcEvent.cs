namespace GoldBot.Smc;

/// <summary>
/// One fact the causal <see cref="SmcEngine"/> learned at the close of bar <see cref="KnownIndex"/>.
/// Events are never revised: a later change is a new event with the same <see cref="Id"/>.
/// Prices are in ticks (multiply by the tick size for points).
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Direction">+1 bullish / buy side (highs), −1 bearish / sell side (lows). For pools and sweeps it is the side of the pool (+1 = equal highs).</param>
/// <param name="Scope">Structure level that produced it (swings, breaks, order blocks), or None.</param>
/// <param name="Id">Identity of the zone (order block, breaker, gap, pool, inducement) across its lifecycle events; 0 when not a zone.</param>
/// <param name="StampIndex">Index of the bar the fact is about (the swing bar, the order-block candle, the gap's middle bar, the broken swing).</param>
/// <param name="KnownIndex">Index of the bar at whose close the fact became known (≥ StampIndex).</param>
/// <param name="KnownTime">Close time of bar KnownIndex, UTC.</param>
/// <param name="Top">Upper edge of the zone, in ticks (0 when not a zone).</param>
/// <param name="Bottom">Lower edge of the zone, in ticks (0 when not a zone).</param>
/// <param name="Level">The level involved, in ticks: swing price, broken level, pool level, equilibrium.</param>
/// <param name="ZoneTop">Secondary band top in ticks (dealing range: OTE band), else 0.</param>
/// <param name="ZoneBottom">Secondary band bottom in ticks, else 0.</param>
/// <param name="Score">Order-block score (formation events of order, breaker and mitigation blocks), else default.</param>
/// <param name="Label">HH/HL/LH/LL for swings, else None.</param>
public readonly record struct SmcEvent(
    SmcEventKind Kind,
    sbyte Direction,
    StructureScope Scope,
    int Id,
    int StampIndex,
    int KnownIndex,
    DateTimeOffset KnownTime,
    long Top,
    long Bottom,
    long Level,
    long ZoneTop,
    long ZoneBottom,
    OrderBlockScore Score,
    SwingLabel Label);
