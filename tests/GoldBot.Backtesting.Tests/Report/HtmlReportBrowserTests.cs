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

    private DumpedReportPage Render(ReportDocument document, string name = "report.html", int maxChartCandles = HtmlReportWriter.DefaultMaxChartCandles,
        string? fragment = null)
    {
        var path = Path.Combine(_dir, name);
        HtmlReportWriter.Write(document, path, maxChartCandles);
        return DumpedReportPage.Parse(HeadlessChromium.DumpDom(path, fragment));
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

    [Fact]
    public void A_trade_named_in_the_address_is_shown_on_the_price_chart_and_its_row_marked()
    {
        var page = Render(SampleReport.Document(), fragment: "trade-t2");

        Assert.Equal(0, page.Number("data-errors"));
        Assert.Equal("trade-t2", page.Status["data-focused"]);
        var entry = SampleReport.Start.AddMinutes(100).ToUnixTimeSeconds();
        var exit = SampleReport.Start.AddMinutes(130).ToUnixTimeSeconds();
        // Moved from the whole sample (fitted at load) to the trade with 30 candles on each side.
        Assert.Equal(SampleReport.Start.AddMinutes(3 * (33 - 30)).ToUnixTimeSeconds(), page.Long("data-price-from"));
        Assert.True(page.Long("data-price-from") <= entry && page.Long("data-price-to") >= exit,
            $"price chart shows {page.Status["data-price-from"]}–{page.Status["data-price-to"]}, trade {entry}–{exit}");
        Assert.Contains("<tr id=\"trade-t2\" class=\"span-row focused\"", page.Dom, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"trade-t1\" class=\"span-row\"", page.Dom, StringComparison.Ordinal);
    }

    [Fact]
    public void A_click_on_a_trade_row_names_it_in_the_address_and_shows_it_on_the_price_chart()
    {
        var path = Path.Combine(_dir, "clicked.html");
        HtmlReportWriter.Write(SampleReport.Document(), path);
        // The click a reader makes, from a script run after the page's own.
        File.WriteAllText(path, File.ReadAllText(path).Replace("</body>", "<script>document.getElementById('trade-t1').click();</script></body>", StringComparison.Ordinal));

        var page = DumpedReportPage.Parse(HeadlessChromium.DumpDom(path));

        Assert.Equal(0, page.Number("data-errors"));
        Assert.Equal("trade-t1", page.Status["data-focused"]);
        // t1 runs from candle 10 to candle 23; the chart shows 30 candles either side, so it now ends at candle 53 (of 59).
        Assert.Equal(SampleReport.Start.AddMinutes(3 * (23 + 30)).ToUnixTimeSeconds(), page.Long("data-price-to"));
        Assert.Contains("<tr id=\"trade-t1\" class=\"span-row focused\"", page.Dom, StringComparison.Ordinal);
    }

    [Fact]
    public void An_eight_year_run_shows_its_whole_equity_curve_with_the_first_and_last_trade_on_it()
    {
        // As on the 8-year XAUUSD file: hourly bars from 2018 to 2026, every trade in 2018–2019, flat afterwards.
        var start = new DateTimeOffset(2018, 3, 19, 0, 0, 0, TimeSpan.Zero);
        var candles = Enumerable.Range(0, 8 * 365 * 24).Select(h => new ReportCandle(start.AddHours(h), 1300m, 1301m, 1299m, 1300.5m)).ToList();
        var firstEntry = start.AddDays(3).AddHours(14);
        var lastExit = new DateTimeOffset(2019, 11, 18, 16, 0, 0, TimeSpan.Zero);
        var equity = candles.Select(c => new ReportPoint(c.Time.AddHours(1), c.Time < firstEntry ? 50_000m : c.Time < lastExit ? 49_500m : 49_128.20m)).ToList();
        var trades = new ReportTable("Trades", ["Id", "Net P&L (USD)"], [["first", new ReportCell("-500.00") { Tone = -1 }], ["last", new ReportCell("-371.80") { Tone = -1 }]])
        {
            RowSpans = [new ReportSpan("trade-first", firstEntry, firstEntry.AddHours(3)), new ReportSpan("trade-last", lastExit.AddHours(-1), lastExit)],
            BelowPriceChart = true,
        };
        var document = SampleReport.Document() with
        {
            Candles = candles,
            Zones = [],
            Markers = [],
            Equity = equity,
            Drawdown = equity.Select(p => new ReportPoint(p.Time, 50_000m - p.Value)).ToList(),
            Tables = [trades],
            StatsJson = "{}",
        };

        var page = Render(document, "eight-years.html");
        var screenshot = ScreenshotFile("eight-years.png");
        HeadlessChromium.Screenshot(Path.Combine(_dir, "eight-years.html"), screenshot);

        Assert.Equal(0, page.Number("data-errors"));
        Assert.InRange(page.Number("data-equity-points"), 2_900, 2_925); // one point per UTC day
        var (from, to) = (page.Long("data-equity-from"), page.Long("data-equity-to"));
        Assert.True(from <= firstEntry.ToUnixTimeSeconds() && to >= lastExit.ToUnixTimeSeconds(),
            $"the equity chart shows {DateTimeOffset.FromUnixTimeSeconds(from):u} – {DateTimeOffset.FromUnixTimeSeconds(to):u}");
        Assert.True(to >= equity[^1].Time.AddDays(-1).ToUnixTimeSeconds(), $"the equity chart ends at {DateTimeOffset.FromUnixTimeSeconds(to):u}, the run at {equity[^1].Time:u}");
        var width = page.Number("data-equity-width");
        var xs = page.Status["data-equity-trade-x"].Split(',').Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, xs.Count);
        Assert.All(xs, x => Assert.InRange(x, 0, width));
        // Both trades sit in the first quarter of the chart (2018–2019 of 2018–2026).
        Assert.True(xs[1] < width / 3, $"the last trade at x {xs[1]} of {width}");
        AssertPng(screenshot);
    }

    /// <summary>A screenshot kept beside the test binaries (bin/…/report-screenshots) for a person to look at.</summary>
    internal static string ScreenshotFile(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "report-screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.Delete(path);
        return path;
    }

    internal static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"no screenshot at {path}");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 20_000, $"the screenshot {path} has only {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        // IHDR: width and height, big-endian, at bytes 16 and 20.
        Assert.Equal(1400, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(2000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
