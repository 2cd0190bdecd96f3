using System.Globalization;
using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Cli;

/// <summary>
/// The text form of a <see cref="ComparisonResult"/> (its CSV: <see cref="GoldBot.Backtesting.Output.ComparisonCsvWriter"/>): one
/// row per variant, then the baselines; money in USD, R in
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
