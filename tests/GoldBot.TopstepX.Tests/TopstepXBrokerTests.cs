using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GoldBot.Execution;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Execution;
using GoldBot.TopstepX.Realtime.Events;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using ExecSide = GoldBot.Execution.OrderSide;
using ExecType = GoldBot.Execution.OrderType;

namespace GoldBot.TopstepX.Tests;

/// <summary>The IBroker over the gateway: brackets, separate targets, hub events turned into broker events, reconciliation.</summary>
public sealed class TopstepXBrokerTests : IAsyncDisposable
{
    private const long Account = 26282486;
    private static readonly GatewayContract Mgc = new() { Id = "CON.F.US.MGC.Z26", Name = "MGCZ6", TickSize = 0.1m, TickValue = 1m, ActiveContract = true, SymbolId = "F.US.MGC" };

    private readonly ClientFixture _fixture = new();
    private readonly Channel<GatewayHubEvent> _hub = Channel.CreateUnbounded<GatewayHubEvent>();
    private readonly Sink _sink = new();
    private readonly TopstepXBroker _broker;
    private long _nextOrderId = 100;

    public TopstepXBrokerTests()
    {
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderPlace => StubGateway.Ok(new JsonObject { ["orderId"] = Interlocked.Increment(ref _nextOrderId) }),
            _ => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(), ["trades"] = new JsonArray() }),
        });
        _broker = new TopstepXBroker(_fixture.Client, _hub.Reader, Account, Mgc, _sink, _fixture.Time, NullLogger<TopstepXBroker>.Instance);
    }

    private sealed class Sink : IBrokerEventSink
    {
        public ConcurrentQueue<BrokerEvent> Events { get; } = new();

        public ValueTask PublishAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken)
        {
            Events.Enqueue(brokerEvent);
            return default;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _broker.DisposeAsync();
        _fixture.Dispose();
    }

    private static OrderRequest Bracket(params AttachedOrder[] legs) => new("gb-1", ExecSide.Buy, ExecType.Market, 2, Attached: legs);

    private static GatewayOrder Order(long id, GoldBot.TopstepX.Contracts.OrderStatus status, GoldBot.TopstepX.Contracts.OrderType type = GoldBot.TopstepX.Contracts.OrderType.Market,
        string? tag = null, long? parent = null, decimal? stop = null, GoldBot.TopstepX.Contracts.OrderSide side = GoldBot.TopstepX.Contracts.OrderSide.Bid) => new()
    {
        Id = id, AccountId = Account, ContractId = Mgc.Id, Status = status, Type = type, Side = side, Size = 2,
        CustomTag = tag, ParentOrderId = parent, StopPrice = stop, CreationTimestamp = new DateTimeOffset(2026, 8, 19, 14, 0, 0, TimeSpan.Zero),
    };

    private static HalfTrade Trade(long id, long orderId, decimal price, int size = 2, GoldBot.TopstepX.Contracts.OrderSide side = GoldBot.TopstepX.Contracts.OrderSide.Bid, decimal? pnl = null) => new()
    {
        Id = id, AccountId = Account, ContractId = Mgc.Id, OrderId = orderId, Price = price, Size = size, Side = side, Fees = 0.37m, Commissions = 0.25m,
        ProfitAndLoss = pnl, CreationTimestamp = new DateTimeOffset(2026, 8, 19, 14, 0, 1, TimeSpan.Zero),
    };

    private Task Apply(GatewayHubEvent hubEvent) => _broker.ApplyAsync(hubEvent, CancellationToken.None);

    private DateTimeOffset Now => _fixture.Time.GetUtcNow();

    [Fact]
    public async Task Entry_with_stop_and_two_targets_sends_a_stop_bracket_then_places_targets_from_the_fill()
    {
        var ack = await _broker.PlaceAsync(Bracket(new("gb-1-stop", ExecType.Stop, 2, 40), new("gb-1-tp1", ExecType.Limit, 1, 20), new("gb-1-tp2", ExecType.Limit, 1, 45)), default);

        Assert.Equal((true, 101L), (ack.Success, ack.OrderId));
        var sent = _fixture.Gateway.To(GatewayEndpoints.OrderPlace).Single().Json!;
        Assert.Equal(("gb-1", 40, 4, 2), ((string)sent["customTag"]!, (int)sent["stopLossBracket"]!["ticks"]!, (int)sent["stopLossBracket"]!["type"]!, (int)sent["type"]!));
        Assert.Null(sent["takeProfitBracket"]);

        await Apply(new UserTradeReceived(Now, 0, Trade(9001, 101, 2650.0m)));
        await Apply(new OrderUpdated(Now, 1, Order(201, GoldBot.TopstepX.Contracts.OrderStatus.Open, GoldBot.TopstepX.Contracts.OrderType.Stop, "gb-1-SL", parent: 101, stop: 2646.0m, side: GoldBot.TopstepX.Contracts.OrderSide.Ask)));

        var fill = Assert.IsType<OrderFilled>(_sink.Events.First());
        Assert.Equal((101L, "gb-1", 2, 2650.0m, 0.62m, 2, -0.62m), (fill.OrderId, fill.Tag, fill.Quantity, fill.Price, fill.Commission, fill.PositionAfter, fill.BalanceAfter));
        var targets = _fixture.Gateway.To(GatewayEndpoints.OrderPlace).Skip(1).Select(r => r.Json!).ToList();
        Assert.Equal([("gb-1-tp1", 2652.0m, 1), ("gb-1-tp2", 2654.5m, 1)], targets.Select(t => ((string)t["customTag"]!, (decimal)t["limitPrice"]!, (int)t["side"]!)));
        var stop = Assert.IsType<OrderAccepted>(_sink.Events.Last());
        Assert.Equal(("gb-1-stop", ExecType.Stop, 2646.0m, 201L), (stop.Tag, stop.Order.Type, stop.Order.StopPrice!.Value, stop.OrderId));
    }

    [Fact]
    public async Task A_single_full_size_target_rides_as_the_take_profit_bracket()
    {
        await _broker.PlaceAsync(Bracket(new("gb-1-stop", ExecType.Stop, 2, 40), new("gb-1-tp1", ExecType.Limit, 2, 80)), default);
        await Apply(new UserTradeReceived(Now, 0, Trade(9001, 101, 2650.0m)));

        var sent = Assert.Single(_fixture.Gateway.To(GatewayEndpoints.OrderPlace)).Json!;
        Assert.Equal((80, 1), ((int)sent["takeProfitBracket"]!["ticks"]!, (int)sent["takeProfitBracket"]!["type"]!));
    }

    [Fact]
    public async Task A_trade_that_arrives_before_the_place_answer_is_applied_once_the_order_is_known()
    {
        await Apply(new UserTradeReceived(Now, 0, Trade(9001, 101, 2650.0m)));
        Assert.Empty(_sink.Events);

        await _broker.PlaceAsync(new OrderRequest("gb-2", ExecSide.Buy, ExecType.Market, 2), default);
        await Apply(new UserTradeReceived(Now, 0, Trade(9001, 101, 2650.0m)));

        var fill = Assert.IsType<OrderFilled>(Assert.Single(_sink.Events));
        Assert.Equal(("gb-2", 2), (fill.Tag, fill.PositionAfter));
    }

    [Fact]
    public async Task Repeated_order_events_are_announced_and_closed_once()
    {
        await _broker.PlaceAsync(new OrderRequest("gb-3", ExecSide.Sell, ExecType.Limit, 2, LimitPrice: 2660m), default);

        var open = Order(101, GoldBot.TopstepX.Contracts.OrderStatus.Open, GoldBot.TopstepX.Contracts.OrderType.Limit, "gb-3");
        await Apply(new OrderUpdated(Now, 1, open));
        await Apply(new OrderUpdated(Now, 1, open));
        await Apply(new OrderUpdated(Now, 1, open with { Status = GoldBot.TopstepX.Contracts.OrderStatus.Cancelled }));
        await Apply(new OrderUpdated(Now, 1, open with { Status = GoldBot.TopstepX.Contracts.OrderStatus.Cancelled }));

        Assert.Equal([typeof(OrderAccepted), typeof(OrderCancelled)], _sink.Events.Select(e => e.GetType()));
        Assert.All(_sink.Events, e => Assert.Equal("gb-3", e.Tag));
    }

    [Fact]
    public async Task A_refused_bracket_is_a_rejected_ack_with_the_gateway_message()
    {
        _fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["orderId"] = 555 }, success: false, errorCode: 2,
            errorMessage: "Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets."));

        var ack = await _broker.PlaceAsync(Bracket(new AttachedOrder("gb-1-stop", ExecType.Stop, 2, 40)), default);

        Assert.False(ack.Success);
        Assert.Equal(555, ack.OrderId);
        Assert.Contains("Auto OCO", ack.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_flat_cancels_the_targets_still_working()
    {
        await _broker.PlaceAsync(Bracket(new("gb-1-stop", ExecType.Stop, 2, 40), new("gb-1-tp1", ExecType.Limit, 1, 20), new("gb-1-tp2", ExecType.Limit, 1, 45)), default);
        await Apply(new UserTradeReceived(Now, 0, Trade(9001, 101, 2650.0m)));
        await Apply(new OrderUpdated(Now, 1, Order(201, GoldBot.TopstepX.Contracts.OrderStatus.Open, GoldBot.TopstepX.Contracts.OrderType.Stop, "gb-1-SL", parent: 101, stop: 2646.0m)));

        await Apply(new UserTradeReceived(Now, 0, Trade(9002, 201, 2646.0m, side: GoldBot.TopstepX.Contracts.OrderSide.Ask, pnl: -8m)));

        var flat = _sink.Events.OfType<OrderFilled>().Last();
        Assert.Equal(("gb-1-stop", 0, -8m - 2 * 0.62m), (flat.Tag, flat.PositionAfter, flat.BalanceAfter));
        Assert.Equal([102L, 103L], _fixture.Gateway.To(GatewayEndpoints.OrderCancel).Select(r => (long)r.Json!["orderId"]!).Order());
    }

    [Fact]
    public async Task After_a_hub_reconnect_missed_fills_are_replayed_from_rest()
    {
        await _broker.PlaceAsync(new OrderRequest("gb-4", ExecSide.Buy, ExecType.Market, 2), default);
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.TradeSearch => StubGateway.Ok(new JsonObject { ["trades"] = new JsonArray(System.Text.Json.JsonSerializer.SerializeToNode(Trade(9005, 101, 2651.3m), GoldBot.TopstepX.Serialization.GatewayJson.Options)) }),
            _ => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray() }),
        });

        await Apply(new HubReconnected(Now, "user"));
        await Apply(new HubReconnected(Now, "user"));

        var fill = Assert.IsType<OrderFilled>(Assert.Single(_sink.Events));
        Assert.Equal((101L, 2651.3m), (fill.OrderId, fill.Price));
    }

    [Fact]
    public async Task Account_snapshot_maps_a_short_position_and_working_orders()
    {
        _fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.AccountSearch => StubGateway.Ok(new JsonObject { ["accounts"] = StubGateway.Fixture("accounts_search.json") }),
            GatewayEndpoints.PositionSearchOpen => StubGateway.Ok(new JsonObject { ["positions"] = new JsonArray(new JsonObject
            {
                ["id"] = 1, ["accountId"] = Account, ["contractId"] = Mgc.Id, ["creationTimestamp"] = "2026-08-19T14:00:00Z", ["type"] = 2, ["size"] = 3, ["averagePrice"] = 2650.4,
            }) }),
            GatewayEndpoints.OrderSearchOpen => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(new JsonObject
            {
                ["id"] = 7, ["accountId"] = Account, ["contractId"] = Mgc.Id, ["creationTimestamp"] = "2026-08-19T14:00:00Z", ["status"] = 1, ["type"] = 4, ["side"] = 0,
                ["size"] = 3, ["fillVolume"] = 0, ["stopPrice"] = 2655.0, ["customTag"] = "gb-9-stop",
            }) }),
            GatewayEndpoints.OrderPlace => StubGateway.Ok(new JsonObject { ["orderId"] = 300 }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        await _broker.StartAsync(default);
        var account = await _broker.GetAccountAsync(default);

        Assert.Equal((149831.92m, -3, 2650.4m), (account.Balance, account.Position, account.AveragePrice));
        var working = Assert.Single(account.WorkingOrders);
        Assert.Equal(("gb-9-stop", ExecSide.Buy, ExecType.Stop, 3, 2655.0m), (working.Tag, working.Side, working.Type, working.Quantity, working.StopPrice!.Value));
        var reduce = await _broker.PlaceAsync(new OrderRequest("gb-flat", ExecSide.Buy, ExecType.Market, 5, ReduceOnly: true), default);
        Assert.True(reduce.Success);
        Assert.Equal(3, (int)_fixture.Gateway.To(GatewayEndpoints.OrderPlace).Single().Json!["size"]!);
    }
}
