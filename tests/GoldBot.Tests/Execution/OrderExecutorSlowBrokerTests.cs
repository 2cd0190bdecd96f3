using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Execution;

/// <summary>
/// The executor against a gateway that answers only when told (<see cref="ScriptedBroker"/>): events and answers in the
/// orders that broke it in review. Long 1 MGC at 2000.0 with a 20-tick stop (1998.0) unless a test says otherwise.
/// </summary>
public sealed class OrderExecutorSlowBrokerTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AccountSnapshot Flat = new(50_000m, 0, 0, [], []);
    private readonly FixedTimeProvider _clock = new(new DateTimeOffset(2025, 12, 2, 15, 0, 0, TimeSpan.Zero));
    private readonly ScriptedBroker _broker = new();
    private readonly OrderExecutor _executor;
    private readonly List<ExecutionUpdate> _updates = [];

    public OrderExecutorSlowBrokerTests() => _executor = new OrderExecutor(_broker, Mgc, 50_000m, _clock, "t", callbacks: _broker);

    private IEnumerable<string> Notes => _updates.SelectMany(u => u.Notes).Select(n => n.Message);

    /// <summary>Answers the latest open call of a kind and hands its completion to the executor.</summary>
    private async Task AnswerAsync(string what, object? result, Exception? error = null) =>
        _updates.Add(await _executor.OnCompletedAsync(await _broker.AnswerAsync(what, result, error), None));

    private async Task EventAsync(BrokerEvent brokerEvent) => _updates.Add(await _executor.OnBrokerEventAsync(brokerEvent, None));

    private async Task TickAsync(double seconds, decimal? last)
    {
        _clock.Now = _clock.Now.AddSeconds(seconds);
        _updates.Add(await _executor.OnClockAsync(last, None));
    }

    /// <summary>Long 1, its stop refused while the market trades through it (1997.5 under 1998.0): the close and its guard stop go out.</summary>
    private async Task StopThroughTheMarketAsync()
    {
        await LongOneAsync();
        await AnswerAsync("place", OrderAck.Rejected(0, "stop refused"));
        await TickAsync(1, 1997.5m);
    }

    /// <summary>Starts on a flat account, enters long 1 and books its fill at 2000.0; the stop's placement is left unanswered.</summary>
    /// <summary>Long 1 at 2000.0 with its stop (order 2) working at 1998.0; the last trade 1998.3.</summary>
    private async Task ProtectedLongAsync()
    {
        await LongOneAsync();
        await AnswerAsync("place", OrderAck.Accepted(2));
        await TickAsync(0, 1998.3m);
    }

    /// <summary><see cref="ProtectedLongAsync"/>, then the end-of-day flatten begins (its move of the stop is left unanswered).</summary>
    private async Task ProtectedLongFlatteningAsync()
    {
        await ProtectedLongAsync();
        _updates.Add(await _executor.FlattenAsync("eod_flatten", None));
    }

    /// <summary>Starts on a flat account and enters long 1 (a 20-tick stop), the gateway taking the entry as order 1; returns the entry.</summary>
    private async Task<OrderRequest> EntryTakenAsync()
    {
        _updates.Add(await _executor.StartAsync(2000m, None));
        await AnswerAsync("read", Flat);
        await AnswerAsync("read", Flat); // the start-up read is confirmed by a second one
        _updates.Add(await _executor.EnterAsync(new TradePlan(Signals.Long(_clock.Now, 20), 1, 20, [], 25m, 250m), None));
        var entry = (OrderRequest)_broker.Open("place").Request;
        await AnswerAsync("place", OrderAck.Accepted(1));
        return entry;
    }

    private async Task LongOneAsync()
    {
        var entry = await EntryTakenAsync();
        await EventAsync(new OrderFilled(new BrokerFill(11, 1, entry.Tag, OrderSide.Buy, 1, 2000.0m, 0.62m, _clock.Now)));
        Assert.Equal((OrderType.Stop, 1998.0m), (((OrderRequest)_broker.Open("place").Request).Type, ((OrderRequest)_broker.Open("place").Request).StopPrice));
    }

    [Fact]
    public async Task An_order_event_during_the_start_up_read_does_not_cancel_the_existing_stop()
    {
        // The broker holds long 1 with its stop 500; the start-up read is slow and the stop's event comes first.
        await _executor.StartAsync(2000m, None);
        await EventAsync(new OrderAccepted(_clock.Now, new WorkingOrder(500, "", OrderSide.Sell, OrderType.Stop, 1, null, 1995m)));
        Assert.Empty(_broker.All("cancel"));

        await AnswerAsync("read", new AccountSnapshot(50_000m, 1, 2000m, [new WorkingOrder(500, "", OrderSide.Sell, OrderType.Stop, 1, null, 1995m)], []));

        Assert.Empty(_broker.All("cancel"));
        Assert.Empty(_broker.All("place"));
        Assert.Equal((1, 1995m), (_executor.Position.Position, _executor.CurrentStop));
    }

    [Fact]
    public async Task A_fill_during_the_start_up_read_is_booked_on_top_of_it_and_nothing_is_sent_before()
    {
        // Long 1 with stop 500 at the broker; the stop fills while the start-up read is out (the read still shows long 1).
        await _executor.StartAsync(2000m, None);
        await EventAsync(new OrderFilled(new BrokerFill(900, 500, "", OrderSide.Sell, 1, 1995m, 0.62m, _clock.Now)));
        Assert.Empty(_broker.All("place"));

        await AnswerAsync("read", new AccountSnapshot(50_000m, 1, 2000m, [new WorkingOrder(500, "", OrderSide.Sell, OrderType.Stop, 1, null, 1995m)], []));

        Assert.Equal(0, _executor.Position.Position);
        Assert.DoesNotContain(_broker.All("place"), c => ((OrderRequest)c.Request).Side == OrderSide.Buy);
        Assert.Single(_broker.All("read"), c => c.Open); // and the start-up read is confirmed by another
    }

    [Fact]
    public async Task A_stop_through_the_market_closes_the_position_guarded_by_a_stop_20_ticks_beyond_the_last_trade()
    {
        await StopThroughTheMarketAsync();

        Assert.Single(_broker.All("close"));
        var guard = (OrderRequest)_broker.Open("place").Request;
        Assert.Equal((OrderType.Stop, OrderSide.Sell, 1, 1995.5m), (guard.Type, guard.Side, guard.Quantity, guard.StopPrice));
    }

    /// <summary>The account after the guard (order 7) was accepted: long 1, the guard working.</summary>
    private static AccountSnapshot LongWithGuard => new(50_000m, 1, 2000m, [new WorkingOrder(7, "t-20251202-1500-1-stop2", OrderSide.Sell, OrderType.Stop, 1, null, 1995.5m)], []);

    [Fact]
    public async Task A_refused_close_is_followed_by_a_market_order_of_the_position_a_read_begun_after_it_shows()
    {
        await StopThroughTheMarketAsync();
        await AnswerAsync("place", OrderAck.Accepted(7)); // the guard

        await AnswerAsync("close", OrderAck.Rejected(0, "close refused"));
        Assert.DoesNotContain(_broker.All("place"), c => c.Open); // not before the read: the gateway may hold nothing
        await AnswerAsync("read", LongWithGuard); // no tick: the market order does not wait for the retry

        var exit = (OrderRequest)_broker.Open("place").Request;
        Assert.Equal((OrderType.Market, OrderSide.Sell, 1), (exit.Type, exit.Side, exit.Quantity));
        Assert.Contains(Notes, n => n.Contains("with a market order of 1: the close was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_close_refused_because_the_stop_had_filled_unseen_sends_no_market_order()
    {
        await StopThroughTheMarketAsync();
        await AnswerAsync("place", OrderAck.Accepted(7));

        await AnswerAsync("close", OrderAck.Rejected(0, "no position"));
        await AnswerAsync("read", new AccountSnapshot(49_995m, 0, 0m, [], [new BrokerFill(12, 7, "t-20251202-1500-1-stop2", OrderSide.Sell, 1, 1995.5m, 0.62m, _clock.Now)]));
        await TickAsync(1, 1995.0m);

        Assert.DoesNotContain(_broker.All("place"), c => ((OrderRequest)c.Request).Type == OrderType.Market && ((OrderRequest)c.Request).Side == OrderSide.Sell);
        Assert.Equal(0, _executor.Position.Position);
    }

    [Fact]
    public async Task A_market_exit_whose_answer_is_lost_is_looked_up_by_its_tag_before_any_other_close()
    {
        await StopThroughTheMarketAsync();
        await AnswerAsync("place", OrderAck.Accepted(7));
        await AnswerAsync("close", OrderAck.Rejected(0, "close refused"));
        await AnswerAsync("read", LongWithGuard);
        var exit = (OrderRequest)_broker.Open("place").Request;

        await AnswerAsync("place", OrderAck.Uncertain(0, "timed out"));
        await TickAsync(1, 1997.5m);
        await TickAsync(1, 1997.5m);

        Assert.Single(_broker.All("close"));
        Assert.Equal(exit.Tag, _broker.Open("find").Request);
    }

    [Fact]
    public async Task The_guard_stop_stays_working_while_the_closes_are_retried()
    {
        await StopThroughTheMarketAsync();
        await AnswerAsync("place", OrderAck.Accepted(7)); // the guard
        await AnswerAsync("close", OrderAck.Rejected(0, "close refused"));
        await AnswerAsync("read", LongWithGuard);
        await AnswerAsync("place", OrderAck.Rejected(0, "market order refused"));
        await AnswerAsync("read", LongWithGuard);

        await TickAsync(1, 1997.5m);

        Assert.Equal(2, _broker.All("close").Count());
        Assert.Empty(_broker.All("cancel"));
    }

    [Fact]
    public async Task A_stop_needed_after_moving_the_stop_out_was_refused_still_goes_to_the_guard()
    {
        await ProtectedLongFlatteningAsync();
        await AnswerAsync("modify", OrderAck.Rejected(2, "modify refused"));
        await EventAsync(new OrderCancelled(_clock.Now, 2, "", "cancelled by the broker"));

        var stop = (OrderRequest)_broker.Open("place").Request;
        Assert.Equal((OrderType.Stop, 1996.3m), (stop.Type, stop.StopPrice));
    }

    [Fact]
    public async Task A_flatten_moves_a_stop_near_the_market_out_to_the_guard_before_it_closes()
    {
        await ProtectedLongFlatteningAsync(); // stop 1998.0, last 1998.3: 3 ticks away

        var change = (OrderChange)_broker.Open("modify").Request;
        Assert.Equal((2L, 1, 1996.3m), (change.OrderId, change.Quantity, change.StopPrice));
        Assert.Empty(_broker.All("close"));

        await AnswerAsync("modify", OrderAck.Accepted(2));
        Assert.Single(_broker.All("close"));
    }

    [Fact]
    public async Task When_moving_the_stop_out_is_refused_the_close_goes_ahead_with_the_stop_where_it_is()
    {
        await ProtectedLongFlatteningAsync();

        await AnswerAsync("modify", OrderAck.Rejected(2, "modify refused"));

        Assert.Single(_broker.All("close"));
        Assert.Single(_broker.All("modify"));
        Assert.Empty(_broker.All("cancel"));
        Assert.Equal(1998.0m, _executor.CurrentStop);
    }

    [Fact]
    public async Task When_moving_the_stop_out_goes_unanswered_the_close_goes_after_the_grace()
    {
        await ProtectedLongFlatteningAsync();

        await TickAsync(1, 1998.3m);
        Assert.Empty(_broker.All("close"));
        await TickAsync(1, 1998.3m);
        Assert.Single(_broker.All("close"));
    }

    [Fact]
    public async Task A_fill_found_by_a_read_counts_its_time_without_a_stop_from_the_fill_and_a_wake_up_ends_the_grace()
    {
        var entry = await EntryTakenAsync();
        var filledAt = _clock.Now;

        // The fill, made at 15:00:00, has no event: a read a second later finds it; its stop is refused at once.
        await TickAsync(1, 2000m);
        await AnswerAsync("read", new AccountSnapshot(49_999.38m, 1, 2000m, [], [new BrokerFill(11, 1, entry.Tag, OrderSide.Buy, 1, 2000.0m, 0.62m, filledAt)]));
        await AnswerAsync("place", OrderAck.Rejected(0, "stop refused"));
        Assert.Empty(_broker.All("close"));

        // A wake-up that fires a millisecond early changes nothing and is armed again.
        _clock.Now = filledAt.AddSeconds(2).AddMilliseconds(-1);
        Assert.Equal(1, _clock.FireTimers(filledAt.AddSeconds(2)));
        _updates.Add(await _executor.OnCompletedAsync(await _broker.PostedAsync(), None));
        Assert.Empty(_broker.All("close"));

        // The grace ends at 15:00:02, two seconds after the fill: the wake-up flattens there, not at a later tick.
        _clock.Now = filledAt.AddSeconds(2);
        Assert.Equal(1, _clock.FireDueTimers());
        _updates.Add(await _executor.OnCompletedAsync(await _broker.PostedAsync(), None));

        Assert.Single(_broker.All("close"));
        Assert.Contains(Notes, n => n.Contains("no full working stop for 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_user_hub_is_down_the_position_is_checked_every_second_and_a_change_reads_the_account()
    {
        await ProtectedLongAsync();
        _updates.Add(await _executor.OnEventStreamAsync(flowing: false, "user hub connection lost", None));

        await AnswerAsync("position", 1); // checked at once; unchanged: nothing more
        await TickAsync(0.5, 1998.3m);
        Assert.Single(_broker.All("position"));
        Assert.DoesNotContain(_broker.All("read"), c => c.Open);
        await TickAsync(0.5, 1998.3m);
        await AnswerAsync("position", 0); // a second later: the stop filled unseen

        Assert.Single(_broker.All("read"), c => c.Open);
        Assert.Equal(2, _broker.All("position").Count());
    }

    [Fact]
    public async Task Once_the_user_hub_is_back_the_account_is_read_and_the_position_checks_stop()
    {
        await ProtectedLongAsync();
        _updates.Add(await _executor.OnEventStreamAsync(flowing: false, "user hub connection lost", None));
        await AnswerAsync("position", 1); // the first check goes at once
        _updates.Add(await _executor.OnEventStreamAsync(flowing: true, "user hub reconnected", None));

        Assert.Single(_broker.All("read"), c => c.Open);
        await AnswerAsync("read", new AccountSnapshot(50_000m, 1, 2000m, [new WorkingOrder(2, "", OrderSide.Sell, OrderType.Stop, 1, null, 1998m)], []));
        await TickAsync(1, 1998.3m);
        await TickAsync(1, 1998.3m);

        Assert.Single(_broker.All("position"));
    }

    [Fact]
    public async Task While_the_user_hub_is_down_a_flat_position_check_cancels_the_stop_of_an_accepted_close_without_waiting_for_a_held_read()
    {
        // Seed 35059: the end-of-day close is accepted, its fill unseen; the read that would book it is held by the gateway.
        await ProtectedLongAsync();
        _updates.Add(await _executor.OnEventStreamAsync(flowing: false, "user hub connection lost", None));
        await AnswerAsync("position", 1);
        _updates.Add(await _executor.FlattenAsync("eod_flatten", None));
        await AnswerAsync("modify", OrderAck.Accepted(2)); // the stop moved out to the guard
        await AnswerAsync("close", OrderAck.Accepted(0));
        await TickAsync(1, 1998.3m);
        Assert.Single(_broker.All("read"), c => c.Open); // held
        await AnswerAsync("position", 1); // the close has not filled yet
        await TickAsync(1, 1998.3m);
        Assert.Empty(_broker.All("cancel"));

        await AnswerAsync("position", 0); // now it has

        Assert.Equal(2L, _broker.Open("cancel").Request);
        // The held read, begun before that check, comes back with what it saw then: the stop is not placed again.
        await AnswerAsync("read", new AccountSnapshot(50_000m, 1, 2000m, [new WorkingOrder(2, "", OrderSide.Sell, OrderType.Stop, 1, null, 1996.3m)], []));
        await AnswerAsync("cancel", OrderAck.Accepted(2));
        await TickAsync(1, 1998.3m);
        Assert.DoesNotContain(_broker.All("place"), c => c.Open);
        Assert.Single(_broker.All("close"));
        Assert.Equal((0, 0d), (_executor.Protection.Violations, _executor.Protection.SecondsNakedToday));
    }

    [Fact]
    public async Task A_flat_answer_to_a_position_check_begun_before_a_fill_was_seen_cancels_nothing()
    {
        var entry = await EntryTakenAsync();
        await TickAsync(0, 2000m);
        _updates.Add(await _executor.OnEventStreamAsync(flowing: false, "user hub connection lost", None));
        Assert.Single(_broker.All("position"), c => c.Open); // begun while the entry works and the view is flat
        // The fill's event, sent before the hub went down, arrives after the check went out.
        await EventAsync(new OrderFilled(new BrokerFill(11, 1, entry.Tag, OrderSide.Buy, 1, 2000.0m, 0.62m, _clock.Now)));
        await AnswerAsync("place", OrderAck.Accepted(2)); // its stop

        await AnswerAsync("position", 0); // from before the fill

        Assert.Empty(_broker.All("cancel"));
        Assert.Equal(1, _executor.Position.Position);
        Assert.Single(_broker.All("read"), c => c.Open); // the difference is read
    }

    [Fact]
    public async Task A_flat_position_check_does_not_hold_back_the_stop_of_a_later_trade_of_the_same_size()
    {
        await ProtectedLongAsync();
        _updates.Add(await _executor.OnEventStreamAsync(flowing: false, "user hub connection lost", None));
        await AnswerAsync("position", 1);
        await TickAsync(1, 1998.3m);
        await AnswerAsync("position", 0); // closed on the platform, unseen: the stop's cancel goes out, a read is out and stays out
        Assert.Equal(2L, _broker.Open("cancel").Request);
        await AnswerAsync("cancel", OrderAck.Accepted(2));
        _updates.Add(await _executor.OnEventStreamAsync(flowing: true, "user hub reconnected", None));
        await EventAsync(new OrderFilled(new BrokerFill(12, 99, "", OrderSide.Sell, 1, 1998.0m, 0.62m, _clock.Now))); // the close's fill, late
        Assert.Equal(0, _executor.Position.Position);
        Assert.Single(_broker.All("read"), c => c.Open); // and it stays out (a gateway answering slowly)

        // A new long 1 fills: the same size as when the broker was found flat, but a new trade: its stop goes out.
        _updates.Add(await _executor.EnterAsync(new TradePlan(Signals.Long(_clock.Now, 20), 1, 20, [], 25m, 250m), None));
        var entry = (OrderRequest)_broker.Open("place").Request;
        await AnswerAsync("place", OrderAck.Accepted(3));
        await EventAsync(new OrderFilled(new BrokerFill(13, 3, entry.Tag, OrderSide.Buy, 1, 1998.5m, 0.62m, _clock.Now)));

        Assert.Equal(OrderType.Stop, ((OrderRequest)_broker.Open("place").Request).Type);
    }

    [Fact]
    public async Task A_saved_trade_whose_entry_filled_in_pieces_and_whose_stop_filled_while_GoldBot_was_down_is_closed_on_restart()
    {
        var opened = _clock.Now.AddMinutes(-30);
        var saved = new OpenTradeState("t0-20251202-1430-1", new TradePlan(Signals.Long(opened, 20), 2, 20, [], 50m, 250m), false, 2, 2000.0m, opened,
            true, null, 1998.0m, false, true, 0m, 1.24m, [], LastFillTime: opened.AddSeconds(1));
        _updates.Add(await _executor.StartAsync(2000m, saved, None));

        await AnswerAsync("read", new AccountSnapshot(49_958.76m, 0, 0, [],
        [
            new BrokerFill(1, 100, "", OrderSide.Buy, 1, 2000.0m, 0.62m, opened),
            new BrokerFill(2, 100, "", OrderSide.Buy, 1, 2000.0m, 0.62m, opened.AddSeconds(1)),
            new BrokerFill(3, 101, "", OrderSide.Sell, 2, 1998.0m, 1.24m, opened.AddMinutes(10)),
        ]));

        var closed = Assert.Single(_updates, u => u.Closed is not null).Closed!;
        Assert.Equal((saved.Tag, "stop", -40m - 2.48m), (closed.Id, closed.ExitReason, closed.PnL));
    }

    [Fact]
    public async Task A_flatten_is_not_reported_done_while_a_stop_placement_is_still_in_flight()
    {
        await LongOneAsync(); // the stop's placement stays unanswered
        _updates.Add(await _executor.FlattenAsync("emergency_stop", None));
        await AnswerAsync("close", OrderAck.Accepted(0));
        await EventAsync(new OrderFilled(new BrokerFill(12, 2, "", OrderSide.Sell, 1, 1999.9m, 0.62m, _clock.Now)));
        await TickAsync(1, 1999.9m);
        if (_broker.All("read").Any(c => c.Open))
            await AnswerAsync("read", Flat);

        Assert.Contains(_broker.All("place"), c => c.Open);
        Assert.DoesNotContain(_updates, u => u.FlattenCompleted is not null);
    }

    [Fact]
    public async Task An_accepted_close_whose_fill_is_late_is_not_sent_again_before_a_read_shows_the_position_still_open()
    {
        await LongOneAsync();
        await AnswerAsync("place", OrderAck.Accepted(2));
        _updates.Add(await _executor.FlattenAsync("eod_flatten", None));
        await AnswerAsync("close", OrderAck.Accepted(0)); // its fill event is late
        await TickAsync(1, 2000m);

        Assert.Single(_broker.All("close"));
        await AnswerAsync("read", new AccountSnapshot(50_000m, 1, 2000m, [new WorkingOrder(2, "", OrderSide.Sell, OrderType.Stop, 1, null, 1998m)], []));
        await TickAsync(1, 2000m); // the read, begun after the close, still shows long 1 and no close order: close again

        Assert.Equal(2, _broker.All("close").Count());
    }

    [Fact]
    public async Task An_uncertain_entry_is_not_given_up_while_its_lookups_fail()
    {
        await _executor.StartAsync(2000m, None);
        await AnswerAsync("read", Flat);
        await AnswerAsync("read", Flat);
        _updates.Add(await _executor.EnterAsync(new TradePlan(Signals.Long(_clock.Now, 20), 1, 20, [], 25m, 250m), None));
        await AnswerAsync("place", OrderAck.Uncertain(0, "timeout")); // and REST goes down
        for (var second = 0; second < 15; second++)
        {
            await TickAsync(1, 2000m);
            while (_broker.Calls.FirstOrDefault(c => c.What is "find" or "read" && c.Open) is { } call)
                await AnswerAsync(call.What, null, new BrokerUnavailableException("gateway down"));
        }

        Assert.DoesNotContain(Notes, n => n.Contains("it was never placed", StringComparison.Ordinal));
        Assert.Equal("order t-20251202-1500-1 outcome unknown", _executor.EntryBlockedBy);
    }

    [Fact]
    public async Task A_read_begun_before_a_refused_cancel_does_not_release_the_hold_on_orders()
    {
        await LongOneAsync();
        await AnswerAsync("place", OrderAck.Accepted(2)); // stop 1998.0 working
        await EventAsync(new OrderAccepted(_clock.Now, new WorkingOrder(600, "", OrderSide.Sell, OrderType.Stop, 1, null, 1990m)));
        Assert.Single(_broker.All("cancel")); // a second stop is cancelled
        await TickAsync(30, 2000m); // a periodic read starts and is slow
        await AnswerAsync("cancel", OrderAck.Rejected(600, "order filled")); // refused: it may have filled
        await AnswerAsync("read", new AccountSnapshot(50_000m, 1, 2000m,
            [new WorkingOrder(2, "", OrderSide.Sell, OrderType.Stop, 1, null, 1998m), new WorkingOrder(600, "", OrderSide.Sell, OrderType.Stop, 1, null, 1990m)], []));

        Assert.Single(_broker.All("cancel")); // nothing more until a read begun after the refusal
        Assert.Single(_broker.All("read"), c => c.Open);
    }

    [Fact]
    public async Task A_flip_by_the_executors_own_exits_is_protected_and_flattened()
    {
        await LongOneAsync();
        await AnswerAsync("place", OrderAck.Accepted(2));
        // A stop of 1 and a stray sell of 2 fill together: long 1 becomes short 1.
        await EventAsync(new OrderFilled(new BrokerFill(13, 2, "", OrderSide.Sell, 2, 1998.0m, 1.24m, _clock.Now)));

        Assert.Equal(-1, _executor.Position.Position);
        Assert.Single(_broker.All("close"));
        Assert.StartsWith("flattening (flip)", _executor.EntryBlockedBy, StringComparison.Ordinal);
    }
}
