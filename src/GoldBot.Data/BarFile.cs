using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>A bad row found while reading a bars file: its 1-based line number and the rule it broke.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1).</param>
/// <param name="Reason">One-line description of the problem.</param>
public sealed record BarProblem(long Line, string Reason);

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

    /// <summary>
    /// Null when the bad rows are at most <paramref name="maxPercent"/> of the file, else why the file is refused (the count,
    /// the limit, and the first bad rows).
    /// </summary>
    public string? TooManyBadRows(double maxPercent) => BadRowsPercent <= maxPercent ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"bars file {Path}: {Problems.Count} of {Bars.Count + Problems.Count + ZeroVolumeDropped} rows are bad ({BadRowsPercent:0.##} %), more than Replay:MaxSkippedRowsPercent ({maxPercent} %); first: ")
            + string.Join("; ", Problems.Take(3).Select(p => $"line {p.Line}: {p.Reason}"));
}

/// <summary>A bars file that cannot be used: missing, unreadable, without a needed column, or refused by policy.</summary>
public sealed class BarFileException : Exception
{
    /// <summary>Creates the exception with a one-line message that names the file.</summary>
    public BarFileException(string message, Exception? inner = null) : base(message, inner) { }
}
