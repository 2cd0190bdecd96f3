namespace GoldBot.Time;

/// <summary>
/// A <see cref="TimeProvider"/> whose time moves only when it is told to: market time during a
/// replay (the close of the last bar the feed published, or a point between bars when pacing with
/// <c>--speed</c>), the gateway simulator's market clock, and the one shared clock of an in-process
/// simulator run (<c>goldbot chaos</c>, the integration tests), where a driver advances it.
/// Timers created from it (PeriodicTimer, Task.Delay, CancellationTokenSource with this provider)
/// fire as time passes their due time; a timer due several periods within one advance fires once
/// (ticks coalesce, as PeriodicTimer's do). <see cref="GetTimestamp"/> counts this clock's time in
/// 100-ns ticks, so elapsed times measured on it are in its time too. Thread-safe.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ReplayTimer> _timers = [];
    private readonly TimeProvider? _untilStarted;
    private DateTimeOffset _now;
    private bool _started;

    /// <summary>Starts the clock at <paramref name="start"/> (UTC).</summary>
    public ReplayClock(DateTimeOffset start)
    {
        _now = start;
        _started = true;
    }

    /// <summary>
    /// Creates a clock whose time is not known yet (the gateway simulator's, learned from its first
    /// bars): until the first <see cref="AdvanceTo"/> it reports <paramref name="untilStarted"/>'s time
    /// (start-up log lines), and the first advance sets the time, even backwards. Create timers only
    /// after that first advance.
    /// </summary>
    public ReplayClock(TimeProvider untilStarted) => _untilStarted = untilStarted;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _started ? _now : _untilStarted!.GetUtcNow();
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>This clock's time in 100-ns ticks (UTC ticks), so <see cref="TimeProvider.GetElapsedTime(long)"/> measures this clock's time.</summary>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The earliest time (UTC) at which a timer of this clock is due, or null when none is armed.</summary>
    public DateTimeOffset? NextDue => Earliest(periodic: true);

    /// <summary>
    /// The earliest time (UTC) at which a one-shot timer (a delay, a timeout, a backoff) is due, or null: a driver that
    /// may let periodic ticks coalesce steps to this, and periodic timers fire once at the new time.
    /// </summary>
    public DateTimeOffset? NextOneShotDue => Earliest(periodic: false);

    private DateTimeOffset? Earliest(bool periodic)
    {
        lock (_gate)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _timers)
            {
                if ((periodic || timer.Period == TimeSpan.Zero) && timer.Due is { } due && (next is null || due < next))
                    next = due;
            }
            return next;
        }
    }

    /// <summary>Moves time forward to <paramref name="time"/> and fires the timers that fell due. Never moves backwards.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        List<ReplayTimer> due = [];
        lock (_gate)
        {
            if (_started && time <= _now)
                return;
            _now = time;
            _started = true;
            foreach (var timer in _timers)
            {
                if (timer.Due is { } at && at <= time)
                {
                    due.Add(timer);
                    timer.Due = timer.Period > TimeSpan.Zero ? FollowingDue(at, timer.Period, time) : null;
                }
            }
        }
        foreach (var timer in due)
            timer.Fire();
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ReplayTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private static DateTimeOffset FollowingDue(DateTimeOffset due, TimeSpan period, DateTimeOffset now)
    {
        var periods = (now - due).Ticks / period.Ticks + 1;
        return due + TimeSpan.FromTicks(periods * period.Ticks);
    }

    private sealed class ReplayTimer(ReplayClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; }

        private bool _disposed;

        /// <summary>Runs the callback, unless the timer was disposed after it fell due (as a disposed system timer does not fire).</summary>
        public void Fire()
        {
            lock (clock._gate)
            {
                if (_disposed)
                    return;
            }
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (_disposed)
                    return false;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNowLocked() + dueTime;
                if (!clock._timers.Contains(this))
                    clock._timers.Add(this);
            }
            return true;
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                _disposed = true;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private DateTimeOffset GetUtcNowLocked() => _started ? _now : _untilStarted!.GetUtcNow();
}
