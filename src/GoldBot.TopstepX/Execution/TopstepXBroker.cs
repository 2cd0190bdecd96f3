using System.Collections.Concurrent;
using GoldBot.Execution;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging;
using GatewaySide = GoldBot.TopstepX.Contracts.OrderSide;
using GatewayType = GoldBot.TopstepX.Contracts.OrderType;
using OrderSide = GoldBot.Execution.OrderSide;
using OrderType = GoldBot.Execution.OrderType;

namespace GoldBot.TopstepX.Execution;

/// <summary>
/// GoldBot's <see cref="IBroker"/> on a TopstepX account: a thin adapter between the order executor and the
/// ProjectX gateway. Requests go through <see cref="ProjectXClient"/> once each (an unknown outcome is reported
/// as <see cref="AckOutcome.Uncertain"/>, never as a rejection); what happens to orders comes back from the user
/// hub (<see cref="OnOrderAsync"/>, <see cref="OnTradeAsync"/>) as broker events; the account is read through
/// REST (<see cref="GetAccountAsync"/>: balance, position, working orders and the recent fills, so the executor
/// can book a fill whose event was missed). It keeps no position state: the executor owns that, and the gateway
/// is the truth. Fills are the hub's half-turn trades (§8.2), one <see cref="OrderFilled"/> per trade, carrying the
/// trade id the executor de-duplicates on. ProjectX has no reduce-only flag, so <see cref="OrderRequest.ReduceOnly"/>
/// is not sent; a flatten uses <c>Position/closeContract</c>, which the gateway sizes from what it holds.
/// Thread-safe and lock-free: no call waits for another.
/// </summary>
public sealed class TopstepXBroker : IBroker
{
    private readonly ProjectXClient _client;
    private readonly long _accountId;
    private readonly string _contractId;
    private readonly IBrokerEventSink _sink;
    private readonly TimeProvider _gatewayTime;
    private readonly TimeSpan _lookback;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, string> _tags = new();
    private volatile bool _accountRead;

    /// <summary>
    /// How far back the first account read looks for fills: four days, so a saved trade's exits made while GoldBot was down are
    /// found across a weekend or a holiday (a restart on Monday after a Friday stop-out).
    /// </summary>
    public static readonly TimeSpan StartupLookback = TimeSpan.FromDays(4);

    /// <summary>Creates the adapter for one account and contract.</summary>
    /// <param name="client">The REST client (logged in).</param>
    /// <param name="accountId">The account traded.</param>
    /// <param name="contractId">ProjectX contract id, e.g. <c>CON.F.US.MGC.G26</c>.</param>
    /// <param name="sink">The executor's inbox.</param>
    /// <param name="gatewayTime">The clock of the gateway's timestamps (search windows): the wall clock live, market time against the simulator.</param>
    /// <param name="lookback">
    /// How far back order and trade searches look (fills missed by the hub, orders found by tag); the first account read looks
    /// back <see cref="StartupLookback"/> at least, so a saved trade's exits made while GoldBot was down are found.
    /// </param>
    public TopstepXBroker(ProjectXClient client, long accountId, string contractId, IBrokerEventSink sink, TimeProvider gatewayTime, TimeSpan lookback,
        ILogger<TopstepXBroker> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _accountId = accountId;
        _contractId = contractId;
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _gatewayTime = gatewayTime ?? throw new ArgumentNullException(nameof(gatewayTime));
        _lookback = lookback;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await _client.PlaceOrderAsync(new PlaceOrderRequest
        {
            AccountId = _accountId,
            ContractId = _contractId,
            Type = request.Type switch { OrderType.Market => GatewayType.Market, OrderType.Limit => GatewayType.Limit, _ => GatewayType.Stop },
            Side = request.Side == OrderSide.Buy ? GatewaySide.Bid : GatewaySide.Ask,
            Size = request.Quantity,
            LimitPrice = request.LimitPrice,
            StopPrice = request.StopPrice,
            CustomTag = request.Tag,
        }, cancellationToken).ConfigureAwait(false);
        if (result.OrderId is { } id)
            _tags[id] = request.Tag;
        if (result.OutcomeUnknown)
            return OrderAck.Uncertain(result.OrderId ?? 0, Describe(result.ErrorName, result.ErrorMessage));
        if (!result.Accepted)
        {
            _logger.LogWarning("Order {Tag} rejected: {Reason}", request.Tag, Describe(result.ErrorName, result.ErrorMessage));
            return OrderAck.Rejected(result.OrderId ?? 0, Describe(result.ErrorName, result.ErrorMessage));
        }
        return OrderAck.Accepted(result.OrderId!.Value);
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var result = await _client.ModifyOrderAsync(_accountId, change.OrderId, change.Quantity, change.LimitPrice, change.StopPrice, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Ack(change.OrderId, result);
    }

    /// <inheritdoc/>
    public async ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken) =>
        Ack(orderId, await _client.CancelOrderAsync(_accountId, orderId, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public async ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken) =>
        Ack(0, await _client.ClosePositionAsync(_accountId, _contractId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The account as the gateway reports it now, for the traded contract: the account's balance (Account/search,
    /// USD), the net position and its size-weighted average price (Position/searchOpen), the working orders
    /// (Order/searchOpen) and the fills of the look-back window (Trade/search; the first read: <see cref="StartupLookback"/> at least).
    /// </summary>
    /// <exception cref="BrokerUnavailableException">The gateway refused or did not answer.</exception>
    public async ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken)
    {
        try
        {
            var accounts = await _client.SearchAccountsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var account = accounts.FirstOrDefault(a => a.Id == _accountId)
                ?? throw new BrokerUnavailableException($"account {_accountId} is not among the login's accounts");
            var positions = (await _client.SearchOpenPositionsAsync(_accountId, cancellationToken).ConfigureAwait(false))
                .Where(p => p.ContractId == _contractId && p.Size != 0).ToList();
            var orders = (await _client.SearchOpenOrdersAsync(_accountId, cancellationToken).ConfigureAwait(false))
                .Where(o => o.ContractId == _contractId && o.IsWorking).ToList();
            var now = _gatewayTime.GetUtcNow();
            var since = now - (_accountRead || _lookback > StartupLookback ? _lookback : StartupLookback);
            var trades = await _client.SearchTradesAsync(_accountId, since, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var order in orders)
                Remember(order);
            var size = positions.Sum(p => p.Size);
            var average = size == 0 ? 0m : positions.Sum(p => p.AveragePrice * p.Size) / size;
            var fills = trades.Where(t => t.ContractId == _contractId && !t.Voided).Select(Fill).ToList();
            _accountRead = true;
            return new AccountSnapshot(account.Balance, positions.Sum(p => p.SignedSize), average, [.. orders.Select(Working)], fills);
        }
        catch (Exception e) when (e is GatewayException or GatewayUnavailableException)
        {
            throw new BrokerUnavailableException($"the gateway's account could not be read: {e.Message}", e);
        }
    }

    /// <summary>The net position in the contract, contracts: one request (Position/searchOpen).</summary>
    /// <exception cref="BrokerUnavailableException">The gateway refused or did not answer.</exception>
    public async ValueTask<int> GetPositionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var positions = await _client.SearchOpenPositionsAsync(_accountId, cancellationToken).ConfigureAwait(false);
            return positions.Where(p => p.ContractId == _contractId).Sum(p => p.SignedSize);
        }
        catch (Exception e) when (e is GatewayException or GatewayUnavailableException)
        {
            throw new BrokerUnavailableException($"the gateway's position could not be read: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken)
    {
        try
        {
            var order = await _client.FindOrderByTagAsync(_accountId, tag, _gatewayTime.GetUtcNow() - _lookback, cancellationToken).ConfigureAwait(false);
            if (order is null)
                return null;
            Remember(order);
            return new OrderLookup(order.Id, tag, order.IsWorking, order.FillVolume, order.IsWorking ? Working(order) : null, order.Status.ToString());
        }
        catch (Exception e) when (e is GatewayException or GatewayUnavailableException)
        {
            throw new BrokerUnavailableException($"order {tag} could not be looked up: {e.Message}", e);
        }
    }

    /// <summary>A <c>GatewayUserOrder</c> event: an order working (new or changed), cancelled, expired or rejected. Fills come from trades.</summary>
    public ValueTask OnOrderAsync(GatewayOrder order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.ContractId != _contractId)
            return ValueTask.CompletedTask;
        Remember(order);
        var time = order.UpdateTimestamp ?? order.CreationTimestamp;
        BrokerEvent? e = order.Status switch
        {
            _ when order.IsWorking => new OrderAccepted(time, Working(order)),
            OrderStatus.Cancelled or OrderStatus.Expired => new OrderCancelled(time, order.Id, TagOf(order.Id), $"{order.Status} at the gateway"),
            OrderStatus.Rejected => new OrderRejected(time, order.Id, TagOf(order.Id), "rejected by the gateway"),
            _ => null,
        };
        return e is null ? ValueTask.CompletedTask : _sink.PublishAsync([e], cancellationToken);
    }

    /// <summary>A <c>GatewayUserTrade</c> event: one fill (voided trades and other contracts are ignored).</summary>
    public ValueTask OnTradeAsync(HalfTrade trade, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.Voided || trade.ContractId != _contractId)
            return ValueTask.CompletedTask;
        return _sink.PublishAsync([new OrderFilled(Fill(trade))], cancellationToken);
    }

    private BrokerFill Fill(HalfTrade trade) =>
        new(trade.Id, trade.OrderId, TagOf(trade.OrderId), trade.Side == GatewaySide.Bid ? OrderSide.Buy : OrderSide.Sell, trade.Size, trade.Price,
            trade.Fees + (trade.Commissions ?? 0m), trade.CreationTimestamp);

    private WorkingOrder Working(GatewayOrder o) =>
        new(o.Id, o.CustomTag ?? TagOf(o.Id), o.Side == GatewaySide.Bid ? OrderSide.Buy : OrderSide.Sell,
            o.Type switch { GatewayType.Limit => OrderType.Limit, GatewayType.Market => OrderType.Market, _ => OrderType.Stop },
            o.Size - o.FillVolume, o.LimitPrice, o.StopPrice);

    private void Remember(GatewayOrder order)
    {
        if (!string.IsNullOrEmpty(order.CustomTag))
            _tags[order.Id] = order.CustomTag;
    }

    private string TagOf(long orderId) => _tags.GetValueOrDefault(orderId) ?? "";

    private static OrderAck Ack(long orderId, OrderCommandResult result)
    {
        var reason = Describe(result.ErrorName, result.ErrorMessage);
        return result.Success ? OrderAck.Accepted(orderId)
            : result.OutcomeUnknown ? OrderAck.Uncertain(orderId, reason)
            : OrderAck.Rejected(orderId, reason);
    }

    private static string Describe(string name, string? message) => string.IsNullOrWhiteSpace(message) ? name : $"{name}: {message}";
}
