namespace GoldBot.Market;

/// <summary>
/// Builds time bars from a stream of trades (the market hub's <c>GatewayTrade</c> prints), the way
/// exchanges and TopstepX's own charts do: a bar covers [OpenTime, OpenTime + period) with
/// OpenTime a whole multiple of the period since the Unix epoch (UTC), so 1–60-minute bars line up
/// with the CME trading day, which starts on a whole hour. Bars are cut by the prints' exchange
/// timestamps only. Open = first trade, High/Low = extremes, Close = last trade, Volume =
/// contracts traded. A period without trades makes no bar (as in TopstepX history).
/// <para>
/// A bar leaves the builder (is published) when a print of a later bar arrives (<see cref="Add"/>)
/// or when the caller's clock says it is over (<see cref="TryClose"/>). From then on, prints of
/// that bar or any earlier one are late: dropped and counted in <see cref="LateTrades"/>, because a
/// bar once published is never changed, never published twice and never followed by an earlier
/// bar. Prints older than the bar being built (out of order across a bar with no trades) are late
/// too. Not thread-safe: one feed owns it.
/// </para>
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

    /// <summary>Trades dropped because their bar had already been published (or was older than the bar being built).</summary>
    public long LateTrades { get; private set; }

    /// <summary>Close time (UTC) of the bar being built, or null when no bar is being built.</summary>
    public DateTimeOffset? PendingClose => _open ? _bar.OpenTime + Period : null;

    /// <summary>Close time (UTC, exchange time) of the last bar published, or null before the first; prints before it are late.</summary>
    public DateTimeOffset? PublishedUntil { get; private set; }

    /// <summary>Open time (UTC) of the bar a trade at <paramref name="time"/> belongs to.</summary>
    public DateTimeOffset OpenTimeOf(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % _periodTicks, TimeSpan.Zero);

    /// <summary>Adds one trade; returns true and the completed bar when the trade starts a later bar.</summary>
    /// <param name="time">Trade time (the print's exchange timestamp), UTC.</param>
    /// <param name="price">Trade price, points.</param>
    /// <param name="volume">Contracts, ≥ 0.</param>
    /// <param name="completed">The bar this trade closed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="volume"/> is negative.</exception>
    public bool Add(DateTimeOffset time, decimal price, long volume, out Bar completed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(volume);
        var openTime = OpenTimeOf(time);
        completed = default;
        if (openTime < PublishedUntil || (_open && openTime < _bar.OpenTime))
        {
            LateTrades++;
            return false;
        }
        if (!_open)
        {
            Start(openTime, price, volume);
            return false;
        }
        if (openTime == _bar.OpenTime)
        {
            _bar = _bar with { High = Math.Max(_bar.High, price), Low = Math.Min(_bar.Low, price), Close = price, Volume = _bar.Volume + volume };
            return false;
        }
        completed = Publish();
        Start(openTime, price, volume);
        return true;
    }

    /// <summary>
    /// Publishes the bar being built once <paramref name="exchangeNow"/> has reached its close time
    /// plus <paramref name="grace"/> (time for the last prints to arrive), so a quiet market still
    /// gets its bar on time. Returns false when there is no such bar. Prints of the bar that arrive
    /// later are late (<see cref="LateTrades"/>).
    /// </summary>
    /// <param name="exchangeNow">Current exchange time, UTC (an estimate such as <see cref="ExchangeClockEstimate.ExchangeTime"/>, not the raw local clock).</param>
    /// <param name="grace">How long after the close to wait for late prints.</param>
    /// <param name="completed">The bar published.</param>
    public bool TryClose(DateTimeOffset exchangeNow, TimeSpan grace, out Bar completed)
    {
        completed = default;
        if (!_open || exchangeNow < _bar.OpenTime + Period + grace)
            return false;
        completed = Publish();
        return true;
    }

    private Bar Publish()
    {
        _open = false;
        PublishedUntil = _bar.OpenTime + Period;
        return _bar;
    }

    private void Start(DateTimeOffset openTime, decimal price, long volume)
    {
        _bar = new Bar(openTime, price, price, price, price, volume);
        _open = true;
    }
}
