using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging;
using GatewaySide = GoldBot.TopstepX.Contracts.OrderSide;
using GatewayType = GoldBot.TopstepX.Contracts.OrderType;
using OrderSide = GoldBot.Execution.OrderSide;
using OrderType = GoldBot.Execution.OrderType;

namespace GoldBot.TopstepX.Execution;

/// <summary>
/// GoldBot's <see cref="IBroker"/> on a TopstepX account: orders go through <see cref="ProjectXClient"/>,
/// and what happens to them comes back from the user hub (<see cref="OnOrderAsync"/>,
/// <see cref="OnTradeAsync"/>) and from REST after a reconnect (<see cref="ReconcileAsync"/>),
/// published to the <see cref="IBrokerEventSink"/> in the order it is learned.
/// <list type="bullet">
/// <item>Brackets are daemon-managed (<c>research/topstepx-api.md</c> §12.3: Auto-OCO mode is an account
/// setting that cannot be checked): an entry's attached legs are placed as a stop and limit orders once the
/// entry has filled completely, priced by their tick offsets from the entry's average fill price; when the
/// position goes flat every remaining leg is cancelled (one-cancels-other done here).</item>
/// <item>Fills are the user hub's half-turn trades (§8.2): each trade is one fill, so partial fills arrive
/// as several <see cref="OrderFilled"/> events. Trades are de-duplicated by id, because events repeat
/// after reconnects and the REST reconciliation replays what the hub may also have delivered (§9.4).</item>
/// <item>Position, average price and balance are kept here from the fills (realised P&amp;L by average
/// price, commissions and fees from the trade), starting from the account's balance and open position.</item>
/// </list>
/// Thread-safe: commands and hub events are serialised by one lock, held across the REST call of a
/// command, so an event about an order is never handled before the order is known.
/// </summary>
public sealed class TopstepXBroker : IBroker, IDisposable
{
    private readonly ProjectXClient _client;
    private readonly long _accountId;
    private readonly string _contractId;
    private readonly ContractSpec _contract;
    private readonly IBrokerEventSink _sink;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<long, TrackedOrder> _orders = [];
    private readonly HashSet<long> _seenTrades = [];
    private readonly List<BrokerEvent> _outbox = [];
    private readonly DateTimeOffset _since;
    private int _position;
    private decimal _averagePrice;
    private decimal _balance;

    /// <summary>Creates the broker for one account and contract.</summary>
    /// <param name="client">The REST client (logged in).</param>
    /// <param name="accountId">The account traded.</param>
    /// <param name="contractId">ProjectX contract id, e.g. <c>CON.F.US.MGC.G26</c>.</param>
    /// <param name="contract">Tick size and tick value (points, USD per tick per contract).</param>
    /// <param name="start">The account at start-up: balance (USD), position (contracts, &gt; 0 long) and its average price (points).</param>
    public TopstepXBroker(ProjectXClient client, long accountId, string contractId, ContractSpec contract, AccountSnapshot start,
        IBrokerEventSink sink, TimeProvider time, ILogger<TopstepXBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(start);
        _client = client;
        _accountId = accountId;
        _contractId = contractId;
        _contract = contract;
        _sink = sink;
        _time = time;
        _logger = logger;
        _balance = start.Balance;
        _position = start.Position;
        _averagePrice = start.AveragePrice;
        _since = time.GetUtcNow();
        foreach (var order in start.WorkingOrders)
            _orders[order.OrderId] = new TrackedOrder(order.OrderId, new OrderRequest(order.Tag, order.Side, order.Type, order.Quantity, order.LimitPrice, order.StopPrice), IsLeg: false);
    }

    private sealed record TrackedOrder(long Id, OrderRequest Request, bool IsLeg)
    {
        public int Filled { get; set; }
        public decimal FilledValue { get; set; }
        public bool Done { get; set; }
        public bool LegsPlaced { get; set; }
        public int Remaining => Request.Quantity - Filled;
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var ack = await PlaceLockedAsync(request, isLeg: false, cancellationToken);
            return ack;
        }
        finally
        {
            await FlushAndReleaseAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> ModifyAsync(long orderId, int? quantity, decimal? stopPrice, decimal? limitPrice, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_orders.TryGetValue(orderId, out var order) || order.Done)
                return OrderAck.Rejected(orderId, "order is not working");
            OrderCommandResult result;
            try
            {
                result = await _client.ModifyOrderAsync(_accountId, orderId, quantity, limitPrice, stopPrice, cancellationToken: cancellationToken);
            }
            catch (GatewayUnavailableException e)
            {
                _logger.LogError("Modify of order {OrderId}: outcome unknown, gateway unavailable: {Reason}", orderId, e.Message);
                return OrderAck.Rejected(orderId, "gateway unavailable: " + e.Message);
            }
            if (!result.Success)
                return OrderAck.Rejected(orderId, Describe(result.ErrorName, result.ErrorMessage));
            _orders[orderId] = order with
            {
                Request = order.Request with
                {
                    Quantity = quantity is { } q ? order.Filled + q : order.Request.Quantity,
                    StopPrice = stopPrice ?? order.Request.StopPrice,
                    LimitPrice = limitPrice ?? order.Request.LimitPrice,
                },
            };
            return OrderAck.Accepted(orderId);
        }
        finally
        {
            await FlushAndReleaseAsync(cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await CancelLockedAsync(orderId, "cancelled on request", cancellationToken);
        }
        finally
        {
            await FlushAndReleaseAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The account as this broker knows it: balance (USD) and position (contracts, average price in
    /// points) kept from the fills seen, and the orders it placed that are still working. Kept current
    /// by the hub events and <see cref="ReconcileAsync"/>; no REST call.
    /// </summary>
    public async ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var working = _orders.Values.Where(o => !o.Done)
                .Select(o => new WorkingOrder(o.Id, o.Request.Tag, o.Request.Side, o.Request.Type, o.Remaining, o.Request.LimitPrice, o.Request.StopPrice))
                .ToList();
            return new AccountSnapshot(_balance, _position, _averagePrice, working);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A <c>GatewayUserOrder</c> event (or an order read back through REST): cancels and rejections.</summary>
    public async ValueTask OnOrderAsync(GatewayOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ApplyOrder(order);
        }
        finally
        {
            await FlushAndReleaseAsync(cancellationToken);
        }
    }

    /// <summary>A <c>GatewayUserTrade</c> event (or a trade read back through REST): one fill.</summary>
    public async ValueTask OnTradeAsync(HalfTrade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ApplyTradeAsync(trade, cancellationToken);
        }
        finally
        {
            await FlushAndReleaseAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Learns through REST what the hub may have missed (after a reconnect, and at start-up): every
    /// trade since start not yet seen is applied in time order, then every order still thought working
    /// that the gateway no longer lists as open is read back and closed out. Logs a warning when the
    /// gateway's position differs from the one kept here.
    /// </summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var trades = await _client.SearchTradesAsync(_accountId, _since.AddMinutes(-1), cancellationToken: cancellationToken);
        var open = await _client.SearchOpenOrdersAsync(_accountId, cancellationToken);
        var positions = await _client.SearchOpenPositionsAsync(_accountId, cancellationToken);
        IReadOnlyList<GatewayOrder>? recent = null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var trade in trades.Where(t => t.ContractId == _contractId).OrderBy(t => t.CreationTimestamp).ThenBy(t => t.Id))
                await ApplyTradeAsync(trade, cancellationToken);
            var openIds = open.Select(o => o.Id).ToHashSet();
            foreach (var order in open.Where(o => _orders.ContainsKey(o.Id)))
                ApplyOrder(order);
            if (_orders.Values.Any(o => !o.Done && !openIds.Contains(o.Id)))
            {
                recent = await _client.SearchOrdersAsync(_accountId, _since.AddMinutes(-1), cancellationToken: cancellationToken);
                foreach (var order in recent.Where(o => _orders.TryGetValue(o.Id, out var t) && !t.Done && !openIds.Contains(o.Id)))
                    ApplyOrder(order);
            }
            var held = positions.Where(p => p.ContractId == _contractId).Sum(p => p.SignedSize);
            if (held != _position)
                _logger.LogWarning("Reconcile: gateway position {Gateway} differs from the fills seen ({Local})", held, _position);
        }
        finally
        {
            await FlushAndReleaseAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The account as the gateway reports it at start-up, for one contract: <paramref name="account"/>'s balance
    /// (USD), the net position (contracts) and its size-weighted average price (points) from
    /// <c>Position/searchOpen</c>, and the contract's working orders from <c>Order/searchOpen</c>.
    /// </summary>
    /// <exception cref="GatewayException">The gateway refused.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public static async Task<AccountSnapshot> ReadAccountAsync(ProjectXClient client, TradingAccount account, string contractId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(account);
        var positions = (await client.SearchOpenPositionsAsync(account.Id, cancellationToken)).Where(p => p.ContractId == contractId && p.Size != 0).ToList();
        var orders = (await client.SearchOpenOrdersAsync(account.Id, cancellationToken)).Where(o => o.ContractId == contractId && o.IsWorking).ToList();
        var average = positions.Count == 0 ? 0m : positions.Sum(p => p.AveragePrice * p.Size) / positions.Sum(p => p.Size);
        var working = orders.Select(o => new WorkingOrder(o.Id, o.CustomTag ?? "", o.Side == GatewaySide.Bid ? OrderSide.Buy : OrderSide.Sell,
            o.Type switch { GatewayType.Limit => OrderType.Limit, GatewayType.Market => OrderType.Market, _ => OrderType.Stop },
            o.Size - o.FillVolume, o.LimitPrice, o.StopPrice)).ToList();
        return new AccountSnapshot(account.Balance, positions.Sum(p => p.SignedSize), average, working);
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private async Task<OrderAck> PlaceLockedAsync(OrderRequest request, bool isLeg, CancellationToken cancellationToken)
    {
        PlaceOrderResult result;
        try
        {
            result = await _client.PlaceOrderAsync(new PlaceOrderRequest
        {
            AccountId = _accountId,
            ContractId = _contractId,
            Type = request.Type switch { OrderType.Market => GatewayType.Market, OrderType.Limit => GatewayType.Limit, _ => GatewayType.Stop },
            Side = request.Side == OrderSide.Buy ? GatewaySide.Bid : GatewaySide.Ask,
            Size = request.Quantity,
            LimitPrice = request.LimitPrice,
            StopPrice = request.StopPrice,
            CustomTag = request.Tag,
        }, cancellationToken);
        }
        catch (GatewayUnavailableException e)
        {
            // The client could not learn whether the order exists: say so; the next reconciliation finds it if it does.
            _logger.LogError("Order {Tag}: outcome unknown, gateway unavailable: {Reason}", request.Tag, e.Message);
            return OrderAck.Rejected(0, "gateway unavailable: " + e.Message);
        }
        if (!result.Accepted || result.OrderId is not { } id)
        {
            var reason = Describe(result.ErrorName, result.ErrorMessage);
            _logger.LogWarning("Order {Tag} rejected: {Reason}", request.Tag, reason);
            return OrderAck.Rejected(result.OrderId ?? 0, reason);
        }
        _orders[id] = new TrackedOrder(id, request, isLeg || request.ReduceOnly);
        _outbox.Add(new OrderAccepted(_time.GetUtcNow(), new WorkingOrder(id, request.Tag, request.Side, request.Type, request.Quantity, request.LimitPrice, request.StopPrice)));
        return OrderAck.Accepted(id);
    }

    private async Task<OrderAck> CancelLockedAsync(long orderId, string reason, CancellationToken cancellationToken)
    {
        if (!_orders.TryGetValue(orderId, out var order) || order.Done)
            return OrderAck.Rejected(orderId, "order is not working");
        OrderCommandResult result;
        try
        {
            result = await _client.CancelOrderAsync(_accountId, orderId, cancellationToken);
        }
        catch (GatewayUnavailableException e)
        {
            _logger.LogError("Cancel of order {OrderId}: outcome unknown, gateway unavailable: {Reason}", orderId, e.Message);
            return OrderAck.Rejected(orderId, "gateway unavailable: " + e.Message);
        }
        if (!result.Success)
            return OrderAck.Rejected(orderId, Describe(result.ErrorName, result.ErrorMessage));
        order.Done = true;
        _outbox.Add(new OrderCancelled(_time.GetUtcNow(), orderId, order.Request.Tag, reason));
        return OrderAck.Accepted(orderId);
    }

    private void ApplyOrder(GatewayOrder order)
    {
        if (!_orders.TryGetValue(order.Id, out var tracked) || tracked.Done)
            return;
        var now = order.UpdateTimestamp ?? _time.GetUtcNow();
        switch (order.Status)
        {
            case OrderStatus.Cancelled or OrderStatus.Expired:
                tracked.Done = true;
                _outbox.Add(new OrderCancelled(now, order.Id, tracked.Request.Tag, $"{order.Status} at the gateway"));
                break;
            case OrderStatus.Rejected:
                tracked.Done = true;
                _outbox.Add(new OrderRejected(now, order.Id, tracked.Request.Tag, "rejected by the gateway"));
                break;
        }
    }

    private async Task ApplyTradeAsync(HalfTrade trade, CancellationToken cancellationToken)
    {
        if (trade.Voided || trade.ContractId != _contractId || !_seenTrades.Add(trade.Id))
            return;
        var side = trade.Side == GatewaySide.Bid ? OrderSide.Buy : OrderSide.Sell;
        var signed = side == OrderSide.Buy ? trade.Size : -trade.Size;
        var commission = trade.Fees + (trade.Commissions ?? 0m);
        var realised = 0m;
        if (_position != 0 && Math.Sign(signed) != Math.Sign(_position))
        {
            var closed = Math.Min(Math.Abs(signed), Math.Abs(_position));
            realised = _contract.PnL(Math.Sign(_position), _averagePrice, trade.Price, closed);
        }
        var after = _position + signed;
        _averagePrice = after == 0 ? 0
            : Math.Sign(after) != Math.Sign(_position) ? trade.Price
            : Math.Abs(after) > Math.Abs(_position) ? (_averagePrice * Math.Abs(_position) + trade.Price * trade.Size) / Math.Abs(after)
            : _averagePrice;
        _position = after;
        _balance += realised - commission;

        _orders.TryGetValue(trade.OrderId, out var order);
        var tag = order?.Request.Tag ?? "";
        _outbox.Add(new OrderFilled(trade.CreationTimestamp, trade.OrderId, tag, side, trade.Size, trade.Price, commission, _position, _balance));
        if (order is null)
        {
            _logger.LogWarning("Fill of order {OrderId} not placed by GoldBot: {Side} {Size} at {Price}", trade.OrderId, side, trade.Size, trade.Price);
        }
        else
        {
            order.Filled += trade.Size;
            order.FilledValue += trade.Price * trade.Size;
            if (order.Remaining <= 0)
                order.Done = true;
            if (order.Done && !order.LegsPlaced && order.Request.Attached is { Count: > 0 } legs)
                await PlaceLegsAsync(order, legs, cancellationToken);
        }
        if (_position == 0)
            await CancelLegsAsync(cancellationToken);
    }

    private async Task PlaceLegsAsync(TrackedOrder entry, IReadOnlyList<AttachedOrder> legs, CancellationToken cancellationToken)
    {
        entry.LegsPlaced = true;
        var fill = _contract.RoundToTick(entry.FilledValue / entry.Filled);
        var direction = entry.Request.Side == OrderSide.Buy ? 1 : -1;
        var exitSide = direction > 0 ? OrderSide.Sell : OrderSide.Buy;
        foreach (var leg in legs)
        {
            var offset = _contract.ToPrice(leg.OffsetTicks);
            var request = leg.Type == OrderType.Stop
                ? new OrderRequest(leg.Tag, exitSide, OrderType.Stop, leg.Quantity, StopPrice: fill - direction * offset, ReduceOnly: true)
                : new OrderRequest(leg.Tag, exitSide, OrderType.Limit, leg.Quantity, LimitPrice: fill + direction * offset, ReduceOnly: true);
            var ack = await PlaceLockedAsync(request, isLeg: true, cancellationToken);
            if (!ack.Success)
                _outbox.Add(new OrderRejected(_time.GetUtcNow(), ack.OrderId, leg.Tag, ack.Error ?? "rejected"));
        }
    }

    private async Task CancelLegsAsync(CancellationToken cancellationToken)
    {
        foreach (var leg in _orders.Values.Where(o => o.IsLeg && !o.Done).ToList())
            await CancelLockedAsync(leg.Id, "position flat: exit order cancelled (OCO)", cancellationToken);
    }

    /// <summary>Publishes what the call learned, in order, before another call can learn more; then lets the next one in.</summary>
    private async Task FlushAndReleaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var e in _outbox)
                await _sink.PublishAsync(e, cancellationToken);
        }
        finally
        {
            _outbox.Clear();
            _gate.Release();
        }
    }

    private static string Describe(string name, string? message) => string.IsNullOrWhiteSpace(message) ? name : $"{name}: {message}";
}
