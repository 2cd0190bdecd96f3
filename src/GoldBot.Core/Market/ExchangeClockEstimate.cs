namespace GoldBot.Market;

/// <summary>
/// Estimates the exchange's clock on the local clock from the trade prints themselves, so that a
/// local (PC) clock that is seconds ahead of or behind the exchange neither closes a quiet bar
/// early nor late.
/// <para>
/// Each print gives one sample <c>d = receivedAt − printTime</c> (local receive time minus the
/// print's exchange timestamp) = network/gateway latency + (local clock − exchange clock). Latency
/// is never negative and its floor is nearly constant, so the smallest sample is the tightest
/// bound on the skew:
/// <c>Offset = min { receivedAt − printTime : samples received in the last <see cref="Window"/> }</c>
/// (local time, measured back from the newest sample), and the exchange time now is estimated as
/// <c>localNow − Offset</c>. The estimate lags the true exchange time by the latency floor (a few
/// milliseconds to tens of milliseconds), so a bar closed on it closes that much later, never
/// earlier. The offset is negative when the local clock is behind by more than the latency.
/// This is the minimum-delay filter NTP applies to its samples (RFC 5905 §10, clock filter).
/// </para>
/// <para>
/// The window bounds how long one stale sample counts: a local clock stepped forward (an NTP
/// correction) is followed after at most one window; a stepped-back clock at once (its samples are
/// smaller). Prints delivered late (buffered at start-up, a burst after a reconnect) give large
/// samples and do not move the minimum. Not thread-safe: one feed owns it; it allocates only when
/// its sample buffer grows.
/// </para>
/// </summary>
public sealed class ExchangeClockEstimate
{
    /// <summary>Default <see cref="Window"/>: 5 minutes of local time.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(5);

    // Monotonic deque (sliding-window minimum): receive times increase from head to tail and so do
    // the samples, so the head is the minimum of the window.
    private Sample[] _samples = new Sample[16];
    private int _head;
    private int _count;

    /// <summary>Creates an estimate over samples received within <paramref name="window"/> of the newest.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    public ExchangeClockEstimate(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Window = window;
    }

    /// <summary>Creates an estimate over the <see cref="DefaultWindow"/>.</summary>
    public ExchangeClockEstimate()
        : this(DefaultWindow)
    {
    }

    /// <summary>How far back (local time, from the newest sample) samples count.</summary>
    public TimeSpan Window { get; }

    /// <summary>
    /// Local clock minus exchange clock, latency included (may be negative): the smallest
    /// <c>receivedAt − printTime</c> in the window; null before the first print.
    /// </summary>
    public TimeSpan? Offset => _count == 0 ? null : TimeSpan.FromTicks(_samples[_head].Offset);

    /// <summary>Adds one print: its exchange timestamp and when it was received (local clock, UTC).</summary>
    public void Add(DateTimeOffset printTime, DateTimeOffset receivedAt)
    {
        var received = receivedAt.UtcTicks;
        var offset = received - printTime.UtcTicks;
        while (_count > 0 && _samples[Index(_count - 1)].Offset >= offset)
            _count--;
        if (_count == _samples.Length)
            Grow();
        _samples[Index(_count)] = new Sample(received, offset);
        _count++;
        var oldest = received - Window.Ticks;
        while (_count > 1 && _samples[_head].Received < oldest)
        {
            _head = Index(1);
            _count--;
        }
    }

    /// <summary>The exchange time (UTC) estimated at local time <paramref name="localNow"/>: <c>localNow − Offset</c>; null before the first print.</summary>
    public DateTimeOffset? ExchangeTime(DateTimeOffset localNow) => Offset is { } offset ? localNow - offset : null;

    private int Index(int i) => (_head + i) % _samples.Length;

    private void Grow()
    {
        var larger = new Sample[_samples.Length * 2];
        for (var i = 0; i < _count; i++)
            larger[i] = _samples[Index(i)];
        _samples = larger;
        _head = 0;
    }

    private readonly record struct Sample(long Received, long Offset);
}
