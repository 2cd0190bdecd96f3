using System.Globalization;
using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Output;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.Tests.Report;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.Backtesting.Tests.Run;

/// <summary>
/// Issue 14 §5 on the 8-year XAUUSD hourly file (broker server time) as <c>goldbot backtest</c> trades it (spot gold as an
/// MGC-sized contract, tick distances ×10, 1 h / 4 h frames), without the walk-forward: every trade falls in 2018–2019, after
/// which the account sits $2.96 above its maximum-loss floor and no trade can be sized. The result says so, and the report
/// shows the whole run in headless Chromium.
/// </summary>
public sealed class XauusdReportTests : IDisposable
{
    private static readonly Lazy<(BacktestRunResult Run, string StatsJson)> Xauusd = new(() =>
    {
        var file = BarCsvReader.Read(SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz"),
            options: new BarFileOptions { SourceTimeZone = BarTimeZone.NewYorkClose, RoundFractionalVolume = true });
        var contract = SpotContracts.BuiltIn["XAUUSD"];
        var settings = TickScaling.Apply(new BacktestSettings { Contract = contract }, TickScaling.Factor(SpotContracts.ReferenceTickSize, contract.TickSize), _ => false);
        settings = TimeFrameFit.Fit(settings, file.Period).Settings;
        var run = BacktestRun.ExecuteAsync(file, settings, new BacktestRunOptions { Description = "xauusd", WalkForward = null }).AsTask().GetAwaiter().GetResult();
        using var stream = new MemoryStream();
        StatsJsonWriter.Write(run.Statistics, stream);
        return (run, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    });

    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-xauusd-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_result_says_trading_stopped_in_November_2019_because_no_trade_could_be_sized_above_the_loss_floor()
    {
        var (run, _) = Xauusd.Value;
        var stop = run.Statistics.Section("trading_stop");

        Assert.Equal(78, run.Strategy.Trades.Count);
        Assert.Equal("yes", stop["stopped_early"].Text);
        Assert.Equal("2019-11-18T16:00:00Z", stop["last_trade_exit_utc"].Text);
        Assert.Equal(2.96m, stop["floor_headroom"].Number);
        Assert.Null(stop["halted_for_good"].Text);
        var refusals = run.Statistics.Breakdown("refusals_by_reason");
        var sizing = Assert.Single(refusals.Rows, r => r.Key.StartsWith("risk: risk budget $… covers 0 contracts", StringComparison.Ordinal));
        Assert.True(sizing.Values[2] > 100, $"{sizing.Values[2]} sizing refusals after the last trade");
        Assert.Equal(run.Strategy.Refusals.Count, (int)refusals.Rows.Sum(r => r.Values[0]!.Value));
        var notice = TradingStop.Of(run.Strategy)!.Notice()!;
        Assert.StartsWith("Trading stopped early: the last trade closed on 2019-11-18 16:00 UTC, 6.5 years before the data ends (2026-05-15)", notice, StringComparison.Ordinal);
        Assert.EndsWith("At the end the account was 2.96 USD above its maximum loss floor (balance 49,128.20 USD, floor 49,125.24 USD): no further trade could be sized.",
            notice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_the_whole_run_with_the_first_and_last_trade_inside_the_visible_equity_range()
    {
        var (run, statsJson) = Xauusd.Value;
        var document = BacktestReportBuilder.Build(run, statsJson, "XAUUSD 1 h, 2018–2026");
        var path = Path.Combine(_dir, "report.html");
        HtmlReportWriter.Write(document, path);
        var screenshot = HtmlReportBrowserTests.ScreenshotFile("xauusd-8-years.png");

        var page = DumpedReportPage.Parse(HeadlessChromium.DumpDom(path));
        HeadlessChromium.Screenshot(path, screenshot);

        Assert.Empty(page.Errors);
        Assert.Equal(0, page.Number("data-cells-mismatched"));
        var trades = run.Strategy.Trades;
        var (first, last) = (trades[0].EntryTime.ToUnixTimeSeconds(), trades[^1].ExitTime!.Value.ToUnixTimeSeconds());
        var (from, to) = (page.Long("data-equity-from"), page.Long("data-equity-to"));
        Assert.True(from <= first && to >= last, $"the equity chart shows {Utc(from)} – {Utc(to)}, the trades {Utc(first)} – {Utc(last)}");
        Assert.True(to >= run.Strategy.Run.End.AddDays(-1).ToUnixTimeSeconds(), $"the equity chart ends at {Utc(to)}, the data at {run.Strategy.Run.End:u}");
        var xs = page.Status["data-equity-trade-x"].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToList();
        Assert.All(xs, x => Assert.InRange(x, 0, page.Number("data-equity-width")));
        Assert.Contains("Trading stopped early: the last trade closed on 2019-11-18 16:00 UTC", page.Dom, StringComparison.Ordinal);
        HtmlReportBrowserTests.AssertPng(screenshot);
    }

    [Fact]
    public void A_click_on_the_last_trade_shows_it_on_the_price_chart_of_the_8_year_report()
    {
        var (run, statsJson) = Xauusd.Value;
        var path = Path.Combine(_dir, "report.html");
        HtmlReportWriter.Write(BacktestReportBuilder.Build(run, statsJson, "XAUUSD"), path);
        var last = run.Strategy.Trades[^1];

        var page = DumpedReportPage.Parse(HeadlessChromium.DumpDom(path, "trade-" + last.Id));

        Assert.Equal("trade-" + last.Id, page.Status["data-focused"]);
        // The price chart shows 4-hour candles here: the trade's candles are in view.
        var entry = last.EntryTime.ToUnixTimeSeconds() / 14_400 * 14_400;
        Assert.True(page.Long("data-price-from") <= entry && page.Long("data-price-to") >= last.ExitTime!.Value.ToUnixTimeSeconds() / 14_400 * 14_400,
            $"price chart {Utc(page.Long("data-price-from"))} – {Utc(page.Long("data-price-to"))}, trade {last.EntryTime:u} – {last.ExitTime:u}");
    }

    private static string Utc(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("u", CultureInfo.InvariantCulture);
}
