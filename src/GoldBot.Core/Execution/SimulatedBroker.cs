using GoldBot.Market;

namespace GoldBot.Execution;

/// <summary>
/// A broker that fills orders against bar data, for paper trading and replays. The fill model
/// is deliberately conservative and pinned by tests (README "Fill model"):
/// <list type="number">
/// <item>Orders placed while bar k is the latest closed bar can first fill on bar k+1.</item>
/// <item>Market orders fill at bar k+1's open, moved against the order by the market slippage, stamped at that open
/// (<see cref="OnBarOpenAsync"/>). The feed lets the order executor react to those fills (an entry's stop and targets are
/// placed then), and the orders working after that are matched against the rest of the bar (<see cref="OnBarAsync"/>).</item>
/// <item>Then stop orders, before any limit order: a stop triggers when the bar trades at or through it and fills at
/// the stop, or at the open when the bar opened beyond it (a gap), moved against the order by the stop slippage.
/// So when a stop and a target both lie inside one bar, the stop fills first; such fills are listed in
/// <see cref="AmbiguousExits"/> with what the targets would have made instead (backtests report the range).</item>
/// <item>Then limit orders, nearest to the open first (equally near ones in placement order): a limit fills when the bar trades
/// through it by <see cref="FillModelOptions.LimitTradeThroughTicks"/> (default 1 tick: a sell limit needs High ≥ limit + 1 tick,
/// a buy limit Low ≤ limit − 1 tick), because a bar that only touches the limit may not have reached an order queued there.
/// It fills at its own price, never better, even when the bar gapped through it.</item>
/// <item>Stop and limit fills are stamped at the bar's close, the latest moment they could have happened.</item>
/// <item>A limit entry (a limit that is not reduce-only: Mode B) fills mid-bar, so the stop placed on its fill is matched
/// against the rest of that same bar (<see cref="OnBarCloseAsync"/>): when the bar traded at or through it, it fills at the
/// stop, moved by the stop slippage. Bar data cannot tell whether the low came before or after the entry; this model
/// assumes after, the worst case. Targets placed then wait for the next bar.</item>
/// <item>Exit orders placed when an entry fills at the open are live for the rest of that same bar.</item>
/// <item>Reduce-only orders never fill more than the open position and are cancelled once it is flat (the executor's
/// own one-cancels-other, which acts within milliseconds on a real account, is instant at bar resolution).</item>
/// <item>Every fill pays the commission per contract; realised P&amp;L uses the average entry price.</item>
/// </list>
/// Every request completes synchronously (never <see cref="AckOutcome.Uncertain"/>): a paper broker does not lose answers.
/// Thread-safe: calls are serialised by an async lock (none for a single caller, see the constructor), and events are published in order.
/// </summary>
public sealed class SimulatedBroker : IBroker, IBarDrivenVenue
{
    /// <summary>Fills kept for <see cref="GetAccountAsync"/>'s snapshot, so a reader whose events are still queued books them once.</summary>
    private const int RecentFills = 64;

    private readonly ContractSpec _contract;
    private readonly FillModelOptions _costs;
    private readonly decimal _limitTradeThrough;
    private readonly TimeSpan _barPeriod;
    private readonly IBrokerEventSink _sink;
    private readonly TimeProvider _time;
    private readonly CallGate _gate;
    private readonly List<SimulatedOrder> _working = [];
    private readonly List<BrokerEvent> _outbox = [];
    private readonly List<SimulatedOrder> _gathered = [];
    private readonly List<AmbiguousExit> _ambiguous = [];
    private readonly Dictionary<string, OrderLookup> _history = new(StringComparer.Ordinal);
    private readonly Queue<BrokerFill> _recentFills = new();
    private long _lastOrderId;
    private long _lastFillId;
    private DateTimeOffset? _openedBar;
    private int _position;
    private decimal _averagePrice;
    private decimal _balance;
    private Bar? _lastBar;
    // Set when a limit entry filled in the current bar: orders placed after that fill (its stop) are matched against the rest of the bar.
    private long? _placedAfterEntryFill;

    /// <summary>Creates a simulated account with <paramref name="startingBalance"/> USD.</summary>
    /// <param name="barPeriod">Length of the bars given to <see cref="OnBarAsync"/> (to stamp fills at bar close).</param>
    /// <param name="singleCaller">
    /// True when one caller makes every call and never starts one before the last has completed (a backtest's loop): the calls
    /// then take no lock. False (the default) for the daemon, whose services call from several threads.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="FillModelOptions.LimitTradeThroughTicks"/> is negative (limits would fill at prices never traded).</exception>
    public SimulatedBroker(ContractSpec contract, FillModelOptions costs, decimal startingBalance, TimeSpan barPeriod, IBrokerEventSink sink, TimeProvider time,
        bool singleCaller = false)
    {
        _gate = new CallGate(serialised: !singleCaller);
        ArgumentOutOfRangeException.ThrowIfNegative(costs.LimitTradeThroughTicks, nameof(costs));
        _contract = contract;
        _costs = costs;
        _limitTradeThrough = contract.ToPrice(costs.LimitTradeThroughTicks);
        _balance = startingBalance;
        _barPeriod = barPeriod;
        _sink = sink;
        _time = time;
    }

    /// <summary>
    /// Serialises the broker's calls with an async lock, or, for a single caller, takes none: two lock round trips per bar were
    /// about a tenth of a backtest's cost per bar.
    /// </summary>
    private sealed class CallGate(bool serialised)
    {
        private readonly SemaphoreSlim? _lock = serialised ? new SemaphoreSlim(1, 1) : null;

        public Task WaitAsync(CancellationToken cancellationToken) =>
            _lock?.WaitAsync(cancellationToken) ?? (cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask);

        public bool TryEnter() => _lock?.Wait(0) ?? true;

        public void Release() => _lock?.Release();

        /// <summary>True when calls take the lock (several callers).</summary>
        public bool Serialised => _lock is not null;
    }

    private sealed class SimulatedOrder(long id, OrderRequest request)
    {
        public long Id { get; } = id;
        public OrderRequest Request { get; set; } = request;
        public int Filled { get; set; }
        public int Direction => Request.Side == OrderSide.Buy ? 1 : -1;
        public WorkingOrder View => new(Id, Request.Tag, Request.Side, Request.Type, Request.Quantity, Request.LimitPrice, Request.StopPrice);
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var id = ++_lastOrderId;
            var error = Validate(request);
            if (error is not null)
            {
                _history[request.Tag] = new OrderLookup(id, request.Tag, false, 0, null, "Rejected");
                return OrderAck.Rejected(id, error);
            }
            var order = new SimulatedOrder(id, request);
            _working.Add(order);
            Record(order, "Working");
            _outbox.Add(new OrderAccepted(_time.GetUtcNow(), order.View));
            await FlushAsync(cancellationToken);
            return OrderAck.Accepted(id);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var orderId = change.OrderId;
            var order = _working.Find(o => o.Id == orderId);
            if (order is null)
                return OrderAck.Rejected(orderId, $"order {orderId} is not working");
            var changed = order.Request with
            {
                Quantity = change.Quantity,
                StopPrice = order.Request.Type == OrderType.Stop ? change.StopPrice : null,
                LimitPrice = order.Request.Type == OrderType.Limit ? change.LimitPrice : null,
            };
            var error = Validate(changed);
            if (error is not null)
                return OrderAck.Rejected(orderId, error);
            order.Request = changed;
            Record(order, "Working");
            _outbox.Add(new OrderAccepted(_time.GetUtcNow(), order.View));
            await FlushAsync(cancellationToken);
            return OrderAck.Accepted(orderId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var order = _working.Find(o => o.Id == orderId);
            if (order is null)
                return OrderAck.Rejected(orderId, $"order {orderId} is not working");
            Cancel(order, _time.GetUtcNow(), "cancelled on request");
            await FlushAsync(cancellationToken);
            return OrderAck.Accepted(orderId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A reduce-only market order for the whole position, filled at the next bar's open like any market
    /// order. While one is working, asking again returns it rather than placing a second one.
    /// </remarks>
    public async ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_position == 0)
                return OrderAck.Rejected(0, "no position to close");
            var working = _working.Find(o => o.Request is { Type: OrderType.Market, ReduceOnly: true } && o.Direction == -Math.Sign(_position));
            if (working is not null)
                return OrderAck.Accepted(working.Id);
            var order = new SimulatedOrder(++_lastOrderId, new OrderRequest(tag, _position > 0 ? OrderSide.Sell : OrderSide.Buy, OrderType.Market, Math.Abs(_position), ReduceOnly: true));
            _working.Add(order);
            Record(order, "Working");
            _outbox.Add(new OrderAccepted(_time.GetUtcNow(), order.View));
            await FlushAsync(cancellationToken);
            return OrderAck.Accepted(order.Id);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _history.GetValueOrDefault(tag);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return new AccountSnapshot(_balance, _position, _averagePrice, _working.ConvertAll(o => o.View), [.. _recentFills]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="IBarDrivenVenue.OnBarOpenAsync"/>
    /// <remarks>Fills the market orders at the bar's open (the first step of the fill model in the class summary).</remarks>
    public ValueTask OnBarOpenAsync(Bar bar, CancellationToken cancellationToken) =>
        UnderGate(bar, static (broker, bar) =>
        {
            broker.FillAtOpen(bar);
            broker._openedBar = bar.OpenTime;
        }, cancellationToken);

    /// <inheritdoc cref="IBarDrivenVenue.OnBarAsync"/>
    /// <remarks>
    /// Follows the fill model in the class summary (market orders first when <see cref="OnBarOpenAsync"/>
    /// was not called for this bar). Allocates nothing when no order fills (the orders to check are
    /// gathered into a reused list), so a replay pays only for its fills.
    /// </remarks>
    public ValueTask OnBarAsync(Bar bar, CancellationToken cancellationToken) =>
        UnderGate(bar, static (broker, bar) =>
        {
            broker.FillAgainst(bar);
            broker._lastBar = bar;
        }, cancellationToken);

    /// <summary>
    /// For a single caller (see the constructor): when no order is working nothing can fill on <paramref name="bar"/>, so it
    /// is only kept as the latest bar, as <see cref="OnBarOpenAsync"/> then <see cref="OnBarAsync"/> would keep it, and true is
    /// returned. Otherwise, and always for a broker with several callers, nothing is done and false is returned: make those
    /// two calls. Most bars of a backtest find the account flat with nothing working.
    /// </summary>
    public bool TrySkipIdleBar(in Bar bar)
    {
        if (_working.Count > 0 || _gate.Serialised)
            return false;
        _openedBar = null;
        _lastBar = bar;
        return true;
    }

    /// <summary>
    /// Runs <paramref name="step"/> under the lock and publishes the events it caused before releasing it. When the lock is
    /// free (always, for a single caller such as a backtest) and the step caused no event, it all completes synchronously,
    /// without an async state machine: most bars fill nothing.
    /// </summary>
    private ValueTask UnderGate<TState>(TState state, Action<SimulatedBroker, TState> step, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled(cancellationToken);
        if (!_gate.TryEnter())
            return WaitThenRunAsync(state, step, cancellationToken);
        var publishing = false;
        try
        {
            step(this, state);
            if (_outbox.Count == 0)
                return default;
            publishing = true;
            return PublishThenReleaseAsync(cancellationToken);
        }
        finally
        {
            if (!publishing)
                _gate.Release();
        }
    }

    private async ValueTask WaitThenRunAsync<TState>(TState state, Action<SimulatedBroker, TState> step, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            step(this, state);
            await FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask PublishThenReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc cref="IBarDrivenVenue.OnBarCloseAsync"/>
    /// <remarks>
    /// After a limit entry filled in <paramref name="bar"/>: the stops placed since are filled when the bar traded at or through
    /// them (the worst case; see the class summary). Nothing happens otherwise.
    /// </remarks>
    public async ValueTask OnBarCloseAsync(Bar bar, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_placedAfterEntryFill is not { } after)
                return;
            _placedAfterEntryFill = null;
            foreach (var order in Gather(OrderType.Stop))
            {
                var stop = order.Request.StopPrice!.Value;
                if (order.Id > after && (order.Direction > 0 ? bar.High >= stop : bar.Low <= stop))
                    Fill(order, stop + _contract.ToPrice(_costs.StopSlippageTicks) * order.Direction, bar.OpenTime + _barPeriod);
            }
            await FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// End of data: fills any market order still waiting at the last bar's close (with market
    /// slippage) so a replay can always end flat. Limit and stop orders stay working.
    /// </summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lastBar is { } last)
            {
                foreach (var order in Gather(OrderType.Market))
                    Fill(order, last.Close + _contract.ToPrice(_costs.MarketSlippageTicks) * order.Direction, last.OpenTime + _barPeriod);
            }
            await FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Market orders fill at <paramref name="bar"/>'s open plus slippage, stamped at the open.</summary>
    private void FillAtOpen(in Bar bar)
    {
        foreach (var order in Gather(OrderType.Market))
        {
            var slip = _contract.ToPrice(_costs.MarketSlippageTicks) * order.Direction;
            Fill(order, bar.Open + slip, bar.OpenTime);
        }
    }

    /// <summary>
    /// One bar of the fill model (market orders unless already filled at this bar's open, then
    /// stops, then limits nearest to the open first), synchronously, without taking the lock;
    /// events wait in the outbox for the caller to publish. Internal so tests can measure its
    /// allocations in any build configuration (a Debug build boxes every async state machine, so
    /// <see cref="OnBarAsync"/> itself allocates there).
    /// </summary>
    internal void FillAgainst(Bar bar)
    {
        var closeTime = bar.OpenTime + _barPeriod;
        if (_openedBar != bar.OpenTime)
            FillAtOpen(bar);
        _openedBar = null;

        foreach (var order in Gather(OrderType.Stop))
        {
            var stop = order.Request.StopPrice!.Value;
            var triggered = order.Direction > 0 ? bar.High >= stop : bar.Low <= stop;
            if (!triggered)
                continue;
            var price = order.Direction > 0 ? Math.Max(bar.Open, stop) : Math.Min(bar.Open, stop);
            var fillPrice = price + _contract.ToPrice(_costs.StopSlippageTicks) * order.Direction;
            if (price == stop && _working.Contains(order))
                NoteAmbiguity(order, bar, fillPrice, closeTime);
            Fill(order, fillPrice, closeTime);
        }

        var limits = Gather(OrderType.Limit);
        SortNearestToOpenFirst(limits, bar.Open);
        foreach (var order in limits)
        {
            var limit = order.Request.LimitPrice!.Value;
            var tradedThrough = order.Direction > 0 ? bar.Low <= limit - _limitTradeThrough : bar.High >= limit + _limitTradeThrough;
            if (tradedThrough)
                Fill(order, limit, closeTime);
        }
    }

    /// <summary>
    /// Stop fills whose bar also traded through a working take-profit limit (a reduce-only limit on the stop's side), in
    /// fill order: bar data cannot tell which came first, and this model books the stop (see the
    /// class summary). Read by backtests to report how many exits are ambiguous and the P&amp;L range.
    /// </summary>
    public IReadOnlyList<AmbiguousExit> AmbiguousExits => _ambiguous;

    /// <summary>
    /// Records an ambiguous stop fill (the bar did not gap through the stop, and would also fill a
    /// reduce-only limit on its side by the limit rule): what the limits would have gained over the
    /// stop fill price for the stop's quantity, nearest limit first, at their own prices.
    /// </summary>
    private void NoteAmbiguity(SimulatedOrder stop, in Bar bar, decimal stopFill, DateTimeOffset time)
    {
        var left = Math.Min(stop.Request.Quantity, Math.Abs(_position));
        var positionDirection = -stop.Direction;
        var gain = 0m;
        var any = false;
        foreach (var order in _working)
        {
            if (left <= 0)
                break;
            if (order.Request is not { Type: OrderType.Limit, ReduceOnly: true } || order.Request.Side != stop.Request.Side)
                continue;
            var limit = order.Request.LimitPrice!.Value;
            var tradedThrough = order.Direction > 0 ? bar.Low <= limit - _limitTradeThrough : bar.High >= limit + _limitTradeThrough;
            if (!tradedThrough)
                continue;
            var quantity = Math.Min(left, order.Request.Quantity);
            gain += _contract.PnL(positionDirection, stopFill, limit, quantity);
            left -= quantity;
            any = true;
        }
        if (any)
            _ambiguous.Add(new AmbiguousExit(time, stop.Id, stop.Request.Tag, gain));
    }

    /// <summary>
    /// The working orders of one type, in placement order, in a list reused by every call. Fills
    /// change <see cref="_working"/>, never this list, so callers can fill while they iterate it;
    /// an order cancelled by an earlier fill (OCO) is still in it, and <see cref="Fill"/> skips it.
    /// </summary>
    private List<SimulatedOrder> Gather(OrderType type)
    {
        _gathered.Clear();
        foreach (var o in _working)
        {
            if (o.Request.Type == type)
                _gathered.Add(o);
        }
        return _gathered;
    }

    /// <summary>
    /// Stable insertion sort by distance from <paramref name="open"/>, so equally distant limits
    /// keep placement order. A handful of orders; no comparison delegate and no allocation
    /// (<see cref="List{T}.Sort(Comparison{T})"/> needs a capturing lambda and is not stable).
    /// </summary>
    private static void SortNearestToOpenFirst(List<SimulatedOrder> limits, decimal open)
    {
        for (var i = 1; i < limits.Count; i++)
        {
            var order = limits[i];
            var distance = Math.Abs(order.Request.LimitPrice!.Value - open);
            var j = i - 1;
            for (; j >= 0 && Math.Abs(limits[j].Request.LimitPrice!.Value - open) > distance; j--)
                limits[j + 1] = limits[j];
            limits[j + 1] = order;
        }
    }

    /// <summary>Fills <paramref name="order"/>, unless an earlier fill in the same pass cancelled it (OCO).</summary>
    private void Fill(SimulatedOrder order, decimal price, DateTimeOffset time)
    {
        if (!_working.Contains(order))
            return;
        var quantity = order.Request.Quantity;
        if (order.Request.ReduceOnly)
        {
            var closable = Math.Sign(_position) == -order.Direction ? Math.Abs(_position) : 0;
            quantity = Math.Min(quantity, closable);
            if (quantity == 0)
            {
                Cancel(order, time, "reduce-only order with no position to reduce");
                return;
            }
        }

        _working.Remove(order);
        order.Filled += quantity;
        if (order.Request is { Type: OrderType.Limit, ReduceOnly: false })
            _placedAfterEntryFill = _lastOrderId;
        Record(order, quantity < order.Request.Quantity ? "Cancelled" : "Filled");
        var commission = quantity * _costs.CommissionPerSide;
        var realised = 0m;
        if (_position != 0 && Math.Sign(_position) != order.Direction)
        {
            var closing = Math.Min(quantity, Math.Abs(_position));
            realised = _contract.PnL(Math.Sign(_position), _averagePrice, price, closing);
            var opening = quantity - closing;
            _position += order.Direction * closing;
            if (_position == 0)
                _averagePrice = 0;
            if (opening > 0)
            {
                _position = order.Direction * opening;
                _averagePrice = price;
            }
        }
        else
        {
            var held = Math.Abs(_position);
            _averagePrice = (_averagePrice * held + price * quantity) / (held + quantity);
            _position += order.Direction * quantity;
        }
        _balance += realised - commission;
        var fill = new BrokerFill(++_lastFillId, order.Id, order.Request.Tag, order.Request.Side, quantity, price, commission, time);
        _recentFills.Enqueue(fill);
        if (_recentFills.Count > RecentFills)
            _recentFills.Dequeue();
        _outbox.Add(new OrderFilled(fill));
        if (quantity < order.Request.Quantity)
            _outbox.Add(new OrderCancelled(time, order.Id, order.Request.Tag, "reduce-only remainder beyond the position cancelled"));

        if (_position == 0)
        {
            for (var i = _working.Count - 1; i >= 0; i--)
            {
                var o = _working[i];
                if (o.Request.ReduceOnly)
                    Cancel(o, time, "position flat: exit order cancelled (OCO)");
            }
        }
    }

    private void Cancel(SimulatedOrder order, DateTimeOffset time, string reason)
    {
        _working.Remove(order);
        Record(order, "Cancelled");
        _outbox.Add(new OrderCancelled(time, order.Id, order.Request.Tag, reason));
    }

    private void Record(SimulatedOrder order, string status) =>
        _history[order.Request.Tag] = new OrderLookup(order.Id, order.Request.Tag, status == "Working", order.Filled, status == "Working" ? order.View : null, status);

    private string? Validate(OrderRequest r)
    {
        if (r.Quantity <= 0)
            return $"quantity {r.Quantity} must be positive";
        if (r.Type == OrderType.Limit && r.LimitPrice is null)
            return "a limit order needs a limit price";
        if (r.Type == OrderType.Stop && r.StopPrice is null)
            return "a stop order needs a stop price";
        return PriceError(r.LimitPrice) ?? PriceError(r.StopPrice);
    }

    private string? PriceError(decimal? price) =>
        price is { } p && (p <= 0 || p % _contract.TickSize != 0)
            ? $"price {p} is not a positive multiple of the tick size {_contract.TickSize}"
            : null;

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_outbox.Count == 0)
            return;
        BrokerEvent[] events = [.. _outbox];
        _outbox.Clear();
        await _sink.PublishAsync(events, cancellationToken);
    }
}
