using System.Threading.Channels;

namespace GoldBot.Alerts;

/// <summary>
/// Where the daemon raises alerts: drops those under <c>Alerts:MinimumSeverity</c>, applies de-duplication and the cooldown
/// (<see cref="AlertThrottle"/>, on market time), and queues the rest for <see cref="AlertDispatcherService"/> in a bounded
/// queue that drops its oldest alert when full (counted in <see cref="Dropped"/>). Never blocks and never throws for a
/// channel's sake: a stage that raises an alert goes on at once. With no channel on, it does nothing. Thread-safe.
/// </summary>
public sealed class AlertPublisher
{
    private readonly Lock _gate = new();
    private readonly AlertSettings _settings;
    private readonly TimeProvider _time;
    private readonly AlertThrottle _throttle;
    private readonly Channel<Alert> _queue;
    private long _dropped;

    /// <summary>Filters by <paramref name="settings"/> on <paramref name="time"/> (market time).</summary>
    public AlertPublisher(AlertSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _time = time;
        _throttle = new AlertThrottle(TimeSpan.FromSeconds(settings.CooldownSeconds), TimeSpan.FromMinutes(settings.DuplicateWindowMinutes));
        _queue = Channel.CreateBounded<Alert>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }, _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>True when a channel is on: otherwise <see cref="Publish"/> does nothing.</summary>
    public bool Enabled => _settings.AnyChannel;

    /// <summary>Alerts dropped because the queue was full (the oldest waiting each time).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The queue <see cref="AlertDispatcherService"/> reads.</summary>
    public ChannelReader<Alert> Queue => _queue.Reader;

    /// <summary>Queues <paramref name="alert"/> unless it is under the minimum severity, a duplicate, or within its cooldown; true when queued.</summary>
    public bool Publish(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!Enabled || alert.Severity < _settings.MinimumSeverity)
            return false;
        lock (_gate)
        {
            if (!_throttle.Admit(alert, _time.GetUtcNow(), out var heldBack))
                return false;
            return _queue.Writer.TryWrite(heldBack > 0 ? alert with { Suppressed = heldBack } : alert);
        }
    }

    /// <summary>No alert follows: the dispatcher sends what is queued and ends.</summary>
    public void Complete() => _queue.Writer.TryComplete();
}
