namespace GoldBot.Backtesting.Report;

/// <summary>A price zone drawn as a shaded rectangle on the price chart (an order block).</summary>
/// <param name="From">Left edge: when the zone formed, UTC.</param>
/// <param name="To">Right edge: when the zone was mitigated or expired, UTC (the end of data while still live).</param>
/// <param name="Top">Upper price of the zone.</param>
/// <param name="Bottom">Lower price of the zone.</param>
/// <param name="Bullish">True for a bullish (demand) zone, drawn green; false for bearish (supply), drawn red.</param>
/// <param name="Label">Short text shown at the zone's top-left corner (e.g. "OB+").</param>
public sealed record ReportZone(DateTimeOffset From, DateTimeOffset To, decimal Top, decimal Bottom, bool Bullish, string Label);
