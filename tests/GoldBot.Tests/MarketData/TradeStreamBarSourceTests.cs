using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Time;

namespace GoldBot.Tests.MarketData;

public sealed class TradeStreamBarSourceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Without_History_prints_become_bars_and_the_partial_first_bar_is_dropped()
    {
        using var source = new TradeStreamBarSource(Period, "test", closeClock: null, TimeSpan.Zero);
        source.OnTrade(T0.AddSeconds(30), 2000.0m, 1);   // subscribed mid-bar: bar 15:00 is partial
        source.OnTrade(T0.AddMinutes(3), 2001.0m, 2);    // bar 15:03 opens on its first print
        source.OnTrade(T0.AddMinutes(4), 2003.0m, 1);
        source.OnTrade(T0.AddMinutes(5), 2000.5m, 1);
        source.OnTrade(T0.AddMinutes(6), 2002.0m, 1);
        source.Complete();

        Assert.Equal([new Bar(T0.AddMinutes(3), 2001.0m, 2003.0m, 2000.5m, 2000.5m, 4)], await ReadAllAsync(source));
        Assert.Equal(1, source.PartialBarsDropped);
    }

    [Fact]
    public async Task With_a_close_clock_a_quiet_bar_is_published_after_the_grace_period()
    {
        var clock = SkewedPrintFeed.LocalClock(T0, TimeSpan.Zero);
        using var source = new TradeStreamBarSource(Period, "test", clock, Grace);
        var feed = new SkewedPrintFeed(clock, source, TimeSpan.Zero, TimeSpan.Zero);
        feed.Print(T0, 2000.0m);
        feed.Print(T0.AddMinutes(1), 2000.3m);
        await using var bars = source.ReadAsync(CancellationToken.None).GetAsyncEnumerator();

        feed.WaitUntil(T0.AddMinutes(3).AddSeconds(2)); // the heartbeat sees the close plus grace has passed
        Assert.True(await bars.MoveNextAsync());
        Assert.Equal(new Bar(T0, 2000.0m, 2000.3m, 2000.0m, 2000.3m, 2), bars.Current);
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(-3.0)]
    [InlineData(0.0)]
    public async Task A_local_clock_ahead_or_behind_the_exchange_gives_one_bar_per_period_none_split_or_duplicated(double localAheadSeconds)
    {
        var ahead = TimeSpan.FromSeconds(localAheadSeconds);
        var clock = SkewedPrintFeed.LocalClock(T0, ahead);
        using var source = new TradeStreamBarSource(Period, "test", clock, Grace);
        var feed = new SkewedPrintFeed(clock, source, ahead, Latency);
        var expected = new List<Bar>();
        for (var k = 0; k < 5; k++)
        {
            // Every bar has a print in its last half second; odd bars are followed by 30 quiet seconds (closed by the clock).
            var open = T0 + Period * k;
            var first = k == 0 ? open : open.AddSeconds(k % 2 == 0 ? 30 : 0.2);
            var p = 2000m + k;
            feed.Print(first, p);
            feed.Print(open.AddSeconds(90), p + 1m, 2);
            feed.Print(open.AddSeconds(179.6), p - 0.5m, 3);
            expected.Add(new Bar(open, p, p + 1m, p - 0.5m, p - 0.5m, 6));
        }
        feed.WaitUntil(T0 + Period * 5 + Grace + TimeSpan.FromSeconds(1));
        source.Complete();

        var bars = await ReadAllAsync(source);

        // Cut by the local clock, +3 s closes each quiet bar a second early and its last print starts a second bar.
        Assert.Equal(expected, bars);
        Assert.Equal(0, source.LateTrades);
        Assert.Equal(ahead + Latency, source.ClockOffset);
    }

    [Theory]
    [InlineData(3.0, 1.5, false)]  // a local clock 3 s ahead would close it here, a second early
    [InlineData(3.0, 2.5, true)]
    [InlineData(-3.0, 1.5, false)]
    [InlineData(-3.0, 2.5, true)]  // a local clock 3 s behind would wait 3 s more
    public async Task A_quiet_bar_closes_at_its_close_plus_grace_in_exchange_time_whatever_the_local_clock(double localAheadSeconds, double secondsAfterClose, bool published)
    {
        var ahead = TimeSpan.FromSeconds(localAheadSeconds);
        var clock = SkewedPrintFeed.LocalClock(T0, ahead);
        using var source = new TradeStreamBarSource(Period, "test", clock, Grace);
        var feed = new SkewedPrintFeed(clock, source, ahead, Latency);
        feed.Print(T0, 2000m);
        feed.Print(T0.AddSeconds(170), 2001m);

        feed.WaitUntil(T0 + Period + TimeSpan.FromSeconds(secondsAfterClose));
        source.Complete(); // the bar in progress at the end is not published

        var bars = await ReadAllAsync(source);
        Assert.Equal(published ? [new Bar(T0, 2000m, 2001m, 2000m, 2001m, 2)] : [], bars);
    }

    [Fact]
    public async Task A_print_arriving_after_its_bar_was_closed_as_quiet_is_counted_late_and_the_bar_is_published_once()
    {
        var clock = SkewedPrintFeed.LocalClock(T0, TimeSpan.Zero);
        using var source = new TradeStreamBarSource(Period, "test", clock, Grace);
        var feed = new SkewedPrintFeed(clock, source, TimeSpan.Zero, Latency);
        feed.Print(T0, 2000m);
        feed.Print(T0.AddMinutes(1), 2001m);
        feed.WaitUntil(T0 + Period + TimeSpan.FromSeconds(4));
        source.OnTrade(T0.AddSeconds(179), 1990m, 5);   // 5 s late: bar 15:00 is out
        feed.Print(T0.AddMinutes(3).AddSeconds(10), 2002m);
        feed.Print(T0.AddMinutes(6).AddSeconds(1), 2003m);
        source.Complete();

        Assert.Equal([new Bar(T0, 2000m, 2001m, 2000m, 2001m, 2), new Bar(T0.AddMinutes(3), 2002m, 2002m, 2002m, 2002m, 1)], await ReadAllAsync(source));
        Assert.Equal(1, source.LateTrades);
    }

    [Fact]
    public async Task Monitoring_shows_the_last_print_when_it_arrived_and_the_clock_offset()
    {
        var ahead = TimeSpan.FromSeconds(2.5);
        var clock = SkewedPrintFeed.LocalClock(T0, ahead);
        using var source = new TradeStreamBarSource(Period, "test", clock, Grace);
        var feed = new SkewedPrintFeed(clock, source, ahead, Latency);
        Assert.Null(source.LastPrintTime);
        Assert.Null(source.ClockOffset);

        feed.Print(T0.AddSeconds(7), 2000m);
        Assert.Equal(T0.AddSeconds(7), source.LastPrintTime);
        Assert.Equal(T0.AddSeconds(7) + ahead + Latency, source.LastPrintReceivedAt);
        source.Complete();
        await ReadAllAsync(source);

        Assert.Equal(ahead + Latency, source.ClockOffset);
        Assert.Equal(0, source.BarsBackfilled);
        Assert.Equal(0, source.BarsAwaitingHistory);
    }

    [Fact]
    public async Task Prints_given_with_their_receive_time_are_stamped_with_it_without_a_clock()
    {
        using var source = new TradeStreamBarSource(Period, "test", closeClock: null, TimeSpan.Zero);
        source.OnTrade(T0, 2000m, 1, receivedAt: T0.AddSeconds(-1));
        Assert.Equal(T0.AddSeconds(-1), source.LastPrintReceivedAt);
        source.Complete();
        await ReadAllAsync(source);
        Assert.Equal(TimeSpan.FromSeconds(-1), source.ClockOffset);
    }

    [Fact]
    public async Task The_source_is_read_once()
    {
        using var source = new TradeStreamBarSource(Period, "test", closeClock: null, TimeSpan.Zero);
        source.Complete();
        await ReadAllAsync(source);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAllAsync(source));
    }

    internal static async Task<List<Bar>> ReadAllAsync(TradeStreamBarSource source)
    {
        var bars = new List<Bar>();
        await foreach (var bar in source.ReadAsync(CancellationToken.None))
            bars.Add(bar);
        return bars;
    }
}
