namespace GoldBot.Backtesting.Statistics;

/// <summary>A titled group of statistics: one table of label/value rows in the report, one JSON object in stats.json.</summary>
/// <param name="Key">Stable snake_case name (JSON member name under <c>sections</c>).</param>
/// <param name="Title">Title for the report.</param>
/// <param name="Rows">The statistics, in display order.</param>
public sealed record StatisticsSection(string Key, string Title, IReadOnlyList<StatisticRow> Rows)
{
    /// <summary>The row named <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public StatisticRow this[string key] =>
        Rows.FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"section '{Key}' has no row '{key}'");
}
