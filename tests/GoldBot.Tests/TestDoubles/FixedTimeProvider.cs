namespace GoldBot.Tests.TestDoubles;

/// <summary>
/// A clock that says what the test sets, so no test depends on the wall clock. Its one-shot timers fire only when the
/// test calls <see cref="FireDueTimers"/> (the base class's would run on the wall clock), or <see cref="FireTimers"/> before
/// they are due. The executor tests need exactly that: time set by the test while a broker's
/// answer or a grace period is held until the test lets it go, or fired early; <c>FakeTimeProvider</c> (used elsewhere) fires a timer as
/// soon as the clock passes it.
/// </summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];

    /// <summary>The instant <see cref="GetUtcNow"/> returns.</summary>
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(() => callback(state), Now + dueTime);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>Runs, once, every timer not disposed whose due time is at or before <see cref="Now"/>; returns how many ran.</summary>
    public int FireDueTimers() => FireTimers(Now);

    /// <summary>Runs, once, every timer not disposed due at or before <paramref name="upTo"/>, even later than <see cref="Now"/> (a timer that fires early).</summary>
    public int FireTimers(DateTimeOffset upTo)
    {
        var ran = 0;
        foreach (var timer in _timers.Where(t => t.Due <= upTo).ToList())
        {
            _timers.Remove(timer);
            if (timer.Disposed)
                continue;
            timer.Fire();
            ran++;
        }
        return ran;
    }

    private sealed class ManualTimer(Action fire, DateTimeOffset due) : ITimer
    {
        public DateTimeOffset Due { get; } = due;

        public bool Disposed { get; private set; }

        public void Fire() => fire();

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("the executor's timers are one-shot");

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
