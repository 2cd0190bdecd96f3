using System.Text.Json;
using GoldBot.Backtesting.Report;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>
/// Renders reports in headless Chromium and reads back what the page did: the chart drew (candles
/// in the series, sized canvases, candle-coloured pixels, zones and markers), no script error, and
/// every stats-bound table cell equals stats.json (checked by the page and again here in C#).
/// </summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DumpedReportPage Render(ReportDocument document, string name = "report.html", int maxChartCandles = HtmlReportWriter.DefaultMaxChartCandles)
    {
        var path = Path.Combine(_dir, name);
        HtmlReportWriter.Write(document, path, maxChartCandles);
        return DumpedReportPage.Parse(HeadlessChromium.DumpDom(path));
    }

    [Fact]
    public void The_chart_draws_without_script_errors_and_every_table_cell_matches_stats_json()
    {
        var page = Render(SampleReport.Document());

        Assert.Empty(page.Errors);
        Assert.Equal("true", page.Status["data-ready"]);
        Assert.Equal(0, page.Number("data-errors"));
        Assert.Equal(SampleReport.CandleCount, page.Number("data-candles"));
        Assert.True(page.Number("data-canvases") > 0, "no sized canvas in the price chart");
        Assert.True(page.Number("data-candle-pixels") > 100, $"only {page.Status["data-candle-pixels"]} candle-coloured pixels");
        Assert.Equal(2, page.Number("data-zones-drawn"));
        Assert.Equal(4, page.Number("data-markers"));
        Assert.Equal(SampleReport.BoundCells, page.Number("data-cells-checked"));
        Assert.Equal(0, page.Number("data-cells-mismatched"));

        using var stats = JsonDocument.Parse(SampleReport.StatsJson());
        var bound = page.Cells.Where(c => c.Pointer is not null).ToList();
        Assert.Equal(SampleReport.BoundCells, bound.Count);
        Assert.All(bound, cell =>
        {
            Assert.True(StatsCellMatch.TryResolve(stats.RootElement, cell.Pointer!, out var value), $"{cell.Pointer} is not in stats.json");
            Assert.True(StatsCellMatch.Matches(cell.Text, value), $"cell {cell.Pointer} shows '{cell.Text}' but stats.json has {value.GetRawText()}");
            Assert.Equal("true", cell.Attributes["data-stats-match"]);
        });
        Assert.Contains(bound, c => c.Text == "MGC <G26> & co");
    }

    [Fact]
    public void A_cell_that_disagrees_with_stats_json_is_reported_by_the_page()
    {
        var page = Render(SampleReport.Document(wrongNetProfit: "$1,234.60"));

        Assert.Equal(0, page.Number("data-errors"));
        Assert.Equal(1, page.Number("data-cells-mismatched"));
        var wrong = Assert.Single(page.Cells, c => c.Attributes.GetValueOrDefault("data-stats-match") == "false");
        Assert.Equal("/summary/netProfit", wrong.Pointer);
    }

    [Fact]
    public void Without_candles_the_page_reports_nothing_drawn_rather_than_failing()
    {
        var document = SampleReport.Document() with { Candles = [], Zones = [], Markers = [] };

        var page = Render(document);

        Assert.Equal(0, page.Number("data-errors"));
        Assert.Equal("true", page.Status["data-ready"]);
        Assert.Equal(0, page.Number("data-candles"));
        Assert.Equal(0, page.Number("data-candle-pixels"));
    }

    [Fact]
    public void Without_a_browser_the_test_fails_saying_how_to_install_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() => HeadlessChromium.DumpDom(Path.Combine(_dir, "any.html"), browserPath: null));

        Assert.Contains("apt-get install -y chromium", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_bar_run_is_aggregated_and_still_draws()
    {
        var candles = SampleReport.Candles(1_000_000);
        var equity = candles.Select(c => new ReportPoint(c.Time, 50_000m)).ToList();
        var document = SampleReport.Document() with { Candles = candles, Equity = equity, Drawdown = [], Zones = [], Markers = [] };

        var page = Render(document, "large.html");

        Assert.Equal(0, page.Number("data-errors"));
        // 1,000,000 three-minute bars span 2,083 days: 4-hour candles are the finest step under 20,000.
        Assert.Equal(12_501, page.Number("data-candles"));
        Assert.True(page.Number("data-candle-pixels") > 100);
        Assert.InRange(new FileInfo(Path.Combine(_dir, "large.html")).Length, 200_000, 2_000_000);
    }
}
