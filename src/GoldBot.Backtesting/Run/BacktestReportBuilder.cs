using System.Globalization;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// Translates a <see cref="BacktestRunResult"/> into the <see cref="ReportDocument"/> of report.html:
/// the price chart (candles, order-block zones, entries and exits of the full-sample strategy run),
/// its equity and drawdown curves, and tables. Every statistic cell carries the RFC 6901 pointer of
/// its value in stats.json (<c>/sections/&lt;section&gt;/&lt;row&gt;</c> or
/// <c>/breakdowns/&lt;table&gt;/&lt;index&gt;/&lt;column&gt;</c>) and shows exactly the JSON text
/// (<see cref="StatisticRow.ValueText"/>), so the page verifies itself against the embedded
/// stats.json (<see cref="StatsCellMatch"/>). Undefined values (JSON null) are shown as
/// <see cref="StatisticRow.Undefined"/> without a pointer.
/// </summary>
public static class BacktestReportBuilder
{
    /// <summary>The key figures at the top of the report: (section, row) pairs of stats.json.</summary>
    public static IReadOnlyList<(string Section, string Row)> KeyFigures { get; } =
    [
        ("trades", "net_pnl"), ("trades", "trades"), ("trades", "win_rate"), ("trades", "profit_factor"), ("returns", "sharpe"),
        ("returns", "max_drawdown_usd"), ("out_of_sample", "net_pnl"), ("out_of_sample", "net_pnl_lower"), ("out_of_sample", "net_pnl_upper"),
        ("comparison", "beats_all_baselines"), ("combine", "outcome"), ("combine", "day"), ("monte_carlo", "pass_probability"),
        ("ambiguity", "trades"), ("ambiguity", "worst_case_pnl"), ("ambiguity", "best_case_pnl"),
    ];

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
        tables.AddRange(stats.Sections.Select(SectionTable));
        tables.AddRange(stats.Breakdowns.Select(b => BreakdownTable(b, run)));
        tables.Add(TradesTable(run.Strategy));

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
            statsJson);
    }

    /// <summary>A cell showing <paramref name="row"/> bound to its stats.json value (unbound "n/a" when undefined).</summary>
    public static ReportCell Cell(string section, StatisticRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var defined = row.Unit == StatisticUnit.Text ? row.Text is not null : row.Number is not null;
        return defined ? new ReportCell(row.ValueText, $"/sections/{Escape(section)}/{Escape(row.Key)}") : new ReportCell(StatisticRow.Undefined);
    }

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
                cells.Add(row.Values[c] is null
                    ? new ReportCell(StatisticRow.Undefined)
                    : new ReportCell(row.ValueText(c), prefix + Escape(table.Columns[c].Key)));
            }
            rows.Add(cells);
        }
        return new ReportTable(table.Title, columns, rows);
    }

    private static ReportTable TradesTable(BacktestResult result)
    {
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
            t.PnL?.ToString("0.00", CultureInfo.InvariantCulture) ?? StatisticRow.Undefined,
        ]).ToList();
        return new ReportTable($"Trades ({result.Trades.Count}, full sample; also in trades.csv)",
            ["Id", "Side", "Entry (UTC)", "Entry", "Stop", "Contracts", "Score", "Exit (UTC)", "Exit reason", "Net P&L (USD)"], rows);
    }

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
