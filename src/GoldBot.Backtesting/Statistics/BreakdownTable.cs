namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Trade statistics split by one attribute: one table with columns in the report, one array of row
/// objects in stats.json. Every closed trade falls in exactly one row, so the rows' trade counts and
/// net P&amp;L add up to the run's totals.
/// </summary>
/// <param name="Key">Stable snake_case name (JSON member name under <c>breakdowns</c>).</param>
/// <param name="Title">Title for the report.</param>
/// <param name="KeyLabel">Header of the group-name column.</param>
/// <param name="Columns">The value columns.</param>
/// <param name="Rows">The groups, in display order.</param>
public sealed record BreakdownTable(string Key, string Title, string KeyLabel, IReadOnlyList<BreakdownColumn> Columns, IReadOnlyList<BreakdownRow> Rows)
{
    /// <summary>The value of column <paramref name="column"/> in the row named <paramref name="row"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such row or column.</exception>
    public decimal? Value(string row, string column)
    {
        var index = Columns.ToList().FindIndex(c => c.Key == column);
        if (index < 0)
            throw new KeyNotFoundException($"breakdown '{Key}' has no column '{column}'");
        var match = Rows.FirstOrDefault(r => r.Key == row) ?? throw new KeyNotFoundException($"breakdown '{Key}' has no row '{row}'");
        return match.Values[index];
    }
}
