namespace GoldBot.Execution;

/// <summary>
/// A stop fill whose bar also held a working take-profit of the same bracket: bar data cannot
/// tell which was reached first, and the simulated broker's conservative fill model books the stop.
/// </summary>
/// <param name="Time">Fill time of the stop, UTC (the bar's close).</param>
/// <param name="OrderId">Broker id of the stop order.</param>
/// <param name="Tag">Client tag of the stop order.</param>
/// <param name="TargetFirstGain">
/// USD the trade would have made on top of the booked stop fill had the bar's targets filled first:
/// Σ over the limits the bar trades through (by <see cref="FillModelOptions.LimitTradeThroughTicks"/>),
/// nearest first and up to the stop's quantity, of (limit − stop fill) × direction × contracts × point value.
/// The rest of the quantity is assumed to exit at the stop as booked. ≥ 0.
/// </param>
public sealed record AmbiguousExit(DateTimeOffset Time, long OrderId, string Tag, decimal TargetFirstGain);
