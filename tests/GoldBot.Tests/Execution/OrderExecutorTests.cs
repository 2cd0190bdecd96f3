using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Execution;

/// <summary>
/// The order executor driving the simulated broker: the stop and targets it places at the entry's
/// fill, breakeven after tp1, stop size following the position, a stop lost and replaced, flatten
/// (the stop stays until the position is gone), rejected entries, and the journal's P&amp;L equal to
/// the broker's balance change to the cent. MGC with default costs ($0.62 per side, 1 tick of
/// market and stop slippage), 3-minute bars on Tuesday 2 December 2025 (UTC).
/// </summary>
public sealed class OrderExecutorTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly CancellationToken None = CancellationToken.None;
    private const decimal RoundTripCost = 3.24m; // 2 × 0.62 commission + 1 tick market + 1 tick stop slippage, $1 each
    private readonly RecordingBrokerEventSink _sink = new();
    private readonly FixedTimeProvider _clock = new(At(10, 0));
    private readonly SimulatedBroker _broker;
    private readonly RecordingBroker _requests;
    private readonly OrderExecutor _executor;
    private readonly List<ExecutionUpdate> _updates = [];

    public OrderExecutorTests()
    {
        _broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock);
        _requests = new RecordingBroker(_broker);
        _executor = new OrderExecutor(_requests, Mgc, 50_000m, _clock);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 12, 2, hour, minute, 0, TimeSpan.Zero);

    private static Bar B(int hour, int minute, decimal open, decimal high, decimal low, decimal close) => new(At(hour, minute), open, high, low, close, 100);

    private static TradePlan Plan(int direction, int quantity, int stopTicks, params TargetLeg[] targets)
    {
        var signal = direction > 0 ? Signals.Long(At(10, 0), stopTicks) : Signals.Short(At(10, 0), stopTicks);
        return new TradePlan(signal, quantity, stopTicks, targets, quantity * (stopTicks * Mgc.TickValue + RoundTripCost), 250m);
    }

    /// <summary>Long 4, stop 20 ticks, tp1 2 at 1R (20 ticks), tp2 2 at 2R (40 ticks). Risk 4 × (20 + 3.24) = $92.96.</summary>
    private static TradePlan LongFour() => Plan(+1, 4, 20, new TargetLeg("tp1", 2, 20, 1m), new TargetLeg("tp2", 2, 40, 2m));

    /// <summary>Hands every batch of broker events published so far to the executor, as the executor service does.</summary>
    private async Task PumpAsync()
    {
        foreach (var batch in _sink.DrainBatches())
            _updates.Add(await _executor.OnBrokerEventsAsync(batch, None));
    }

    /// <summary>One bar as the feed plays it: fills at the open, the executor reacts, then the rest of the bar.</summary>
    private async Task BarAsync(Bar bar)
    {
        _clock.Now = bar.OpenTime.AddMinutes(3);
        await _broker.OnBarOpenAsync(bar, None);
        await PumpAsync();
        await _broker.OnBarAsync(bar, None);
        await PumpAsync();
    }

    private async Task<ExecutionUpdate> EnterAsync(TradePlan plan)
    {
        var update = await _executor.EnterAsync(plan, None);
        await PumpAsync();
        return update;
    }

    private IEnumerable<TradeRecord> Closed => _updates.Select(u => u.Closed).OfType<TradeRecord>();

    [Fact]
    public async Task Long_bracket_takes_tp1_moves_the_stop_to_breakeven_and_exits_there()
    {
        var entered = await EnterAsync(LongFour());
        Assert.Equal(new PositionState(0, 0m, true, 50_000m), entered.Position);
        Assert.Null(entered.Error);

        // Entry at 2000.0 + 0.1; stop 1998.1, tp1 2002.1, tp2 2004.1, none touched.
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        var opened = Assert.Single(_updates.Select(u => u.Opened).OfType<TradeRecord>());
        Assert.Equal(("gb-20251202-1000-1", "long", 2000.1m, 2000.0m, 1998.1m, 2004.1m, 4, 92.96m),
            (opened.Id, opened.Side, opened.Entry, opened.ExpectedEntry, opened.Stop, opened.Target, opened.Size, opened.RiskAmount));
        Assert.Equal(1998.1m, _executor.CurrentStop);

        // tp1 fills 2 at 2002.1; the stop follows: 2 contracts at the entry price.
        await BarAsync(B(10, 3, 2000.5m, 2002.5m, 2000.2m, 2002.0m));
        Assert.Equal(new PositionState(2, 2000.1m, false, 50_036.28m), _executor.Position); // +40.00 − 2.48 − 1.24
        Assert.Equal(2000.1m, _executor.CurrentStop);
        var stop = (await _broker.GetAccountAsync(None)).WorkingOrders.Single(o => o.Type == OrderType.Stop);
        Assert.Equal((2, 2000.1m), (stop.Quantity, stop.StopPrice));

        // The breakeven stop triggers at 2000.1 and fills a tick lower, 2000.0.
        await BarAsync(B(10, 6, 2001.5m, 2001.8m, 2000.0m, 2000.3m));

        var trade = Assert.Single(Closed);
        Assert.Equal([new TradeExit(At(10, 6), 2002.1m, 2, "tp1"), new TradeExit(At(10, 9), 2000.0m, 2, "breakeven_stop")], trade.Exits);
        Assert.Equal("breakeven_stop", trade.ExitReason);
        Assert.Equal(At(10, 9), trade.ExitTime);
        // Gross 2 × 2.0 × $10 + 2 × (−0.1) × $10 = 38.00; commission 8 sides × 0.62 = 4.96; net 33.04; 33.04 / 92.96 = 0.36R.
        Assert.Equal((38.00m, 4.96m, 33.04m, 0.36m, "win"), (trade.GrossPnL, trade.Commission, trade.PnL!.Value, trade.RMultiple!.Value, trade.Outcome));
        Assert.Equal(50_033.04m, trade.BalanceAfter);
        Assert.Equal(50_033.04m, (await _broker.GetAccountAsync(None)).Balance);
        Assert.Equal(new PositionState(0, 0m, false, 50_033.04m), _executor.Position);
        Assert.Null(_executor.OpenTrade);
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders); // tp2 cancelled when flat
        Assert.All(_updates, u => Assert.Null(u.Error));
    }

    [Fact]
    public async Task Stop_size_follows_the_position_after_each_target_and_breakeven_is_set_once()
    {
        // Long 10: tp1 5 at 20 ticks, tp2 4 at 40, runner 1 at 50. Risk 10 × 23.24 = $232.40.
        await EnterAsync(Plan(+1, 10, 20, new TargetLeg("tp1", 5, 20, 1m), new TargetLeg("tp2", 4, 40, 2m), new TargetLeg("runner", 1, 50, 2.5m)));
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));

        // tp1 (2002.1) and tp2 (2004.1) in one bar.
        await BarAsync(B(10, 3, 2001.0m, 2004.5m, 2000.8m, 2004.0m));
        var stop = (await _broker.GetAccountAsync(None)).WorkingOrders.Single(o => o.Type == OrderType.Stop);
        Assert.Equal((1, 2000.1m), (stop.Quantity, stop.StopPrice));

        await BarAsync(B(10, 6, 2004.0m, 2005.5m, 2003.5m, 2005.2m));

        var trade = Assert.Single(Closed);
        Assert.Equal(["tp1", "tp2", "runner"], trade.Exits.Select(e => e.Reason));
        Assert.Equal([2002.1m, 2004.1m, 2005.1m], trade.Exits.Select(e => e.Price));
        // 5 × 2.0 × 10 + 4 × 4.0 × 10 + 1 × 5.0 × 10 = 310.00; 20 sides × 0.62 = 12.40; net 297.60 = 1.28R.
        Assert.Equal((310.00m, 12.40m, 297.60m, 1.28m, "runner"), (trade.GrossPnL, trade.Commission, trade.PnL!.Value, trade.RMultiple!.Value, trade.ExitReason));
        Assert.Equal(50_297.60m, (await _broker.GetAccountAsync(None)).Balance);
    }

    [Fact]
    public async Task A_change_of_the_stop_size_alone_still_sends_the_stop_price()
    {
        await EnterAsync(Plan(+1, 10, 20, new TargetLeg("tp1", 5, 20, 1m), new TargetLeg("tp2", 4, 40, 2m), new TargetLeg("runner", 1, 50, 2.5m)));
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        await BarAsync(B(10, 3, 2001.0m, 2002.5m, 2000.8m, 2002.0m)); // tp1 (2002.1): 5 left, stop to breakeven 2000.1
        await BarAsync(B(10, 6, 2002.0m, 2004.5m, 2001.8m, 2004.0m)); // tp2 (2004.1): 1 left, stop stays at 2000.1

        // ProjectX Order/modify: a value left out is not "unchanged" everywhere, so every change sends the stop price.
        Assert.Equal([(5, 2000.1m), (1, 2000.1m)], _requests.Changes.Select(c => (c.Quantity, c.StopPrice!.Value)));
        Assert.All(_requests.Changes, c => Assert.Null(c.LimitPrice));
    }

    [Fact]
    public async Task Targets_that_close_the_whole_position_in_one_bar_report_no_error()
    {
        await EnterAsync(LongFour());
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));

        // tp1 (2002.1) and tp2 (2004.1) both fill; the broker cancels the stop (OCO) before the
        // executor sees the tp1 fill, so moving that stop to breakeven can only be refused.
        await BarAsync(B(10, 3, 2001.0m, 2004.5m, 2000.8m, 2004.0m));

        var trade = Assert.Single(Closed);
        Assert.Equal(["tp1", "tp2"], trade.Exits.Select(e => e.Reason));
        // 2 × 2.0 × 10 + 2 × 4.0 × 10 = 120.00; commission 4.96; net 115.04.
        Assert.Equal((120.00m, 115.04m, "tp2"), (trade.GrossPnL, trade.PnL!.Value, trade.ExitReason));
        Assert.All(_updates, u => Assert.Null(u.Error));
    }

    [Fact]
    public async Task A_stop_cancelled_by_someone_else_is_replaced_at_once_and_reported()
    {
        await EnterAsync(LongFour());
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        var stop = (await _broker.GetAccountAsync(None)).WorkingOrders.Single(o => o.Type == OrderType.Stop);
        await _broker.CancelAsync(stop.OrderId, None); // e.g. cancelled by hand on the platform
        await PumpAsync();

        Assert.Contains("protection: position 4 has no working stop", _updates[^1].Error, StringComparison.Ordinal);
        var replaced = (await _broker.GetAccountAsync(None)).WorkingOrders.Single(o => o.Type == OrderType.Stop);
        Assert.Equal(("gb-20251202-1000-1-stop2", 4, 1998.1m), (replaced.Tag, replaced.Quantity, replaced.StopPrice));
        Assert.Equal((1, 1), (_executor.Protection.Repairs, _executor.Protection.Violations));
        Assert.Equal("protected", _executor.Protection.State);

        await BarAsync(B(10, 3, 2000.5m, 2002.5m, 2000.2m, 2002.0m)); // tp1: the replacement follows the position to breakeven
        var moved = (await _broker.GetAccountAsync(None)).WorkingOrders.Single(o => o.Type == OrderType.Stop);
        Assert.Equal((replaced.OrderId, 2, 2000.1m), (moved.OrderId, moved.Quantity, moved.StopPrice));
    }

    [Fact]
    public async Task Short_bracket_stopped_out_records_a_loss_below_one_R()
    {
        // Short 2, stop 10 ticks, tp1 1 at 10, tp2 1 at 20. Risk 2 × 13.24 = $26.48.
        await EnterAsync(Plan(-1, 2, 10, new TargetLeg("tp1", 1, 10, 1m), new TargetLeg("tp2", 1, 20, 2m)));
        await BarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.5m, 2000.2m)); // short at 1999.9; stop 2000.9

        await BarAsync(B(10, 3, 2000.5m, 2001.2m, 2000.3m, 2001.0m));

        var trade = Assert.Single(Closed);
        Assert.Equal((1999.9m, 2000.9m, 1997.9m, "short"), (trade.Entry, trade.Stop, trade.Target, trade.Side));
        Assert.Equal([new TradeExit(At(10, 6), 2001.0m, 2, "stop")], trade.Exits);
        // 2 × (2001.0 − 1999.9) × −$10 = −22.00; commission 2.48; net −24.48 = −0.92R.
        Assert.Equal((-22.00m, 2.48m, -24.48m, -0.92m, "loss"), (trade.GrossPnL, trade.Commission, trade.PnL!.Value, trade.RMultiple!.Value, trade.Outcome));
    }

    [Fact]
    public async Task Flatten_cancels_the_targets_keeps_the_stop_until_the_close_fills_and_verifies_flat()
    {
        await EnterAsync(LongFour());
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        _sink.Drain();

        var update = await _executor.FlattenAsync("eod_flatten", None);

        Assert.Null(update.Error);
        Assert.Null(update.FlattenCompleted);
        var cancelled = _sink.Events.OfType<OrderCancelled>().ToList();
        Assert.Equal(["gb-20251202-1000-1-tp1", "gb-20251202-1000-1-tp2"], cancelled.Select(c => c.Tag));
        Assert.All(cancelled, c => Assert.Equal((At(10, 3), "cancelled on request"), (c.Time, c.Reason)));
        var working = (await _broker.GetAccountAsync(None)).WorkingOrders;
        Assert.Equal([(OrderType.Stop, OrderSide.Sell, 4), (OrderType.Market, OrderSide.Sell, 4)], working.Select(o => (o.Type, o.Side, o.Quantity)));
        Assert.Equal("gb-close-2", working[1].Tag);
        Assert.Equal("flattening", _executor.Protection.State);
        await PumpAsync();

        // This bar would hit the stop and both targets; the close fills at the open, 2001.0 − 0.1, and the stop goes with the position.
        await BarAsync(B(10, 3, 2001.0m, 2005.0m, 1997.0m, 2000.0m));

        var trade = Assert.Single(Closed);
        Assert.Equal([new TradeExit(At(10, 3), 2000.9m, 4, "eod_flatten")], trade.Exits);
        // 4 × 0.8 × $10 = 32.00; commission 4.96; net 27.04.
        Assert.Equal((32.00m, 4.96m, 27.04m, "eod_flatten"), (trade.GrossPnL, trade.Commission, trade.PnL!.Value, trade.ExitReason));
        Assert.Equal(new PositionState(0, 0m, false, 50_027.04m), _executor.Position);
        Assert.Contains(_updates, u => u.FlattenCompleted == "eod_flatten");
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders);
    }

    [Fact]
    public async Task Flatten_before_the_entry_fills_cancels_the_entry_and_leaves_no_trade()
    {
        await EnterAsync(LongFour());

        var flatten = await _executor.FlattenAsync("flatten_all", None);
        await PumpAsync();

        Assert.Null(flatten.Error); // cancelled by our own flatten: expected, not an error
        Assert.Equal("flatten_all", flatten.FlattenCompleted);
        Assert.Equal(new PositionState(0, 0m, false, 50_000m), _executor.Position);
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        Assert.Empty(_sink.Events.OfType<OrderFilled>());
    }

    [Fact]
    public async Task Rejected_entry_leaves_no_pending_entry_and_the_next_entry_works()
    {
        var rejected = await EnterAsync(Plan(+1, 0, 20, new TargetLeg("tp1", 1, 20, 1m)));

        Assert.Equal("entry gb-20251202-1000-1 rejected: quantity 0 must be positive", rejected.Error);
        Assert.Equal(new PositionState(0, 0m, false, 50_000m), rejected.Position);
        Assert.Null(_executor.OpenTrade);
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders);

        var accepted = await EnterAsync(LongFour());
        Assert.Null(accepted.Error);
        Assert.True(accepted.Position.EntryPending);
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        Assert.Equal("gb-20251202-1000-2", _executor.OpenTrade!.Id);
    }

    [Fact]
    public async Task Journal_PnL_of_a_sequence_of_trades_equals_the_broker_balance_change()
    {
        await EnterAsync(LongFour());                                       // breakeven after tp1
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        await BarAsync(B(10, 3, 2000.5m, 2002.5m, 2000.2m, 2002.0m));
        await BarAsync(B(10, 6, 2001.5m, 2001.8m, 2000.0m, 2000.3m));

        await EnterAsync(Plan(-1, 3, 15, new TargetLeg("tp1", 2, 15, 1m), new TargetLeg("tp2", 1, 30, 2m))); // gap through the stop
        await BarAsync(B(10, 9, 2000.3m, 2000.6m, 1999.9m, 2000.4m));     // short at 2000.2, stop 2001.7
        await BarAsync(B(10, 12, 2003.0m, 2003.5m, 2002.0m, 2003.2m));    // opens above the stop: 2003.1

        await EnterAsync(LongFour());                                       // flattened
        await BarAsync(B(10, 15, 2003.2m, 2003.9m, 2002.8m, 2003.5m));    // long at 2003.3
        await _executor.FlattenAsync("flatten_all", None);
        await PumpAsync();
        await BarAsync(B(10, 18, 2003.7m, 2004.0m, 2003.0m, 2003.4m));    // out at 2003.6

        var trades = Closed.ToList();
        Assert.Equal(["breakeven_stop", "stop", "flatten_all"], trades.Select(t => t.ExitReason));
        // 33.04; 3 × (2003.1 − 2000.2) × −10 − 6 × 0.62 = −90.72; 4 × 0.3 × 10 − 4.96 = 7.04.
        Assert.Equal([33.04m, -90.72m, 7.04m], trades.Select(t => t.PnL!.Value));
        var balance = (await _broker.GetAccountAsync(None)).Balance;
        Assert.Equal(50_000m + trades.Sum(t => t.PnL!.Value), balance);
        Assert.Equal(balance, trades[^1].BalanceAfter);
    }

    [Fact]
    public async Task Journal_PnL_equals_the_broker_balance_change_over_the_real_MGC_bars()
    {
        // A mechanical schedule over all 12,382 bars: an entry every 25 bars when flat, alternating
        // long and short, 1–7 contracts, 15–34-tick stops, and a flatten every 97 bars.
        var bars = BarCsvReader.Read(SharedData.MgcBars).Bars;
        for (var i = 0; i < bars.Count; i++)
        {
            await BarAsync(bars[i]);
            var position = _executor.Position;
            if (position is { Position: 0, EntryPending: false } && i % 25 == 0)
            {
                var quantity = 1 + i / 25 % 7;
                var stopTicks = 15 + i % 20;
                TargetLeg[] targets = quantity == 1
                    ? [new("tp1", 1, stopTicks, 1m)]
                    : [new("tp1", quantity / 2, stopTicks, 1m), new("tp2", quantity - quantity / 2, 2 * stopTicks, 2m)];
                var update = await EnterAsync(Plan(i / 25 % 2 == 0 ? +1 : -1, quantity, stopTicks, targets));
                Assert.Null(update.Error);
            }
            else if (position.Position != 0 && i % 97 == 0)
            {
                await _executor.FlattenAsync("schedule", None);
                await PumpAsync();
            }
        }
        await _executor.FlattenAsync("end_of_data", None);
        await PumpAsync();
        await _broker.CompleteAsync(None);
        await PumpAsync();

        var trades = Closed.ToList();
        var account = await _broker.GetAccountAsync(None);
        Assert.True(trades.Count > 300, $"only {trades.Count} trades");
        Assert.Equal((0, 0), (account.Position, account.WorkingOrders.Count));
        Assert.Equal(account.Balance - 50_000m, trades.Sum(t => t.PnL!.Value));
        Assert.All(trades, t => Assert.Equal(t.Size, t.Exits.Sum(e => e.Quantity)));
        Assert.All(trades, t => Assert.Equal(2 * t.Size * 0.62m, t.Commission));
        Assert.Contains(trades, t => t.ExitReason == "breakeven_stop");
        Assert.Contains(trades, t => t.ExitReason == "schedule");
        Assert.All(_updates, u => Assert.Null(u.Error));
    }

    [Fact]
    public async Task A_flatten_whose_cancel_is_refused_because_the_entry_just_filled_reads_the_account_and_closes_the_position()
    {
        // The entry fills while the flatten's cancel is in flight (live: a fill on the wire; replay: a
        // control file handled while the feed processes a bar); the cancel is refused: "maybe filled".
        var racing = new FillDuringFirstCancel(_broker, B(10, 3, 2000.0m, 2000.5m, 1999.5m, 2000.2m));
        var executor = new OrderExecutor(racing, Mgc, 50_000m, _clock);
        await executor.EnterAsync(LongFour(), None);
        foreach (var batch in _sink.DrainBatches())
            await executor.OnBrokerEventsAsync(batch, None);

        var update = await executor.FlattenAsync("flatten_all", None);

        Assert.Contains("it may have filled; reading the account before any further order", update.Error, StringComparison.Ordinal);
        Assert.Equal(4, executor.Position.Position); // the fill was booked from the account read, before its event
        var account = await _broker.GetAccountAsync(None);
        Assert.Equal(4, account.Position);
        Assert.Contains(account.WorkingOrders, o => o is { Type: OrderType.Stop, Quantity: 4 }); // protected while it closes
        var close = Assert.Single(account.WorkingOrders, o => o.Type == OrderType.Market);
        Assert.Equal((OrderSide.Sell, 4), (close.Side, close.Quantity));
        foreach (var batch in _sink.DrainBatches())
            await executor.OnBrokerEventsAsync(batch, None); // the late events change nothing: the fill is booked once
        Assert.Equal(4, executor.Position.Position);

        _clock.Now = At(10, 9);
        await _broker.OnBarOpenAsync(B(10, 6, 2000.2m, 2000.4m, 2000.0m, 2000.1m), None);
        foreach (var batch in _sink.DrainBatches())
            await executor.OnBrokerEventsAsync(batch, None);
        Assert.Equal((0, 0), ((await _broker.GetAccountAsync(None)).Position, executor.Position.Position));
    }

    /// <summary>A broker whose first cancel is preceded by a bar that fills the pending entry.</summary>
    private sealed class FillDuringFirstCancel(SimulatedBroker inner, Bar bar) : IBroker
    {
        private bool _raced;

        public ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken) => inner.PlaceAsync(request, cancellationToken);

        public ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken) => inner.ModifyAsync(change, cancellationToken);

        public async ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken)
        {
            if (!_raced)
            {
                _raced = true;
                await inner.OnBarAsync(bar, cancellationToken);
            }
            return await inner.CancelAsync(orderId, cancellationToken);
        }

        public ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken) => inner.ClosePositionAsync(tag, cancellationToken);

        public ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken) => inner.GetAccountAsync(cancellationToken);

        public ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken) => inner.FindOrderAsync(tag, cancellationToken);
    }
}
