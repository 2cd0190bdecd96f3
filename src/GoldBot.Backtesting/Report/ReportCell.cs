namespace GoldBot.Backtesting.Report;

/// <summary>
/// One table cell: the text shown and, optionally, where the same value sits in the run's stats
/// JSON, so the page (and its browser test) can check that the table shows what stats.json says.
/// </summary>
/// <param name="Text">Text shown (HTML-encoded by the writer).</param>
/// <param name="StatsPointer">
/// RFC 6901 JSON Pointer into <see cref="ReportDocument.StatsJson"/> (e.g. <c>/summary/netProfit</c>),
/// or null for a cell that is not a statistic (a row label). The cell matches the value when the
/// text equals a JSON string, or, for a JSON number, when the text read as a number (ignoring
/// <c>$</c>, <c>,</c>, <c>+</c> and spaces; a text with <c>%</c> shows the value × 100) equals the
/// value rounded to the decimals shown (see <see cref="StatsCellMatch"/>).
/// </param>
public sealed record ReportCell(string Text, string? StatsPointer = null)
{
    /// <summary>Colour of the cell: +1 a gain (green), −1 a loss (red), 0 none.</summary>
    public int Tone { get; init; }

    /// <summary>A horizontal bar behind the text, as a fraction (0–1) of the cell's width (a histogram column), or null.</summary>
    public decimal? Bar { get; init; }

    /// <summary>A cell with only text.</summary>
    public static implicit operator ReportCell(string text) => new(text);
}
