using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Execution;

/// <summary>
/// Issue 12 §2 through the order executor and the simulated broker, bar by bar as the feed plays them (fills at the open,
/// the rest of the bar, the rest after a limit entry's fill, then the executor's bar): the <c>atr_trail</c> chandelier stop,
/// the <c>structure</c> exit, and Mode B limit entries (their fill rules, expiry, a stop hit in the entry's own bar).
/// MGC, default costs, 3-minute bars on Tuesday 2 December 2025 (UTC); the signal's zone is 1999.0–2001.0.
/// </summary>
public sealed class ExitProfileAndLimitEntryTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private readonly RecordingBrokerEventSink _sink = new();
    private readonly FixedTimeProvider _clock = new(At(10, 0));
    private readonly SimulatedBroker _broker;
    private readonly RecordingBroker _requests;
    private readonly OrderExecutor _executor;
    private readonly List<ExecutionUpdate> _updates = [];

    public ExitProfileAndLimitEntryTests()
    {
        _broker = new SimulatedBroker(Mgc, new FillModelOptions(), 50_000m, TimeSpan.FromMinutes(3), _sink, _clock);
        _requests = new RecordingBroker(_broker);
        _executor = new OrderExecutor(_requests, Mgc, 50_000m, _clock);
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 12, 2, hour, minute, 0, TimeSpan.Zero);

    private static Bar B(int hour, int minute, decimal open, decimal high, decimal low, decimal close) => new(At(hour, minute), open, high, low, close, 100);

    private static TradePlan Plan(TradeSignal signal, int quantity, int stopTicks, params TargetLeg[] targets) =>
        new(signal, quantity, stopTicks, targets, quantity * stopTicks * Mgc.TickValue, 250m);

    private async Task PumpAsync()
    {
        foreach (var batch in _sink.DrainBatches())
            _updates.Add(await _executor.OnBrokerEventsAsync(batch, None));
    }

    /// <summary>One bar as the feed and the risk stage play it (the executor sees the bar only when it follows bars, as in the daemon).</summary>
    private async Task BarAsync(Bar bar)
    {
        var close = bar.OpenTime.AddMinutes(3);
        _clock.Now = close;
        await _broker.OnBarOpenAsync(bar, None);
        await PumpAsync();
        await _broker.OnBarAsync(bar, None);
        await PumpAsync();
        await _broker.OnBarCloseAsync(bar, None);
        await PumpAsync();
        if (_executor.FollowsBars)
            _updates.Add(await _executor.OnBarAsync(bar, close, None));
        await PumpAsync();
    }

    private async Task EnterAsync(TradePlan plan)
    {
        _updates.Add(await _executor.EnterAsync(plan, None));
        await PumpAsync();
    }

    private async Task<IReadOnlyList<WorkingOrder>> WorkingAsync() => (await _broker.GetAccountAsync(None)).WorkingOrders;

    private IEnumerable<TradeRecord> Closed => _updates.Select(u => u.Closed).OfType<TradeRecord>();

    private IEnumerable<ExecutionNote> Notes => _updates.SelectMany(u => u.Notes);

    [Fact]
    public async Task Atr_trail_takes_half_at_its_target_then_trails_the_rest_under_a_stop_that_only_tightens()
    {
        // Long 4 at market: stop 20 ticks, tp1 2 contracts at 30 ticks, 2 contracts trailing 25 ticks under the highest high.
        var signal = Signals.Long(At(10, 0)) with { Exit = new ExitRule(ExitProfile.AtrTrail, 30, 25), Frame = Quarter };
        await EnterAsync(Plan(signal, 4, 20, new TargetLeg("tp1", 2, 30, 1.5m), new TargetLeg("trail", 2, 0, 0, Trailing: true)));

        var stops = new List<decimal?>();
        // Entry 2000.1 (open + 1 tick); the initial stop 1998.1 holds until tp1: the trail does not act before it.
        await BarAsync(B(10, 0, 2000.0m, 2001.0m, 1999.5m, 2000.5m));
        stops.Add(_executor.CurrentStop);
        var limits = (await WorkingAsync()).Where(o => o.Type == OrderType.Limit).ToList();
        Assert.Equal((2, 2003.1m), (Assert.Single(limits).Quantity, limits[0].LimitPrice)); // no order for the trailing half

        // tp1 fills at 2003.1; the stop goes to breakeven, then under the highest high: 2003.5 − 2.5 = 2001.0.
        await BarAsync(B(10, 3, 2000.5m, 2003.5m, 2000.2m, 2003.0m));
        stops.Add(_executor.CurrentStop);
        await BarAsync(B(10, 6, 2003.0m, 2006.0m, 2002.8m, 2005.5m)); // highest high 2006.0: 2003.5
        stops.Add(_executor.CurrentStop);
        await BarAsync(B(10, 9, 2005.5m, 2005.8m, 2004.0m, 2004.2m)); // lower high: the stop stays
        stops.Add(_executor.CurrentStop);
        Assert.Equal([1998.1m, 2001.0m, 2003.5m, 2003.5m], stops);
        var stop = Assert.Single(await WorkingAsync(), o => o.Type == OrderType.Stop);
        Assert.Equal((2, 2003.5m), (stop.Quantity, stop.StopPrice));

        await BarAsync(B(10, 12, 2004.2m, 2004.5m, 2003.0m, 2003.2m)); // through 2003.5: fills a tick lower
        var trade = Assert.Single(Closed);
        Assert.Equal([new TradeExit(At(10, 6), 2003.1m, 2, "tp1"), new TradeExit(At(10, 15), 2003.4m, 2, "trailing_stop")], trade.Exits);
        Assert.Empty(await WorkingAsync());
        Assert.DoesNotContain(Notes, n => n.Level == ExecutionNoteLevel.Error);
    }

    [Fact]
    public async Task Structure_exits_at_market_after_an_entry_frame_bar_closes_beyond_the_zone_and_not_on_a_3_minute_close()
    {
        // Long 2, stop 20 ticks (1998.1) below the zone's far edge 1999.0; targets far away.
        var signal = Signals.Long(At(10, 0)) with { Exit = new ExitRule(ExitProfile.Structure, 0, 0), Frame = Quarter };
        await EnterAsync(Plan(signal, 2, 20, new TargetLeg("tp1", 2, 100, 5m)));
        await BarAsync(B(10, 0, 2000.0m, 2000.4m, 1999.5m, 2000.0m));
        await BarAsync(B(10, 3, 2000.0m, 2000.1m, 1998.5m, 1998.8m)); // closes beyond at 10:06: not a 15-minute close
        Assert.Equal(2, _executor.Position.Position);
        await BarAsync(B(10, 6, 1998.8m, 1999.6m, 1998.6m, 1999.4m));
        await BarAsync(B(10, 9, 1999.4m, 1999.5m, 1998.9m, 1999.2m));
        Assert.DoesNotContain(Notes, n => n.Message.Contains("structure exit", StringComparison.Ordinal));
        await BarAsync(B(10, 12, 1999.2m, 1999.5m, 1998.4m, 1998.9m)); // the 10:15 close, 1998.9 < 1999.0: exit
        Assert.Contains(Notes, n => n.Message.Contains("structure exit", StringComparison.Ordinal));
        await BarAsync(B(10, 15, 1998.7m, 1999.0m, 1998.3m, 1998.5m)); // the close fills at the open, a tick lower

        var trade = Assert.Single(Closed);
        Assert.Equal(new TradeExit(At(10, 15), 1998.6m, 2, "structure"), Assert.Single(trade.Exits));
        Assert.Empty(await WorkingAsync());
    }

    /// <summary>Mode B long: a buy limit at the zone's near edge 2001.0, working until 11:00.</summary>
    private async Task EnterAtLimitAsync(int quantity = 2)
    {
        var signal = Signals.Long(At(10, 0), reference: 2000m) with { Entry = new EntryRule(true, 2001.0m, TimeSpan.FromHours(1)), Frame = Quarter };
        await EnterAsync(Plan(signal, quantity, 20, new TargetLeg("tp1", quantity, 40, 2m)) with { EntryExpiresAt = At(11, 0) });
    }

    [Fact]
    public async Task A_limit_entry_rests_at_its_price_fills_only_when_traded_through_and_its_bracket_is_measured_from_the_fill()
    {
        await EnterAtLimitAsync();
        var entry = Assert.Single(_requests.Placed);
        Assert.Equal((OrderType.Limit, 2001.0m, OrderSide.Buy, 2, false), (entry.Type, entry.LimitPrice, entry.Side, entry.Quantity, entry.ReduceOnly));

        await BarAsync(B(10, 0, 2003.0m, 2003.5m, 2001.0m, 2002.0m)); // touches 2001.0: a touch is not a fill
        Assert.True(_executor.Position.EntryPending);
        await BarAsync(B(10, 3, 2002.0m, 2002.2m, 2000.9m, 2001.5m)); // one tick through: fills at the limit, never better
        Assert.Equal((2, 2001.0m), (_executor.Position.Position, _executor.Position.AveragePrice));
        var stop = Assert.Single(await WorkingAsync(), o => o.Type == OrderType.Stop);
        Assert.Equal((2, 1999.0m), (stop.Quantity, stop.StopPrice)); // 20 ticks under the fill; the low 2000.9 did not reach it
        Assert.Equal(2005.0m, Assert.Single(await WorkingAsync(), o => o.Type == OrderType.Limit).LimitPrice);
    }

    [Fact]
    public async Task A_stop_inside_the_bar_that_filled_the_limit_entry_is_taken_as_hit_the_worst_case()
    {
        await EnterAtLimitAsync();
        // The bar trades down through the limit (2001.0) and through where its stop goes (1999.0): bar data cannot say which
        // came first, so the stop fills in the same bar, at the stop and a tick of slippage.
        await BarAsync(B(10, 0, 2002.0m, 2002.5m, 1998.0m, 2001.8m));
        var trade = Assert.Single(Closed);
        Assert.Equal(2001.0m, trade.Entry);
        Assert.Equal(new TradeExit(At(10, 3), 1998.9m, 2, "stop"), Assert.Single(trade.Exits));
        Assert.Empty(await WorkingAsync());
    }

    [Fact]
    public async Task An_unfilled_limit_entry_is_cancelled_when_its_time_ends_without_an_error_and_nothing_is_left_working()
    {
        await EnterAtLimitAsync();
        for (var minute = 0; minute < 60; minute += 3)
        {
            await BarAsync(B(10, minute, 2004.0m, 2005.0m, 2003.0m, 2004.5m));
            Assert.Equal(minute < 57, _executor.Position.EntryPending); // the bar closing at 11:00 ends it
        }
        Assert.Empty(await WorkingAsync());
        Assert.Empty(Closed);
        Assert.Contains(Notes, n => n.Level == ExecutionNoteLevel.Information && n.Message.Contains("expired", StringComparison.Ordinal));
        Assert.DoesNotContain(Notes, n => n.Level == ExecutionNoteLevel.Error);
        Assert.Equal(0, _executor.Position.Position);
        Assert.False(_executor.FollowsBars);
    }

    [Fact]
    public async Task An_unfilled_limit_entry_also_expires_on_the_clock_without_bars()
    {
        await EnterAtLimitAsync();
        await BarAsync(B(10, 0, 2004.0m, 2005.0m, 2003.0m, 2004.5m));
        _clock.Now = At(11, 0, 1);
        _updates.Add(await _executor.OnClockAsync(2004.0m, None));
        await PumpAsync();
        Assert.False(_executor.Position.EntryPending);
        Assert.Empty(await WorkingAsync());
    }

    private static DateTimeOffset At(int hour, int minute, int second) => At(hour, minute).AddSeconds(second);
}
