using System.Threading.Channels;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>
/// A clock that moves only when the test calls <see cref="Advance"/>; timers created from it fire inside
/// <see cref="Advance"/>, in due order, with the clock set to their due time. <see cref="NextArmedAsync"/> lets a
/// test wait until the code under test has armed a timer before it advances the clock.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 8, 19, 14, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
            return _now;
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_lock)
            target = _now + by;
        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _timers.Where(t => t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    _now = target;
                    return;
                }
                if (next.Due > _now)
                    _now = next.Due;
                if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan)
                    next.Due += next.Period;
                else
                    _timers.Remove(next);
            }
            next.Fire();
        }
    }

    /// <summary>The due time of every timer armed (with a positive due time), in arming order.</summary>
    public Channel<TimeSpan> Armed { get; } = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>The due time of every one-shot timer armed (a delay, a timeout; not the rate limiters' periodic ticks), in arming order.</summary>
    public Channel<TimeSpan> ArmedOnce { get; } = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Waits until the code under test arms its next one-shot timer and returns its due time (relative to the clock then).</summary>
    public async Task<TimeSpan> NextArmedOnceAsync()
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await ArmedOnce.Reader.ReadAsync(safety.Token);
    }

    /// <summary>Waits until the code under test arms its next timer and returns its due time (relative to the clock then).</summary>
    public async Task<TimeSpan> NextArmedAsync()
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Armed.Reader.ReadAsync(safety.Token);
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
                return;
            timer.Due = _now + dueTime;
            timer.Period = period;
            _timers.Add(timer);
        }
        Armed.Writer.TryWrite(dueTime);
        if (period <= TimeSpan.Zero || period == Timeout.InfiniteTimeSpan)
            ArmedOnce.Writer.TryWrite(dueTime);
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
            _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == TimeSpan.Zero)
            {
                ThreadPool.QueueUserWorkItem(_ => callback(state));
                if (period <= TimeSpan.Zero || period == Timeout.InfiniteTimeSpan)
                {
                    owner.Remove(this);
                    return true;
                }
                dueTime = period;
            }
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
