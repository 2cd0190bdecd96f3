namespace GoldBot.Backtesting.Statistics;

/// <summary>One group of a breakdown table (one pattern, one score, one hour…).</summary>
/// <param name="Key">The group's name as text (pattern name, score, hour <c>HH</c>, weekday, month <c>yyyy-MM</c>).</param>
/// <param name="Values">One rounded value per column of the table, in column order (null when undefined).</param>
public sealed record BreakdownRow(string Key, IReadOnlyList<decimal?> Values)
{
    /// <summary>The value of column <paramref name="index"/> as table text, as stats.json writes it (<see cref="StatisticRow.Format"/>).</summary>
    public string ValueText(int index) => StatisticRow.Format(Values[index]);
}
