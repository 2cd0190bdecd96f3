using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Execution;

/// <summary>
/// The simulated broker's fill model (its class summary), rule by rule, with exact prices,
/// times, commission and balance. MGC: tick 0.10 = $1, so one point is $10 per contract;
/// defaults: $0.62 per contract per side, one tick of slippage on market and stop orders, limits
/// filled once a bar trades one tick through them.
/// Bars are 3 minutes on Tuesday 2 December 2025 (UTC).
/// </summary>
public sealed class SimulatedBrokerTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingBrokerEventSink _sink = new();
    private readonly FixedTimeProvider _clock = new(At(9, 59));
    private readonly SimulatedBroker _broker;

    public SimulatedBrokerTests() => _broker = NewBroker(new FillModelOptions());

    private SimulatedBroker NewBroker(FillModelOptions costs) => new(Mgc, costs, 50_000m, TimeSpan.FromMinutes(3), _sink, _clock);

    private static DateTimeOffset At(int hour, int minute) => new(2025, 12, 2, hour, minute, 0, TimeSpan.Zero);

    private static Bar B(int hour, int minute, decimal open, decimal high, decimal low, decimal close) => new(At(hour, minute), open, high, low, close, 100);

    /// <summary>Balance, position, average price and number of working orders.</summary>
    private static (decimal Balance, int Position, decimal AveragePrice, int Working) Summary(AccountSnapshot account) =>
        (account.Balance, account.Position, account.AveragePrice, account.WorkingOrders.Count);

    /// <summary>A fill as the tests state it: the broker's fill with the position and balance after it.</summary>
    private sealed record Booked(DateTimeOffset Time, long OrderId, string Tag, OrderSide Side, int Quantity, decimal Price, decimal Commission, int PositionAfter, decimal BalanceAfter);

    /// <summary>
    /// Events as the tests state them: each fill with the position and balance after it, booked here
    /// independently of the broker (average-price P&amp;L at $10 a point, from 50,000 USD), other events as they are.
    /// </summary>
    private List<object> Shown(IEnumerable<BrokerEvent> events)
    {
        var booked = new Dictionary<BrokerFill, Booked>(ReferenceEqualityComparer.Instance);
        var (position, average, balance) = (0, 0m, 50_000m);
        foreach (var fill in _sink.Events.OfType<OrderFilled>().Select(f => f.Fill))
        {
            var signed = fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity;
            var closing = position != 0 && Math.Sign(signed) != Math.Sign(position) ? Math.Min(fill.Quantity, Math.Abs(position)) : 0;
            balance += closing * (fill.Price - average) * Math.Sign(position) * 10m - fill.Commission;
            var after = position + signed;
            average = after == 0 ? 0 : Math.Sign(after) != Math.Sign(position) ? fill.Price
                : closing == 0 ? (average * Math.Abs(position) + fill.Price * fill.Quantity) / Math.Abs(after) : average;
            position = after;
            booked[fill] = new Booked(fill.Time, fill.OrderId, fill.Tag, fill.Side, fill.Quantity, fill.Price, fill.Commission, position, balance);
        }
        return [.. events.Select(e => e is OrderFilled f ? booked[f.Fill] : (object)e)];
    }

    private IEnumerable<Booked> Fills => Shown(_sink.Events).OfType<Booked>();

    private async Task<long> PlaceAsync(OrderRequest request)
    {
        var ack = await _broker.PlaceAsync(request, None);
        Assert.True(ack.Success, ack.Error);
        return ack.OrderId;
    }

    private static OrderRequest Market(string tag, OrderSide side, int quantity, bool reduceOnly = false) => new(tag, side, OrderType.Market, quantity, ReduceOnly: reduceOnly);

    private static OrderRequest SellStop(string tag, decimal price, int quantity = 1) => new(tag, OrderSide.Sell, OrderType.Stop, quantity, StopPrice: price, ReduceOnly: true);

    private static OrderRequest SellLimit(string tag, decimal price, int quantity = 1) => new(tag, OrderSide.Sell, OrderType.Limit, quantity, LimitPrice: price, ReduceOnly: true);

    /// <summary>Buys <paramref name="quantity"/> at the 10:00 bar's open 2000.0 + 1 tick = 2000.1; the bar (H 2000.5, L 1999.8) touches nothing else.</summary>
    private async Task OpenLongAsync(int quantity = 1)
    {
        await PlaceAsync(Market("entry", OrderSide.Buy, quantity));
        await _broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None);
        Assert.Equal(2000.1m, Fills.Single().Price);
    }

    [Fact]
    public async Task Market_buy_waits_for_the_next_bar_and_fills_at_its_open_plus_slippage_stamped_at_the_open()
    {
        var id = await PlaceAsync(Market("entry", OrderSide.Buy, 2));

        Assert.Equal([new OrderAccepted(At(9, 59), new WorkingOrder(id, "entry", OrderSide.Buy, OrderType.Market, 2, null, null))], _sink.Events);

        await _broker.OnBarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.0m, 2000.5m), None);

        // 2000.0 + 0.1; commission 2 × 0.62 = 1.24; balance 50,000 − 1.24.
        Assert.Equal([new Booked(At(10, 0), id, "entry", OrderSide.Buy, 2, 2000.1m, 1.24m, 2, 49_998.76m)], Fills);
        Assert.Equal((49_998.76m, 2, 2000.1m, 0), Summary(await _broker.GetAccountAsync(None)));
    }

    [Fact]
    public async Task Market_sell_fills_at_the_open_minus_slippage()
    {
        var id = await PlaceAsync(Market("entry", OrderSide.Sell, 1));
        await _broker.OnBarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.0m, 2000.5m), None);

        Assert.Equal([new Booked(At(10, 0), id, "entry", OrderSide.Sell, 1, 1999.9m, 0.62m, -1, 49_999.38m)], Fills);
    }

    [Fact]
    public async Task Sell_stop_triggers_when_the_low_reaches_it_and_fills_at_the_stop_minus_slippage_stamped_at_the_close()
    {
        await OpenLongAsync();
        var stop = await PlaceAsync(SellStop("stop", 1998.0m));

        await _broker.OnBarAsync(B(10, 3, 1999.5m, 1999.8m, 1998.1m, 1998.5m), None);
        Assert.Single(Fills); // one tick above the stop: not triggered

        await _broker.OnBarAsync(B(10, 6, 1998.5m, 1998.9m, 1998.0m, 1998.4m), None);

        // Realised (1997.9 − 2000.1) × $10 = −22.00; balance 50,000 − 0.62 − 22.00 − 0.62.
        Assert.Equal(new Booked(At(10, 9), stop, "stop", OrderSide.Sell, 1, 1997.9m, 0.62m, 0, 49_976.76m), Fills.Last());
    }

    [Fact]
    public async Task Sell_stop_gapped_through_fills_at_the_open_minus_slippage()
    {
        await OpenLongAsync();
        var stop = await PlaceAsync(SellStop("stop", 1998.0m));

        await _broker.OnBarAsync(B(10, 3, 1996.0m, 1997.0m, 1995.0m, 1996.5m), None);

        // Opened 2 points below the stop: 1996.0 − 0.1. Realised (1995.9 − 2000.1) × $10 = −42.00.
        Assert.Equal(new Booked(At(10, 6), stop, "stop", OrderSide.Sell, 1, 1995.9m, 0.62m, 0, 49_956.76m), Fills.Last());
    }

    [Fact]
    public async Task Buy_stop_gapped_through_fills_at_the_open_plus_slippage()
    {
        await PlaceAsync(Market("entry", OrderSide.Sell, 1));
        await _broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.5m, 2000.0m), None); // short at 1999.9
        var stop = await PlaceAsync(new OrderRequest("stop", OrderSide.Buy, OrderType.Stop, 1, StopPrice: 2002.0m, ReduceOnly: true));

        await _broker.OnBarAsync(B(10, 3, 2003.0m, 2004.0m, 2002.5m, 2003.5m), None);

        // 2003.0 + 0.1; realised (2003.1 − 1999.9) × −1 × $10 = −32.00.
        Assert.Equal(new Booked(At(10, 6), stop, "stop", OrderSide.Buy, 1, 2003.1m, 0.62m, 0, 49_966.76m), Fills.Last());
    }

    [Fact]
    public async Task Sell_limit_touched_but_not_traded_through_does_not_fill()
    {
        await OpenLongAsync();
        var limit = await PlaceAsync(SellLimit("tp", 2002.0m));

        await _broker.OnBarAsync(B(10, 3, 2000.5m, 2002.0m, 2000.3m, 2001.0m), None); // high exactly at the limit

        Assert.Single(Fills);
        Assert.Equal([limit], (await _broker.GetAccountAsync(None)).WorkingOrders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Sell_limit_traded_through_by_one_tick_fills_at_its_price_stamped_at_the_close()
    {
        await OpenLongAsync();
        var limit = await PlaceAsync(SellLimit("tp", 2002.0m));

        await _broker.OnBarAsync(B(10, 3, 2000.5m, 2002.1m, 2000.3m, 2001.0m), None);

        // No slippage on limits and no better price either. Realised (2002.0 − 2000.1) × $10 = 19.00.
        Assert.Equal(new Booked(At(10, 6), limit, "tp", OrderSide.Sell, 1, 2002.0m, 0.62m, 0, 50_017.76m), Fills.Last());
    }

    [Fact]
    public async Task Buy_limit_needs_the_low_one_tick_below_it_and_fills_at_its_price()
    {
        var bid = await PlaceAsync(new OrderRequest("bid", OrderSide.Buy, OrderType.Limit, 1, LimitPrice: 1998.0m));

        await _broker.OnBarAsync(B(10, 0, 1999.0m, 1999.5m, 1998.0m, 1998.5m), None); // low exactly at the limit
        Assert.Empty(Fills);

        await _broker.OnBarAsync(B(10, 3, 1998.5m, 1998.8m, 1997.9m, 1998.2m), None);

        Assert.Equal([new Booked(At(10, 6), bid, "bid", OrderSide.Buy, 1, 1998.0m, 0.62m, 1, 49_999.38m)], Fills);
    }

    [Fact]
    public async Task Limit_gapped_through_fills_at_the_limit_never_better()
    {
        await OpenLongAsync();
        var limit = await PlaceAsync(SellLimit("tp", 2002.0m));

        await _broker.OnBarAsync(B(10, 3, 2005.0m, 2006.0m, 2004.0m, 2005.5m), None);

        Assert.Equal(new Booked(At(10, 6), limit, "tp", OrderSide.Sell, 1, 2002.0m, 0.62m, 0, 50_017.76m), Fills.Last());
    }

    [Fact]
    public async Task Buy_limit_gapped_through_fills_at_the_limit_never_better()
    {
        var bid = await PlaceAsync(new OrderRequest("bid", OrderSide.Buy, OrderType.Limit, 1, LimitPrice: 1998.0m));

        await _broker.OnBarAsync(B(10, 0, 1995.0m, 1996.0m, 1994.0m, 1995.5m), None); // the whole bar below the limit

        Assert.Equal([new Booked(At(10, 3), bid, "bid", OrderSide.Buy, 1, 1998.0m, 0.62m, 1, 49_999.38m)], Fills);
    }

    [Theory]
    [InlineData(0, "2002.0", true)] // 0 restores fill-on-touch
    [InlineData(0, "2001.9", false)]
    [InlineData(1, "2002.0", false)]
    [InlineData(1, "2002.1", true)]
    [InlineData(2, "2002.1", false)]
    [InlineData(2, "2002.2", true)]
    public async Task The_trade_through_distance_comes_from_the_fill_model_options(int ticks, string high, bool targetFills)
    {
        var broker = NewBroker(new FillModelOptions { LimitTradeThroughTicks = ticks });
        await broker.PlaceAsync(Market("entry", OrderSide.Buy, 1), None);
        await broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None);
        await broker.PlaceAsync(SellLimit("tp", 2002.0m), None);

        await broker.OnBarAsync(B(10, 3, 2001.0m, decimal.Parse(high, CultureInfo.InvariantCulture), 2000.8m, 2001.5m), None);

        Assert.Equal(targetFills ? [2000.1m, 2002.0m] : [2000.1m], Fills.Select(f => f.Price));
    }

    [Fact]
    public void A_negative_trade_through_distance_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NewBroker(new FillModelOptions { LimitTradeThroughTicks = -1 }));
        Assert.Equal("costs", e.ParamName);
    }

    [Fact]
    public async Task Stop_fills_before_the_target_when_both_are_inside_one_bar_and_the_target_is_cancelled()
    {
        await OpenLongAsync();
        var stop = await PlaceAsync(SellStop("stop", 1998.0m));
        var target = await PlaceAsync(SellLimit("tp", 2002.0m));
        _sink.Drain();

        await _broker.OnBarAsync(B(10, 3, 2000.0m, 2003.0m, 1997.0m, 2001.0m), None);

        Assert.Equal<object>(
        [
            new Booked(At(10, 6), stop, "stop", OrderSide.Sell, 1, 1997.9m, 0.62m, 0, 49_976.76m),
            new OrderCancelled(At(10, 6), target, "tp", "position flat: exit order cancelled (OCO)"),
        ], Shown(_sink.Drain()));
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders);
    }

    [Fact]
    public async Task Limits_fill_nearest_to_the_open_first()
    {
        await OpenLongAsync();
        var far = await PlaceAsync(SellLimit("far", 2004.0m));
        var near = await PlaceAsync(SellLimit("near", 2002.0m));
        _sink.Drain();

        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2005.0m, 2000.5m, 2004.5m), None);

        Assert.Equal<object>(
        [
            new Booked(At(10, 6), near, "near", OrderSide.Sell, 1, 2002.0m, 0.62m, 0, 50_017.76m),
            new OrderCancelled(At(10, 6), far, "far", "position flat: exit order cancelled (OCO)"),
        ], Shown(_sink.Drain()));
    }

    [Fact]
    public async Task Limits_equally_distant_from_the_open_fill_in_placement_order()
    {
        // Three limits are the case where List.Sort's introsort reordered ties (it gave c, b, a).
        await OpenLongAsync(3);
        var a = await PlaceAsync(SellLimit("a", 2002.0m));
        var b = await PlaceAsync(SellLimit("b", 2002.0m));
        var c = await PlaceAsync(SellLimit("c", 2001.5m));
        _sink.Drain();

        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2003.0m, 2000.8m, 2002.5m), None);

        Assert.Equal([c, a, b], _sink.Drain().OfType<OrderFilled>().Select(f => f.Fill.OrderId));
    }

    [Fact]
    public async Task Exit_orders_placed_after_the_open_are_live_for_the_rest_of_that_bar()
    {
        var entry = await PlaceAsync(Market("e", OrderSide.Buy, 2));
        var bar = B(10, 0, 2000.0m, 2001.5m, 1999.5m, 2001.2m);
        await _broker.OnBarOpenAsync(bar, None);
        Assert.Equal(2000.1m, Fills.Single().Price);

        // As the executor does at the entry's fill: stop 20 ticks below 2000.1, target 10 ticks above, reached by the high 2001.5.
        var stop = await PlaceAsync(new OrderRequest("e-stop", OrderSide.Sell, OrderType.Stop, 2, StopPrice: 1998.1m, ReduceOnly: true));
        var target = await PlaceAsync(SellLimit("e-tp1", 2001.1m, 2));
        _sink.Drain();
        await _broker.OnBarAsync(bar, None);

        // Realised 2 × (2001.1 − 2000.1) × $10 = 20.00; commission 4 × 0.62 = 2.48.
        Assert.Equal<object>(
        [
            new Booked(At(10, 3), target, "e-tp1", OrderSide.Sell, 2, 2001.1m, 1.24m, 0, 50_017.52m),
            new OrderCancelled(At(10, 3), stop, "e-stop", "position flat: exit order cancelled (OCO)"),
        ], Shown(_sink.Drain()));
        Assert.Equal(1, entry);
    }

    [Fact]
    public async Task Market_orders_fill_once_per_bar_even_when_the_open_was_played_first()
    {
        await PlaceAsync(Market("e", OrderSide.Sell, 1));
        var bar = B(10, 0, 2000.0m, 2001.0m, 1998.5m, 1999.0m);
        await _broker.OnBarOpenAsync(bar, None);
        await PlaceAsync(Market("late", OrderSide.Sell, 1)); // placed after the open: waits for the next bar
        await _broker.OnBarAsync(bar, None);

        Assert.Equal([("e", 1999.9m)], Fills.Select(f => (f.Tag, f.Price)));
        Assert.Single((await _broker.GetAccountAsync(None)).WorkingOrders);
    }

    [Fact]
    public async Task Reduce_only_order_larger_than_the_position_only_closes_it_and_never_flips()
    {
        await OpenLongAsync(2);
        var close = await PlaceAsync(Market("close", OrderSide.Sell, 5, reduceOnly: true));

        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2001.5m, 2000.5m, 2001.0m), None);

        // 2 sold at 2000.9; realised 2 × 0.8 × $10 = 16.00; commission for 2, not 5.
        Assert.Equal(new Booked(At(10, 3), close, "close", OrderSide.Sell, 2, 2000.9m, 1.24m, 0, 50_013.52m), Fills.Last());
        Assert.Equal(0, (await _broker.GetAccountAsync(None)).Position);
    }

    [Fact]
    public async Task Reduce_only_order_with_nothing_to_reduce_is_cancelled_without_a_fill()
    {
        var flat = await PlaceAsync(Market("flat", OrderSide.Sell, 1, reduceOnly: true));
        await _broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None);
        Assert.Equal(new OrderCancelled(At(10, 0), flat, "flat", "reduce-only order with no position to reduce"), _sink.Events[^1]);

        await OpenLongAsync();
        var sameSide = await PlaceAsync(new OrderRequest("add", OrderSide.Buy, OrderType.Market, 1, ReduceOnly: true));
        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2001.5m, 2000.5m, 2001.0m), None);

        Assert.Equal(new OrderCancelled(At(10, 3), sameSide, "add", "reduce-only order with no position to reduce"), _sink.Events[^1]);
        Assert.Equal((49_999.38m, 1, 2000.1m, 0), Summary(await _broker.GetAccountAsync(None)));
    }

    [Fact]
    public async Task Going_flat_cancels_every_reduce_only_order_but_keeps_other_orders()
    {
        await OpenLongAsync();
        var stop = await PlaceAsync(SellStop("stop", 1990.0m));
        var entryLimit = await PlaceAsync(new OrderRequest("next-entry", OrderSide.Buy, OrderType.Limit, 1, LimitPrice: 1980.0m));
        var close = await PlaceAsync(Market("close", OrderSide.Sell, 1, reduceOnly: true));
        _sink.Drain();

        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2001.5m, 2000.5m, 2001.0m), None);

        Assert.Equal<object>(
        [
            new Booked(At(10, 3), close, "close", OrderSide.Sell, 1, 2000.9m, 0.62m, 0, 50_006.76m),
            new OrderCancelled(At(10, 3), stop, "stop", "position flat: exit order cancelled (OCO)"),
        ], Shown(_sink.Drain()));
        Assert.Equal([entryLimit], (await _broker.GetAccountAsync(None)).WorkingOrders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task A_reduce_only_market_order_cancelled_by_an_earlier_fill_in_the_bar_is_cancelled_once()
    {
        await OpenLongAsync();
        var first = await PlaceAsync(Market("close-1", OrderSide.Sell, 1, reduceOnly: true));
        var second = await PlaceAsync(Market("close-2", OrderSide.Sell, 1, reduceOnly: true));
        _sink.Drain();

        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2001.5m, 2000.5m, 2001.0m), None);

        Assert.Equal<object>(
        [
            new Booked(At(10, 3), first, "close-1", OrderSide.Sell, 1, 2000.9m, 0.62m, 0, 50_006.76m),
            new OrderCancelled(At(10, 3), second, "close-2", "position flat: exit order cancelled (OCO)"),
        ], Shown(_sink.Drain()));
    }

    [Fact]
    public async Task Opposite_order_without_reduce_only_closes_and_reverses_at_the_fill_price()
    {
        await OpenLongAsync();
        var reverse = await PlaceAsync(Market("reverse", OrderSide.Sell, 3));

        await _broker.OnBarAsync(B(10, 3, 2001.0m, 2001.5m, 2000.5m, 2001.0m), None);

        // 1 closes at 2000.9 (+8.00), 2 open short at 2000.9; commission 3 × 0.62 = 1.86.
        Assert.Equal(new Booked(At(10, 3), reverse, "reverse", OrderSide.Sell, 3, 2000.9m, 1.86m, -2, 50_005.52m), Fills.Last());
        Assert.Equal((50_005.52m, -2, 2000.9m, 0), Summary(await _broker.GetAccountAsync(None)));
    }

    [Fact]
    public async Task Realised_PnL_uses_the_average_entry_price()
    {
        await OpenLongAsync();
        await PlaceAsync(Market("add", OrderSide.Buy, 1));
        await _broker.OnBarAsync(B(10, 3, 2002.0m, 2002.5m, 2001.5m, 2002.0m), None);
        Assert.Equal(2001.1m, (await _broker.GetAccountAsync(None)).AveragePrice); // (2000.1 + 2002.1) / 2

        await PlaceAsync(Market("close", OrderSide.Sell, 2, reduceOnly: true));
        await _broker.OnBarAsync(B(10, 6, 2003.0m, 2003.5m, 2002.5m, 2003.0m), None);

        // 2 × (2002.9 − 2001.1) × $10 = 36.00; four contract-sides of commission = 2.48.
        Assert.Equal((50_033.52m, 0, 0m, 0), Summary(await _broker.GetAccountAsync(None)));
    }

    [Fact]
    public async Task Commission_and_slippage_come_from_the_fill_model_options()
    {
        var broker = NewBroker(new FillModelOptions { CommissionPerSide = 0.50m, MarketSlippageTicks = 0, StopSlippageTicks = 2 });
        await broker.PlaceAsync(Market("entry", OrderSide.Buy, 2), None);
        await broker.PlaceAsync(SellStop("stop", 1998.0m, 2), None);

        await broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1997.0m, 1997.5m), None);

        // Entry at the open exactly; stop at 1998.0 − 2 ticks; 2 × (1997.8 − 2000.0) × $10 = −44.00; commission 4 × 0.50.
        var fills = _sink.Events.OfType<OrderFilled>().Select(f => f.Fill).ToList();
        Assert.Equal([2000.0m, 1997.8m], fills.Select(f => f.Price));
        Assert.Equal([1.00m, 1.00m], fills.Select(f => f.Commission));
        Assert.Equal(49_954.00m, (await broker.GetAccountAsync(None)).Balance);
    }

    [Fact]
    public async Task A_bar_that_fills_nothing_allocates_nothing_with_or_without_a_working_bracket()
    {
        var quiet = QuietBars(At(10, 3), 1_000);
        AllocatedBy(quiet, _broker.FillAgainst); // warm-up
        var noOrders = AllocatedBy(quiet, _broker.FillAgainst);

        await OpenBracketAsync();
        AllocatedBy(quiet, _broker.FillAgainst); // warm-up of the stop and limit paths
        var withBracket = AllocatedBy(quiet, _broker.FillAgainst);

        Assert.Equal((0L, 0L), (noOrders, withBracket));
        Assert.Equal((1, 2), Summary(await _broker.GetAccountAsync(None)) is var s ? (s.Position, s.Working) : default);
    }

    [Fact]
    public async Task OnBarAsync_allocates_nothing_when_nothing_fills_in_an_optimised_build()
    {
        // Each call completes synchronously (the lock is free, nothing is published), so the
        // whole measurement runs on this thread.
        var quiet = QuietBars(At(10, 3), 1_000);
        AllocatedBy(quiet, OnBarSynchronously);
        var noOrders = AllocatedBy(quiet, OnBarSynchronously);

        await OpenBracketAsync();
        AllocatedBy(quiet, OnBarSynchronously);
        var withBracket = AllocatedBy(quiet, OnBarSynchronously);

        // A Debug build compiles async state machines as classes, so there every call allocates
        // the same boxes (OnBarAsync's and FlushAsync's) whatever is working; Release keeps them
        // on the stack. `dotnet test -c Release` checks the zero.
        var optimised = typeof(SimulatedBroker).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
        if (optimised)
            Assert.Equal((0L, 0L), (noOrders, withBracket));
        else
            Assert.Equal(noOrders, withBracket);
    }

    private void OnBarSynchronously(Bar bar)
    {
        var pending = _broker.OnBarAsync(bar, None);
        Assert.True(pending.IsCompletedSuccessfully);
        pending.GetAwaiter().GetResult();
    }

    /// <summary>Long 1 at 2000.1 with a stop at 1998.1 and a target at 2002.1, both working.</summary>
    private async Task OpenBracketAsync()
    {
        await OpenLongAsync();
        await PlaceAsync(SellStop("e-stop", 1998.1m));
        await PlaceAsync(SellLimit("e-tp1", 2002.1m));
    }

    /// <summary><paramref name="count"/> 3-minute bars from <paramref name="start"/>, all inside 1999.8–2000.7: they reach neither leg of <see cref="OpenBracketAsync"/>.</summary>
    private static Bar[] QuietBars(DateTimeOffset start, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Bar(start.AddMinutes(3 * i), 2000.0m, 2000.5m + i % 3 * 0.1m, 1999.8m, 2000.2m, 100))];

    /// <summary>Bytes allocated on this thread while <paramref name="step"/> takes every bar (<see cref="ThreadAllocation"/>: the fewest of three passes).</summary>
    private static long AllocatedBy(Bar[] bars, Action<Bar> step) => ThreadAllocation.Fewest(() => ThreadAllocation.During(() =>
    {
        foreach (var bar in bars)
            step(bar);
    }));

    public static TheoryData<OrderRequest, string> BadOrders => new()
    {
        { new OrderRequest("q0", OrderSide.Buy, OrderType.Market, 0), "quantity 0 must be positive" },
        { new OrderRequest("q-1", OrderSide.Buy, OrderType.Market, -1), "quantity -1 must be positive" },
        { new OrderRequest("nolimit", OrderSide.Sell, OrderType.Limit, 1), "a limit order needs a limit price" },
        { new OrderRequest("nostop", OrderSide.Sell, OrderType.Stop, 1), "a stop order needs a stop price" },
        { new OrderRequest("offtick", OrderSide.Sell, OrderType.Limit, 1, LimitPrice: 2000.05m), "price 2000.05 is not a positive multiple of the tick size 0.10" },
        { new OrderRequest("zero", OrderSide.Sell, OrderType.Stop, 1, StopPrice: 0m), "price 0 is not a positive multiple of the tick size 0.10" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task Bad_orders_are_rejected_without_events_or_working_orders(OrderRequest request, string error)
    {
        var ack = await _broker.PlaceAsync(request, None);

        Assert.Equal(OrderAck.Rejected(1, error), ack);
        Assert.Empty(_sink.Events);
        await _broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None);
        Assert.Equal((50_000m, 0, 0m, 0), Summary(await _broker.GetAccountAsync(None)));
    }

    [Fact]
    public async Task Modify_changes_the_working_stop_and_the_next_bar_uses_it()
    {
        await OpenLongAsync(2);
        var stop = await PlaceAsync(SellStop("stop", 1998.0m, 2));
        _sink.Drain();

        Assert.Equal(OrderAck.Accepted(stop), await _broker.ModifyAsync(new OrderChange(stop, 1, 1999.0m, null), None));
        var changed = new WorkingOrder(stop, "stop", OrderSide.Sell, OrderType.Stop, 1, null, 1999.0m);
        Assert.Equal([new OrderAccepted(At(9, 59), changed)], _sink.Drain()); // the order's new values are published, as the gateway's hub does
        Assert.Equal(changed, (await _broker.GetAccountAsync(None)).WorkingOrders.Single());

        await _broker.OnBarAsync(B(10, 3, 1999.5m, 1999.8m, 1998.5m, 1999.0m), None);

        // The old stop (1998.0) would not trigger on a 1998.5 low; the new one fills 1 at 1998.9: −12.00 − 0.62.
        Assert.Equal(new Booked(At(10, 6), stop, "stop", OrderSide.Sell, 1, 1998.9m, 0.62m, 1, 49_986.14m), Fills.Last());
    }

    [Fact]
    public async Task Modify_is_rejected_for_unknown_orders_and_bad_prices_and_leaves_the_order_unchanged()
    {
        await OpenLongAsync();
        var stop = await PlaceAsync(SellStop("stop", 1998.0m));

        Assert.Equal(OrderAck.Rejected(99, "order 99 is not working"), await _broker.ModifyAsync(new OrderChange(99, 1, 1998.0m, null), None));
        Assert.Equal(OrderAck.Rejected(stop, "price 1998.05 is not a positive multiple of the tick size 0.10"), await _broker.ModifyAsync(new OrderChange(stop, 1, 1998.05m, null), None));
        Assert.Equal(OrderAck.Rejected(stop, "quantity 0 must be positive"), await _broker.ModifyAsync(new OrderChange(stop, 0, 1998.0m, null), None));
        Assert.Equal(OrderAck.Rejected(stop, "a stop order needs a stop price"), await _broker.ModifyAsync(new OrderChange(stop, 1, null, null), None));
        Assert.Equal(new WorkingOrder(stop, "stop", OrderSide.Sell, OrderType.Stop, 1, null, 1998.0m), (await _broker.GetAccountAsync(None)).WorkingOrders.Single());
    }

    [Fact]
    public async Task Cancel_removes_the_order_and_publishes_it_at_the_clock_time()
    {
        var limit = await PlaceAsync(new OrderRequest("bid", OrderSide.Buy, OrderType.Limit, 1, LimitPrice: 1990.0m));
        _clock.Now = At(10, 1);

        Assert.Equal(OrderAck.Accepted(limit), await _broker.CancelAsync(limit, None));
        Assert.Equal(new OrderCancelled(At(10, 1), limit, "bid", "cancelled on request"), _sink.Events[^1]);
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders);

        await _broker.OnBarAsync(B(10, 0, 1990.0m, 1991.0m, 1985.0m, 1986.0m), None);
        Assert.Empty(Fills);
        Assert.Equal(OrderAck.Rejected(limit, $"order {limit} is not working"), await _broker.CancelAsync(limit, None));
    }

    [Fact]
    public async Task Complete_fills_waiting_market_orders_at_the_last_close_and_leaves_stops_and_limits_working()
    {
        await OpenLongAsync();
        var bid = await PlaceAsync(new OrderRequest("bid", OrderSide.Buy, OrderType.Limit, 1, LimitPrice: 1990.0m));
        var close = await PlaceAsync(Market("close", OrderSide.Sell, 1, reduceOnly: true));

        await _broker.CompleteAsync(None);

        // Last bar 10:00 closed at 2000.2 at 10:03: 2000.2 − 0.1 = 2000.1, flat at no gain; two sides of commission.
        Assert.Equal(new Booked(At(10, 3), close, "close", OrderSide.Sell, 1, 2000.1m, 0.62m, 0, 49_998.76m), Fills.Last());
        Assert.Equal([bid], (await _broker.GetAccountAsync(None)).WorkingOrders.Select(o => o.OrderId));
    }

    [Fact]
    public async Task Complete_before_any_bar_fills_nothing()
    {
        await PlaceAsync(Market("entry", OrderSide.Buy, 1));

        await _broker.CompleteAsync(None);

        Assert.Empty(Fills);
        Assert.Single((await _broker.GetAccountAsync(None)).WorkingOrders);
    }

    [Fact]
    public async Task A_bar_pass_waits_for_a_call_still_publishing_and_its_fill_follows_that_call_s_events()
    {
        var sink = new GatedSink();
        var broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), sink, _clock);
        var placing = broker.PlaceAsync(Market("entry", OrderSide.Buy, 1), None).AsTask();
        await sink.Entered.Task;

        var bar = broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None).AsTask();
        Assert.False(bar.IsCompleted); // the placement still holds the lock while its acceptance is being published
        sink.Release.SetResult();
        Assert.True((await placing).Success);
        await bar;

        Assert.Collection(sink.Events,
            e => Assert.IsType<OrderAccepted>(e),
            e => Assert.Equal(2000.1m, Assert.IsType<OrderFilled>(e).Fill.Price));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_cancelled_bar_pass_fills_nothing_with_or_without_the_lock(bool singleCaller)
    {
        var broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock, singleCaller);
        Assert.True((await broker.PlaceAsync(Market("entry", OrderSide.Buy, 1), None)).Success);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), new CancellationToken(true)).AsTask());
        Assert.Empty(_sink.Events.OfType<OrderFilled>());
        var account = await broker.GetAccountAsync(None);
        Assert.Equal((0, 1), (account.Position, account.WorkingOrders.Count)); // the market order still waits for a bar
    }

    [Fact]
    public async Task A_single_caller_broker_publishes_the_same_events_as_the_locked_one()
    {
        async Task<List<BrokerEvent>> Script(bool singleCaller)
        {
            var sink = new RecordingBrokerEventSink();
            var broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), sink, new FixedTimeProvider(At(9, 59)), singleCaller);
            await broker.PlaceAsync(Market("entry", OrderSide.Buy, 2), None);
            await broker.OnBarOpenAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None);
            await broker.PlaceAsync(SellStop("stop", 1999.0m, 2), None);
            await broker.PlaceAsync(SellLimit("target", 2001.0m, 1), None);
            await broker.OnBarAsync(B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m), None);
            await broker.OnBarAsync(B(10, 3, 2000.2m, 2001.3m, 2000.1m, 2001.0m), None);
            await broker.OnBarAsync(B(10, 6, 2000.9m, 2001.0m, 1998.5m, 1998.9m), None);
            await broker.CompleteAsync(None);
            return [.. sink.Events];
        }

        var locked = await Script(singleCaller: false);
        Assert.Equal(3, locked.OfType<OrderFilled>().Count()); // entry, target, stop for the rest
        Assert.Equal(locked, await Script(singleCaller: true));
    }

    [Fact]
    public async Task An_idle_bar_is_skipped_only_by_a_single_caller_with_nothing_working_and_is_still_the_last_bar()
    {
        var idle = B(10, 0, 2000.0m, 2000.5m, 1999.8m, 2000.2m);
        var locked = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock);
        Assert.False(locked.TrySkipIdleBar(idle)); // several callers: the bar passes take the lock

        var broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock, singleCaller: true);
        Assert.True(broker.TrySkipIdleBar(idle));
        await broker.PlaceAsync(SellStop("stop", 1990.0m, 1), None);
        Assert.False(broker.TrySkipIdleBar(B(10, 3, 2000.2m, 2000.4m, 2000.0m, 2000.3m))); // an order works: the passes must run

        // The skipped bar is the last one the broker saw: a market order at the end of data fills at its close.
        await broker.CancelAsync(1, None);
        var last = B(10, 6, 2000.3m, 2000.9m, 2000.1m, 2000.7m);
        Assert.True(broker.TrySkipIdleBar(last));
        await broker.PlaceAsync(Market("entry", OrderSide.Buy, 1), None);
        await broker.CompleteAsync(None);
        var fill = Assert.Single(_sink.Events.OfType<OrderFilled>()).Fill;
        Assert.Equal((2000.8m, At(10, 9)), (fill.Price, fill.Time));
    }

    /// <summary>A sink that holds the first publication until <see cref="Release"/> is completed.</summary>
    private sealed class GatedSink : IBrokerEventSink
    {
        private readonly List<BrokerEvent> _events = [];

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<BrokerEvent> Events
        {
            get
            {
                lock (_events)
                    return [.. _events];
            }
        }

        public async ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task;
            lock (_events)
                _events.AddRange(events);
        }
    }
}
