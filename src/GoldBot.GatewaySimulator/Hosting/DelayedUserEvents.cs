using System.Threading.Channels;
using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// User-event batches waiting on a delay (the user-event delay fault): one timer on the simulator's clock, armed for the earliest due
/// batch; when it fires, every batch due by then is handed, in due order (ties: scheduling order), to one sender loop, so batches
/// go out one at a time in due order whatever the clock. A batch counts in <see cref="SimulatorActivity.DelayedUserEventBatches"/>
/// from scheduling until its send has completed.
/// </summary>
internal sealed class DelayedUserEvents : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly SimulatorActivity _activity;
    private readonly Func<IReadOnlyList<EngineEvent>, CancellationToken, Task> _send;
    private readonly ILogger _logger;
    private readonly PriorityQueue<IReadOnlyList<EngineEvent>, (DateTimeOffset Due, long Sequence)> _waiting = new();
    private readonly Channel<IReadOnlyList<EngineEvent>> _due = Channel.CreateUnbounded<IReadOnlyList<EngineEvent>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private DateTimeOffset? _armedFor;
    private long _sequence;

    /// <summary>Starts the sender loop.</summary>
    /// <param name="clock">The simulator's clock (driven clock in driven mode).</param>
    /// <param name="send">Sends one batch (under the gateway's gate).</param>
    public DelayedUserEvents(TimeProvider clock, SimulatorActivity activity, Func<IReadOnlyList<EngineEvent>, CancellationToken, Task> send, ILogger logger)
    {
        _clock = clock;
        _activity = activity;
        _send = send;
        _logger = logger;
        _timer = clock.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _ = Task.Run(SendLoopAsync);
    }

    /// <summary>Schedules <paramref name="events"/> to be sent <paramref name="delay"/> (positive) from now on the clock.</summary>
    public void Schedule(IReadOnlyList<EngineEvent> events, TimeSpan delay)
    {
        lock (_lock)
        {
            _activity.BatchDelayed();
            _waiting.Enqueue(events, (_clock.GetUtcNow() + delay, _sequence++));
            Arm();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer.Dispose();
        _due.Writer.TryComplete();
        _stop.Cancel();
        _stop.Dispose();
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            // Everything due by now, and at least the batch the timer was armed for (a clock whose timers run on real time but whose
            // time stands still would otherwise never release it).
            var now = _clock.GetUtcNow();
            var limit = _armedFor is { } armed && armed > now ? armed : now;
            _armedFor = null;
            while (_waiting.TryPeek(out var batch, out var key) && key.Due <= limit)
            {
                _waiting.Dequeue();
                _activity.BatchDue();
                _due.Writer.TryWrite(batch);
            }
            Arm();
        }
    }

    private void Arm()
    {
        if (!_waiting.TryPeek(out _, out var next))
        {
            _armedFor = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        if (_armedFor == next.Due)
            return;
        _armedFor = next.Due;
        var wait = next.Due - _clock.GetUtcNow();
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async Task SendLoopAsync()
    {
        var stop = _stop.Token;
        try
        {
            await foreach (var batch in _due.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                try
                {
                    await _send(batch, stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException and not ObjectDisposedException)
                {
                    _logger.LogWarning(e, "A delayed user-event batch could not be sent");
                }
                finally
                {
                    _activity.BatchSent();
                    _activity.DueBatchSent();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
