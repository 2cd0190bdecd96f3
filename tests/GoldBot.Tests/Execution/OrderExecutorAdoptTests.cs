using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Execution;

/// <summary>
/// A restart finds what the broker holds: the new executor reads the account (<see cref="OrderExecutor.StartAsync"/>),
/// adopts an open position (keeping its stop, cancelling the rest) or protects one that has no stop, and never
/// enters again. MGC, default costs, 3-minute bars on Tuesday 2 December 2025 (UTC).
/// </summary>
public sealed class OrderExecutorAdoptTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingBrokerEventSink _sink = new();
    private readonly FixedTimeProvider _clock = new(At(10, 0));
    private readonly SimulatedBroker _broker;

    public OrderExecutorAdoptTests() =>
        _broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock);

    private static DateTimeOffset At(int hour, int minute) => new(2025, 12, 2, hour, minute, 0, TimeSpan.Zero);

    private async Task BarAsync(OrderExecutor executor, int minute, decimal open, decimal high, decimal low, decimal close)
    {
        _clock.Now = At(10, minute + 3);
        var bar = new Bar(At(10, minute), open, high, low, close, 100);
        await _broker.OnBarOpenAsync(bar, None);
        await PumpAsync(executor);
        await _broker.OnBarAsync(bar, None);
        await PumpAsync(executor);
    }

    private async Task PumpAsync(OrderExecutor executor)
    {
        foreach (var batch in _sink.DrainBatches())
            await executor.OnBrokerEventsAsync(batch, None);
    }

    private OrderExecutor Restarted(string prefix = "gbrun2") => new(_broker, Mgc, 50_000m, _clock, prefix, adoption: new AdoptionPolicy(StopTicks: 30));

    /// <summary>A first run enters long 4 (stop 20 ticks, two targets) and "crashes" with the position open.</summary>
    private async Task<OrderExecutor> CrashedRunAsync()
    {
        var first = new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun1");
        var plan = new TradePlan(Signals.Long(At(10, 0), 20), 4, 20,
            [new TargetLeg("tp1", 2, 20, 1m), new TargetLeg("tp2", 2, 40, 2m)], 92.96m, 250m);
        await first.EnterAsync(plan, None);
        await BarAsync(first, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m); // entry 2000.1, stop 1998.1
        Assert.Equal(4, (await _broker.GetAccountAsync(None)).Position);
        return first;
    }

    [Fact]
    public async Task Restart_keeps_the_existing_stop_cancels_the_targets_and_exits_on_that_stop()
    {
        await CrashedRunAsync();
        var restarted = Restarted();
        _sink.Drain();
        var update = await restarted.StartAsync(2000.5m, None);

        Assert.Contains("not opened by this run: adopted", update.Error, StringComparison.Ordinal);
        var adopted = Assert.IsType<TradeRecord>(update.Opened);
        Assert.Equal(("adopted", "long", 4, 2000.1m, 1998.1m), (adopted.Pattern, adopted.Side, adopted.Size, adopted.Entry, adopted.Stop));
        var account = await _broker.GetAccountAsync(None);
        var stop = Assert.Single(account.WorkingOrders);
        Assert.Equal((OrderType.Stop, 1998.1m, 4), (stop.Type, stop.StopPrice, stop.Quantity));

        await PumpAsync(restarted);
        await BarAsync(restarted, 6, 2000.0m, 2000.2m, 1997.0m, 1997.5m);
        Assert.Equal(0, (await _broker.GetAccountAsync(None)).Position);
        Assert.Null(restarted.OpenTrade);
        Assert.Equal(0, restarted.Position.Position);
    }

    [Fact]
    public async Task A_saved_trade_resumes_exactly_with_its_attribution_costs_and_legs_and_goes_on_to_breakeven()
    {
        var first = await CrashedRunAsync();
        var saved = Assert.IsType<OpenTradeState>(first.OpenTradeState);
        Assert.Equal(3, (await _broker.GetAccountAsync(None)).WorkingOrders.Count); // stop, tp1, tp2
        var restarted = Restarted();
        _sink.Drain();

        var update = await restarted.StartAsync(2000.5m, saved, None);

        var resumed = Assert.IsType<TradeRecord>(update.Opened);
        Assert.Equal((saved.Tag, "order_block", 8, 2000.1m, 1998.1m, saved.Commission), (resumed.Id, resumed.Pattern, resumed.PatternScore, resumed.Entry, resumed.Stop, resumed.Commission));
        Assert.True(saved.Commission > 0); // the entry's fee stays in the trade's costs
        Assert.Contains(update.Notes, n => n.Message.Contains($"resumed trade {saved.Tag}", StringComparison.Ordinal) && n.Message.Contains("3 of its orders kept", StringComparison.Ordinal));
        Assert.Equal(3, (await _broker.GetAccountAsync(None)).WorkingOrders.Count);

        await PumpAsync(restarted);
        await BarAsync(restarted, 6, 2000.6m, 2002.5m, 2000.4m, 2002.2m); // tp1 (2002.1) fills 2

        var stop = Assert.Single((await _broker.GetAccountAsync(None)).WorkingOrders, o => o.Type == OrderType.Stop);
        Assert.Equal((2, 2000.1m), (stop.Quantity, stop.StopPrice)); // the resumed trade's own rule: breakeven after tp1
        Assert.Equal(2, restarted.Position.Position);
    }

    /// <summary>A bar at the broker while no executor listens (GoldBot down): its fills happen, their events are lost.</summary>
    private async Task BarWhileDownAsync(int minute, decimal open, decimal high, decimal low, decimal close)
    {
        _clock.Now = At(10, minute + 3);
        await BrokerWhileDown.BarAsync(_broker, _sink, new Bar(At(10, minute), open, high, low, close, 100));
    }

    [Fact]
    public async Task A_saved_trade_stopped_out_while_GoldBot_was_down_is_closed_on_restart_as_a_stop_loss()
    {
        var first = await CrashedRunAsync();
        var saved = first.OpenTradeState!;
        await BarWhileDownAsync(6, 2000.0m, 2000.2m, 1997.0m, 1997.5m); // the stop (1998.1) fills 4
        Assert.Equal(0, (await _broker.GetAccountAsync(None)).Position);

        var restarted = Restarted();
        var update = await restarted.StartAsync(1997.5m, saved, None);

        var closed = Assert.IsType<TradeRecord>(update.Closed);
        Assert.Equal((saved.Tag, "order_block", "stop", 4), (closed.Id, closed.Pattern, closed.ExitReason, closed.Exits.Sum(e => e.Quantity)));
        Assert.Equal(1998.0m, closed.Exits.Single().Price); // the stop, a tick of slippage through it
        Assert.Equal(-84m - 8 * 0.62m, closed.PnL); // 2.1 points × 10 USD × 4, and the entry's fees with the exit's
        Assert.Equal(50_000m - 84m - 8 * 0.62m, closed.BalanceAfter);
        Assert.DoesNotContain(update.Notes, n => n.Message.Contains("adopt", StringComparison.Ordinal));
        Assert.DoesNotContain((await _broker.GetAccountAsync(None)).WorkingOrders, o => o.Type == OrderType.Stop);
    }

    [Fact]
    public async Task A_saved_trade_whose_first_target_filled_while_GoldBot_was_down_resumes_with_the_rest_and_its_stop_at_breakeven()
    {
        var first = await CrashedRunAsync();
        var saved = first.OpenTradeState!;
        await BarWhileDownAsync(6, 2000.6m, 2002.5m, 2000.4m, 2002.2m); // tp1 (2002.1) fills 2; the stop stays at 4 for 1998.1

        var restarted = Restarted();
        var update = await restarted.StartAsync(2002.2m, saved, None);

        Assert.Null(update.Closed);
        var open = Assert.IsType<TradeRecord>(restarted.OpenTrade);
        Assert.Equal((saved.Tag, 2, "tp1"), (open.Id, open.Exits.Sum(e => e.Quantity), open.Exits.Single().Reason));
        Assert.Equal(2, restarted.Position.Position);
        var stop = Assert.Single((await _broker.GetAccountAsync(None)).WorkingOrders, o => o.Type == OrderType.Stop);
        Assert.Equal((2, 2000.1m), (stop.Quantity, stop.StopPrice));
    }

    [Fact]
    public async Task A_saved_trade_that_does_not_match_the_brokers_position_is_dropped_and_the_position_adopted()
    {
        var first = await CrashedRunAsync();
        var saved = first.OpenTradeState! with { EntryFilled = 3 };
        var restarted = Restarted();

        var update = await restarted.StartAsync(2000.5m, saved, None);

        Assert.Equal("adopted", Assert.IsType<TradeRecord>(update.Opened).Pattern);
        Assert.Contains(update.Notes, n => n.Message.Contains("does not match the broker's position 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_position_without_a_stop_gets_one_at_the_configured_distance()
    {
        var first = await CrashedRunAsync();
        await first.FlattenAsync("test", None); // cancels the targets and sends a market exit...
        foreach (var order in (await _broker.GetAccountAsync(None)).WorkingOrders)
            await _broker.CancelAsync(order.OrderId, None); // ...which never reaches the market, and the stop is gone: the crash
        var account = await _broker.GetAccountAsync(None);
        Assert.Equal((4, 0), (account.Position, account.WorkingOrders.Count));

        var restarted = Restarted();
        var update = await restarted.StartAsync(2000.5m, None);

        Assert.Equal(1997.1m, Assert.IsType<TradeRecord>(update.Opened).Stop); // 2000.1 − 30 ticks
        var stop = Assert.Single((await _broker.GetAccountAsync(None)).WorkingOrders);
        Assert.Equal(("gbrun2-adopt-1-stop", OrderSide.Sell, 1997.1m, 4), (stop.Tag, stop.Side, stop.StopPrice, stop.Quantity));
    }

    [Fact]
    public async Task A_stop_already_through_the_market_closes_the_position_at_once()
    {
        var first = await CrashedRunAsync();
        await first.FlattenAsync("test", None);
        foreach (var order in (await _broker.GetAccountAsync(None)).WorkingOrders)
            await _broker.CancelAsync(order.OrderId, None);

        var restarted = Restarted();
        await restarted.StartAsync(1996.0m, None);

        // The close goes with a guard stop 20 ticks (2.0) below the last trade: it caps the loss if the close fails, and is
        // too far to fill in the same instant as the close.
        var working = (await _broker.GetAccountAsync(None)).WorkingOrders;
        Assert.Equal(2, working.Count);
        Assert.Contains(working, o => (o.Type, o.Side, o.Quantity) == (OrderType.Market, OrderSide.Sell, 4));
        Assert.Contains(working, o => (o.Type, o.Side, o.Quantity, o.StopPrice) == (OrderType.Stop, OrderSide.Sell, 4, 1994.0m));
    }

    [Fact]
    public async Task Flat_account_with_stray_orders_is_cleaned_and_nothing_is_adopted()
    {
        await _broker.PlaceAsync(new OrderRequest("old-limit", OrderSide.Buy, OrderType.Limit, 1, LimitPrice: 1990m), None);
        var restarted = Restarted();
        var update = await restarted.StartAsync(2000m, None);

        Assert.Null(update.Opened);
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders);
    }
}
