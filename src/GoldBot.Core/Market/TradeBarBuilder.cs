namespace GoldBot.Market;

/// <summary>
/// Builds time bars from a stream of trades (the market hub's <c>GatewayTrade</c> prints), the way
/// exchanges and TopstepX's own charts do: a bar covers [OpenTime, OpenTime + period) with
/// OpenTime a whole multiple of the period since the Unix epoch (UTC), so 1–60-minute bars line up
/// with the CME trading day, which starts on a whole hour. Open = first trade, High/Low = extremes,
/// Close = last trade, Volume = contracts traded. A period without trades makes no bar (as in
/// TopstepX history). Trades older than the bar being built (late or out-of-order prints) are
/// counted into it if they fall inside it, and otherwise dropped and counted in <see cref="LateTrades"/>,
/// because a bar once published is never changed. Not thread-safe: one feed owns it.
/// </summary>
public sealed class TradeBarBuilder
{
    private readonly long _periodTicks;
    private bool _open;
    private Bar _bar;

    /// <summary>Creates a builder for bars of <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive or does not divide a day.</exception>
    public TradeBarBuilder(TimeSpan period)
    {
        if (period <= TimeSpan.Zero || TimeSpan.TicksPerDay % period.Ticks != 0)
            throw new ArgumentOutOfRangeException(nameof(period), period, "bar period must be positive and divide a day");
        Period = period;
        _periodTicks = period.Ticks;
    }

    /// <summary>Length of the bars built.</summary>
    public TimeSpan Period { get; }

    /// <summary>Trades dropped because their bar had already been published.</summary>
    public long LateTrades { get; private set; }

    /// <summary>Close time (UTC) of the bar being built, or null before the first trade.</summary>
    public DateTimeOffset? PendingClose => _open ? _bar.OpenTime + Period : null;

    /// <summary>Adds one trade; returns true and the completed bar when the trade starts a later bar.</summary>
    /// <param name="time">Trade time, UTC.</param>
    /// <param name="price">Trade price, points.</param>
    /// <param name="volume">Contracts, ≥ 0.</param>
    /// <param name="completed">The bar this trade closed.</param>
    public bool Add(DateTimeOffset time, decimal price, long volume, out Bar completed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(volume);
        var openTime = new DateTimeOffset(time.UtcTicks - time.UtcTicks % _periodTicks, TimeSpan.Zero);
        completed = default;
        if (!_open)
        {
            Start(openTime, price, volume);
            return false;
        }
        if (openTime < _bar.OpenTime)
        {
            LateTrades++;
            return false;
        }
        if (openTime == _bar.OpenTime)
        {
            _bar = _bar with { High = Math.Max(_bar.High, price), Low = Math.Min(_bar.Low, price), Close = price, Volume = _bar.Volume + volume };
            return false;
        }
        completed = _bar;
        Start(openTime, price, volume);
        return true;
    }

    /// <summary>
    /// Publishes the bar being built once <paramref name="now"/> has reached its close time plus
    /// <paramref name="grace"/> (time for the last prints to arrive), so a quiet market still gets
    /// its bar on time. Returns false when there is no such bar.
    /// </summary>
    /// <param name="now">Current time, UTC.</param>
    /// <param name="grace">How long after the close to wait for late prints.</param>
    public bool TryClose(DateTimeOffset now, TimeSpan grace, out Bar completed)
    {
        completed = default;
        if (!_open || now < _bar.OpenTime + Period + grace)
            return false;
        completed = _bar;
        _open = false;
        return true;
    }

    private void Start(DateTimeOffset openTime, decimal price, long volume)
    {
        _bar = new Bar(openTime, price, price, price, price, volume);
        _open = true;
    }
}
