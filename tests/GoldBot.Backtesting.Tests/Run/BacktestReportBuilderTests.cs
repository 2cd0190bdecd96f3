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
        // Every defined value once, plus the key figures and the monthly-returns grid, which repeat some.
        var keyFigures = document.Tables[0];
        Assert.Equal("Key figures", keyFigures.Title);
        var keyFiguresBound = keyFigures.Rows.Count(r => r[1].StatsPointer is not null);
        var grid = document.Tables[1];
        Assert.StartsWith("Monthly returns", grid.Title, StringComparison.Ordinal);
        var gridBound = grid.Rows.SelectMany(r => r).Count(c => c.StatsPointer is not null);
        Assert.Equal(DefinedValues(MgcRun.Result.Statistics), bound.Count - keyFiguresBound - gridBound);
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
        var trades = Assert.Single(document.Tables, t => t.Title.StartsWith("Trades (", StringComparison.Ordinal));
        Assert.Equal(run.Strategy.Trades.Count, trades.Rows.Count);
        Assert.Equal(run.Strategy.Trades.Select(t => t.EntryTime), trades.RowSpans!.Select(s => s!.From));
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

    [Fact]
    public void Fractions_show_as_percent_and_the_monthly_grid_has_a_row_per_year_bound_to_stats_json()
    {
        var document = Document();
        var stats = MgcRun.Result.Statistics;

        var winRate = document.Tables[0].Rows.Single(r => r[0].Text == "Trades: Win rate")[1];
        Assert.Equal((stats.Section("trades")["win_rate"].Number!.Value * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " %", winRate.Text);
        var grid = document.Tables[1];
        Assert.Equal(["Year", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year"], grid.Columns);
        Assert.Equal(stats.Breakdown("yearly_returns").Rows.Select(r => r.Key), grid.Rows.Select(r => r[0].Text));
        var december = grid.Rows.Single(r => r[0].Text == "2025")[12];
        var index = stats.Breakdown("monthly_returns").Rows.ToList().FindIndex(r => r.Key == "2025-12");
        Assert.Equal($"/breakdowns/monthly_returns/{index}/return", december.StatsPointer);
        Assert.EndsWith(" %", december.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_top_of_the_report_shows_the_R_distribution_exits_and_refusals_above_the_price_chart()
    {
        var document = Document();

        var above = document.Tables.Where(t => !t.BelowPriceChart).Select(t => t.Title).ToList();
        Assert.Equal(["Key figures", "R-multiple distribution (net P&L ÷ planned risk)", "By exit reason (the fill that made the trade flat)", "Signals not traded, by reason"],
            above.Where(t => !t.StartsWith("Monthly returns", StringComparison.Ordinal)));
        var refusals = MgcRun.Result.Strategy.Refusals;
        Assert.NotEmpty(refusals);
        var refusalTable = document.Tables.Single(t => t.Title == "Signals not traded, by reason");
        Assert.Equal(refusals.Count, refusalTable.Rows.Sum(r => int.Parse(r[1].Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(document.Notice); // six weeks of MGC: trading goes on to the end
    }
}
