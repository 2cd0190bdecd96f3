namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// A request limit as a true sliding window on the simulator's clock: a request is admitted when fewer than <c>permits</c>
/// requests were admitted in the last <c>window</c> (the interval (now − window, now]); refused requests are not counted.
/// On the simulator's clock rather than the ASP.NET rate limiter's real clock, so a driven clock that runs faster than wall time
/// frees permits at its own pace (gateway limits: 200 per 60 s overall, 30 per 30 s on History; research/topstepx-api.md §8.3,
/// where the window type is undocumented). Thread-safe.
/// </summary>
public sealed class SlidingWindowLimit
{
    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _admitted = new();
    private readonly TimeProvider _clock;

    /// <summary>Creates the limit.</summary>
    /// <param name="permits">Requests admitted per window (≥ 1).</param>
    /// <param name="window">Window length (positive), on <paramref name="clock"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Permits below 1 or a window not positive.</exception>
    public SlidingWindowLimit(int permits, TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Permits = permits;
        Window = window;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Requests admitted per window.</summary>
    public int Permits { get; }

    /// <summary>Window length.</summary>
    public TimeSpan Window { get; }

    /// <summary>Admits one request (true) or refuses it (false) at the clock's time now.</summary>
    public bool TryAcquire()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            while (_admitted.Count > 0 && _admitted.Peek() <= now - Window)
                _admitted.Dequeue();
            if (_admitted.Count >= Permits)
                return false;
            _admitted.Enqueue(now);
            return true;
        }
    }
}
