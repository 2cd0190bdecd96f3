namespace GoldBot.Backtesting.Report;

/// <summary>A table of the report (summary statistics, trades, days, …), rendered as an HTML table.</summary>
/// <param name="Title">Heading above the table.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows of cells, each as long as <paramref name="Columns"/>; a plain string converts to a cell.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    /// <summary>
    /// Per row, the span on the charts it stands for (a trade from entry to exit), or null; a row with a span is clickable and
    /// moves the price chart to it. Null (the default) or as long as <see cref="Rows"/>.
    /// </summary>
    public IReadOnlyList<ReportSpan?>? RowSpans { get; init; }

    /// <summary>True to show the table below the price chart (the trades, next to the chart they are found on); false above it.</summary>
    public bool BelowPriceChart { get; init; }

    /// <summary>A note shown under the title, or null.</summary>
    public string? Note { get; init; }
}
