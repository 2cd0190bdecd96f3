namespace GoldBot.Backtesting.Report;

/// <summary>A table of the report (summary statistics, trades, days, …), rendered as an HTML table.</summary>
/// <param name="Title">Heading above the table.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">Rows of cells, each as long as <paramref name="Columns"/>; a plain string converts to a cell.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);
