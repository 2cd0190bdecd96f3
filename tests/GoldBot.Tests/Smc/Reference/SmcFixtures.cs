using System.Collections.Concurrent;
using System.Globalization;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// The smartmoneyconcepts golden inputs in ../shared/fixtures/smc, loaded once per test run,
/// plus the swings every swing-based fixture was made from.
/// </summary>
internal static class SmcFixtures
{
    public const string Folder = "fixtures/smc";

    private static readonly Lazy<SmcSeries> EurUsdSeries = new(() => Load("EURUSD_15M.csv", requireTime: true));
    private static readonly Lazy<SmcSeries> Tiny3Series = new(() => Load("extra/tiny3_input.csv", requireTime: false));
    private static readonly ConcurrentDictionary<int, SwingHighsLowsResult> Swings = new();

    /// <summary>EURUSD_15M.csv read as the upstream tests read it (Volume = the all-zero column).</summary>
    public static SmcSeries EurUsd => EurUsdSeries.Value;

    /// <summary>The 3-bar frame of upstream test_ob_early_data (no time column).</summary>
    public static SmcSeries Tiny3 => Tiny3Series.Value;

    /// <summary>swing_highs_lows(EURUSD, n), cached.</summary>
    public static SwingHighsLowsResult EurUsdSwings(int swingLength) =>
        Swings.GetOrAdd(swingLength, n => SwingHighsLows.Compute(EurUsd, n));

    /// <summary>Absolute path of a fixture file, e.g. "extra/ob_tickvol_result_data.csv".</summary>
    public static string PathOf(string relative) => SharedData.Path($"{Folder}/{relative}");

    /// <summary>One numeric column of a fixture CSV parsed with double.Parse (header name matched exactly).</summary>
    public static double[] Column(string relative, string name)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        var index = Array.IndexOf(lines[0].Split(','), name);
        Assert.True(index >= 0, $"{relative} has no column {name}");
        var values = new double[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
            values[i - 1] = double.Parse(lines[i].Split(',')[index], NumberStyles.Float, CultureInfo.InvariantCulture);
        return values;
    }

    private static SmcSeries Load(string relative, bool requireTime)
    {
        var file = BarCsvReader.Read(PathOf(relative), BadBarPolicy.Reject, requireTime);
        return SmcSeries.FromBars(file.Bars, file.HasTime);
    }
}
