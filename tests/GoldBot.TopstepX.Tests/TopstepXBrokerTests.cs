using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoldBot.Execution;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Execution;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Serialization;
using GoldBot.TopstepX.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using ExecSide = GoldBot.Execution.OrderSide;
using ExecType = GoldBot.Execution.OrderType;
using GatewaySide = GoldBot.TopstepX.Contracts.OrderSide;
using GatewayStatus = GoldBot.TopstepX.Contracts.OrderStatus;
using GatewayType = GoldBot.TopstepX.Contracts.OrderType;

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// The broker adapter over a stub gateway: requests sent once and mapped to accepted, rejected or uncertain
/// acks; hub orders and trades mapped to broker events (fills carry the trade id and the order's tag); the
/// account read through REST for the executor's reconciliation; orders found by their tag.
/// MGC (tick 0.10 = USD 1.00), fees 0.37 + commissions 0.25 per contract side.
/// </summary>
public sealed class TopstepXBrokerTests : IDisposable
{
    private const long Account = 26282486;
    private const string Mgc = "CON.F.US.MGC.Z26";
    private static readonly DateTimeOffset At = new(2026, 8, 19, 14, 0, 0, TimeSpan.Zero);
    private readonly ClientFixture _fixture = new();
    private readonly ConcurrentQueue<IReadOnlyList<BrokerEvent>> _batches = new();
    private readonly TopstepXBroker _broker;
    private long _nextOrderId = 100;

    public TopstepXBrokerTests()
    {
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderPlace => StubGateway.Ok(new JsonObject { ["orderId"] = Interlocked.Increment(ref _nextOrderId) }),
            _ => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(), ["trades"] = new JsonArray(), ["positions"] = new JsonArray() }),
        });
        _broker = new TopstepXBroker(_fixture.Client, Account, Mgc, new Sink(_batches), _fixture.Time, TimeSpan.FromHours(1), NullLogger<TopstepXBroker>.Instance);
    }

    public void Dispose() => _fixture.Dispose();

    private IEnumerable<BrokerEvent> Events => _batches.SelectMany(b => b);

    private sealed class Sink(ConcurrentQueue<IReadOnlyList<BrokerEvent>> batches) : IBrokerEventSink
    {
        public ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken)
        {
            batches.Enqueue(events);
            return default;
        }
    }

    private static HalfTrade Trade(long id, long orderId, decimal price, int size, GatewaySide side, string contract = Mgc, bool voided = false) => new()
    {
        Id = id, AccountId = Account, ContractId = contract, OrderId = orderId, Price = price, Size = size, Side = side, Voided = voided,
        Fees = 0.37m * size, Commissions = 0.25m * size, CreationTimestamp = At, // a half-turn trade carries the costs of all its contracts
    };

    private static GatewayOrder Order(long id, GatewayStatus status, GatewayType type = GatewayType.Stop, int size = 2, int filled = 0, string? tag = "gb-1-stop") => new()
    {
        Id = id, AccountId = Account, ContractId = Mgc, Status = status, Type = type, Side = GatewaySide.Ask, Size = size, FillVolume = filled,
        StopPrice = type == GatewayType.Stop ? 2646.1m : null, LimitPrice = type == GatewayType.Limit ? 2652.1m : null, CustomTag = tag,
        CreationTimestamp = At, UpdateTimestamp = At.AddSeconds(1),
    };

    private IEnumerable<JsonNode> Placed => _fixture.Gateway.To(GatewayEndpoints.OrderPlace).Select(r => r.Json!);

    [Fact]
    public async Task An_order_is_sent_once_with_its_tag_and_no_bracket_or_reduce_only_flag()
    {
        var ack = await _broker.PlaceAsync(new OrderRequest("gb-1-stop", ExecSide.Sell, ExecType.Stop, 2, StopPrice: 2646.1m, ReduceOnly: true), default);

        Assert.Equal(OrderAck.Accepted(101), ack);
        var sent = Assert.Single(Placed);
        Assert.Equal(("gb-1-stop", 4, 1, 2, 2646.1m), ((string)sent["customTag"]!, (int)sent["type"]!, (int)sent["side"]!, (int)sent["size"]!, (decimal)sent["stopPrice"]!));
        Assert.Null(sent["stopLossBracket"]); // daemon-managed brackets: research/topstepx-api.md §12.3
        Assert.Null(sent["reduceOnly"]); // ProjectX has no such flag
        Assert.Empty(Events); // the hub reports what happens to it
    }

    [Fact]
    public async Task A_refused_order_is_a_rejected_ack_and_an_unanswered_one_is_uncertain()
    {
        _fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["orderId"] = 555 }, success: false, errorCode: 2, errorMessage: "Invalid price"));
        var refused = await _broker.PlaceAsync(new OrderRequest("gb-5", ExecSide.Buy, ExecType.Limit, 1, LimitPrice: 2600.05m), default);
        Assert.Equal(OrderAck.Rejected(555, "OrderRejected: Invalid price"), refused);

        _fixture.Gateway.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var unknown = await _broker.PlaceAsync(new OrderRequest("gb-6", ExecSide.Buy, ExecType.Market, 1), default);
        Assert.Equal(AckOutcome.Uncertain, unknown.Outcome);
        Assert.Single(Placed, p => (string)p["customTag"]! == "gb-6");
    }

    [Fact]
    public async Task Hub_orders_become_working_cancelled_or_rejected_events_and_fills_come_only_from_trades()
    {
        await _broker.OnOrderAsync(Order(101, GatewayStatus.Open, filled: 1), default);
        await _broker.OnOrderAsync(Order(101, GatewayStatus.Filled, filled: 2), default);
        await _broker.OnOrderAsync(Order(102, GatewayStatus.Cancelled, GatewayType.Limit, tag: "gb-1-tp1"), default);
        await _broker.OnOrderAsync(Order(103, GatewayStatus.Rejected, tag: "gb-1-stop2"), default);
        await _broker.OnOrderAsync(Order(104, GatewayStatus.Open) with { ContractId = "CON.F.US.MES.U26" }, default);

        Assert.Equal<BrokerEvent>(
        [
            new OrderAccepted(At.AddSeconds(1), new WorkingOrder(101, "gb-1-stop", ExecSide.Sell, ExecType.Stop, 1, null, 2646.1m)), // 2 − 1 filled
            new OrderCancelled(At.AddSeconds(1), 102, "gb-1-tp1", "Cancelled at the gateway"),
            new OrderRejected(At.AddSeconds(1), 103, "gb-1-stop2", "rejected by the gateway"),
        ], Events);
    }

    [Fact]
    public async Task A_trade_is_one_fill_with_its_trade_id_its_costs_and_the_tag_of_its_order()
    {
        await _broker.PlaceAsync(new OrderRequest("gb-2", ExecSide.Sell, ExecType.Market, 2), default);
        await _broker.OnTradeAsync(Trade(9001, 101, 2650.0m, 2, GatewaySide.Ask), default);
        await _broker.OnTradeAsync(Trade(9002, 777, 2650.1m, 1, GatewaySide.Bid), default); // an order GoldBot did not place
        await _broker.OnTradeAsync(Trade(9003, 101, 2650.0m, 1, GatewaySide.Ask, voided: true), default);
        await _broker.OnTradeAsync(Trade(9004, 101, 2650.0m, 1, GatewaySide.Ask, contract: "CON.F.US.MES.U26"), default);

        Assert.Equal(
        [
            new BrokerFill(9001, 101, "gb-2", ExecSide.Sell, 2, 2650.0m, 1.24m, At),
            new BrokerFill(9002, 777, "", ExecSide.Buy, 1, 2650.1m, 0.62m, At),
        ], Events.OfType<OrderFilled>().Select(f => f.Fill));
    }

    [Fact]
    public async Task The_account_read_gives_the_gateways_balance_signed_position_average_price_working_orders_and_recent_fills()
    {
        var position = JsonSerializer.SerializeToNode(new GatewayPosition { Id = 5, AccountId = Account, ContractId = Mgc, Type = PositionType.Short, Size = 3, AveragePrice = 2650.2m, CreationTimestamp = At }, GatewayJson.Options);
        var other = JsonSerializer.SerializeToNode(new GatewayPosition { Id = 6, AccountId = Account, ContractId = "CON.F.US.MES.U26", Type = PositionType.Long, Size = 1, AveragePrice = 6400m, CreationTimestamp = At }, GatewayJson.Options);
        var stop = JsonSerializer.SerializeToNode(Order(101, GatewayStatus.Open, size: 3) with { Side = GatewaySide.Bid, StopPrice = 2660.2m }, GatewayJson.Options);
        var trade = JsonSerializer.SerializeToNode(Trade(9001, 100, 2650.2m, 3, GatewaySide.Ask), GatewayJson.Options);
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.AccountSearch => StubGateway.Ok(new JsonObject { ["accounts"] = new JsonArray(new JsonObject { ["id"] = Account, ["name"] = "50K", ["balance"] = 49_998.14m, ["canTrade"] = true }) }),
            GatewayEndpoints.PositionSearchOpen => StubGateway.Ok(new JsonObject { ["positions"] = new JsonArray(position!.DeepClone(), other!.DeepClone()) }),
            GatewayEndpoints.OrderSearchOpen => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(stop!.DeepClone()) }),
            GatewayEndpoints.TradeSearch => StubGateway.Ok(new JsonObject { ["trades"] = new JsonArray(trade!.DeepClone()) }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var account = await _broker.GetAccountAsync(default);

        Assert.Equal((49_998.14m, -3, 2650.2m), (account.Balance, account.Position, account.AveragePrice));
        Assert.Equal([new WorkingOrder(101, "gb-1-stop", ExecSide.Buy, ExecType.Stop, 3, null, 2660.2m)], account.WorkingOrders);
        Assert.Equal([new BrokerFill(9001, 100, "", ExecSide.Sell, 3, 2650.2m, 1.86m, At)], account.Fills!);
        // The first read looks back four days, so exits made while GoldBot was down are found across a weekend; later reads
        // look back the configured hour.
        await _broker.GetAccountAsync(default);
        var starts = _fixture.Gateway.To(GatewayEndpoints.TradeSearch)
            .Select(r => DateTimeOffset.Parse((string)r.Json!["startTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([_fixture.Time.GetUtcNow().AddDays(-4), _fixture.Time.GetUtcNow().AddHours(-1)], starts);
    }

    [Fact]
    public async Task An_account_the_gateway_cannot_give_is_a_broker_unavailable_error()
    {
        // Without retries (their backoff is RetryTests' subject): no clock to move, nothing to race.
        using var fixture = new ClientFixture(ClientFixture.TestOptions() with { MaxRetries = 0 });
        fixture.Gateway.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var broker = new TopstepXBroker(fixture.Client, Account, Mgc, new Sink(_batches), fixture.Time, TimeSpan.FromHours(1), NullLogger<TopstepXBroker>.Instance);

        await Assert.ThrowsAsync<BrokerUnavailableException>(() => broker.GetAccountAsync(default).AsTask());
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.AccountSearch));
    }

    [Fact]
    public async Task An_order_is_found_by_its_tag_with_its_state_and_fills()
    {
        var filled = JsonSerializer.SerializeToNode(Order(101, GatewayStatus.Filled, GatewayType.Market, size: 2, filled: 2, tag: "gb-3"), GatewayJson.Options);
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(filled!.DeepClone()) }),
            _ => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray() }),
        });

        var found = await _broker.FindOrderAsync("gb-3", default);
        var missing = await _broker.FindOrderAsync("gb-4", default);

        Assert.Equal(new OrderLookup(101, "gb-3", false, 2, null, "Filled"), found);
        Assert.Null(missing);
        await _broker.OnTradeAsync(Trade(9010, 101, 2650.0m, 2, GatewaySide.Bid), default);
        Assert.Equal("gb-3", Events.OfType<OrderFilled>().Single().Fill.Tag); // the tag learned by the lookup names the fill
    }

    [Fact]
    public async Task A_close_goes_to_closeContract_and_its_refusals_and_unknown_outcomes_are_told_apart()
    {
        var answers = new Queue<HttpResponseMessage>([
            StubGateway.Ok(new JsonObject()),
            StubGateway.Ok(new JsonObject(), success: false, errorCode: 2, errorMessage: null),
            new HttpResponseMessage(HttpStatusCode.InternalServerError),
        ]);
        _fixture.Gateway.Respond = (_, _) => Task.FromResult(answers.Dequeue());

        var closed = await _broker.ClosePositionAsync("gb-close-1", default);
        var flat = await _broker.ClosePositionAsync("gb-close-2", default);
        var unknown = await _broker.ClosePositionAsync("gb-close-3", default);

        Assert.Equal((AckOutcome.Accepted, AckOutcome.Rejected, "PositionNotFound", AckOutcome.Uncertain), (closed.Outcome, flat.Outcome, flat.Error, unknown.Outcome));
        var sent = _fixture.Gateway.To(GatewayEndpoints.PositionCloseContract).Select(r => ((long)r.Json!["accountId"]!, (string)r.Json!["contractId"]!)).ToList();
        Assert.Equal([(Account, Mgc), (Account, Mgc), (Account, Mgc)], sent);
    }
}
