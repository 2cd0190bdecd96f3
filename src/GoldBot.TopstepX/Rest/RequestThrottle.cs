using System.Threading.RateLimiting;

namespace GoldBot.TopstepX.Rest;

/// <summary>
/// Client-side rate limits (§8.3): one sliding window for every request (default 180 per 60 s, below
/// the gateway's 200) and a second one for History/retrieveBars (default 25 per 30 s, below 30).
/// Requests over the limit wait in order; none is dropped.
/// </summary>
/// <remarks>
/// A segmented sliding window releases a permit when the segment it was taken in slides out, which can
/// be less than a full window after the request. To guarantee that no span of one window ever holds
/// more than the limit, each limiter keeps one extra segment: a permit comes back between one window
/// and one window plus one segment after its request. Segments advance on timers from the injected
/// <see cref="TimeProvider"/>, so tests drive the limiter with a manual clock.
/// </remarks>
public sealed class RequestThrottle : IDisposable
{
    private readonly SlidingWindowRateLimiter _all;
    private readonly SlidingWindowRateLimiter _bars;
    private readonly ITimer _allTimer;
    private readonly ITimer _barsTimer;

    /// <summary>Creates both limiters from <paramref name="options"/> and starts their segment timers.</summary>
    public RequestThrottle(TopstepXOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        (_all, _allTimer) = Create(options.RequestsPerWindow, options.RequestWindow, options.WindowSegments, time);
        (_bars, _barsTimer) = Create(options.BarsRequestsPerWindow, options.BarsWindow, options.WindowSegments, time);
    }

    /// <summary>Waits until one request (and, for bars, one bars request) may be sent.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public async ValueTask AcquireAsync(bool isBarsRequest, CancellationToken cancellationToken)
    {
        if (isBarsRequest)
            await AcquireOneAsync(_bars, cancellationToken).ConfigureAwait(false);
        await AcquireOneAsync(_all, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Requests waiting for a permit of the client-wide limiter (0 once disposed: nothing waits any more).</summary>
    public long QueuedRequests
    {
        get
        {
            try
            {
                return _all.GetStatistics()?.CurrentQueuedCount ?? 0;
            }
            catch (ObjectDisposedException)
            {
                return 0;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _allTimer.Dispose();
        _barsTimer.Dispose();
        _all.Dispose();
        _bars.Dispose();
    }

    private static async ValueTask AcquireOneAsync(SlidingWindowRateLimiter limiter, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
            throw new InvalidOperationException("rate limiter refused a request although its queue is unbounded");
    }

    private static void Replenish(SlidingWindowRateLimiter limiter)
    {
        try
        {
            limiter.TryReplenish();
        }
        catch (ObjectDisposedException)
        {
            // A tick already running when the client was disposed (shutdown): nothing is waiting any more. Thrown from a
            // timer callback it would end the process.
        }
    }

    private static (SlidingWindowRateLimiter Limiter, ITimer Timer) Create(int permits, TimeSpan window, int segments, TimeProvider time)
    {
        var segment = window / segments;
        var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            // The limiter's own clock is neutralised (one-tick segments, manual replenishment: it skips a
            // replenish only when less than its own period has passed on the real clock). The timer from the
            // TimeProvider below moves it one segment per period, so the window is (segments + 1) × segment.
            Window = TimeSpan.FromTicks(segments + 1),
            SegmentsPerWindow = segments + 1,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var timer = time.CreateTimer(static state => Replenish((SlidingWindowRateLimiter)state!), limiter, segment, segment);
        return (limiter, timer);
    }
}
