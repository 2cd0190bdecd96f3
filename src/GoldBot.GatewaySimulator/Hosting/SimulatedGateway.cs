using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Market;
using GoldBot.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// The simulated gateway's state: the matching engine, the replayed market and the market clock, behind one gate so REST
/// commands, replay steps and the events they publish happen in a single order. Events of a change are published before the gate
/// is released (unless the user-event delay fault holds them back), so a client never sees an event older than a REST answer.
/// Every hub send goes through the gate, so <see cref="BroadcastSyncAsync"/> follows everything sent before it.
/// <para>Three ways to move the market: step mode (<see cref="AdvancePointsAsync"/>, <c>POST /admin/advance</c>) moves the market
/// clock to each point before playing it; paced mode (<see cref="ReplayPump"/>) moves it continuously with wall time; driven mode
/// (<see cref="GatewaySimulatorOptions.DrivenClock"/>) leaves the clock to an external driver, which calls <see cref="PlayUntilAsync"/>.</para>
/// </summary>
public sealed class SimulatedGateway : IDisposable
{
    private const long NoPoint = long.MinValue;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IGatewayEventSink _sink;
    private readonly FaultState _faults;
    private readonly DelayedUserEvents _delayed;
    private long _nextPointTicks;
    private bool _resumeWithGap;

    /// <summary>Creates the gateway state and gives the engine the replay's last price.</summary>
    /// <param name="clock">The market clock (<see cref="GatewaySimulatorOptions.DrivenClock"/> in driven mode).</param>
    /// <param name="options">Mode (driven or not) and the simulator's clock for the user-event delays (<see cref="GatewaySimulatorOptions.ServiceClock"/>).</param>
    public SimulatedGateway(TradingEngine engine, MarketReplay replay, ReplayClock clock, IGatewayEventSink sink, FaultState faults, SimulatorActivity activity,
        GatewaySimulatorOptions options, ILogger<SimulatedGateway>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Replay = replay ?? throw new ArgumentNullException(nameof(replay));
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _faults = faults ?? throw new ArgumentNullException(nameof(faults));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
        IsDriven = options.DrivenClock is not null;
        _delayed = new DelayedUserEvents(options.ServiceClock, activity, SendDelayedAsync, (ILogger?)logger ?? NullLogger.Instance);
        if (replay.LastPrice is { } last)
            engine.OnPrice(replay.ContractId, last, gap: true, []);
        UpdateNextPoint();
    }

    /// <summary>The matching engine (read it only inside <see cref="ReadAsync{T}"/> or <see cref="ExecuteAsync{T}"/>).</summary>
    public TradingEngine Engine { get; }

    /// <summary>The replayed market.</summary>
    public MarketReplay Replay { get; }

    /// <summary>The dollar proxy traded after every gold trade (<see cref="GatewaySimulatorOptions.ProxyContractId"/>), or null.</summary>
    public SyntheticProxy? Proxy { get; init; }

    /// <summary>The market clock (UTC): order, trade and quote timestamps, trading hours, history. In driven mode, the driver's clock.</summary>
    public ReplayClock Clock { get; }

    /// <summary>What the simulator has in flight (held requests, delayed user events, hub messages sent).</summary>
    public SimulatorActivity Activity { get; }

    /// <summary>True in driven mode: the market clock belongs to an external driver, which plays points with <see cref="PlayUntilAsync"/>.</summary>
    public bool IsDriven { get; }

    /// <summary>Market time (UTC) of the next point of the bars file, null when the file is finished. Thread-safe.</summary>
    public DateTimeOffset? NextPointTime
    {
        get
        {
            var ticks = Interlocked.Read(ref _nextPointTicks);
            return ticks == NoPoint ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Runs a command on the engine and publishes the user events it raised.</summary>
    public async Task<T> ExecuteAsync<T>(Func<TradingEngine, List<EngineEvent>, T> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var events = new List<EngineEvent>();
            var result = command(Engine, events);
            await PublishUserLockedAsync(events).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads a consistent view of the state.</summary>
    public async Task<T> ReadAsync<T>(Func<SimulatedGateway, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return read(this);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="action"/> (which may send hub messages) inside the gate, ordered with every other send.</summary>
    internal async Task RunExclusiveAsync(Func<SimulatedGateway, Task> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await action(this).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Step mode: replays <paramref name="points"/> trades (four per bar). Before each point the market clock moves to the point's time,
    /// and, for a bar's close, on to the bar's end (so the close and its fills are stamped at the bar's end, and the bar is history at once).
    /// Each point fills the orders it reaches and publishes the trade, the quote and the user events. Returns how many points were
    /// consumed (fewer at the end of the file; points inside a quiet window count).
    /// </summary>
    /// <exception cref="InvalidOperationException">Driven mode: the driver owns the clock (use <see cref="PlayUntilAsync"/>).</exception>
    public async Task<int> AdvancePointsAsync(int points, CancellationToken cancellationToken)
    {
        if (IsDriven)
            throw new InvalidOperationException("the simulator runs on a driven clock: its driver advances the clock and calls PlayUntilAsync");
        var played = 0;
        for (; played < points; played++)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Replay.NextPointTime is not { } time)
                    break;
                Clock.AdvanceTo(time);
                if (Replay.NextPointClosesBar)
                    Clock.AdvanceTo(Replay.NextPointBarEnd!.Value);
                await PlayNextLockedAsync().ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        return played;
    }

    /// <summary>Step mode: replays whole bars from the current point; returns the points consumed.</summary>
    /// <exception cref="InvalidOperationException">Driven mode.</exception>
    public Task<int> AdvanceBarsAsync(int bars, CancellationToken cancellationToken) => AdvancePointsAsync(bars * PricePath.PointsPerBar, cancellationToken);

    /// <summary>
    /// Driven mode: plays every point whose market time is at or before <paramref name="until"/> (UTC), in order, without moving the
    /// clock (the driver moves it, normally to <see cref="NextPointTime"/> first). Returns how many points were consumed (points inside a
    /// quiet window count). Events are stamped with the driven clock's time.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not in driven mode.</exception>
    public async Task<int> PlayUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        if (!IsDriven)
            throw new InvalidOperationException("PlayUntilAsync needs a driven clock (GatewaySimulatorOptions.DrivenClock)");
        var played = 0;
        while (true)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Replay.NextPointTime is not { } time || time > until)
                    return played;
                await PlayNextLockedAsync().ConfigureAwait(false);
                played++;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>
    /// Paced mode: plays every point at or before market time <paramref name="target"/>, moving the clock to each point's time first,
    /// then moves the clock to <paramref name="target"/> (never past the end of the file). Returns true when the file is finished and the
    /// clock has reached its end.
    /// </summary>
    internal async Task<bool> PaceToAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (Replay.NextPointTime is not { } time || time > target)
                {
                    var end = Replay.EndTime;
                    Clock.AdvanceTo(target < end ? target : end);
                    return Replay.Finished && target >= end;
                }
                Clock.AdvanceTo(time);
                await PlayNextLockedAsync().ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>
    /// Sends the server message <c>SimulatorSync</c> with <paramref name="sequence"/> as its one argument to every connection of both hubs
    /// (market first, then user), after every message sent before this call. User-event batches still waiting on a delay
    /// (<see cref="SimulatorActivity.DelayedUserEventBatches"/>) are not "sent before": they follow when due.
    /// </summary>
    public async Task BroadcastSyncAsync(long sequence, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _sink.PublishSyncAsync(sequence, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _delayed.Dispose();
        _gate.Dispose();
    }

    private async Task PlayNextLockedAsync()
    {
        if (!Replay.TryNext(out var tick))
            return;
        UpdateNextPoint();
        if (_faults.IsMarketQuiet(tick.Time))
        {
            _resumeWithGap = true;
            return;
        }
        if (_resumeWithGap)
        {
            tick = tick with { Gap = true };
            _resumeWithGap = false;
        }
        var events = new List<EngineEvent>();
        Engine.OnPrice(tick.ContractId, tick.Price, tick.Gap, events);
        await _sink.PublishMarketAsync(tick, Replay.CurrentQuote!, tick.Gap, CancellationToken.None).ConfigureAwait(false);
        if (Proxy is { } proxy)
        {
            var proxyTick = proxy.TickFor(tick);
            await _sink.PublishMarketAsync(proxyTick, proxy.QuoteFor(proxyTick), tick.Gap, CancellationToken.None).ConfigureAwait(false);
        }
        await PublishUserLockedAsync(events).ConfigureAwait(false);
    }

    private async Task PublishUserLockedAsync(List<EngineEvent> events)
    {
        if (events.Count == 0)
            return;
        var delay = _faults.DrawUserEventDelay();
        var arranged = _faults.ArrangeUserEvents(events);
        if (delay > TimeSpan.Zero)
            _delayed.Schedule(arranged, delay);
        else
            await _sink.PublishUserAsync(arranged, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task SendDelayedAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _sink.PublishUserAsync(events, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void UpdateNextPoint() => Interlocked.Exchange(ref _nextPointTicks, Replay.NextPointTime is { } t ? t.UtcTicks : NoPoint);
}
