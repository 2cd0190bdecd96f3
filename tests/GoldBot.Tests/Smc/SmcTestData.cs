using System.Globalization;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Smc;

namespace GoldBot.Tests.Smc;

/// <summary>Bars for the SMC tests: the real MGC file (3m and 15m), the EURUSD fixture, and hand-made series.</summary>
internal static class SmcTestData
{
    private static readonly Lazy<IReadOnlyList<Bar>> Mgc3 = new(() => BarCsvReader.Read(SharedData.MgcBars).Bars);
    private static readonly Lazy<IReadOnlyList<Bar>> Mgc15 = new(() => Aggregate(Mgc3.Value, TimeSpan.FromMinutes(3), TimeFrame.Minutes(15)));
    private static readonly Lazy<IReadOnlyList<Bar>> Eurusd = new(() => BarCsvReader.Read(SharedData.Path("fixtures/smc/EURUSD_15M.csv")).Bars);

    public static IReadOnlyList<Bar> Mgc3Minute => Mgc3.Value;

    public static IReadOnlyList<Bar> Mgc15Minute => Mgc15.Value;

    public static IReadOnlyList<Bar> EurUsd15Minute => Eurusd.Value;

    public static TickBar[] Ticks(IReadOnlyList<Bar> bars, decimal tickSize) => [.. bars.Select(b => TickBar.FromBar(b, tickSize))];

    /// <summary>Every event of a run over <paramref name="bars"/>, in order.</summary>
    public static List<SmcEvent> Run(SmcOptions options, ReadOnlySpan<TickBar> bars, TimeSpan period)
    {
        var engine = new SmcEngine(options, period);
        var events = new List<SmcEvent>();
        foreach (ref readonly var bar in bars)
        {
            foreach (ref readonly var e in engine.OnBar(bar))
                events.Add(e);
        }
        return events;
    }

    /// <summary>A hand-made bar: open, high, low, close in ticks, volume, at minute <paramref name="i"/> of 2025-12-01.</summary>
    public static TickBar Bar(int i, long open, long high, long low, long close, long volume = 100) =>
        new(new DateTimeOffset(2025, 12, 1, 14, 0, 0, TimeSpan.Zero).AddMinutes(15 * i), open, high, low, close, volume);

    /// <summary>Reads a smartmoneyconcepts expected file: one row per bar, empty = NaN.</summary>
    public static double[][] ReadExpected(string relative)
    {
        return [.. File.ReadLines(SharedData.Path(relative)).Skip(1)
            .Select(line => line.Split(',').Select(f => f.Length == 0 ? double.NaN : double.Parse(f, CultureInfo.InvariantCulture)).ToArray())];
    }

    private static List<Bar> Aggregate(IReadOnlyList<Bar> bars, TimeSpan source, TimeFrame target)
    {
        var aggregator = new BarAggregator(source, target);
        var output = new List<Bar>();
        Span<Bar> done = stackalloc Bar[2];
        foreach (var bar in bars)
        {
            var n = aggregator.Add(bar, done);
            for (var i = 0; i < n; i++)
                output.Add(done[i]);
        }
        if (aggregator.TryFlush(out var last))
            output.Add(last);
        return output;
    }
}
