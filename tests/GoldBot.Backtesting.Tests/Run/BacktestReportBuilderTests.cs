using System.Text.Json;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.Tests.Report;

namespace GoldBot.Backtesting.Tests.Run;

/// <summary>
/// The report of a real MGC run: every statistic cell is bound to its stats.json value and shows it
/// (checked in C# with <see cref="StatsCellMatch"/>, and in headless Chromium by the page itself).
/// </summary>
public sealed class BacktestReportBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-run-report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ReportDocument Document() => BacktestReportBuilder.Build(MgcRun.Result, MgcRun.StatsJson(), "MGC test run");

    /// <summary>Defined values in stats.json: every section row and breakdown cell that is not null, plus each breakdown row's key.</summary>
    private static int DefinedValues(BacktestStatistics stats) =>
        stats.Sections.Sum(s => s.Rows.Count(r => r.Unit == StatisticUnit.Text ? r.Text is not null : r.Number is not null))
        + stats.Breakdowns.Sum(b => b.Rows.Sum(r => 1 + r.Values.Count(v => v is not null)));

    [Fact]
    public void Every_bound_cell_shows_its_stats_json_value_and_every_defined_value_is_shown()
    {
        var document = Document();
        using var stats = JsonDocument.Parse(document.StatsJson);
        var bound = document.Tables.SelectMany(t => t.Rows).SelectMany(r => r).Where(c => c.StatsPointer is not null).ToList();

        foreach (var cell in bound)
        {
            Assert.True(StatsCellMatch.TryResolve(stats.RootElement, cell.StatsPointer!, out var value), $"{cell.StatsPointer} names nothing");
            Assert.True(StatsCellMatch.Matches(cell.Text, value), $"{cell.StatsPointer}: cell '{cell.Text}', stats.json {value.GetRawText()}");
        }
        var keyFigures = document.Tables[0];
        Assert.Equal("Key figures", keyFigures.Title);
        var keyFiguresBound = keyFigures.Rows.Count(r => r[1].StatsPointer is not null);
        Assert.Equal(DefinedValues(MgcRun.Result.Statistics), bound.Count - keyFiguresBound);
    }

    [Fact]
    public void The_report_has_a_table_per_section_and_breakdown_the_trades_and_the_chart_parts()
    {
        var run = MgcRun.Result;
        var document = Document();

        foreach (var section in run.Statistics.Sections)
            Assert.Contains(document.Tables, t => t.Title == section.Title);
        foreach (var breakdown in run.Statistics.Breakdowns)
            Assert.Contains(document.Tables, t => t.Title == breakdown.Title);
        Assert.Equal(run.Strategy.Trades.Count, document.Tables[^1].Rows.Count);
        Assert.Equal(run.Bars.Count, document.Candles.Count);
        Assert.Equal(run.Zones, document.Zones);
        Assert.Equal(run.Strategy.Trades.Count + run.Strategy.Trades.Sum(t => t.Exits.Count), document.Markers.Count);
        Assert.Equal(run.Strategy.Equity.Count, document.Equity.Count);
        Assert.Equal(run.Strategy.Equity.Max(p => p.Drawdown), document.Drawdown.Max(p => p.Value));
    }

    [Fact]
    public void An_undefined_value_is_shown_as_n_a_without_a_pointer()
    {
        var row = StatisticRow.Of("profit_factor", "Profit factor", StatisticUnit.Ratio, (decimal?)null);

        var cell = BacktestReportBuilder.Cell("trades", row);

        Assert.Equal(new ReportCell("n/a"), cell);
        Assert.Equal("/sections/trades/profit_factor", BacktestReportBuilder.Cell("trades", row with { Number = 1.5m }).StatsPointer);
    }

    [Fact]
    public void In_a_browser_the_page_draws_the_run_and_finds_no_mismatch()
    {
        var path = Path.Combine(_dir, "report.html");
        var document = Document();
        HtmlReportWriter.Write(document, path);

        var page = DumpedReportPage.Parse(HeadlessChromium.DumpDom(path));

        Assert.Empty(page.Errors);
        Assert.Equal("true", page.Status["data-ready"]);
        Assert.Equal(document.Candles.Count, page.Number("data-candles"));
        // Zones drawn counts those inside the visible pane (the chart opens on the latest candles).
        Assert.InRange(page.Number("data-zones-drawn"), 1, document.Zones.Count);
        Assert.Equal(document.Markers.Count, page.Number("data-markers"));
        Assert.Equal(document.Tables.SelectMany(t => t.Rows).SelectMany(r => r).Count(c => c.StatsPointer is not null), page.Number("data-cells-checked"));
        Assert.Equal(0, page.Number("data-cells-mismatched"));
    }
}
