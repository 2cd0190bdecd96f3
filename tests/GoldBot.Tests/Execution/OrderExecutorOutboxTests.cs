using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Execution;

/// <summary>
/// The entry outbox (issue 10 §1): an entry's trade is committed before its order goes out, so a daemon killed while the
/// entry is in flight restarts with the trade it was opening (its plan and attribution) rather than an unknown position to
/// adopt. MGC, default costs, 3-minute bars on Tuesday 2 December 2025 (UTC), the simulated broker.
/// </summary>
public sealed class OrderExecutorOutboxTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly RecordingBrokerEventSink _sink = new();
    private readonly FixedTimeProvider _clock = new(At(10, 0));
    private readonly SimulatedBroker _broker;

    public OrderExecutorOutboxTests() =>
        _broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock);

    private static DateTimeOffset At(int hour, int minute) => new(2025, 12, 2, hour, minute, 0, TimeSpan.Zero);

    private static TradePlan Plan() => new(Signals.Long(At(10, 0), 20), 4, 20,
        [new TargetLeg("tp1", 2, 20, 1m), new TargetLeg("tp2", 2, 40, 2m)], 92.96m, 250m);

    /// <summary>Records what it is given, after checking that the broker has no order yet (the entry is not sent before the commit).</summary>
    private sealed class CheckingOutbox(IBroker broker, Exception? failure = null) : IEntryOutbox
    {
        public List<(OpenTradeState Entry, int OrdersAtBroker)> Recorded { get; } = [];

        public async ValueTask RecordAsync(OpenTradeState entry, CancellationToken cancellationToken)
        {
            Recorded.Add((entry, (await broker.GetAccountAsync(cancellationToken)).WorkingOrders.Count));
            if (failure is not null)
                throw failure;
        }
    }

    /// <summary>A bar at the broker while no executor listens (GoldBot down): its fills happen, their events are lost.</summary>
    private async Task BarWhileDownAsync(int minute, decimal open, decimal high, decimal low, decimal close)
    {
        _clock.Now = At(10, minute + 3);
        await BrokerWhileDown.BarAsync(_broker, _sink, new Bar(At(10, minute), open, high, low, close, 100));
    }

    [Fact]
    public async Task The_entry_goes_out_only_after_its_trade_is_committed_with_nothing_filled()
    {
        var outbox = new CheckingOutbox(_broker);
        var executor = new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun1", outbox: outbox);

        await executor.EnterAsync(Plan(), None);

        var (entry, ordersAtBroker) = Assert.Single(outbox.Recorded);
        Assert.Equal(0, ordersAtBroker);
        Assert.Equal(("order_block", 8, 4, 0, false), (entry.Plan.Signal.Pattern, entry.Plan.Signal.Score, entry.Plan.Quantity, entry.EntryFilled, entry.EntryComplete));
        var sent = Assert.Single((await _broker.GetAccountAsync(None)).WorkingOrders);
        Assert.Equal((entry.Tag, OrderType.Market, 4), (sent.Tag, sent.Type, sent.Quantity));
        // The executor's own view of the state to save agrees while the entry is out (a later save must not clear it).
        Assert.Equal(entry.Tag, executor.OpenTradeState?.Tag);
    }

    [Fact]
    public async Task An_entry_whose_trade_cannot_be_committed_is_refused_unsent()
    {
        var outbox = new CheckingOutbox(_broker, new IOException("disk full"));
        var executor = new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun1", outbox: outbox);

        var update = await executor.EnterAsync(Plan(), None);

        Assert.Single(outbox.Recorded);
        Assert.Empty((await _broker.GetAccountAsync(None)).WorkingOrders);
        Assert.Contains("the state store did not record it (disk full)", update.Error, StringComparison.Ordinal);
        Assert.Null(executor.OpenTradeState);
        Assert.False(executor.Position.EntryPending);
    }

    [Fact]
    public async Task A_restart_resumes_an_entry_that_filled_while_GoldBot_was_down_as_its_trade_with_stop_and_targets()
    {
        var outbox = new CheckingOutbox(_broker);
        await new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun1", outbox: outbox).EnterAsync(Plan(), None);
        var pending = outbox.Recorded.Single().Entry; // what the store holds: the process dies before the fill is seen
        await BarWhileDownAsync(0, 2000.0m, 2001.0m, 1999.5m, 2000.5m); // the entry fills 4 at 2000.1, nothing protects it

        var restarted = new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun2");
        var update = await restarted.StartAsync(2000.5m, pending, None);

        var resumed = Assert.IsType<TradeRecord>(update.Opened);
        Assert.Equal((pending.Tag, "order_block", 8, 4, 2000.1m, 1998.1m, 4 * 0.62m),
            (resumed.Id, resumed.Pattern, resumed.PatternScore, resumed.Size, resumed.Entry, resumed.Stop, resumed.Commission));
        Assert.Contains(update.Notes, n => n.Message.Contains("filled 4 at the broker", StringComparison.Ordinal) && n.Message.Contains("resuming it as its trade", StringComparison.Ordinal));
        Assert.DoesNotContain(update.Notes, n => n.Message.Contains("adopt", StringComparison.Ordinal));
        var orders = (await _broker.GetAccountAsync(None)).WorkingOrders;
        var stop = Assert.Single(orders, o => o.Type == OrderType.Stop);
        Assert.Equal((4, 1998.1m), (stop.Quantity, stop.StopPrice));
        Assert.Equal([2002.1m, 2004.1m], orders.Where(o => o.Type == OrderType.Limit).Select(o => o.LimitPrice!.Value).Order());
        Assert.Equal(4, restarted.OpenTradeState?.EntryFilled);
    }

    [Fact]
    public async Task A_restart_drops_an_entry_that_never_reached_the_broker()
    {
        var outbox = new CheckingOutbox(_broker);
        await new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun1", outbox: outbox).EnterAsync(Plan(), None);
        var pending = outbox.Recorded.Single().Entry with { Tag = "gbrun1-20251202-1000-9" }; // killed between the commit and the send

        var restarted = new OrderExecutor(_broker, Mgc, 50_000m, _clock, "gbrun2");
        var update = await restarted.StartAsync(2000.5m, pending, None);

        Assert.Contains("gbrun1-20251202-1000-9 (long 4 order_block score 8), out when GoldBot went down, never reached the broker: no trade", update.Error, StringComparison.Ordinal);
        Assert.Null(update.Opened);
        Assert.Null(restarted.OpenTradeState);
    }
}
