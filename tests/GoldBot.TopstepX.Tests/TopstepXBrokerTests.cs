using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using GoldBot.Execution;
using GoldBot.Market;
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

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// The broker over a stub gateway: daemon-managed brackets from the average fill, fills de-duplicated,
/// legs cancelled when flat, missed fills and cancels learned from REST, rejections as acks.
/// MGC (tick 0.10 = USD 1.00), fees 0.37 + commissions 0.25 per contract side.
/// </summary>
public sealed class TopstepXBrokerTests : IDisposable
{
    private const long Account = 26282486;
    private const string Mgc = "CON.F.US.MGC.Z26";
    private static readonly DateTimeOffset At = new(2026, 8, 19, 14, 0, 0, TimeSpan.Zero);
    private readonly ClientFixture _fixture = new();
    private readonly ConcurrentQueue<BrokerEvent> _events = new();
    private readonly TopstepXBroker _broker;
    private long _nextOrderId = 100;

    public TopstepXBrokerTests()
    {
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderPlace => StubGateway.Ok(new JsonObject { ["orderId"] = Interlocked.Increment(ref _nextOrderId) }),
            _ => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(), ["trades"] = new JsonArray(), ["positions"] = new JsonArray() }),
        });
        _broker = new TopstepXBroker(_fixture.Client, Account, Mgc, ContractSpec.BuiltIn["MGC"], new AccountSnapshot(50_000m, 0, 0, []),
            new Sink(_events), _fixture.Time, NullLogger<TopstepXBroker>.Instance);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _fixture.Dispose();
    }

    private sealed class Sink(ConcurrentQueue<BrokerEvent> events) : IBrokerEventSink
    {
        public ValueTask PublishAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken)
        {
            events.Enqueue(brokerEvent);
            return default;
        }
    }

    private static HalfTrade Trade(long id, long orderId, decimal price, int size, GatewaySide side) => new()
    {
        Id = id, AccountId = Account, ContractId = Mgc, OrderId = orderId, Price = price, Size = size, Side = side,
        Fees = 0.37m * size, Commissions = 0.25m * size, CreationTimestamp = At, // a half-turn trade carries the costs of all its contracts
    };

    private static OrderRequest LongTwoWithBracket() => new("gb-1", ExecSide.Buy, ExecType.Market, 2, Attached:
    [
        new AttachedOrder("gb-1-stop", ExecType.Stop, 2, 40),
        new AttachedOrder("gb-1-tp1", ExecType.Limit, 1, 20),
        new AttachedOrder("gb-1-tp2", ExecType.Limit, 1, 45),
    ]);

    private IEnumerable<JsonNode> Placed => _fixture.Gateway.To(GatewayEndpoints.OrderPlace).Select(r => r.Json!);

    [Fact]
    public async Task The_bracket_is_placed_from_the_average_fill_once_the_entry_is_complete()
    {
        var ack = await _broker.PlaceAsync(LongTwoWithBracket(), default);
        Assert.Equal((true, 101L), (ack.Success, ack.OrderId));
        var entry = Assert.Single(Placed);
        Assert.Null(entry["stopLossBracket"]); // daemon-managed brackets: research/topstepx-api.md §12.3

        await _broker.OnTradeAsync(Trade(9001, 101, 2650.0m, 1, GatewaySide.Bid), default);
        Assert.Single(Placed); // half filled: no legs yet
        await _broker.OnTradeAsync(Trade(9002, 101, 2650.2m, 1, GatewaySide.Bid), default);

        // Average fill 2650.1: stop 40 ticks below, targets 20 and 45 ticks above, all sells.
        var legs = Placed.Skip(1).Select(j => ((string)j["customTag"]!, (int)j["type"]!, (int)j["side"]!, (decimal?)j["stopPrice"], (decimal?)j["limitPrice"], (int)j["size"]!));
        Assert.Equal([("gb-1-stop", 4, 1, 2646.1m, null), ("gb-1-tp1", 1, 1, null, 2652.1m), ("gb-1-tp2", 1, 1, null, 2654.6m)],
            legs.Select(l => (l.Item1, l.Item2, l.Item3, l.Item4, l.Item5)));
        var fills = _events.OfType<OrderFilled>().ToList();
        Assert.Equal([(1, 2650.0m, 0.62m, 49_999.38m), (2, 2650.2m, 0.62m, 49_998.76m)], fills.Select(f => (f.PositionAfter, f.Price, f.Commission, f.BalanceAfter)));
        Assert.Equal(["gb-1", "gb-1-stop", "gb-1-tp1", "gb-1-tp2"], _events.OfType<OrderAccepted>().Select(a => a.Tag));
    }

    [Fact]
    public async Task A_repeated_trade_event_is_applied_once()
    {
        await _broker.PlaceAsync(new OrderRequest("gb-2", ExecSide.Sell, ExecType.Market, 1), default);
        await _broker.OnTradeAsync(Trade(9001, 101, 2650.0m, 1, GatewaySide.Ask), default);
        await _broker.OnTradeAsync(Trade(9001, 101, 2650.0m, 1, GatewaySide.Ask), default);

        Assert.Single(_events.OfType<OrderFilled>());
        Assert.Equal(-1, (await _broker.GetAccountAsync(default)).Position);
    }

    [Fact]
    public async Task Going_flat_cancels_the_legs_still_working_and_books_the_realised_pnl()
    {
        await _broker.PlaceAsync(LongTwoWithBracket(), default);
        await _broker.OnTradeAsync(Trade(9001, 101, 2650.0m, 2, GatewaySide.Bid), default);

        await _broker.OnTradeAsync(Trade(9002, 102, 2646.0m, 2, GatewaySide.Ask), default); // the stop fills

        var flat = _events.OfType<OrderFilled>().Last();
        Assert.Equal(("gb-1-stop", 0, 50_000m - 80m - 4 * 0.62m), (flat.Tag, flat.PositionAfter, flat.BalanceAfter));
        Assert.Equal([103L, 104L], _fixture.Gateway.To(GatewayEndpoints.OrderCancel).Select(r => (long)r.Json!["orderId"]!).Order());
        Assert.Equal(["gb-1-tp1", "gb-1-tp2"], _events.OfType<OrderCancelled>().Select(c => c.Tag).Order());
        Assert.Empty((await _broker.GetAccountAsync(default)).WorkingOrders);
    }

    [Fact]
    public async Task Reconciliation_applies_missed_fills_and_closes_orders_the_gateway_no_longer_works()
    {
        await _broker.PlaceAsync(new OrderRequest("gb-3", ExecSide.Buy, ExecType.Market, 1), default);
        await _broker.PlaceAsync(new OrderRequest("gb-4", ExecSide.Sell, ExecType.Limit, 1, LimitPrice: 2700m), default);
        var missed = JsonSerializer.SerializeToNode(Trade(9005, 101, 2651.3m, 1, GatewaySide.Bid), GatewayJson.Options);
        var cancelled = JsonSerializer.SerializeToNode(new GatewayOrder
        {
            Id = 102, AccountId = Account, ContractId = Mgc, Status = GatewayStatus.Cancelled, Type = Contracts.OrderType.Limit, Side = GatewaySide.Ask,
            Size = 1, LimitPrice = 2700m, CustomTag = "gb-4", CreationTimestamp = At,
        }, GatewayJson.Options);
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.TradeSearch => StubGateway.Ok(new JsonObject { ["trades"] = new JsonArray(missed!.DeepClone()) }),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(cancelled!.DeepClone()) }),
            _ => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(), ["positions"] = new JsonArray() }),
        });

        await _broker.ReconcileAsync(default);
        await _broker.ReconcileAsync(default);

        var fill = Assert.Single(_events.OfType<OrderFilled>());
        Assert.Equal((101L, 2651.3m, 1), (fill.OrderId, fill.Price, fill.PositionAfter));
        Assert.Equal("gb-4", Assert.Single(_events.OfType<OrderCancelled>()).Tag);
    }

    [Fact]
    public async Task A_refused_order_is_a_rejected_ack_with_the_gateway_code_and_message()
    {
        _fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["orderId"] = 555 }, success: false, errorCode: 2,
            errorMessage: "Invalid price"));

        var ack = await _broker.PlaceAsync(new OrderRequest("gb-5", ExecSide.Buy, ExecType.Limit, 1, LimitPrice: 2600.05m), default);

        Assert.Equal((false, 555L, "OrderRejected: Invalid price"), (ack.Success, ack.OrderId, ack.Error));
        Assert.Empty(_events);
    }
}
