using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Tests.Engine;
using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.Run;

/// <summary>The chart's order blocks on the real MGC file: tradeable scores, in time order, and none outliving a close through its far edge.</summary>
public sealed class OrderBlockZonesTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);

    private static IReadOnlyList<GoldBot.Backtesting.Report.ReportZone> Zones(int max = 10_000) =>
        OrderBlockZones.Of(MgcData.Bars.Bars, Period, MgcData.Settings.Strategy, MgcData.Settings.Contract, max);

    [Fact]
    public void Zones_score_at_least_the_minimum_and_run_forward_in_time_within_the_data()
    {
        var zones = Zones();
        var bars = MgcData.Bars.Bars;
        var end = bars[^1].OpenTime + Period;

        Assert.NotEmpty(zones);
        Assert.Contains(zones, z => z.Bullish);
        Assert.Contains(zones, z => !z.Bullish);
        foreach (var z in zones)
        {
            Assert.True(z.Top > z.Bottom, $"zone at {z.From:O}: top {z.Top} not above bottom {z.Bottom}");
            Assert.True(z.From < z.To && z.To <= end, $"zone {z.From:O} → {z.To:O}");
            var score = int.Parse(z.Label.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(score, MgcData.Settings.Strategy.MinScore, 10);
            Assert.StartsWith(z.Bullish ? "OB+" : "OB-", z.Label, StringComparison.Ordinal);
        }
        Assert.Equal(zones.OrderBy(z => z.From).Select(z => z.From), zones.Select(z => z.From));
    }

    [Fact]
    public void No_zone_stays_on_the_chart_after_an_entry_bar_closed_beyond_its_far_edge()
    {
        var frame = TimeFrame.Parse(MgcData.Settings.Strategy.EntryTimeFrame);
        var aggregator = new BarAggregator(Period, frame);
        var completed = new Bar[2];
        var entryBars = new List<Bar>();
        foreach (var bar in MgcData.Bars.Bars)
        {
            var n = aggregator.Add(bar, completed);
            for (var i = 0; i < n; i++)
                entryBars.Add(completed[i]);
        }

        foreach (var z in Zones())
        {
            // Entry bars that closed after the zone formed and before the bar that ended it.
            foreach (var b in entryBars.Where(b => b.OpenTime + frame.Period > z.From && b.OpenTime + frame.Period < z.To))
                Assert.False(z.Bullish ? b.Close < z.Bottom : b.Close > z.Top, $"{z.Label} {z.Bottom}–{z.Top} from {z.From:O}: bar {b.OpenTime:O} closed at {b.Close}");
        }
    }

    [Fact]
    public void The_limit_keeps_the_most_recent_zones()
    {
        var all = Zones();

        var latest = Zones(max: 5);

        Assert.Equal(all.TakeLast(5), latest);
        Assert.Empty(Zones(max: 0));
    }
}
