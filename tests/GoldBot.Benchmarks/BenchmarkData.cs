using GoldBot.MarketData;
using GoldBot.Smc;

namespace GoldBot.Benchmarks;

/// <summary>Inputs shared by the benchmarks: the real MGC bars and a seeded synthetic series.</summary>
internal static class BenchmarkData
{
    /// <summary>The shared folder next to the repository (found from the working directory upwards).</summary>
    public static string Shared(string relative)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relative);
            if (File.Exists(candidate))
                return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", relative);
            if (File.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        throw new FileNotFoundException($"../shared/{relative} not found above {Environment.CurrentDirectory}");
    }

    /// <summary>A file of the repository (found from the working directory upwards by GoldBot.sln).</summary>
    public static string Repository(string relative)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoldBot.sln")))
                return Path.Combine(dir.FullName, relative);
        }
        throw new FileNotFoundException($"GoldBot.sln not found above {Environment.CurrentDirectory}");
    }

    public static BarFile MgcFile() => BarCsvReader.Read(Shared("data/mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02.csv"));

    /// <summary>A random walk of <paramref name="count"/> 3-minute bars in ticks (seeded: the same series every run), with MGC-like ranges.</summary>
    public static TickBar[] Synthetic(int count)
    {
        var random = new Random(20251123);
        var bars = new TickBar[count];
        var price = 41_000L;
        var time = new DateTimeOffset(2025, 11, 23, 23, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = Math.Max(1_000, open + random.Next(-25, 26));
            var high = Math.Max(open, close) + random.Next(0, 12);
            var low = Math.Min(open, close) - random.Next(0, 12);
            bars[i] = new TickBar(time, open, high, low, close, random.Next(8, 2_000));
            price = close;
            time = time.AddMinutes(3);
        }
        return bars;
    }
}
