using System.Globalization;
using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Cli;

/// <summary>
/// The text and CSV forms of a <see cref="ComparisonResult"/>: one row per variant, then the baselines; money in USD, R in
/// multiples of the initial risk, intervals as <c>[lower, upper]</c> (95 %, percentile bootstrap), "-" where a figure has
/// no value (no trades).
/// </summary>
internal static class ComparisonTable
{
    private static readonly string[] Header = ["setup", "trades", "win rate", "expectancy R [95% CI]", "expectancy USD [95% CI]", "net P&L", "profit factor", "max DD", "P(pass Combine)"];

    /// <summary>The table as aligned text lines, header first.</summary>
    public static IReadOnlyList<string> Lines(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cells = result.Rows.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        return [.. cells.Select(r => string.Join("  ", r.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd())];
    }

    /// <summary>The table as CSV (invariant culture, intervals in their own columns).</summary>
    public static IEnumerable<string> Csv(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        yield return "setup,baseline,trades,win_rate,expectancy_r,expectancy_r_lower,expectancy_r_upper,expectancy_usd,expectancy_usd_lower,expectancy_usd_upper,net_pnl,profit_factor,max_drawdown_usd,combine_pass_probability";
        foreach (var r in result.Rows)
        {
            yield return string.Join(',', new object?[]
            {
                r.Name.Contains(',', StringComparison.Ordinal) ? $"\"{r.Name}\"" : r.Name, r.IsBaseline ? "true" : "false", r.Trades, r.WinRate, r.ExpectancyR,
                r.ExpectancyRInterval?.Lower, r.ExpectancyRInterval?.Upper, r.ExpectancyUsd, r.ExpectancyUsdInterval?.Lower, r.ExpectancyUsdInterval?.Upper,
                r.NetPnL, r.ProfitFactor, r.MaxDrawdownUsd, r.CombinePassProbability,
            }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
        }
    }

    private static string[] Cells(ComparisonRow r) =>
    [
        r.IsBaseline ? $"({r.Name})" : r.Name,
        r.Trades.ToString(CultureInfo.InvariantCulture),
        r.WinRate is { } w ? w.ToString("P1", CultureInfo.InvariantCulture) : "-",
        WithInterval(r.ExpectancyR, r.ExpectancyRInterval, "0.00"),
        WithInterval(r.ExpectancyUsd, r.ExpectancyUsdInterval, "0.00"),
        r.NetPnL.ToString("0.00", CultureInfo.InvariantCulture),
        r.ProfitFactor is { } pf ? pf.ToString("0.00", CultureInfo.InvariantCulture) : "-",
        r.MaxDrawdownUsd.ToString("0.00", CultureInfo.InvariantCulture),
        r.CombinePassProbability is { } p ? p.ToString("P1", CultureInfo.InvariantCulture) : "-",
    ];

    private static string WithInterval(decimal? value, ConfidenceInterval? interval, string format) => value is not { } v ? "-"
        : v.ToString(format, CultureInfo.InvariantCulture) + (interval is { } i
            ? string.Create(CultureInfo.InvariantCulture, $" [{i.Lower.ToString(format, CultureInfo.InvariantCulture)}, {i.Upper.ToString(format, CultureInfo.InvariantCulture)}]")
            : "");
}
