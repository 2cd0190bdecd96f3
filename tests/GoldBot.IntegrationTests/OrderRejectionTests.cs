using GoldBot.Execution;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.Market;
using GoldBot.TopstepX;
using GoldBot.TopstepX.Execution;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging;
using OrderSide = GoldBot.Execution.OrderSide;
using OrderType = GoldBot.Execution.OrderType;

namespace GoldBot.IntegrationTests;

/// <summary>Every Order/place error code of the gateway comes back from the broker as a typed, logged rejection.</summary>
public sealed class OrderRejectionTests
{
    public static TheoryData<int, string> Codes() => new()
    {
        { 1, "AccountNotFound" }, { 2, "OrderRejected" }, { 3, "InsufficientFunds" }, { 4, "AccountViolation" }, { 5, "OutsideTradingHours" },
        { 6, "OrderPending" }, { 7, "UnknownError" }, { 8, "ContractNotFound" }, { 9, "ContractNotActive" }, { 10, "AccountRejected" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task Each_order_error_code_is_a_rejected_ack_named_by_its_code_and_logged(int code, string name)
    {
        Assert.Equal(name, ((PlaceOrderError)code).ToString()); // the simulator speaks the documented codes
        await using var market = await SimulatedMarket.StartAsync(SimModeTradeTests.MarketStart);
        await market.AdvanceAsync();
        var root = market.BaseUrl.ToString().TrimEnd('/');
        var options = new TopstepXOptions { ApiBaseUrl = new Uri(root), MarketHubUrl = new Uri(root + "/hubs/market"), UserHubUrl = new Uri(root + "/hubs/user"), UserName = "goldbot", ApiKey = "sim-api-key" };
        using var http = new HttpClient();
        var log = new ListLogger();
        using var client = new ProjectXClient(http, options, TimeProvider.System, new ListLogger<ProjectXClient>(log));
        var events = new List<BrokerEvent>();
        var broker = new TopstepXBroker(client, SimulatedMarket.AccountId, "CON.F.US.MGC.G26", new ListSink(events), TimeProvider.System, TimeSpan.FromHours(1),
            new ListLogger<TopstepXBroker>(log));

        await market.FaultAsync(new FaultRequest { RejectNextOrder = new RejectOrder(code, $"simulated {name}") });
        var ack = await broker.PlaceAsync(new OrderRequest($"gb-reject-{code}", OrderSide.Buy, OrderType.Market, 1), CancellationToken.None);

        Assert.False(ack.Success);
        Assert.Equal($"{name}: simulated {name}", ack.Error);
        Assert.Contains(log.Lines, l => l.Contains($"gb-reject-{code}", StringComparison.Ordinal) && l.Contains(name, StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e is OrderFilled);
        Assert.Equal(0, (await market.AccountAsync()).Position);
    }

    private sealed class ListSink(List<BrokerEvent> events) : IBrokerEventSink
    {
        public ValueTask PublishAsync(IReadOnlyList<BrokerEvent> published, CancellationToken cancellationToken)
        {
            lock (events)
                events.AddRange(published);
            return default;
        }
    }

    private class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
                Lines.Add(formatter(state, exception));
        }
    }

    private sealed class ListLogger<T>(ListLogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
