using System.Threading.Channels;
using GoldBot.Execution;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Realtime.Events;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging;
using GatewayOrderStatus = GoldBot.TopstepX.Contracts.OrderStatus;
using GatewaySide = GoldBot.TopstepX.Contracts.OrderSide;
using GatewayType = GoldBot.TopstepX.Contracts.OrderType;
using OrderSide = GoldBot.Execution.OrderSide;
using OrderType = GoldBot.Execution.OrderType;

namespace GoldBot.TopstepX.Execution;

/// <summary>
/// <see cref="IBroker"/> over the ProjectX Gateway for one account and contract. Orders go through
/// <see cref="ProjectXClient"/>; what happens to them comes from the user hub's events (read from
/// <c>UserHub.Events</c>) and is published to the <see cref="IBrokerEventSink"/> as <see cref="OrderAccepted"/>,
/// <see cref="OrderFilled"/> (from <c>GatewayUserTrade</c>, which carries price and fees),
/// <see cref="OrderCancelled"/> and <see cref="OrderRejected"/> (from <c>GatewayUserOrder</c> status).
/// </summary>
/// <remarks>
/// <para>Attached legs: the first stop leg becomes the entry's <c>stopLossBracket</c> (ticks from the fill);
/// the first limit leg becomes its <c>takeProfitBracket</c> only when it is the only target and covers the
/// whole entry (a ProjectX bracket always has the entry's size); otherwise every target is placed as a
/// separate limit order once the entry has fully filled, priced from its average fill. ProjectX brackets
/// need the account in Auto OCO Brackets mode (§7.1); a refusal comes back as a rejected <see cref="OrderAck"/>.
/// Bracket children arrive on the hub with the entry as <c>parentOrderId</c> (and tag suffix <c>-SL</c>/<c>-TP</c>)
/// and are reported under the tags of the legs they stand for. When the position goes flat, legs still working
/// are cancelled (ProjectX has no reduce-only flag). Bracket ticks are sent as positive distances; whether the
/// gateway wants them signed is UNCONFIRMED (§14.4).</para>
/// <para>Events duplicate and reorder (§9.4): each order is announced, closed and each trade applied once;
/// a trade for an order not yet known waits until the order is. After <see cref="HubReconnected"/> the
/// broker replays Order/search and Trade/search through the same path, so fills missed during the gap are
/// published. Commission of a fill = <c>fees</c> + <c>commissions</c> (whether fees already include
/// commissions is UNCONFIRMED; counting both overstates costs, the safe side). Events are published after
/// the broker's state lock is released, in the order they happened. A place whose outcome stays unknown
/// (<see cref="GatewayUnavailableException"/>) is thrown, not acked: its tag stays tracked, so if the order
/// turns up on the hub its events are still reported.</para>
/// </remarks>
public sealed class TopstepXBroker : IBroker, IAsyncDisposable
{
    private readonly ProjectXClient _client;
    private readonly ChannelReader<GatewayHubEvent> _userEvents;
    private readonly long _accountId;
    private readonly GatewayContract _contract;
    private readonly IBrokerEventSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly List<BrokerEvent> _outbox = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<long, TrackedOrder> _byId = [];
    private readonly Dictionary<string, TrackedOrder> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<HalfTrade>> _waitingTrades = [];
    private readonly HashSet<long> _appliedTrades = [];
    private DateTimeOffset _startedAt;
    private int _position;
    private decimal _averagePrice;
    private decimal _balance;
    private Task _pump = Task.CompletedTask;

    /// <summary>Creates the broker (call <see cref="StartAsync"/> before use).</summary>
    /// <param name="client">REST client.</param>
    /// <param name="userEvents">The user hub's event stream (<c>UserHub.Events</c>), subscribed to <paramref name="accountId"/>.</param>
    /// <param name="accountId">Account traded.</param>
    /// <param name="contract">Contract traded (from <c>ResolveContractAsync</c>): id and tick size (points).</param>
    /// <param name="sink">Receiver of broker events.</param>
    /// <param name="time">Clock for event times when the gateway gives none.</param>
    /// <param name="logger">Logger.</param>
    public TopstepXBroker(ProjectXClient client, ChannelReader<GatewayHubEvent> userEvents, long accountId, GatewayContract contract, IBrokerEventSink sink, TimeProvider time, ILogger<TopstepXBroker> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _userEvents = userEvents ?? throw new ArgumentNullException(nameof(userEvents));
        _contract = contract ?? throw new ArgumentNullException(nameof(contract));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentOutOfRangeException.ThrowIfLessThan(accountId, 1);
        _accountId = accountId;
    }

    /// <summary>Reads balance and position from the gateway and starts consuming user-hub events.</summary>
    /// <exception cref="GatewayException">The account is unknown.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = _time.GetUtcNow();
        var snapshot = await GetAccountAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            (_balance, _position, _averagePrice) = (snapshot.Balance, snapshot.Position, snapshot.AveragePrice);
        }
        finally
        {
            _gate.Release();
        }
        _pump = Task.Run(() => PumpAsync(_stopping.Token), CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var quantity = request.Quantity;
        TrackedOrder tracked;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (request.ReduceOnly)
            {
                quantity = Math.Min(quantity, Math.Abs(_position));
                if (quantity == 0 || Math.Sign(_position) == Direction(request.Side))
                    return OrderAck.Rejected(0, "reduce-only order with nothing to reduce");
            }
            tracked = new TrackedOrder(request.Tag, request.Side, request.Type, quantity, request.LimitPrice, request.StopPrice)
            {
                Group = request.Attached is { Count: > 0 } legs ? new EntryGroup(legs) : null,
            };
            _byTag[request.Tag] = tracked;
        }
        finally
        {
            _gate.Release();
        }

        var group = tracked.Group;
        var gatewayRequest = new PlaceOrderRequest
        {
            AccountId = _accountId,
            ContractId = _contract.Id,
            Type = ToGateway(request.Type),
            Side = ToGateway(request.Side),
            Size = quantity,
            LimitPrice = request.LimitPrice,
            StopPrice = request.StopPrice,
            CustomTag = request.Tag,
            StopLossBracket = group?.StopLeg is { } stop ? new BracketLeg(stop.OffsetTicks, GatewayType.Stop) : null,
            TakeProfitBracket = group?.BracketTarget is { } target ? new BracketLeg(target.OffsetTicks, GatewayType.Limit) : null,
        };
        var result = await _client.PlaceOrderAsync(gatewayRequest, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (result.OrderId is { } id)
                await RegisterAsync(tracked, id, cancellationToken).ConfigureAwait(false);
            tracked.Closed |= !result.Accepted;
        }
        finally
        {
            _gate.Release();
        }
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return result.Accepted
            ? OrderAck.Accepted(result.OrderId!.Value)
            : OrderAck.Rejected(result.OrderId ?? 0, Describe(result.ErrorName, result.ErrorMessage));
    }

    /// <inheritdoc />
    public async ValueTask<OrderAck> ModifyAsync(long orderId, int? quantity, decimal? stopPrice, decimal? limitPrice, CancellationToken cancellationToken)
    {
        var result = await _client.ModifyOrderAsync(_accountId, orderId, quantity, limitPrice, stopPrice, null, cancellationToken).ConfigureAwait(false);
        return result.Success ? OrderAck.Accepted(orderId) : OrderAck.Rejected(orderId, Describe(result.ErrorName, result.ErrorMessage));
    }

    /// <inheritdoc />
    public async ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken)
    {
        var result = await _client.CancelOrderAsync(_accountId, orderId, cancellationToken).ConfigureAwait(false);
        return result.Success ? OrderAck.Accepted(orderId) : OrderAck.Rejected(orderId, Describe(result.ErrorName, result.ErrorMessage));
    }

    /// <inheritdoc />
    /// <exception cref="GatewayException">The account is not in Account/search.</exception>
    public async ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken)
    {
        var accounts = await _client.SearchAccountsAsync(true, cancellationToken).ConfigureAwait(false);
        var account = accounts.FirstOrDefault(a => a.Id == _accountId)
            ?? throw new GatewayException(GatewayEndpoints.AccountSearch, 1, "AccountNotFound", $"account {_accountId} is not among the active accounts");
        var positions = await _client.SearchOpenPositionsAsync(_accountId, cancellationToken).ConfigureAwait(false);
        var position = positions.FirstOrDefault(p => p.ContractId == _contract.Id && p.Size > 0);
        var orders = await _client.SearchOpenOrdersAsync(_accountId, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var working = orders.Where(o => o.ContractId == _contract.Id && o.IsWorking)
                .Select(o => new WorkingOrder(o.Id, _byId.GetValueOrDefault(o.Id)?.Tag ?? o.CustomTag ?? o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    FromGateway(o.Side), FromGateway(o.Type), o.Size - o.FillVolume, o.LimitPrice, o.StopPrice))
                .ToList();
            var signed = position is null ? 0 : position.Type == PositionType.Short ? -position.Size : position.Size;
            return new AccountSnapshot(account.Balance, signed, position?.AveragePrice ?? 0, working);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _stopping.Dispose();
        _gate.Dispose();
        _publishing.Dispose();
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        await foreach (var hubEvent in _userEvents.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await ApplyAsync(hubEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One bad event must not stop the stream of fills; the next reconnect replays REST state.
                _logger.LogError(ex, "Broker could not apply {Event}", hubEvent.GetType().Name);
            }
        }
    }

    /// <summary>Applies one user-hub event (internal so tests can drive it without a hub).</summary>
    internal async Task ApplyAsync(GatewayHubEvent hubEvent, CancellationToken cancellationToken)
    {
        if (hubEvent is HubReconnected)
        {
            await ReconcileAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            switch (hubEvent)
            {
                case OrderUpdated { Order: var order } when order.AccountId == _accountId:
                    await OnOrderAsync(order, cancellationToken).ConfigureAwait(false);
                    break;
                case UserTradeReceived { Trade: var trade } when trade.AccountId == _accountId:
                    await OnTradeAsync(trade, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            _gate.Release();
        }
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        _logger.LogWarning("User hub reconnected: replaying orders and trades since {Since:O} to catch missed events", _startedAt);
        var orders = await _client.SearchOrdersAsync(_accountId, _startedAt, null, cancellationToken).ConfigureAwait(false);
        var trades = await _client.SearchTradesAsync(_accountId, _startedAt, null, cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var order in orders.OrderBy(o => o.CreationTimestamp))
                await OnOrderAsync(order, cancellationToken).ConfigureAwait(false);
            foreach (var trade in trades.OrderBy(t => t.CreationTimestamp).ThenBy(t => t.Id))
                await OnTradeAsync(trade, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // Events are collected under the state lock and published after it is released, in order, so a
    // receiver that is slow (or that calls back into the broker) never holds up the broker's state.
    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            BrokerEvent[] batch;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                batch = [.. _outbox];
                _outbox.Clear();
            }
            finally
            {
                _gate.Release();
            }
            foreach (var brokerEvent in batch)
                await _sink.PublishAsync(brokerEvent, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _publishing.Release();
        }
    }

    private async Task OnOrderAsync(GatewayOrder order, CancellationToken cancellationToken)
    {
        var tracked = _byId.GetValueOrDefault(order.Id) ?? (order.CustomTag is { } tag ? _byTag.GetValueOrDefault(tag) : null) ?? BracketChild(order);
        if (tracked is null)
            return;
        if (tracked.Id == 0)
            await RegisterAsync(tracked, order.Id, cancellationToken).ConfigureAwait(false);
        tracked.LimitPrice = order.LimitPrice ?? tracked.LimitPrice;
        tracked.StopPrice = order.StopPrice ?? tracked.StopPrice;
        var time = order.UpdateTimestamp ?? order.CreationTimestamp;
        switch (order.Status)
        {
            case GatewayOrderStatus.Open or GatewayOrderStatus.Pending or GatewayOrderStatus.Suspended when !tracked.Announced && !tracked.Closed:
                tracked.Announced = true;
                _outbox.Add(new OrderAccepted(time, tracked.View(order.Size)));
                break;
            case GatewayOrderStatus.Cancelled or GatewayOrderStatus.Expired when !tracked.Closed:
                tracked.Closed = true;
                _outbox.Add(new OrderCancelled(time, tracked.Id, tracked.Tag, order.Status.ToString()));
                break;
            case GatewayOrderStatus.Filled:
                tracked.Closed = true;
                break;
            case GatewayOrderStatus.Rejected when !tracked.Closed:
                tracked.Closed = true;
                _outbox.Add(new OrderRejected(time, tracked.Id, tracked.Tag, "rejected by the gateway"));
                break;
        }
    }

    private TrackedOrder? BracketChild(GatewayOrder order)
    {
        var parent = order.ParentOrderId is { } parentId ? _byId.GetValueOrDefault(parentId) : null;
        if (parent is null && order.CustomTag is { Length: > 3 } tag && (tag.EndsWith("-SL", StringComparison.Ordinal) || tag.EndsWith("-TP", StringComparison.Ordinal)))
            parent = _byTag.GetValueOrDefault(tag[..^3]);
        if (parent?.Group is not { } group)
            return null;
        var leg = order.Type == GatewayType.Limit ? group.BracketTarget : group.StopLeg;
        if (leg is null)
            return null;
        var child = new TrackedOrder(leg.Tag, FromGateway(order.Side), leg.Type, order.Size, order.LimitPrice, order.StopPrice) { Parent = parent };
        group.Legs.Add(child);
        return child;
    }

    private async Task OnTradeAsync(HalfTrade trade, CancellationToken cancellationToken)
    {
        if (trade.Voided || trade.ContractId != _contract.Id || _appliedTrades.Contains(trade.Id))
            return;
        if (!_byId.TryGetValue(trade.OrderId, out var tracked))
        {
            var waiting = _waitingTrades.TryGetValue(trade.OrderId, out var list) ? list : _waitingTrades[trade.OrderId] = [];
            if (waiting.TrueForAll(t => t.Id != trade.Id))
                waiting.Add(trade);
            return;
        }
        _appliedTrades.Add(trade.Id);
        var side = FromGateway(trade.Side);
        var signed = Direction(side) * trade.Size;
        var before = _position;
        _position += signed;
        _averagePrice = _position == 0 ? 0
            : Math.Sign(before) == Math.Sign(_position) && Math.Abs(_position) > Math.Abs(before) ? (_averagePrice * Math.Abs(before) + trade.Price * trade.Size) / Math.Abs(_position)
            : Math.Sign(before) != Math.Sign(_position) ? trade.Price
            : _averagePrice;
        var commission = trade.Fees + (trade.Commissions ?? 0);
        _balance += (trade.ProfitAndLoss ?? 0) - commission;
        tracked.FilledQuantity += trade.Size;
        tracked.FilledValue += trade.Price * trade.Size;
        tracked.Closed |= tracked.FilledQuantity >= tracked.Quantity;
        _outbox.Add(new OrderFilled(trade.CreationTimestamp, tracked.Id, tracked.Tag, side, trade.Size, trade.Price, commission, _position, _balance));

        if (tracked.Group is { TargetsPlaced: false } group && tracked.FilledQuantity >= tracked.Quantity)
        {
            group.TargetsPlaced = true;
            await PlaceSeparateTargetsAsync(tracked, group, cancellationToken).ConfigureAwait(false);
        }
        if (_position == 0)
            await CancelLeftoverLegsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PlaceSeparateTargetsAsync(TrackedOrder entry, EntryGroup group, CancellationToken cancellationToken)
    {
        var fill = entry.FilledValue / entry.FilledQuantity;
        var direction = Direction(entry.Side);
        foreach (var leg in group.SeparateTargets)
        {
            var price = decimal.Round((fill + direction * leg.OffsetTicks * _contract.TickSize) / _contract.TickSize, MidpointRounding.AwayFromZero) * _contract.TickSize;
            var exitSide = direction > 0 ? OrderSide.Sell : OrderSide.Buy;
            var target = new TrackedOrder(leg.Tag, exitSide, OrderType.Limit, leg.Quantity, price, null) { Parent = entry };
            _byTag[leg.Tag] = target;
            group.Legs.Add(target);
            var result = await _client.PlaceOrderAsync(new PlaceOrderRequest
            {
                AccountId = _accountId,
                ContractId = _contract.Id,
                Type = GatewayType.Limit,
                Side = ToGateway(exitSide),
                Size = leg.Quantity,
                LimitPrice = price,
                CustomTag = leg.Tag,
            }, cancellationToken).ConfigureAwait(false);
            if (result.OrderId is { } id)
                await RegisterAsync(target, id, cancellationToken).ConfigureAwait(false);
            if (!result.Accepted && !target.Closed)
            {
                target.Closed = true;
                _outbox.Add(new OrderRejected(_time.GetUtcNow(), result.OrderId ?? 0, leg.Tag, Describe(result.ErrorName, result.ErrorMessage)));
            }
        }
    }

    private async Task CancelLeftoverLegsAsync(CancellationToken cancellationToken)
    {
        var leftovers = _byId.Values.Where(o => o.Parent is not null && !o.Closed).ToList();
        foreach (var leg in leftovers)
        {
            var result = await _client.CancelOrderAsync(_accountId, leg.Id, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Position flat: cancelling leg {Tag} (order {OrderId}): {Outcome}", leg.Tag, leg.Id, result.Success ? "done" : result.ErrorName);
        }
    }

    private async Task RegisterAsync(TrackedOrder tracked, long id, CancellationToken cancellationToken)
    {
        if (tracked.Id == id)
            return;
        tracked.Id = id;
        _byId[id] = tracked;
        if (_waitingTrades.Remove(id, out var waiting))
        {
            foreach (var trade in waiting.OrderBy(t => t.CreationTimestamp))
                await OnTradeAsync(trade, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(string name, string? message) => message is null ? name : $"{name}: {message}";

    private static int Direction(OrderSide side) => side == OrderSide.Buy ? 1 : -1;

    private static GatewaySide ToGateway(OrderSide side) => side == OrderSide.Buy ? GatewaySide.Bid : GatewaySide.Ask;

    private static OrderSide FromGateway(GatewaySide side) => side == GatewaySide.Bid ? OrderSide.Buy : OrderSide.Sell;

    private static GatewayType ToGateway(OrderType type) => type switch
    {
        OrderType.Market => GatewayType.Market,
        OrderType.Limit => GatewayType.Limit,
        OrderType.Stop => GatewayType.Stop,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unsupported order type"),
    };

    private static OrderType FromGateway(GatewayType type) => type switch
    {
        GatewayType.Limit or GatewayType.JoinBid or GatewayType.JoinAsk => OrderType.Limit,
        GatewayType.Stop or GatewayType.StopLimit or GatewayType.TrailingStop => OrderType.Stop,
        _ => OrderType.Market,
    };

    /// <summary>The broker's view of one order it placed (or a bracket child standing for one of its legs).</summary>
    private sealed class TrackedOrder(string tag, OrderSide side, OrderType type, int quantity, decimal? limitPrice, decimal? stopPrice)
    {
        public long Id { get; set; }
        public string Tag { get; } = tag;
        public OrderSide Side { get; } = side;
        public OrderType Type { get; } = type;
        public int Quantity { get; } = quantity;
        public decimal? LimitPrice { get; set; } = limitPrice;
        public decimal? StopPrice { get; set; } = stopPrice;
        public EntryGroup? Group { get; init; }
        public TrackedOrder? Parent { get; init; }
        public bool Announced { get; set; }
        public bool Closed { get; set; }
        public int FilledQuantity { get; set; }
        public decimal FilledValue { get; set; }

        public WorkingOrder View(int size) => new(Id, Tag, Side, Type, size, LimitPrice, StopPrice);
    }

    /// <summary>How an entry's attached legs map onto ProjectX brackets and separate orders.</summary>
    private sealed class EntryGroup
    {
        public EntryGroup(IReadOnlyList<AttachedOrder> legs)
        {
            StopLeg = legs.FirstOrDefault(l => l.Type == OrderType.Stop);
            var targets = legs.Where(l => l.Type == OrderType.Limit).ToList();
            var entrySize = StopLeg?.Quantity ?? targets.Sum(t => t.Quantity);
            BracketTarget = targets.Count == 1 && targets[0].Quantity >= entrySize ? targets[0] : null;
            SeparateTargets = BracketTarget is null ? targets : [];
        }

        public AttachedOrder? StopLeg { get; }
        public AttachedOrder? BracketTarget { get; }
        public IReadOnlyList<AttachedOrder> SeparateTargets { get; }
        public List<TrackedOrder> Legs { get; } = [];
        public bool TargetsPlaced { get; set; }
    }
}
