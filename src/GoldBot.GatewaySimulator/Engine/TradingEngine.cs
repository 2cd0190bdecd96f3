namespace GoldBot.GatewaySimulator.Engine;

/// <summary>
/// The simulated gateway's accounts, orders, positions and half-turn trades, and the matching of
/// market, limit, stop and trailing-stop orders against a price path. Pure: no I/O, no ASP.NET types,
/// time from the injected market clock. Not thread-safe; the caller serialises access.
/// <para>Matching rules (decisions of the simulator, not documented by ProjectX):</para>
/// <list type="bullet">
/// <item>Market orders, and limit orders placed at or through the market, fill at once at the last trade price (no spread, no slippage).</item>
/// <item>Each price move is either continuous (inside a bar: every tick between is traded) or a gap (bar open after the previous close).
/// A limit fills when the price touches it, at the limit (continuous) or at the gap price (better). A stop triggers when touched,
/// at the stop (continuous) or at the gap price (worse).</item>
/// <item>Trailing stops keep a fixed distance in ticks from the best price since placement:
/// <c>distance = floor(|last − trailPrice| / tickSize)</c>, at most 1000 ticks (research/topstepx-api.md §7.1).</item>
/// <item>Auto-OCO brackets are created when the entry fills, at the given ticks from the fill price; when one leg fills the
/// other is cancelled (reduced on a partial fill), and working legs are cancelled when the position goes flat.</item>
/// <item>P&amp;L = (exit − average entry) × direction × contracts × tickValue / tickSize (<see cref="GoldBot.Market.ContractSpec.PnL"/>);
/// balance changes by P&amp;L minus fees and commissions.</item>
/// </list>
/// </summary>
public sealed class TradingEngine
{
    /// <summary>Largest trailing distance accepted at placement, in ticks (research/topstepx-api.md §3).</summary>
    public const int MaxTrailTicks = 1000;

    private readonly Dictionary<string, SimContract> _contracts = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, SimAccount> _accounts = [];
    private readonly SortedDictionary<long, SimOrder> _orders = [];
    private readonly SortedSet<long> _working = [];
    private readonly Dictionary<(int Account, string Contract), SimPosition> _positions = [];
    private readonly List<SimTrade> _trades = [];
    private readonly Dictionary<long, decimal> _moveEnds = [];
    private readonly Dictionary<string, decimal> _last = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly FeeSchedule _fees;
    private long _nextOrderId;
    private long _nextPositionId;
    private long _nextTradeId;

    /// <summary>Creates an engine over the listed contracts and accounts.</summary>
    /// <param name="clock">Market clock; order, position and trade timestamps come from it (UTC).</param>
    /// <param name="firstId">First order id; position and trade ids start from it too. Ids increase.</param>
    public TradingEngine(IEnumerable<SimContract> contracts, IEnumerable<SimAccount> accounts, FeeSchedule fees, TimeProvider clock, long firstId = 9000)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var c in contracts)
            _contracts[c.Id] = c;
        foreach (var a in accounts)
            _accounts[a.Id] = a;
        _fees = fees ?? throw new ArgumentNullException(nameof(fees));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _nextOrderId = firstId;
        _nextPositionId = firstId;
        _nextTradeId = firstId;
    }

    /// <summary>The contracts listed, by id.</summary>
    public IReadOnlyDictionary<string, SimContract> Contracts => _contracts;

    /// <summary>Accounts, by id.</summary>
    public IReadOnlyCollection<SimAccount> Accounts => _accounts.Values;

    /// <summary>Every order ever created, by increasing id.</summary>
    public IReadOnlyCollection<SimOrder> Orders => _orders.Values;

    /// <summary>Open positions.</summary>
    public IEnumerable<SimPosition> Positions => _positions.Values.OrderBy(p => p.Id);

    /// <summary>Every half-turn trade, oldest first.</summary>
    public IReadOnlyList<SimTrade> Trades => _trades;

    /// <summary>
    /// For each trade made by a price move (<see cref="OnPrice"/>), by trade id: the price the move ended at, points. A fill
    /// inside one move of the synthesized path (four prices per bar, <c>PricePath</c>) leaves no time to react before that
    /// price: the chaos campaign counts what a limit entry lost to it as a gap.
    /// </summary>
    public IReadOnlyDictionary<long, decimal> MoveEndPrices => _moveEnds;

    /// <summary>
    /// Whether the market accepts orders at a market time (UTC); when it returns false, <c>Order/place</c> fails with
    /// errorCode 5 OutsideTradingHours. Default: always open.
    /// </summary>
    public Func<DateTimeOffset, bool> IsMarketOpen { get; set; } = _ => true;

    /// <summary>Fault: the next placed order is rejected with this errorCode and message (then the fault clears).</summary>
    public (PlaceOrderError Code, string Message)? RejectNextOrder { get; set; }

    /// <summary>Fault: the next <see cref="PartialFillOrders"/> placed orders fill in this many pieces.</summary>
    public int PartialFillPieces { get; set; } = 1;

    /// <summary>Fault: how many more placed orders get <see cref="PartialFillPieces"/>.</summary>
    public int PartialFillOrders { get; set; }

    /// <summary>Fault: each of those pieces fills this many ticks worse than the one before (0: all at one price).</summary>
    public int PartialFillTicksApart { get; set; }

    /// <summary>
    /// Fault: the next N cancels of a working order within <see cref="CancelRaceTicks"/> of the last price fill it instead (limit at its
    /// limit price, stop and trailing stop at their stop price, market at the last price) and answer errorCode 3 Rejected ("already filled").
    /// </summary>
    public int RefuseNextCancelsAsFilled { get; set; }

    /// <summary>
    /// How near the last price (ticks) an order must be for <see cref="RefuseNextCancelsAsFilled"/> to fill it instead of
    /// cancelling it: an exchange can only lose that race where the market trades. Farther orders cancel normally and the
    /// fault stays armed for the next cancel.
    /// </summary>
    public const int CancelRaceTicks = 2;

    /// <summary>Fault: the next N otherwise valid modifies answer errorCode 3 Rejected and change nothing.</summary>
    public int RefuseNextModifies { get; set; }

    /// <summary>Fault: the next N otherwise valid placements of a Stop (type 4) answer errorCode 2 OrderRejected; no order is created.</summary>
    public int RefuseNextStops { get; set; }

    /// <summary>Fault: the next N otherwise executable <c>Position/closeContract</c> answer errorCode 5 OrderRejected.</summary>
    public int RefuseNextCloses { get; set; }

    /// <summary>Fault: how many more orders, at their first fill, fill only <see cref="PartialFillThenCancelContracts"/> and have the rest cancelled.</summary>
    public int PartialFillThenCancelOrders { get; set; }

    /// <summary>Fault: contracts filled before the remainder is cancelled (clamped to [1, size − 1]).</summary>
    public int PartialFillThenCancelContracts { get; set; } = 1;

    /// <summary>Last trade price of a contract, in points, or null before the first price.</summary>
    public decimal? LastPrice(string contractId) => _last.TryGetValue(contractId, out var p) ? p : null;

    /// <summary>Looks up an account.</summary>
    public SimAccount? Account(int id) => _accounts.GetValueOrDefault(id);

    /// <summary>Looks up an order.</summary>
    public SimOrder? Order(long id) => _orders.GetValueOrDefault(id);

    /// <summary>Places an order (<c>Order/place</c>) and fills it at once when it is marketable.</summary>
    /// <param name="events">Receives the resulting user events, in order.</param>
    /// <returns>errorCode per <see cref="PlaceOrderError"/>; the order id when an order was created (also when created rejected).</returns>
    public GatewayResult Place(PlaceOrderCommand command, List<EngineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(events);
        if (!_accounts.TryGetValue(command.AccountId, out var account))
            return Fail(PlaceOrderError.AccountNotFound, "Account not found");
        if (!_contracts.TryGetValue(command.ContractId ?? "", out var contract))
            return Fail(PlaceOrderError.ContractNotFound, "Contract not found");

        if (RejectNextOrder is { } forced)
        {
            RejectNextOrder = null;
            if (forced.Code != PlaceOrderError.OrderRejected)
                return Fail(forced.Code, forced.Message);
            var rejectedId = CreateRejected(command, contract, events);
            return new GatewayResult((int)forced.Code, forced.Message, rejectedId);
        }

        if (!contract.Active)
            return Fail(PlaceOrderError.ContractNotActive, "Contract is not active");
        if (!account.CanTrade)
            return Fail(PlaceOrderError.AccountViolation, "Account cannot trade");
        if (!IsMarketOpen(_clock.GetUtcNow()))
            return Fail(PlaceOrderError.OutsideTradingHours, "Outside trading hours");
        if (account.Balance <= 0)
            return Fail(PlaceOrderError.InsufficientFunds, "Insufficient funds");

        var invalid = Validate(command, contract, out var trailTicks);
        if (invalid is not null)
            return Fail(PlaceOrderError.OrderRejected, invalid);

        if ((command.StopLossBracket is not null || command.TakeProfitBracket is not null) && !account.AutoOcoBrackets)
        {
            // The gateway creates the order, rejects it and still returns its id (research/topstepx-api.md §7.1).
            const string Message = "Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.";
            return new GatewayResult((int)PlaceOrderError.OrderRejected, Message, CreateRejected(command, contract, events));
        }

        if (command.Type == (int)OrderType.Stop && RefuseNextStops > 0)
        {
            RefuseNextStops--;
            return Fail(PlaceOrderError.OrderRejected, "Stop order rejected by the exchange (simulated refusal)");
        }

        var now = _clock.GetUtcNow();
        var type = (OrderType)command.Type;
        var side = (OrderSide)command.Side;
        var last = LastPrice(contract.Id);
        decimal? trailPrice = null;
        decimal? stopPrice = command.StopPrice;
        if (type == OrderType.TrailingStop)
        {
            trailPrice = trailTicks * contract.Spec.TickSize;
            stopPrice = last!.Value - (side == OrderSide.Bid ? -1 : 1) * trailPrice;
        }

        var pieces = 1;
        var ticksApart = 0;
        if (PartialFillOrders > 0)
        {
            PartialFillOrders--;
            pieces = Math.Max(1, PartialFillPieces);
            ticksApart = PartialFillTicksApart;
        }

        var order = new SimOrder(
            ++_nextOrderId, account.Id, contract.Id, contract.SymbolId, now, now, OrderStatus.Open, type, side, command.Size,
            type == OrderType.Limit ? command.LimitPrice : null,
            type is OrderType.Stop or OrderType.TrailingStop ? stopPrice : null,
            trailPrice, type == OrderType.TrailingStop ? trailTicks : null, 0, null, command.CustomTag, null, null)
        {
            StopLossBracket = command.StopLossBracket,
            TakeProfitBracket = command.TakeProfitBracket,
            TrailExtreme = type == OrderType.TrailingStop ? last : null,
            FillPieces = pieces,
            FillPieceTicksApart = ticksApart,
        };
        Store(order);
        events.Add(new OrderChanged(order, EventAction.Created));
        FillIfMarketable(order.Id, events);
        return GatewayResult.Ok(order.Id);
    }

    /// <summary>Changes a working order (<c>Order/modify</c>). Omitted values are left unchanged (a simulator decision; UNCONFIRMED on the gateway).</summary>
    /// <returns>errorCode per <see cref="ModifyOrderError"/>.</returns>
    public GatewayResult Modify(int accountId, long orderId, int? size, decimal? limitPrice, decimal? stopPrice, decimal? trailPrice, List<EngineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!_accounts.ContainsKey(accountId))
            return new GatewayResult((int)ModifyOrderError.AccountNotFound, "Account not found");
        if (!_orders.TryGetValue(orderId, out var order) || order.AccountId != accountId)
            return new GatewayResult((int)ModifyOrderError.OrderNotFound, "Order not found");
        if (!order.IsWorking)
            return new GatewayResult((int)ModifyOrderError.Rejected, $"Order {orderId} is not working (status {order.Status})");
        var contract = _contracts[order.ContractId];
        if (size is <= 0 || (size is { } s && s < order.FillVolume + 1))
            return new GatewayResult((int)ModifyOrderError.Rejected, "Invalid order size");
        foreach (var p in new[] { limitPrice, stopPrice, trailPrice })
        {
            if (p is { } price && !contract.IsOnTickGrid(price))
                return new GatewayResult((int)ModifyOrderError.Rejected, "Invalid price. Price is not aligned to tick size.");
        }
        if (RefuseNextModifies > 0)
        {
            RefuseNextModifies--;
            return new GatewayResult((int)ModifyOrderError.Rejected, $"Order {orderId} could not be modified (simulated refusal)");
        }

        var changed = order with { UpdateTimestamp = _clock.GetUtcNow(), Size = size ?? order.Size };
        if (order.Type == OrderType.Limit && limitPrice is not null)
            changed = changed with { LimitPrice = limitPrice };
        if (order.Type == OrderType.Stop && stopPrice is not null)
            changed = changed with { StopPrice = stopPrice };
        if (order.Type == OrderType.TrailingStop && trailPrice is { } level && LastPrice(order.ContractId) is { } last)
        {
            // No 1000-tick guard on modify, as on the gateway (research/topstepx-api.md §7.1).
            var ticks = (int)decimal.Truncate(Math.Abs(last - level) / contract.Spec.TickSize);
            var distance = ticks * contract.Spec.TickSize;
            changed = changed with { TrailDistance = ticks, TrailPrice = distance, TrailExtreme = last, StopPrice = last + order.Direction * distance };
        }
        Store(changed);
        events.Add(new OrderChanged(changed, EventAction.Updated));
        FillIfMarketable(orderId, events);
        return GatewayResult.Ok();
    }

    /// <summary>Cancels a working order (<c>Order/cancel</c>).</summary>
    /// <returns>errorCode per <see cref="ModifyOrderError"/> (values 0–6 are shared with cancel).</returns>
    public GatewayResult Cancel(int accountId, long orderId, List<EngineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!_accounts.ContainsKey(accountId))
            return new GatewayResult((int)ModifyOrderError.AccountNotFound, "Account not found");
        if (!_orders.TryGetValue(orderId, out var order) || order.AccountId != accountId)
            return new GatewayResult((int)ModifyOrderError.OrderNotFound, "Order not found");
        if (!order.IsWorking)
            return new GatewayResult((int)ModifyOrderError.Rejected, $"Order {orderId} is not working (status {order.Status})");
        if (RefuseNextCancelsAsFilled > 0)
        {
            var price = order.Type switch
            {
                OrderType.Limit => order.LimitPrice,
                OrderType.Stop or OrderType.TrailingStop => order.StopPrice,
                _ => LastPrice(order.ContractId),
            };
            // The race is only possible where the market is: within CancelRaceTicks of the order's price.
            if (price is { } at && LastPrice(order.ContractId) is { } last
                && Math.Abs(last - at) <= CancelRaceTicks * _contracts[order.ContractId].Spec.TickSize)
            {
                RefuseNextCancelsAsFilled--;
                Fill(orderId, at, events);
                return new GatewayResult((int)ModifyOrderError.Rejected, $"Order {orderId} cannot be cancelled: it is already filled");
            }
        }
        CancelOrder(orderId, events);
        return GatewayResult.Ok();
    }

    /// <summary>
    /// Closes a position with a market order at the last price (<c>Position/closeContract</c> when
    /// <paramref name="size"/> is null, <c>Position/partialCloseContract</c> otherwise).
    /// </summary>
    /// <returns>errorCode per <see cref="ClosePositionError"/> or, with a size, <see cref="PartialCloseError"/>.</returns>
    public GatewayResult ClosePosition(int accountId, string contractId, int? size, List<EngineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var partial = size is not null;
        if (!_accounts.ContainsKey(accountId))
            return new GatewayResult(1, "Account not found");
        if (!_contracts.TryGetValue(contractId ?? "", out var contract))
            return new GatewayResult(3, "Contract not found");
        if (!contract.Active)
            return new GatewayResult(4, "Contract is not active");
        if (!_positions.TryGetValue((accountId, contract.Id), out var position))
            return new GatewayResult(2, "Position not found");
        if (partial && (size < 1 || size > position.Size))
            return new GatewayResult((int)PartialCloseError.InvalidCloseSize, $"Invalid close size {size}; the position holds {position.Size}");
        if (LastPrice(contract.Id) is null)
            return new GatewayResult(partial ? (int)PartialCloseError.OrderRejected : (int)ClosePositionError.OrderRejected, null);
        if (!partial && RefuseNextCloses > 0)
        {
            RefuseNextCloses--;
            return new GatewayResult((int)ClosePositionError.OrderRejected, "Close order rejected (simulated refusal)");
        }

        var side = position.Type == PositionType.Long ? OrderSide.Ask : OrderSide.Bid;
        var result = Place(new PlaceOrderCommand(accountId, contract.Id, (int)OrderType.Market, (int)side, size ?? position.Size), events);
        return result.Success ? GatewayResult.Ok() : new GatewayResult(partial ? (int)PartialCloseError.OrderRejected : (int)ClosePositionError.OrderRejected, result.ErrorMessage);
    }

    /// <summary>
    /// Moves the market of <paramref name="contractId"/> to <paramref name="price"/> and fills every working
    /// order the move reaches, in order id order.
    /// </summary>
    /// <param name="price">New last trade price, in points.</param>
    /// <param name="gap">True when no trading happened between the previous price and this one (a bar open).</param>
    /// <param name="events">Receives the resulting user events, in order.</param>
    public void OnPrice(string contractId, decimal price, bool gap, List<EngineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var from = _last.TryGetValue(contractId, out var previous) ? previous : price;
        _last[contractId] = price;
        if (_working.Count == 0)
            return;
        var tradesBefore = _trades.Count;
        foreach (var id in _working.ToArray())
        {
            if (!_orders.TryGetValue(id, out var order) || !order.IsWorking || order.ContractId != contractId)
                continue;
            var fill = TriggerPrice(order, from, price, gap);
            if (fill is { } at)
                Fill(order.Id, at, events);
            else if (order.Type == OrderType.TrailingStop)
                Trail(order, price);
        }
        for (var i = tradesBefore; i < _trades.Count; i++)
            _moveEnds[_trades[i].Id] = price;
    }

    private static decimal? TriggerPrice(SimOrder o, decimal from, decimal to, bool gap)
    {
        var buy = o.Side == OrderSide.Bid;
        switch (o.Type)
        {
            case OrderType.Limit when o.LimitPrice is { } limit:
                if (buy && to <= limit) return gap ? to : Math.Min(limit, from);
                if (!buy && to >= limit) return gap ? to : Math.Max(limit, from);
                return null;
            case OrderType.Stop when o.StopPrice is { } stop:
                if (buy && to >= stop) return gap ? to : Math.Max(stop, from);
                if (!buy && to <= stop) return gap ? to : Math.Min(stop, from);
                return null;
            case OrderType.TrailingStop when o.TrailExtreme is { } extreme && o.TrailPrice is { } distance:
                if (buy)
                {
                    var level = Math.Min(extreme, from) + distance;
                    return to >= level ? (gap ? to : Math.Max(level, from)) : null;
                }
                else
                {
                    var level = Math.Max(extreme, from) - distance;
                    return to <= level ? (gap ? to : Math.Min(level, from)) : null;
                }
            default:
                return null;
        }
    }

    private void Trail(SimOrder o, decimal price)
    {
        var extreme = o.Side == OrderSide.Bid ? Math.Min(o.TrailExtreme ?? price, price) : Math.Max(o.TrailExtreme ?? price, price);
        if (extreme != o.TrailExtreme)
            _orders[o.Id] = o with { TrailExtreme = extreme, StopPrice = extreme + o.Direction * o.TrailPrice };
    }

    private void FillIfMarketable(long orderId, List<EngineEvent> events)
    {
        var o = _orders[orderId];
        if (!o.IsWorking || LastPrice(o.ContractId) is not { } last)
            return;
        var marketable = o.Type switch
        {
            OrderType.Market => true,
            OrderType.Limit => o.Side == OrderSide.Bid ? last <= o.LimitPrice : last >= o.LimitPrice,
            OrderType.Stop => o.Side == OrderSide.Bid ? last >= o.StopPrice : last <= o.StopPrice,
            _ => false,
        };
        if (marketable)
            Fill(orderId, last, events);
    }

    private string? Validate(PlaceOrderCommand c, SimContract contract, out int trailTicks)
    {
        trailTicks = 0;
        var type = (OrderType)c.Type;
        if (type is not (OrderType.Limit or OrderType.Market or OrderType.Stop or OrderType.TrailingStop))
            return c.Type is >= 0 and <= 7 ? $"Order type {type} is not supported by the simulator" : $"Invalid order type {c.Type}";
        if (c.Side is not (0 or 1))
            return $"Invalid order side {c.Side}";
        if (c.Size <= 0)
            return $"Invalid order size {c.Size}";
        var last = LastPrice(contract.Id);
        var buy = c.Side == 0;
        switch (type)
        {
            case OrderType.Market when last is null:
                return "Cannot place a market order without a last price";
            case OrderType.Limit when c.LimitPrice is null:
                return "Limit price not set.";
            case OrderType.Limit when !contract.IsOnTickGrid(c.LimitPrice.Value):
                return "Invalid limit price. Price is not aligned to tick size.";
            case OrderType.Stop when c.StopPrice is null:
                return "Stop price not set.";
            case OrderType.Stop when !contract.IsOnTickGrid(c.StopPrice.Value):
                return "Invalid stop price. Price is not aligned to tick size.";
            case OrderType.Stop when last is { } l && (buy ? c.StopPrice <= l : c.StopPrice >= l):
                return $"Invalid stop price. A {(buy ? "buy" : "sell")} stop must be {(buy ? "above" : "below")} the last price {l}.";
            case OrderType.TrailingStop when c.TrailPrice is null:
                return "Trail Distance not set.";
            case OrderType.TrailingStop when !contract.IsOnTickGrid(c.TrailPrice.Value):
                return "Invalid trail price. Price is not aligned to tick size.";
            case OrderType.TrailingStop when last is null:
                return "Cannot trail without a last price";
            case OrderType.TrailingStop:
                trailTicks = (int)Math.Min(int.MaxValue, decimal.Truncate(Math.Abs(last.Value - c.TrailPrice.Value) / contract.Spec.TickSize));
                if (trailTicks == 0) return "Trail Distance not set.";
                if (trailTicks > MaxTrailTicks) return $"Trail Distance exceeds maximum ({MaxTrailTicks})";
                break;
        }
        if (c.StopLossBracket is { } sl && (sl.Ticks == 0 || sl.Type is not (OrderType.Stop or OrderType.TrailingStop)))
            return "Invalid stop loss bracket: ticks must be non-zero and type Stop (4) or TrailingStop (5)";
        if (c.TakeProfitBracket is { } tp && (tp.Ticks == 0 || tp.Type != OrderType.Limit))
            return "Invalid take profit bracket: ticks must be non-zero and type Limit (1)";
        if (c.CustomTag is { } tag && _orders.Values.Any(o => o.AccountId == c.AccountId && o.CustomTag == tag))
            return $"Custom tag '{tag}' is already used on this account. It must be unique across the account.";
        return null;
    }

    private long CreateRejected(PlaceOrderCommand c, SimContract contract, List<EngineEvent> events)
    {
        var now = _clock.GetUtcNow();
        var order = new SimOrder(++_nextOrderId, c.AccountId, contract.Id, contract.SymbolId, now, now, OrderStatus.Rejected,
            (OrderType)c.Type, (OrderSide)Math.Clamp(c.Side, 0, 1), c.Size, c.LimitPrice, c.StopPrice, null, null, 0, null, c.CustomTag, null, null);
        Store(order);
        events.Add(new OrderChanged(order, EventAction.Created));
        return order.Id;
    }

    private void Store(SimOrder order)
    {
        _orders[order.Id] = order;
        if (order.IsWorking)
            _working.Add(order.Id);
        else
            _working.Remove(order.Id);
    }

    private void CancelOrder(long orderId, List<EngineEvent> events)
    {
        var cancelled = _orders[orderId] with { Status = OrderStatus.Cancelled, UpdateTimestamp = _clock.GetUtcNow() };
        Store(cancelled);
        events.Add(new OrderChanged(cancelled, EventAction.Updated));
    }

    private void Fill(long orderId, decimal price, List<EngineEvent> events)
    {
        var order = _orders[orderId];
        var remaining = order.Size - order.FillVolume;
        if (PartialFillThenCancelOrders > 0 && order.FillVolume == 0 && remaining >= 2)
        {
            PartialFillThenCancelOrders--;
            FillPiece(orderId, price, Math.Clamp(PartialFillThenCancelContracts, 1, remaining - 1), events);
            if (_orders[orderId].IsWorking)
                CancelOrder(orderId, events);
            return;
        }
        var pieces = Math.Clamp(order.FillPieces, 1, remaining);
        var step = order.FillPieceTicksApart * _contracts[order.ContractId].Spec.TickSize * order.Direction;
        for (var i = 0; i < pieces; i++)
        {
            var qty = remaining / pieces + (i < remaining % pieces ? 1 : 0);
            FillPiece(orderId, price + i * step, qty, events);
        }
    }

    private void FillPiece(long orderId, decimal price, int qty, List<EngineEvent> events)
    {
        var o = _orders[orderId];
        if (!o.IsWorking)
            return;
        var contract = _contracts[o.ContractId];
        var now = _clock.GetUtcNow();
        var volume = o.FillVolume + qty;
        var average = o.FilledPrice is { } before ? (before * o.FillVolume + price * qty) / volume : price;
        o = o with { FillVolume = volume, FilledPrice = average, Status = volume == o.Size ? OrderStatus.Filled : OrderStatus.Open, UpdateTimestamp = now };
        Store(o);
        events.Add(new OrderChanged(o, EventAction.Updated));

        var positionEvents = new List<EngineEvent>(2);
        var pnl = ApplyToPosition(o, contract, price, qty, now, positionEvents, out var wentFlat);
        var fee = _fees.Fee(contract.Spec.Symbol, qty);
        var commission = _fees.Commission(contract.Spec.Symbol, qty);
        var trade = new SimTrade(++_nextTradeId, o.AccountId, o.ContractId, now, price, pnl, fee, commission, o.Side, qty, false, o.Id);
        _trades.Add(trade);
        events.Add(new TradeRecorded(trade));
        events.AddRange(positionEvents);
        var account = _accounts[o.AccountId];
        account = account with { Balance = account.Balance + (pnl ?? 0m) - fee - commission };
        _accounts[account.Id] = account;
        events.Add(new AccountChanged(account));

        if (o.ParentOrderId is not null && o.LinkedOrderId is { } siblingId && _orders.TryGetValue(siblingId, out var sibling) && sibling.IsWorking)
        {
            // One cancels the other; a partial fill of one leg shrinks the other.
            if (o.Status == OrderStatus.Filled || sibling.Size - qty <= sibling.FillVolume)
                CancelOrder(siblingId, events);
            else
            {
                var smaller = sibling with { Size = sibling.Size - qty, UpdateTimestamp = now };
                Store(smaller);
                events.Add(new OrderChanged(smaller, EventAction.Updated));
            }
        }

        if (wentFlat)
        {
            foreach (var id in _working.ToArray())
            {
                var leg = _orders[id];
                if (leg.AccountId == o.AccountId && leg.ContractId == o.ContractId && leg.ParentOrderId is not null)
                    CancelOrder(id, events);
            }
        }

        if (o.ParentOrderId is null && (o.StopLossBracket is not null || o.TakeProfitBracket is not null))
            AddBrackets(o, contract, qty, events);
    }

    private decimal? ApplyToPosition(SimOrder o, SimContract contract, decimal price, int qty, DateTimeOffset now, List<EngineEvent> events, out bool wentFlat)
    {
        wentFlat = false;
        var key = (o.AccountId, o.ContractId);
        var delta = o.Direction * qty;
        if (!_positions.TryGetValue(key, out var position))
        {
            position = new SimPosition(++_nextPositionId, o.AccountId, o.ContractId, contract.Name, now, delta > 0 ? PositionType.Long : PositionType.Short, qty, price);
            _positions[key] = position;
            events.Add(new PositionChanged(position, EventAction.Created));
            return null;
        }

        var signed = position.SignedSize;
        if (Math.Sign(signed) == Math.Sign(delta))
        {
            var size = position.Size + qty;
            position = position with { Size = size, AveragePrice = (position.AveragePrice * position.Size + price * qty) / size };
            _positions[key] = position;
            events.Add(new PositionChanged(position, EventAction.Updated));
            return null;
        }

        var closing = Math.Min(qty, position.Size);
        var pnl = contract.Spec.PnL(Math.Sign(signed), position.AveragePrice, price, closing);
        var rest = signed + delta;
        if (Math.Sign(rest) == Math.Sign(signed))
        {
            position = position with { Size = Math.Abs(rest) };
            _positions[key] = position;
            events.Add(new PositionChanged(position, EventAction.Updated));
            return pnl;
        }

        // Flat (or reversed): the live gateway announces the close as type 0, size 0 (fixtures README item 3).
        _positions.Remove(key);
        wentFlat = true;
        events.Add(new PositionChanged(position with { Type = PositionType.Undefined, Size = 0 }, EventAction.Removed));
        if (rest != 0)
        {
            var reversed = new SimPosition(++_nextPositionId, o.AccountId, o.ContractId, contract.Name, now, rest > 0 ? PositionType.Long : PositionType.Short, Math.Abs(rest), price);
            _positions[key] = reversed;
            events.Add(new PositionChanged(reversed, EventAction.Created));
        }
        return pnl;
    }

    private void AddBrackets(SimOrder entry, SimContract contract, int qty, List<EngineEvent> events)
    {
        var legs = _orders.Values.Where(x => x.ParentOrderId == entry.Id).ToList();
        var now = _clock.GetUtcNow();
        if (legs.Count > 0)
        {
            foreach (var leg in legs.Where(l => l.IsWorking))
            {
                var grown = leg with { Size = leg.Size + qty, UpdateTimestamp = now };
                Store(grown);
                events.Add(new OrderChanged(grown, EventAction.Updated));
            }
            return;
        }

        var fill = entry.FilledPrice!.Value;
        var exitSide = entry.Side == OrderSide.Bid ? OrderSide.Ask : OrderSide.Bid;
        var tick = contract.Spec.TickSize;
        SimOrder? stop = null;
        SimOrder? target = null;
        if (entry.StopLossBracket is { } sl)
        {
            var distance = Math.Abs(sl.Ticks) * tick;
            var level = fill - entry.Direction * distance;
            stop = new SimOrder(++_nextOrderId, entry.AccountId, entry.ContractId, entry.SymbolId, now, now, OrderStatus.Open, sl.Type, exitSide, qty,
                null, level, sl.Type == OrderType.TrailingStop ? distance : null, sl.Type == OrderType.TrailingStop ? Math.Abs(sl.Ticks) : null,
                0, null, entry.CustomTag is null ? null : entry.CustomTag + "-SL", entry.Id, null)
            { TrailExtreme = sl.Type == OrderType.TrailingStop ? fill : null };
        }
        if (entry.TakeProfitBracket is { } tp)
        {
            var level = fill + entry.Direction * Math.Abs(tp.Ticks) * tick;
            target = new SimOrder(++_nextOrderId, entry.AccountId, entry.ContractId, entry.SymbolId, now, now, OrderStatus.Open, OrderType.Limit, exitSide, qty,
                level, null, null, null, 0, null, entry.CustomTag is null ? null : entry.CustomTag + "-TP", entry.Id, stop?.Id);
        }
        if (stop is not null)
        {
            stop = stop with { LinkedOrderId = target?.Id };
            Store(stop);
            events.Add(new OrderChanged(stop, EventAction.Created));
        }
        if (target is not null)
        {
            Store(target);
            events.Add(new OrderChanged(target, EventAction.Created));
        }
    }

    private static GatewayResult Fail(PlaceOrderError code, string message) => new((int)code, message);
}
