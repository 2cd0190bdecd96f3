using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>A bad row found while reading a bars file: its 1-based line number and the rule it broke.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1).</param>
/// <param name="Reason">One-line description of the problem.</param>
public sealed record BarProblem(long Line, string Reason)
{
    private static readonly (string Phrase, string Kind)[] Kinds =
    [
        ("quote", "stray quote"), ("bad open", "unreadable price"), ("bad high", "unreadable price"), ("bad low", "unreadable price"),
        ("bad close", "unreadable price"), ("volume", "bad volume"), ("bad time", "unreadable time"), ("does not exist on the", "nonexistent local time"),
        ("far ahead", "time far ahead"), ("is outside", "time outside the data's era"), ("duplicate time", "duplicate time"),
        ("earlier than the previous", "out of order"), ("tick grid", "off the tick grid"), ("non-positive price", "absurd price"),
        ("price above", "absurd price"), ("times low", "absurd price"), ("is below max(open, close)", "high/low inconsistent"),
        ("is above min(open, close)", "high/low inconsistent"),
    ];

    /// <summary>The rule broken, as a short name for counts (<c>out of order</c>, <c>stray quote</c>, …; <c>other</c> when none fits).</summary>
    public string Kind => Kinds.FirstOrDefault(k => Reason.Contains(k.Phrase, StringComparison.Ordinal)).Kind ?? "other";
}

/// <summary>The bars read from one CSV file, in file order, plus every row that was skipped.</summary>
/// <param name="Path">Full path of the file read.</param>
/// <param name="Bars">Valid bars, strictly increasing in time.</param>
/// <param name="Problems">Rows that were skipped under <see cref="BadBarPolicy.Skip"/>.</param>
/// <param name="HasTime">False when the file has no time column (bars then carry synthetic times one minute apart from the Unix epoch).</param>
/// <param name="Period">The most common spacing between consecutive bars (the bar period), or one minute without times.</param>
/// <param name="ZeroVolumeDropped">Rows dropped because their volume was zero under <see cref="BarFileOptions.DropZeroVolume"/> (not counted as problems).</param>
public sealed record BarFile(string Path, IReadOnlyList<Bar> Bars, IReadOnlyList<BarProblem> Problems, bool HasTime, TimeSpan Period, int ZeroVolumeDropped = 0)
{
    /// <summary>Bad rows, percent of the rows read (bars, bad rows and dropped zero-volume bars).</summary>
    public double BadRowsPercent => 100.0 * Problems.Count / Math.Max(1, Bars.Count + Problems.Count + ZeroVolumeDropped);

    /// <summary>The bad rows counted by <see cref="BarProblem.Kind"/>, most frequent first, e.g. <c>out of order 3, stray quote 1</c>.</summary>
    public string ProblemCounts() => string.Join(", ", Problems.GroupBy(p => p.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>How many line numbers <see cref="SkippedSummary"/> lists per rule.</summary>
    public const int LinesListedPerKind = 3;

    /// <summary>
    /// The skipped rows in one line instead of one line per row: how many, their share of the rows read, and for each rule
    /// broken (most frequent first) the count and the first <see cref="LinesListedPerKind"/> line numbers, e.g.
    /// <c>bars file F: 5 bad rows skipped (0.04 % of 12,387 rows): out of order 3 (lines 12, 40, 77), stray quote 2 (lines 5, 9)</c>.
    /// </summary>
    public string SkippedSummary() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"bars file {Path}: {Problems.Count:N0} bad {(Problems.Count == 1 ? "row" : "rows")} skipped ({BadRowsPercent:0.##} % of {Bars.Count + Problems.Count + ZeroVolumeDropped:N0} rows): ")
        + string.Join(", ", Problems.GroupBy(p => p.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{g.Key} {g.Count():N0} ({(g.Count() == 1 ? "line" : "lines")} {string.Join(", ", g.Take(LinesListedPerKind).Select(p => p.Line))}{(g.Count() > LinesListedPerKind ? ", …" : "")})")));

    /// <summary>
    /// Null when the bad rows are at most <paramref name="maxPercent"/> of the file, else why the file is refused (the count,
    /// the limit, and the first bad rows).
    /// </summary>
    public string? TooManyBadRows(double maxPercent) => BadRowsPercent <= maxPercent ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"bars file {Path}: {Problems.Count} of {Bars.Count + Problems.Count + ZeroVolumeDropped} rows are bad ({BadRowsPercent:0.##} %), more than Replay:MaxSkippedRowsPercent ({maxPercent} %) ({ProblemCounts()}); first: ")
            + string.Join("; ", Problems.Take(3).Select(p => $"line {p.Line}: {p.Reason}"));
}

/// <summary>A bars file that cannot be used: missing, unreadable, without a needed column, or refused by policy.</summary>
public sealed class BarFileException : Exception
{
    /// <summary>Creates the exception with a one-line message that names the file.</summary>
    public BarFileException(string message, Exception? inner = null) : base(message, inner) { }
}
