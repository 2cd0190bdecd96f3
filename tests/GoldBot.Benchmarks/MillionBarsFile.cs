using GoldBot.MarketData;

namespace GoldBot.Benchmarks;

/// <summary>
/// The 1,000,000-bar CSV of the reader benchmark and of the whole-command timing in docs/performance.md: the seeded random
/// walk of <see cref="BacktestBenchmarks.SessionRandomWalk"/> (MGC 0.1 tick grid, 3-minute bars in CME Globex hours, from
/// 2025-11-23 23:00 UTC) written by <see cref="BarCsvWriter"/> (<c>timestamp_utc,open,high,low,close,volume</c>, about 56 MB).
/// The same file every time.
/// </summary>
internal static class MillionBarsFile
{
    /// <summary>Rows written.</summary>
    public const int Rows = 1_000_000;

    /// <summary>Writes the file to <paramref name="path"/>, replacing it.</summary>
    public static void Write(string path)
    {
        File.Delete(path);
        using var writer = new BarCsvWriter(path);
        foreach (var bar in BacktestBenchmarks.SessionRandomWalk(Rows))
            writer.Write(bar);
    }
}
