namespace GoldBot.Backtesting.Statistics;

/// <summary>One column of a breakdown table.</summary>
/// <param name="Key">Stable snake_case name (JSON member name of each row object).</param>
/// <param name="Label">Column header for the report.</param>
/// <param name="Unit">Unit of the column's numbers.</param>
public sealed record BreakdownColumn(string Key, string Label, StatisticUnit Unit);
