namespace GoldBot.Backtesting.Report;

/// <summary>
/// Everything one HTML backtest report shows. The report is a view: callers translate a backtest
/// result and its statistics into this model, and <see cref="HtmlReportWriter"/> renders it.
/// </summary>
/// <param name="Title">Page title (e.g. "MGC order-block backtest").</param>
/// <param name="Subtitle">Run information line (data file, period, settings).</param>
/// <param name="Candles">Price bars in strictly increasing time; the writer aggregates them when there are too many (see <see cref="ChartResolution"/>).</param>
/// <param name="Zones">Order blocks drawn as rectangles.</param>
/// <param name="Markers">Entries and exits, any order.</param>
/// <param name="Equity">Equity curve, USD, in time order.</param>
/// <param name="Drawdown">Drawdown below the running equity peak, USD ≥ 0, in time order.</param>
/// <param name="Tables">Tables in display order.</param>
/// <param name="StatsJson">The run's stats.json text, embedded verbatim so the page can be checked against it; "{}" when there is none.</param>
public sealed record ReportDocument(
    string Title,
    string Subtitle,
    IReadOnlyList<ReportCandle> Candles,
    IReadOnlyList<ReportZone> Zones,
    IReadOnlyList<ReportMarker> Markers,
    IReadOnlyList<ReportPoint> Equity,
    IReadOnlyList<ReportPoint> Drawdown,
    IReadOnlyList<ReportTable> Tables,
    string StatsJson)
{
    /// <summary>A plain notice shown at the top of the page (e.g. that trading stopped early, and why), or null.</summary>
    public string? Notice { get; init; }

    /// <summary>The price chart already made from <see cref="Candles"/> by <see cref="PriceChart.Of"/>, or null: the writer makes it.</summary>
    public PriceChart? Chart { get; init; }
}
