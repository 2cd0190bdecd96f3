using System.Globalization;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// Translates a <see cref="BacktestRunResult"/> into the <see cref="ReportDocument"/> of report.html:
/// a notice when trading stopped early (<see cref="TradingStop"/>), the equity and drawdown curves of
/// the whole run, key figures, monthly returns (years × months), the R-multiple distribution, exits and
/// refused signals by reason, the price chart (candles, order-block zones, entries and exits of the
/// full-sample strategy run) with the trades below it (a click shows a trade on the chart), then every
/// other section and breakdown. Every statistic cell carries the RFC 6901 pointer of its value in
/// stats.json (<c>/sections/&lt;section&gt;/&lt;row&gt;</c> or
/// <c>/breakdowns/&lt;table&gt;/&lt;index&gt;/&lt;column&gt;</c>) and shows the JSON number with its
/// decimals (<see cref="StatisticRow.ValueText"/>), a fraction as a percent with two decimals
/// (0.5256 as "52.56 %"), so the page verifies itself against the embedded stats.json
/// (<see cref="StatsCellMatch"/>). Undefined values (JSON null) are shown as
/// <see cref="StatisticRow.Undefined"/> without a pointer.
/// </summary>
public static class BacktestReportBuilder
{
    /// <summary>The key figures at the top of the report: (section, row) pairs of stats.json.</summary>
    public static IReadOnlyList<(string Section, string Row)> KeyFigures { get; } =
    [
        ("trading_stop", "stopped_early"), ("trades", "net_pnl"), ("trades", "trades"), ("trades", "win_rate"), ("trades", "profit_factor"),
        ("trades", "expectancy_r"), ("returns", "cagr"), ("returns", "sharpe"), ("returns", "max_drawdown_usd"), ("returns", "max_drawdown_fraction"),
        ("out_of_sample", "net_pnl"), ("out_of_sample", "net_pnl_lower"), ("out_of_sample", "net_pnl_upper"),
        ("comparison", "beats_all_baselines"), ("combine", "outcome"), ("combine", "day"), ("monte_carlo", "pass_probability"),
        ("ambiguity", "trades"), ("ambiguity", "worst_case_pnl"), ("ambiguity", "best_case_pnl"),
    ];

    /// <summary>The breakdowns shown above the price chart, in this order; the others follow the trades.</summary>
    public static IReadOnlyList<string> TopBreakdowns { get; } = ["r_multiples", "by_exit_reason", "refusals_by_reason"];

    /// <summary>Builds the report document.</summary>
    /// <param name="run">The run.</param>
    /// <param name="statsJson">The stats.json text written for <see cref="BacktestRunResult.Statistics"/>.</param>
    /// <param name="subtitle">Run information line (data file, period, settings).</param>
    public static ReportDocument Build(BacktestRunResult run, string statsJson, string subtitle)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(statsJson);
        var stats = run.Statistics;
        var tables = new List<ReportTable> { KeyFigureTable(stats) };
        if (MonthlyReturnsGrid(stats) is { } grid)
            tables.Add(grid);
        foreach (var key in TopBreakdowns)
        {
            if (stats.Breakdowns.FirstOrDefault(b => b.Key == key) is { } breakdown)
                tables.Add(BreakdownTable(breakdown, run));
        }
        tables.Add(TradesTable(run.Strategy));
        tables.AddRange(stats.Sections.Select(s => SectionTable(s) with { BelowPriceChart = true }));
        tables.AddRange(stats.Breakdowns.Where(b => !TopBreakdowns.Contains(b.Key)).Select(b => BreakdownTable(b, run) with { BelowPriceChart = true }));

        var strategy = run.Strategy;
        return new ReportDocument(
            $"{strategy.Run.Symbol} order-block backtest",
            subtitle,
            BacktestChart.Candles(run.Bars),
            run.Zones,
            BacktestChart.Markers(strategy.Trades),
            BacktestChart.Equity(strategy.Equity),
            BacktestChart.Drawdown(strategy.Equity),
            tables,
            statsJson)
        {
            Notice = TradingStop.Of(strategy)?.Notice(),
            Chart = run.Chart,
        };
    }

    /// <summary>A cell showing <paramref name="row"/> bound to its stats.json value (unbound "n/a" when undefined).</summary>
    public static ReportCell Cell(string section, StatisticRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var defined = row.Unit == StatisticUnit.Text ? row.Text is not null : row.Number is not null;
        return defined ? new ReportCell(Text(row.Unit, row.Number, row.ValueText), $"/sections/{Escape(section)}/{Escape(row.Key)}") : new ReportCell(StatisticRow.Undefined);
    }

    /// <summary>A value as table text: a fraction as a percent with two decimals ("52.56 %"), any other number as stats.json writes it.</summary>
    public static string Text(StatisticUnit unit, decimal? number, string valueText) =>
        unit == StatisticUnit.Fraction && number is { } fraction
            ? (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %"
            : valueText;

    private static ReportTable KeyFigureTable(BacktestStatistics stats)
    {
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var (sectionKey, rowKey) in KeyFigures)
        {
            var section = stats.Sections.FirstOrDefault(s => s.Key == sectionKey);
            var row = section?.Rows.FirstOrDefault(r => r.Key == rowKey);
            if (section is null || row is null)
                continue;
            rows.Add([$"{section.Title}: {row.Label}", Cell(sectionKey, row)]);
        }
        return new ReportTable("Key figures", ["Statistic", "Value"], rows);
    }

    private static ReportTable SectionTable(StatisticsSection section) =>
        new(section.Title, ["Statistic", "Value"], section.Rows.Select(r => (IReadOnlyList<ReportCell>)[r.Label, Cell(section.Key, r)]).ToList());

    private static ReportTable BreakdownTable(BreakdownTable table, BacktestRunResult run)
    {
        var folds = table.Key == "walk_forward_folds" ? run.WalkForward?.Folds : null;
        var columns = new List<string> { table.KeyLabel };
        if (folds is not null)
            columns.Add("Out of sample (UTC)");
        columns.AddRange(table.Columns.Select(c => c.Label));
        var rows = new List<IReadOnlyList<ReportCell>>(table.Rows.Count);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var prefix = $"/breakdowns/{Escape(table.Key)}/{i.ToString(CultureInfo.InvariantCulture)}/";
            var cells = new List<ReportCell> { new(row.Key, prefix + "key") };
            if (folds is not null)
                cells.Add(string.Create(CultureInfo.InvariantCulture, $"{folds[i].OutOfSampleStart.UtcDateTime:yyyy-MM-dd HH:mm} → {folds[i].OutOfSampleEnd.UtcDateTime:yyyy-MM-dd HH:mm}"));
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                cells.Add(row.Values[c] is not { } value
                    ? new ReportCell(StatisticRow.Undefined)
                    : new ReportCell(Text(column.Unit, value, row.ValueText(c)), prefix + Escape(column.Key)) { Tone = Tone(column, value) });
            }
            if (table.Key == "r_multiples")
                cells[1] = cells[1] with { Bar = Bar(table, i), Tone = row.Key.StartsWith('-') || row.Key.StartsWith('<') ? -1 : 1 };
            rows.Add(cells);
        }
        return new ReportTable(table.Title, columns, rows);
    }

    /// <summary>Green for a gain, red for a loss, in the money and return columns.</summary>
    private static int Tone(BreakdownColumn column, decimal value) =>
        column.Key is "net_pnl" or "return" or "expectancy_usd" or "expectancy_r" ? Math.Sign(value) : 0;

    /// <summary>The bar of an R-multiple bin: its trades as a fraction of the fullest bin's.</summary>
    private static decimal Bar(BreakdownTable table, int row)
    {
        var most = table.Rows.Max(r => r.Values[0] ?? 0);
        return most > 0 ? (table.Rows[row].Values[0] ?? 0) / most : 0;
    }

    /// <summary>Monthly returns as years × months plus the year's return, each cell bound to its stats.json value; null without months.</summary>
    private static ReportTable? MonthlyReturnsGrid(BacktestStatistics stats)
    {
        var monthly = stats.Breakdowns.FirstOrDefault(b => b.Key == "monthly_returns");
        var yearly = stats.Breakdowns.FirstOrDefault(b => b.Key == "yearly_returns");
        if (monthly is null || yearly is null || monthly.Rows.Count == 0)
            return null;
        var months = monthly.Rows.Select((r, i) => (r.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<ReportCell>>(yearly.Rows.Count);
        for (var y = 0; y < yearly.Rows.Count; y++)
        {
            var year = yearly.Rows[y].Key;
            var cells = new List<ReportCell>(14) { year };
            for (var m = 1; m <= 12; m++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{year}-{m:00}");
                cells.Add(months.TryGetValue(key, out var index) ? ReturnCell(monthly, index) : "");
            }
            cells.Add(ReturnCell(yearly, y));
            rows.Add(cells);
        }
        return new ReportTable("Monthly returns (CME trading day; end equity ÷ start equity − 1)",
            ["Year", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year"], rows);
    }

    private static ReportCell ReturnCell(BreakdownTable table, int row) => table.Rows[row].Values[0] is { } value
        ? new ReportCell(Text(StatisticUnit.Fraction, value, ""), $"/breakdowns/{Escape(table.Key)}/{row.ToString(CultureInfo.InvariantCulture)}/return") { Tone = Math.Sign(value) }
        : new ReportCell(StatisticRow.Undefined);

    private static ReportTable TradesTable(BacktestResult result)
    {
        var spans = result.Trades.Select(t => (ReportSpan?)new ReportSpan(Anchor(t.Id), t.EntryTime, t.ExitTime ?? t.EntryTime)).ToList();
        var rows = result.Trades.Select(t => (IReadOnlyList<ReportCell>)
        [
            t.Id,
            t.Side,
            t.EntryTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            t.Entry.ToString(CultureInfo.InvariantCulture),
            t.Stop.ToString(CultureInfo.InvariantCulture),
            t.Size.ToString(CultureInfo.InvariantCulture),
            t.PatternScore.ToString(CultureInfo.InvariantCulture),
            t.ExitTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "open",
            t.ExitReason ?? "",
            t.RMultiple?.ToString("0.00", CultureInfo.InvariantCulture) ?? StatisticRow.Undefined,
            new ReportCell(t.PnL?.ToString("0.00", CultureInfo.InvariantCulture) ?? StatisticRow.Undefined) { Tone = Math.Sign(t.PnL ?? 0) },
        ]).ToList();
        return new ReportTable($"Trades ({result.Trades.Count}, full sample; also in trades.csv)",
            ["Id", "Side", "Entry (UTC)", "Entry", "Stop", "Contracts", "Score", "Exit (UTC)", "Exit reason", "R", "Net P&L (USD)"], rows)
        {
            RowSpans = spans,
            BelowPriceChart = true,
            Note = "Click a trade to show it on the price chart above (the address then names it: report.html#trade-<id>).",
        };
    }

    /// <summary>The row's name in the page address: <c>trade-</c> and the trade id with any other character than letters, digits, - _ . as _.</summary>
    private static string Anchor(string id) =>
        "trade-" + string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
