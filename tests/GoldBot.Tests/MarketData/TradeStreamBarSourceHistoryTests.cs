using GoldBot.Market;
using GoldBot.MarketData;
using Microsoft.Extensions.Logging;
using static GoldBot.Tests.MarketData.TradeStreamBarSourceTests;

namespace GoldBot.Tests.MarketData;

public sealed class TradeStreamBarSourceHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);
    private readonly RecordingLogger _log = new();

    [Fact]
    public async Task At_start_up_the_partial_first_bar_is_replaced_by_History_s_bar_once_it_has_closed()
    {
        var history = new FakeBarHistory(HistoryBar(-1), HistoryBar(0), HistoryBar(1));
        using var source = Source(history, loadedUntil: T0);  // warm-up ended with bar 14:57
        source.OnTrade(T0.AddSeconds(70), 2000.0m, 1);         // subscribed during bar 15:00
        source.OnTrade(T0.AddMinutes(2), 2004.0m, 2);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(5), 2001.0m, 2);
        source.OnTrade(T0.AddMinutes(4), 2003.0m, 1);
        source.OnTrade(T0.AddMinutes(5), 2000.5m, 1);
        source.OnTrade(T0.AddMinutes(6).AddSeconds(1), 2002.0m, 1);
        source.Complete();

        var bars = await ReadAllAsync(source);

        Assert.Equal([HistoryBar(0), new Bar(T0.AddMinutes(3), 2001.0m, 2003.0m, 2000.5m, 2000.5m, 4)], bars);
        Assert.Equal([(T0, T0.AddMinutes(3))], history.Calls);
        Assert.Equal(1, source.BarsBackfilled);
        Assert.Equal(0, source.PartialBarsDropped);
        Assert.Equal(0, _log.Count(LogLevel.Warning));
    }

    [Fact]
    public async Task Without_warm_up_History_gives_just_the_partial_first_bar()
    {
        var history = new FakeBarHistory(HistoryBar(-1), HistoryBar(0));
        using var source = Source(history, loadedUntil: null);
        source.OnTrade(T0.AddSeconds(70), 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(5), 2001.0m, 2);
        source.OnTrade(T0.AddMinutes(6), 2002.0m, 1);
        source.Complete();

        Assert.Equal([HistoryBar(0), new Bar(T0.AddMinutes(3), 2001.0m, 2001.0m, 2001.0m, 2001.0m, 2)], await ReadAllAsync(source));
        Assert.Equal([(T0, T0.AddMinutes(3))], history.Calls);
    }

    [Fact]
    public async Task Prints_of_bars_already_loaded_are_skipped_and_the_bar_after_them_is_complete()
    {
        var history = new FakeBarHistory(HistoryBar(-1), HistoryBar(0));
        using var source = Source(history, loadedUntil: T0);
        source.OnTrade(T0.AddSeconds(-10), 1999.0m, 3);     // bar 14:57, in the warm-up fetched after subscribing
        source.OnTrade(T0.AddSeconds(30), 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(1), 2001.0m, 1);
        source.Complete();

        Assert.Equal([new Bar(T0, 2000.0m, 2000.0m, 2000.0m, 2000.0m, 1)], await ReadAllAsync(source));
        Assert.Empty(history.Calls);
        Assert.Equal(0, source.LateTrades);
    }

    [Fact]
    public async Task After_a_market_hub_gap_the_missed_bars_come_from_History_in_order_before_the_next_bar()
    {
        // Bar 15:09 had no trades: History has no bar for it either.
        var history = new FakeBarHistory(HistoryBar(0), HistoryBar(1), HistoryBar(2), HistoryBar(4), HistoryBar(5), HistoryBar(6));
        using var source = Source(history, loadedUntil: T0);
        source.OnTrade(T0, 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(1), 2001.0m, 1);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(10), 2002.0m, 1);
        source.OnTrade(T0.AddMinutes(4), 2003.0m, 1);
        source.MarkGap();                                          // connection lost during bar 15:03
        source.OnTrade(T0.AddMinutes(16).AddSeconds(20), 2010.0m, 1); // reconnected during bar 15:15
        source.OnTrade(T0.AddMinutes(17), 2011.0m, 1);
        source.OnTrade(T0.AddMinutes(18).AddSeconds(5), 2012.0m, 1);
        source.OnTrade(T0.AddMinutes(19), 2013.0m, 2);
        source.OnTrade(T0.AddMinutes(21).AddSeconds(1), 2014.0m, 1);
        source.Complete();

        var bars = await ReadAllAsync(source);

        Assert.Equal(
        [
            new Bar(T0, 2000.0m, 2001.0m, 2000.0m, 2001.0m, 2),
            HistoryBar(1), HistoryBar(2), HistoryBar(4), HistoryBar(5),
            new Bar(T0.AddMinutes(18), 2012.0m, 2013.0m, 2012.0m, 2013.0m, 3),
        ], bars);
        // The bar in progress at the gap as soon as a later print closed it, then the rest up to the first complete bar.
        Assert.Equal([(T0.AddMinutes(3), T0.AddMinutes(6)), (T0.AddMinutes(6), T0.AddMinutes(18))], history.Calls);
        Assert.Equal(4, source.BarsBackfilled);
    }

    [Fact]
    public async Task A_gap_ending_exactly_on_a_bar_s_open_still_fetches_the_bars_of_the_gap()
    {
        var history = new FakeBarHistory(HistoryBar(0), HistoryBar(1), HistoryBar(2), HistoryBar(3));
        using var source = Source(history, loadedUntil: T0);
        source.OnTrade(T0, 2000.0m, 1);
        source.MarkGap();
        source.OnTrade(T0.AddMinutes(9), 2009.0m, 1);   // bar 15:09 is complete, 15:03 and 15:06 were missed
        source.OnTrade(T0.AddMinutes(12).AddSeconds(1), 2012.0m, 1);
        source.Complete();

        Assert.Equal([HistoryBar(0), HistoryBar(1), HistoryBar(2), HistoryBar(3)], await ReadAllAsync(source));
        Assert.Equal([(T0, T0.AddMinutes(3)), (T0.AddMinutes(3), T0.AddMinutes(12))], history.Calls);
    }

    [Fact]
    public async Task With_a_close_clock_the_bar_in_progress_at_a_gap_is_closed_as_quiet_and_the_rest_follow_after_the_reconnect()
    {
        var history = new FakeBarHistory(HistoryBar(1), HistoryBar(2), HistoryBar(4), HistoryBar(5));
        var clock = SkewedPrintFeed.LocalClock(T0, TimeSpan.Zero);
        using var source = new TradeStreamBarSource(Period, "test", clock, TimeSpan.FromSeconds(2), new HistoryBackfill(history.FetchAsync, T0), _log);
        var feed = new SkewedPrintFeed(clock, source, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        feed.Print(T0, 2000.0m);
        feed.Print(T0.AddMinutes(3).AddSeconds(10), 2002.0m);
        source.MarkGap();
        feed.WaitUntil(T0.AddMinutes(16));
        feed.Print(T0.AddMinutes(16).AddSeconds(20), 2010.0m);
        feed.Print(T0.AddMinutes(18).AddSeconds(5), 2012.0m);
        feed.WaitUntil(T0.AddMinutes(21).AddSeconds(3));
        source.Complete();

        var bars = await ReadAllAsync(source);

        Assert.Equal(
        [
            new Bar(T0, 2000.0m, 2000.0m, 2000.0m, 2000.0m, 1),
            HistoryBar(1), HistoryBar(2), HistoryBar(4), HistoryBar(5),
            new Bar(T0.AddMinutes(18), 2012.0m, 2012.0m, 2012.0m, 2012.0m, 1),
        ], bars);
        Assert.Equal([(T0.AddMinutes(3), T0.AddMinutes(6)), (T0.AddMinutes(6), T0.AddMinutes(18))], history.Calls);
    }

    [Fact]
    public async Task History_failing_is_retried_on_the_heartbeat_logged_once_and_its_bars_still_come_first()
    {
        var history = new FakeBarHistory(HistoryBar(0)).ThenFail(2);
        var clock = SkewedPrintFeed.LocalClock(T0, TimeSpan.Zero);
        using var source = new TradeStreamBarSource(Period, "test", clock, TimeSpan.FromSeconds(2), new HistoryBackfill(history.FetchAsync, T0), _log);
        var feed = new SkewedPrintFeed(clock, source, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
        feed.Print(T0.AddSeconds(70), 2000.0m);
        feed.Print(T0.AddMinutes(3).AddSeconds(5), 2001.0m);  // bar 15:00 closes: History fails
        feed.WaitUntil(T0.AddMinutes(3).AddSeconds(20));      // retried 5 s later (fails), 10 s later (answers)
        feed.Print(T0.AddMinutes(4), 2003.0m);
        feed.Print(T0.AddMinutes(6).AddSeconds(1), 2002.0m);
        source.Complete();

        var bars = await ReadAllAsync(source);

        Assert.Equal([HistoryBar(0), new Bar(T0.AddMinutes(3), 2001.0m, 2003.0m, 2001.0m, 2003.0m, 2)], bars);
        Assert.Equal(3, history.Calls.Count);
        Assert.All(history.Calls, call => Assert.Equal((T0, T0.AddMinutes(3)), call));
        Assert.Equal(1, _log.Count(LogLevel.Warning));
        Assert.Equal(0, source.BarsAwaitingHistory);
    }

    [Fact]
    public async Task History_without_a_bar_that_had_trades_is_not_ready_and_is_asked_again_at_the_next_bar()
    {
        var history = new FakeBarHistory(HistoryBar(0), HistoryBar(1)).ThenAnswer();
        using var source = Source(history, loadedUntil: T0);
        source.OnTrade(T0.AddSeconds(70), 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(5), 2001.0m, 1);  // History has nothing yet: bar 15:03 waits
        source.OnTrade(T0.AddMinutes(6).AddSeconds(5), 2002.0m, 1);
        source.OnTrade(T0.AddMinutes(9).AddSeconds(5), 2003.0m, 1);
        source.Complete();

        Assert.Equal(
        [
            HistoryBar(0),
            new Bar(T0.AddMinutes(3), 2001.0m, 2001.0m, 2001.0m, 2001.0m, 1),
            new Bar(T0.AddMinutes(6), 2002.0m, 2002.0m, 2002.0m, 2002.0m, 1),
        ], await ReadAllAsync(source));
        Assert.Equal([(T0, T0.AddMinutes(3)), (T0, T0.AddMinutes(3))], history.Calls);
    }

    [Fact]
    public async Task When_History_keeps_failing_the_source_gives_up_publishes_the_complete_bars_and_drops_the_partial_one()
    {
        var history = new FakeBarHistory(HistoryBar(0)).ThenFail(5);
        using var source = Source(history, loadedUntil: T0, maxBarsAwaitingHistory: 3);
        source.OnTrade(T0.AddSeconds(70), 2000.0m, 1);
        for (var k = 1; k <= 5; k++)
            source.OnTrade(T0 + Period * k + TimeSpan.FromSeconds(5), 2000m + k, 1);
        source.Complete();

        var bars = await ReadAllAsync(source);

        Assert.Equal([1, 2, 3, 4], bars.Select(b => (int)((b.OpenTime - T0) / Period)));
        Assert.Equal(1, source.PartialBarsDropped);
        Assert.Equal(0, source.BarsBackfilled);
        Assert.Equal(4, history.Calls.Count);              // at each of bars 15:00, 15:03, 15:06, 15:09
        Assert.Equal(2, _log.Count(LogLevel.Warning));     // the first failure and giving up
    }

    [Fact]
    public async Task Giving_up_on_History_that_lacks_a_bar_publishes_what_History_gave_and_the_complete_bars_from_prints()
    {
        var history = new FakeBarHistory(HistoryBar(0), HistoryBar(1), HistoryBar(2)); // never bar 15:09, which had trades
        using var source = Source(history, loadedUntil: T0, maxBarsAwaitingHistory: 3);
        source.OnTrade(T0, 2000.0m, 1);
        source.MarkGap();
        for (var k = 3; k <= 8; k++)
            source.OnTrade(T0 + Period * k + TimeSpan.FromSeconds(k == 3 ? 0 : 1), 2000m + k, 1);
        source.Complete();

        var bars = await ReadAllAsync(source);

        Assert.Equal(
        [
            HistoryBar(0), HistoryBar(1), HistoryBar(2),
            .. Enumerable.Range(3, 5).Select(k => new Bar(T0 + Period * k, 2000m + k, 2000m + k, 2000m + k, 2000m + k, 1)),
        ], bars);
        Assert.Equal([(T0, T0 + Period), .. Enumerable.Repeat((T0 + Period, T0 + Period * 4), 4)], history.Calls);
        Assert.Equal(3, source.BarsBackfilled);
        Assert.Equal(0, source.PartialBarsDropped);
        Assert.Equal(2, _log.Count(LogLevel.Warning));
    }

    [Fact]
    public async Task When_the_stream_ends_while_History_fails_the_waiting_complete_bars_are_still_published()
    {
        var history = new FakeBarHistory().ThenFail(3);
        using var source = Source(history, loadedUntil: T0);
        source.OnTrade(T0.AddSeconds(70), 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(5), 2001.0m, 1);
        source.OnTrade(T0.AddMinutes(6).AddSeconds(5), 2002.0m, 1);
        source.Complete();

        Assert.Equal([new Bar(T0.AddMinutes(3), 2001.0m, 2001.0m, 2001.0m, 2001.0m, 1)], await ReadAllAsync(source));
        Assert.Equal(3, history.Calls.Count);
        Assert.Equal(1, source.PartialBarsDropped);
    }

    [Fact]
    public async Task History_s_bars_outside_the_range_or_repeated_are_never_published()
    {
        var history = new FakeBarHistory().ThenAnswer(HistoryBar(1), HistoryBar(0), HistoryBar(-1), HistoryBar(0) with { Close = 1m });
        using var source = Source(history, loadedUntil: T0);
        source.OnTrade(T0.AddSeconds(70), 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(3).AddSeconds(5), 2001.0m, 1);
        source.OnTrade(T0.AddMinutes(6).AddSeconds(5), 2002.0m, 1);
        source.Complete();

        Assert.Equal([HistoryBar(0), new Bar(T0.AddMinutes(3), 2001.0m, 2001.0m, 2001.0m, 2001.0m, 1)], await ReadAllAsync(source));
        Assert.Equal(1, source.BarsBackfilled);
    }

    private TradeStreamBarSource Source(FakeBarHistory history, DateTimeOffset? loadedUntil, int maxBarsAwaitingHistory = 3) =>
        new(Period, "test", closeClock: null, TimeSpan.Zero, new HistoryBackfill(history.FetchAsync, loadedUntil, maxBarsAwaitingHistory), _log);

    /// <summary>History's bar k periods after 15:00, with prices that no print in these tests has.</summary>
    private static Bar HistoryBar(int k) => new(T0 + Period * k, 1900m + k, 1950m + k, 1850m + k, 1910m + k, 100 + k);
}
