using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Market;
using GoldBot.Time;

namespace GoldBot.GatewaySimulator.Tests;

public sealed class TradingEngineTests
{
    private const string Mgc = "CON.F.US.MGC.G26";
    private const string Expired = "CON.F.US.MGC.Z25";
    private const int Account = 1001;
    private const int OcoOff = 2002;

    private readonly ReplayClock _clock = new(new DateTimeOffset(2025, 11, 24, 15, 0, 0, TimeSpan.Zero));
    private readonly TradingEngine _engine;
    private readonly List<EngineEvent> _events = [];

    public TradingEngineTests()
    {
        _engine = new TradingEngine(
            [SimContract.FromId(Mgc), SimContract.FromId("CON.F.US.MES.H26"), SimContract.FromId(Expired, active: false)],
            [new SimAccount(Account, "PRAC", 50_000m, true, true, true, AutoOcoBrackets: true), new SimAccount(OcoOff, "POS-BRACKETS", 50_000m, true, true, true, AutoOcoBrackets: false)],
            FeeSchedule.Default, _clock);
        Price(4000.0m, gap: true);
    }

    private void Price(decimal price, bool gap = false)
    {
        _clock.AdvanceTo(_clock.GetUtcNow().AddSeconds(45));
        _engine.OnPrice(Mgc, price, gap, _events);
    }

    private GatewayResult Place(int type, int side, int size = 1, decimal? limit = null, decimal? stop = null, decimal? trail = null, string? tag = null,
        BracketLeg? sl = null, BracketLeg? tp = null, int account = Account, string contract = Mgc) =>
        _engine.Place(new PlaceOrderCommand(account, contract, type, side, size, limit, stop, trail, tag, sl, tp), _events);

    private decimal Balance => _engine.Account(Account)!.Balance;

    [Fact]
    public void Market_buy_fills_at_last_price_opens_a_long_and_charges_the_fee()
    {
        var r = Place(type: 2, side: 0, size: 2);

        Assert.True(r.Success);
        var order = _engine.Order(r.OrderId!.Value)!;
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(4000.0m, order.FilledPrice);
        var position = Assert.Single(_engine.Positions);
        Assert.Equal((PositionType.Long, 2, 4000.0m), (position.Type, position.Size, position.AveragePrice));
        var trade = Assert.Single(_engine.Trades);
        Assert.Null(trade.ProfitAndLoss);
        Assert.Equal(1.24m, trade.Fees);
        Assert.Equal(50_000m - 1.24m, Balance);
    }

    [Fact]
    public void Long_round_trip_pnl_and_fees_are_exact_to_the_cent()
    {
        Place(type: 2, side: 0, size: 3);
        Price(4012.3m);
        Place(type: 2, side: 1, size: 3);

        var close = _engine.Trades[^1];
        // 123 ticks × $1.00 × 3 contracts; fees 0.62 × 3 per side.
        Assert.Equal(369.00m, close.ProfitAndLoss);
        Assert.Equal(1.86m, close.Fees);
        Assert.Equal(50_000m + 369.00m - 3.72m, Balance);
        Assert.Empty(_engine.Positions);
    }

    [Fact]
    public void Short_loses_when_price_rises_and_a_reversal_opens_the_other_side()
    {
        Place(type: 2, side: 1, size: 1);
        Price(4001.5m);
        Place(type: 2, side: 0, size: 3);

        Assert.Equal(-15.00m, _engine.Trades[^1].ProfitAndLoss);
        var position = Assert.Single(_engine.Positions);
        Assert.Equal((PositionType.Long, 2, 4001.5m), (position.Type, position.Size, position.AveragePrice));
        var closed = _events.OfType<PositionChanged>().Single(p => p.Action == EventAction.Removed);
        Assert.Equal((PositionType.Undefined, 0), (closed.Position.Type, closed.Position.Size));
    }

    [Fact]
    public void Limit_buy_fills_at_its_price_when_touched_inside_a_bar_and_at_the_better_gap_price()
    {
        var touched = Place(type: 1, side: 0, limit: 3999.0m).OrderId!.Value;
        var gapped = Place(type: 1, side: 0, limit: 3995.0m).OrderId!.Value;
        Assert.Equal(OrderStatus.Open, _engine.Order(touched)!.Status);

        Price(3999.5m);
        Assert.Equal(OrderStatus.Open, _engine.Order(touched)!.Status);
        Price(3998.0m);
        Assert.Equal(3999.0m, _engine.Order(touched)!.FilledPrice);

        Price(3990.0m, gap: true);
        Assert.Equal(3990.0m, _engine.Order(gapped)!.FilledPrice);
    }

    [Fact]
    public void A_fill_made_by_a_price_move_records_where_the_move_ended_and_an_order_filled_on_placement_does_not()
    {
        var resting = Place(type: 1, side: 0, limit: 3998.0m).OrderId!.Value;
        Price(3987.7m); // one move of the path from 4000.0 through the limit to 3987.7
        var fill = Assert.Single(_engine.Trades, t => t.OrderId == resting);
        Assert.Equal(3998.0m, fill.Price);
        Assert.Equal(3987.7m, _engine.MoveEndPrices[fill.Id]);

        var market = Place(type: 2, side: 1, size: 1).OrderId!.Value;
        Assert.False(_engine.MoveEndPrices.ContainsKey(Assert.Single(_engine.Trades, t => t.OrderId == market).Id));
    }

    [Fact]
    public void Marketable_limit_fills_at_once_at_the_last_price()
    {
        var id = Place(type: 1, side: 0, limit: 4005.0m).OrderId!.Value;
        Assert.Equal((OrderStatus.Filled, 4000.0m), (_engine.Order(id)!.Status, _engine.Order(id)!.FilledPrice));
    }

    [Fact]
    public void Sell_stop_fills_at_the_stop_inside_a_bar_and_at_the_worse_gap_price()
    {
        Place(type: 2, side: 0, size: 2);
        var inside = Place(type: 4, side: 1, stop: 3998.0m).OrderId!.Value;
        var gapped = Place(type: 4, side: 1, stop: 3990.0m).OrderId!.Value;

        Price(3997.0m);
        Assert.Equal(3998.0m, _engine.Order(inside)!.FilledPrice);
        Price(3985.0m, gap: true);
        Assert.Equal(3985.0m, _engine.Order(gapped)!.FilledPrice);
    }

    [Fact]
    public void Stop_on_the_wrong_side_of_the_market_is_rejected()
    {
        var r = Place(type: 4, side: 0, stop: 3999.0m);
        Assert.Equal((int)PlaceOrderError.OrderRejected, r.ErrorCode);
        Assert.Contains("above the last price", r.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(r.OrderId);
    }

    [Fact]
    public void Bracket_legs_are_created_at_the_fill_and_the_take_profit_cancels_the_stop()
    {
        var entry = Place(type: 2, side: 0, tag: "e1", sl: new BracketLeg(40, OrderType.Stop), tp: new BracketLeg(80, OrderType.Limit)).OrderId!.Value;

        var legs = _engine.Orders.Where(o => o.ParentOrderId == entry).ToList();
        Assert.Equal(2, legs.Count);
        var stop = legs.Single(o => o.Type == OrderType.Stop);
        var target = legs.Single(o => o.Type == OrderType.Limit);
        Assert.Equal((OrderSide.Ask, 3996.0m, "e1-SL", target.Id), (stop.Side, stop.StopPrice!.Value, stop.CustomTag, stop.LinkedOrderId!.Value));
        Assert.Equal((OrderSide.Ask, 4008.0m, "e1-TP", stop.Id), (target.Side, target.LimitPrice!.Value, target.CustomTag, target.LinkedOrderId!.Value));
        Assert.True(stop.Id > entry && target.Id > stop.Id);

        Price(4004.0m);
        Price(4008.5m);

        Assert.Equal(OrderStatus.Filled, _engine.Order(target.Id)!.Status);
        Assert.Equal(OrderStatus.Cancelled, _engine.Order(stop.Id)!.Status);
        Assert.Empty(_engine.Positions);
        Assert.Equal(80.00m, _engine.Trades[^1].ProfitAndLoss);
        Assert.Equal(50_000m + 80m - 1.24m, Balance);
    }

    [Fact]
    public void Stop_loss_leg_of_a_short_fills_and_cancels_the_target()
    {
        var entry = Place(type: 2, side: 1, sl: new BracketLeg(-20, OrderType.Stop), tp: new BracketLeg(-30, OrderType.Limit)).OrderId!.Value;
        var stop = _engine.Orders.Single(o => o.ParentOrderId == entry && o.Type == OrderType.Stop);
        var target = _engine.Orders.Single(o => o.ParentOrderId == entry && o.Type == OrderType.Limit);
        Assert.Equal((4002.0m, 3997.0m), (stop.StopPrice!.Value, target.LimitPrice!.Value));

        Price(4002.5m);

        Assert.Equal((OrderStatus.Filled, 4002.0m), (_engine.Order(stop.Id)!.Status, _engine.Order(stop.Id)!.FilledPrice!.Value));
        Assert.Equal(OrderStatus.Cancelled, _engine.Order(target.Id)!.Status);
        Assert.Equal(-20.00m, _engine.Trades[^1].ProfitAndLoss);
    }

    [Fact]
    public void Closing_the_position_cancels_the_working_bracket_legs()
    {
        var entry = Place(type: 2, side: 0, sl: new BracketLeg(40, OrderType.Stop), tp: new BracketLeg(80, OrderType.Limit)).OrderId!.Value;

        var r = _engine.ClosePosition(Account, Mgc, null, _events);

        Assert.True(r.Success);
        Assert.All(_engine.Orders.Where(o => o.ParentOrderId == entry), o => Assert.Equal(OrderStatus.Cancelled, o.Status));
        Assert.Empty(_engine.Positions);
    }

    [Fact]
    public void Brackets_on_a_position_brackets_account_create_a_rejected_order_and_return_its_id()
    {
        var r = Place(type: 2, side: 0, sl: new BracketLeg(40, OrderType.Stop), account: OcoOff);

        Assert.Equal(2, r.ErrorCode);
        Assert.Equal("Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.", r.ErrorMessage);
        Assert.Equal(OrderStatus.Rejected, _engine.Order(r.OrderId!.Value)!.Status);
        Assert.Empty(_engine.Positions);
    }

    [Fact]
    public void Trailing_stop_keeps_its_tick_distance_from_the_high_and_fills_on_the_pullback()
    {
        Place(type: 2, side: 0);
        // trailPrice is a level: 20 ticks below the last price of 4000.0.
        var id = Place(type: 5, side: 1, trail: 3998.0m).OrderId!.Value;
        Assert.Equal((20, 2.0m, 3998.0m), (_engine.Order(id)!.TrailDistance!.Value, _engine.Order(id)!.TrailPrice!.Value, _engine.Order(id)!.StopPrice!.Value));

        Price(4010.0m);
        Assert.Equal(4008.0m, _engine.Order(id)!.StopPrice);
        Price(4008.5m);
        Assert.Equal(OrderStatus.Open, _engine.Order(id)!.Status);
        Price(4007.0m);

        Assert.Equal((OrderStatus.Filled, 4008.0m), (_engine.Order(id)!.Status, _engine.Order(id)!.FilledPrice!.Value));
        // 8.0 points = 80 ticks × $1.00.
        Assert.Equal(80.00m, _engine.Trades[^1].ProfitAndLoss);
    }

    [Theory]
    [InlineData(2, 0, 0, null, null, null, "Invalid order size 0")]
    [InlineData(1, 0, 1, 3999.05, null, null, "Invalid limit price. Price is not aligned to tick size.")]
    [InlineData(1, 0, 1, null, null, null, "Limit price not set.")]
    [InlineData(5, 1, 1, null, null, null, "Trail Distance not set.")]
    [InlineData(5, 1, 1, null, null, 3998.05, "Invalid trail price. Price is not aligned to tick size.")]
    [InlineData(5, 1, 1, null, null, 3899.9, "Trail Distance exceeds maximum (1000)")]
    [InlineData(9, 0, 1, null, null, null, "Invalid order type 9")]
    [InlineData(2, 3, 1, null, null, null, "Invalid order side 3")]
    public void Invalid_orders_are_rejected_with_error_code_2_and_the_documented_message(int type, int side, int size, double? limit, double? stop, double? trail, string message)
    {
        var r = Place(type, side, size, (decimal?)limit, (decimal?)stop, (decimal?)trail);
        Assert.Equal((2, message), (r.ErrorCode, r.ErrorMessage));
        Assert.False(r.Success);
    }

    [Fact]
    public void Account_contract_and_tag_errors_use_their_own_codes()
    {
        Assert.Equal(1, _engine.Place(new PlaceOrderCommand(999, Mgc, 2, 0, 1), _events).ErrorCode);
        Assert.Equal(8, Place(2, 0, contract: "CON.F.US.XYZ.G26").ErrorCode);
        Assert.Equal(9, Place(2, 0, contract: Expired).ErrorCode);
        Assert.True(Place(1, 0, limit: 3900m, tag: "dup").Success);
        Assert.Equal(2, Place(1, 0, limit: 3900m, tag: "dup").ErrorCode);
    }

    [Theory]
    [InlineData(false, 50_000, 4)]
    [InlineData(true, 0, 3)]
    public void Accounts_that_cannot_trade_or_have_no_balance_are_refused(bool canTrade, int balance, int expected)
    {
        var engine = new TradingEngine([SimContract.FromId(Mgc)], [new SimAccount(5, "X", balance, canTrade, true, true, true)], FeeSchedule.Default, _clock);
        engine.OnPrice(Mgc, 4000m, true, _events);
        var r = engine.Place(new PlaceOrderCommand(5, Mgc, 2, 0, 1), _events);
        Assert.Equal((expected, (long?)null), (r.ErrorCode, r.OrderId));
        Assert.Empty(engine.Orders);
    }

    [Fact]
    public void Forced_rejection_returns_the_given_code_once()
    {
        _engine.RejectNextOrder = (PlaceOrderError.OutsideTradingHours, "Outside trading hours");
        var first = Place(2, 0);
        var second = Place(2, 0);
        Assert.Equal((5, "Outside trading hours", (long?)null), (first.ErrorCode, first.ErrorMessage, first.OrderId));
        Assert.True(second.Success);
    }

    [Fact]
    public void Forced_rejection_with_code_2_creates_the_rejected_order()
    {
        _engine.RejectNextOrder = (PlaceOrderError.OrderRejected, "Invalid symbol");
        var r = Place(2, 0);
        Assert.Equal((2, "Invalid symbol"), (r.ErrorCode, r.ErrorMessage));
        Assert.Equal(OrderStatus.Rejected, _engine.Order(r.OrderId!.Value)!.Status);
    }

    [Fact]
    public void Partial_fill_fault_fills_in_pieces_with_partial_order_states()
    {
        _engine.PartialFillPieces = 3;
        _engine.PartialFillOrders = 1;
        var id = Place(2, 0, size: 5).OrderId!.Value;

        Assert.Equal([2, 2, 1], _engine.Trades.Select(t => t.Size).ToArray());
        var volumes = _events.OfType<OrderChanged>().Where(e => e.Order.Id == id).Select(e => (e.Order.Status, e.Order.FillVolume)).ToArray();
        Assert.Equal([(OrderStatus.Open, 0), (OrderStatus.Open, 2), (OrderStatus.Open, 4), (OrderStatus.Filled, 5)], volumes);
        Assert.Equal(5, Assert.Single(_engine.Positions).Size);
        var next = Place(2, 1, size: 5).OrderId;
        Assert.Equal(1, _engine.Trades.Count(t => t.OrderId == next));
    }

    [Fact]
    public void Partial_fills_ticks_apart_sweep_the_book_each_piece_worse_than_the_one_before()
    {
        (_engine.PartialFillPieces, _engine.PartialFillOrders, _engine.PartialFillTicksApart) = (3, 2, 2);
        var last = _engine.Trades.Count;
        Place(2, 0, size: 3); // buy: higher each piece
        Place(2, 1, size: 3); // sell: lower each piece

        var prices = _engine.Trades.Skip(last).Select(t => t.Price - _engine.Trades[last].Price).ToArray();
        Assert.Equal([0m, 0.2m, 0.4m, 0m, -0.2m, -0.4m], prices);
    }

    [Fact]
    public void Modify_and_cancel_report_their_error_codes()
    {
        var id = Place(1, 0, limit: 3990.0m).OrderId!.Value;

        Assert.Equal(1, _engine.Modify(999, id, null, 3991.0m, null, null, _events).ErrorCode);
        Assert.Equal(2, _engine.Modify(Account, 424242, null, 3991.0m, null, null, _events).ErrorCode);
        Assert.Equal(3, _engine.Modify(Account, id, null, 3991.05m, null, null, _events).ErrorCode);
        Assert.True(_engine.Modify(Account, id, 2, 3991.0m, null, null, _events).Success);
        Assert.Equal((2, 3991.0m), (_engine.Order(id)!.Size, _engine.Order(id)!.LimitPrice!.Value));

        Assert.True(_engine.Cancel(Account, id, _events).Success);
        Assert.Equal(OrderStatus.Cancelled, _engine.Order(id)!.Status);
        Assert.Equal(3, _engine.Cancel(Account, id, _events).ErrorCode);
        Assert.Equal(2, _engine.Cancel(Account, 424242, _events).ErrorCode);
    }

    [Fact]
    public void Modifying_a_limit_through_the_market_fills_it()
    {
        var id = Place(1, 0, limit: 3990.0m).OrderId!.Value;
        _engine.Modify(Account, id, null, 4001.0m, null, null, _events);
        Assert.Equal((OrderStatus.Filled, 4000.0m), (_engine.Order(id)!.Status, _engine.Order(id)!.FilledPrice!.Value));
    }

    [Fact]
    public void Partial_close_checks_the_size_and_reduces_the_position()
    {
        Place(2, 0, size: 3);

        Assert.Equal((int)PartialCloseError.InvalidCloseSize, _engine.ClosePosition(Account, Mgc, 4, _events).ErrorCode);
        Assert.Equal((int)PartialCloseError.InvalidCloseSize, _engine.ClosePosition(Account, Mgc, 0, _events).ErrorCode);
        Assert.True(_engine.ClosePosition(Account, Mgc, 2, _events).Success);
        Assert.Equal(1, Assert.Single(_engine.Positions).Size);
        Assert.Equal(2, _engine.ClosePosition(Account, "CON.F.US.MES.H26", null, _events).ErrorCode);
        Assert.Equal(3, _engine.ClosePosition(Account, "CON.F.US.XYZ.G26", null, _events).ErrorCode);
    }

    [Fact]
    public void Orders_are_refused_outside_trading_hours_and_closing_reports_an_order_rejection()
    {
        Place(2, 0);
        _engine.IsMarketOpen = GlobexHours.IsOpen;
        // Monday 24 Nov 2025 16:30 CT = 22:30 UTC: the daily break.
        _clock.AdvanceTo(new DateTimeOffset(2025, 11, 24, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal((int)PlaceOrderError.OutsideTradingHours, Place(2, 0).ErrorCode);
        Assert.Equal((int)ClosePositionError.OrderRejected, _engine.ClosePosition(Account, Mgc, null, _events).ErrorCode);
        _clock.AdvanceTo(new DateTimeOffset(2025, 11, 24, 23, 0, 0, TimeSpan.Zero));
        Assert.True(Place(2, 0).Success);
    }

    [Theory]
    [InlineData("2025-11-24T22:59:59Z", false)] // Monday 16:59:59 CT
    [InlineData("2025-11-24T23:00:00Z", true)]  // Monday 17:00 CT
    [InlineData("2025-11-28T21:59:00Z", true)]  // Friday 15:59 CT
    [InlineData("2025-11-28T22:00:00Z", false)] // Friday 16:00 CT
    [InlineData("2025-11-29T18:00:00Z", false)] // Saturday
    [InlineData("2025-11-30T22:59:00Z", false)] // Sunday 16:59 CT
    [InlineData("2025-11-30T23:00:00Z", true)]  // Sunday 17:00 CT
    [InlineData("2025-07-06T22:00:00Z", true)]  // Sunday 17:00 CDT (summer)
    public void Globex_hours_follow_the_cme_schedule_in_chicago_time(string utc, bool open) =>
        Assert.Equal(open, GlobexHours.IsOpen(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Ids_increase()
    {
        var a = Place(1, 0, limit: 3990.0m).OrderId!.Value;
        var b = Place(1, 0, limit: 3991.0m).OrderId!.Value;
        Assert.True(b > a);
    }
}
