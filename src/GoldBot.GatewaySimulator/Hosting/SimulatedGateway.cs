using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Market;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// The simulated gateway's state: the matching engine, the replayed market and the market clock, behind one
/// gate so REST commands, replay steps and the events they publish happen in a single order. Events of a
/// change are published before the gate is released, so a client never sees an event older than a REST answer.
/// </summary>
public sealed class SimulatedGateway : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IGatewayEventSink _sink;

    /// <summary>Creates the gateway state.</summary>
    public SimulatedGateway(TradingEngine engine, MarketReplay replay, SimulationClock clock, IGatewayEventSink sink)
    {
        Engine = engine;
        Replay = replay;
        Clock = clock;
        _sink = sink;
        if (replay.LastPrice is { } last)
            engine.OnPrice(replay.ContractId, last, gap: true, []);
    }

    /// <summary>The matching engine (read it only inside <see cref="ReadAsync{T}"/> or <see cref="ExecuteAsync{T}"/>).</summary>
    public TradingEngine Engine { get; }

    /// <summary>The replayed market.</summary>
    public MarketReplay Replay { get; }

    /// <summary>The market clock (UTC bar time).</summary>
    public SimulationClock Clock { get; }

    /// <summary>Runs a command on the engine and publishes the user events it raised.</summary>
    public async Task<T> ExecuteAsync<T>(Func<TradingEngine, List<EngineEvent>, T> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var events = new List<EngineEvent>();
            var result = command(Engine, events);
            if (events.Count > 0)
                await _sink.PublishUserAsync(events, CancellationToken.None).ConfigureAwait(false);
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

    /// <summary>
    /// Replays <paramref name="points"/> trades (four per bar): each moves the market clock, fills the orders it
    /// reaches, and publishes the trade, the quote and the user events. Returns how many were played (fewer at the end of the file).
    /// </summary>
    public async Task<int> AdvancePointsAsync(int points, CancellationToken cancellationToken)
    {
        var played = 0;
        for (; played < points; played++)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!Replay.TryNext(out var tick))
                    break;
                var events = new List<EngineEvent>();
                Engine.OnPrice(tick.ContractId, tick.Price, tick.Gap, events);
                await _sink.PublishMarketAsync(tick, Replay.CurrentQuote!, tick.Gap, CancellationToken.None).ConfigureAwait(false);
                if (events.Count > 0)
                    await _sink.PublishUserAsync(events, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        return played;
    }

    /// <summary>Replays whole bars from the current point; returns the trades played.</summary>
    public Task<int> AdvanceBarsAsync(int bars, CancellationToken cancellationToken) => AdvancePointsAsync(bars * PricePath.PointsPerBar, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();
}
