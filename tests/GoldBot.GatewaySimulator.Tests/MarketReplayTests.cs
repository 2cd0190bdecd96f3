using GoldBot.GatewaySimulator.Market;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Time;
using GoldBot.Tests;

namespace GoldBot.GatewaySimulator.Tests;

public sealed class MarketReplayTests
{
    private static readonly DateTimeOffset T0 = new(2025, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(100, 101, 96, 97, 101, 96)]    // high nearer to the open
    [InlineData(100, 103, 99, 101, 99, 103)]   // low nearer to the open
    [InlineData(100, 102, 98, 101, 98, 102)]   // tie, bullish: low first
    [InlineData(100, 102, 98, 99, 102, 98)]    // tie, bearish: high first
    public void Path_is_open_then_the_nearer_extreme_then_the_other_then_close(double o, double h, double l, double c, double first, double second)
    {
        var bar = new Bar(T0, (decimal)o, (decimal)h, (decimal)l, (decimal)c, 10);
        Assert.Equal(((decimal)o, (decimal)first, (decimal)second, (decimal)c), PricePath.Of(bar));
    }

    [Fact]
    public void Each_bar_plays_four_trades_at_quarter_periods_and_the_replay_never_moves_the_clock()
    {
        var period = TimeSpan.FromMinutes(3);
        Bar[] bars = [new(T0, 10.0m, 10.5m, 9.8m, 10.2m, 7), new(T0 + period, 10.4m, 10.9m, 10.3m, 10.8m, 100)];
        var clock = new ReplayClock(T0);
        var replay = new MarketReplay("CON.F.US.MGC.G26", "F.US.MGC", 0.1m, bars, period, 1, clock);
        Assert.Equal(10.2m, replay.LastPrice);
        Assert.Equal((bars[1].OpenTime, bars[1].OpenTime + period), (replay.StartTime, replay.EndTime));

        var ticks = new List<MarketTick>();
        var announced = new List<DateTimeOffset>();
        var closes = new List<bool>();
        while (replay.NextPointTime is { } next)
        {
            announced.Add(next);
            closes.Add(replay.NextPointClosesBar);
            Assert.Equal(bars[1].OpenTime + period, replay.NextPointBarEnd);
            Assert.True(replay.TryNext(out var t));
            ticks.Add(t);
        }

        Assert.Equal([10.4m, 10.3m, 10.9m, 10.8m], ticks.Select(t => t.Price).ToArray());
        Assert.Equal([true, false, false, false], ticks.Select(t => t.Gap).ToArray());
        Assert.Equal([0, 45, 90, 135], ticks.Select(t => (int)(t.Time - bars[1].OpenTime).TotalSeconds).ToArray());
        Assert.Equal(ticks.Select(t => t.Time), announced);
        Assert.Equal([false, false, false, true], closes.ToArray());
        Assert.Equal([25L, 25, 25, 25], ticks.Select(t => t.Volume).ToArray());
        Assert.Equal([0, 1, 0, 1], ticks.Select(t => t.Aggressor).ToArray());
        Assert.Equal(T0, clock.GetUtcNow());
        Assert.True(replay.Finished);
        Assert.False(replay.TryNext(out _));
        Assert.Null(replay.NextPointBarEnd);
        Assert.Equal(2, replay.ClosedBars.Count());
    }

    [Fact]
    public void Quote_is_a_one_tick_market_around_the_last_price()
    {
        var bars = BarCsvReader.Read(SharedData.MgcBars).Bars;
        var replay = new MarketReplay("CON.F.US.MGC.G26", "F.US.MGC", 0.1m, bars, TimeSpan.FromMinutes(3), 500, new ReplayClock(bars[500].OpenTime));
        replay.TryNext(out _);
        var q = replay.CurrentQuote!;
        Assert.Equal((bars[500].Open, bars[500].Open, bars[500].Open + 0.1m), (q.LastPrice, q.BestBid, q.BestAsk));
    }

    [Fact]
    public void History_aggregates_newest_first_keeps_the_latest_and_drops_the_forming_bucket()
    {
        var period = TimeSpan.FromMinutes(3);
        // 17:00 CT = 23:00 UTC in November: 15-minute buckets start on the quarter hour.
        var start = new DateTimeOffset(2025, 11, 24, 23, 0, 0, TimeSpan.Zero);
        var bars = Enumerable.Range(0, 12).Select(i => new Bar(start + period * i, 100 + i, 100.5m + i, 99.5m + i, 100.2m + i, 10)).ToList();
        var now = start + period * 12; // 36 minutes: buckets 0–15, 15–30 complete, 30–45 forming

        var (code, _, result) = HistoryQuery.Run(bars, null, period, now, start, start.AddDays(1), 2, 15, 10, false);

        Assert.Equal(0, code);
        Assert.Equal([start.AddMinutes(15), start], result.Select(b => b.OpenTime).ToArray());
        Assert.Equal(new Bar(start, 100, 104.5m, 99.5m, 104.2m, 50), result[1]);

        var (_, _, withPartial) = HistoryQuery.Run(bars, null, period, now, start, start.AddDays(1), 2, 15, 1, true);
        Assert.Equal(new Bar(start.AddMinutes(30), 110, 111.5m, 109.5m, 111.2m, 20), Assert.Single(withPartial));
    }

    [Theory]
    [InlineData(0, 1, 10, 2)]
    [InlineData(7, 1, 10, 2)]
    [InlineData(2, 0, 10, 3)]
    [InlineData(2, 1, 10, 3)]   // 1 minute cannot be made from 3-minute bars
    [InlineData(2, 3, 0, 4)]
    [InlineData(2, 3, 20_001, 4)]
    public void History_rejects_bad_units_and_limits_with_their_codes(int unit, int unitNumber, int limit, int expected)
    {
        var (code, message, bars) = HistoryQuery.Run([new Bar(T0, 1, 1, 1, 1, 1)], null, TimeSpan.FromMinutes(3), T0.AddDays(1), T0, T0.AddDays(1), unit, unitNumber, limit, false);
        Assert.Equal(expected, code);
        Assert.NotNull(message);
        Assert.Empty(bars);
    }
}
