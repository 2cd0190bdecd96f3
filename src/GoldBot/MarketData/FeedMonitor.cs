using GoldBot.Monitoring;

namespace GoldBot.MarketData;

/// <summary>
/// The health of the market-data feed (the stale-feed watchdog's state): when the last quote and the last
/// trade print arrived (the local clock) and what they said, when the last bar closed, the market hub's
/// connection and reconnects. While the market is open (<c>isMarketOpen</c>: halts, weekends and holidays
/// are never stale), the feed is <c>stale</c> once neither a quote nor a trade has arrived for
/// <c>staleAfter</c>: new entries are blocked and the market hub is rebuilt. Thread-safe: the hub pump
/// writes, the risk stage and the status writer read.
/// </summary>
/// <param name="clock">Market time (sim: the simulator's; paper and live: the wall clock).</param>
/// <param name="isMarketOpen">Whether the exchange trades at an instant (UTC).</param>
/// <param name="staleAfter">Age of the newest quote or trade after which an open market's feed is stale.</param>
public sealed class FeedMonitor(TimeProvider clock, Func<DateTimeOffset, bool> isMarketOpen, TimeSpan staleAfter)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastQuote;
    private DateTimeOffset? _lastTrade;
    private DateTimeOffset? _lastBar;
    private decimal? _lastPrice;
    private bool _connected = true;
    private int _reconnects;

    /// <summary>Age of the newest quote or trade after which an open market's feed is stale.</summary>
    public TimeSpan StaleAfter => staleAfter;

    /// <summary>Latest trade or quote price, points, or null before the first.</summary>
    public decimal? LastPrice
    {
        get
        {
            lock (_gate)
                return _lastPrice;
        }
    }

    /// <summary>A trade print arrived (price in points).</summary>
    public void OnTrade(decimal price)
    {
        lock (_gate)
        {
            _lastTrade = clock.GetUtcNow();
            _lastPrice = price;
        }
    }

    /// <summary>A quote arrived; <paramref name="lastPrice"/> is its last traded price (points) when it carries one.</summary>
    public void OnQuote(decimal? lastPrice)
    {
        lock (_gate)
        {
            _lastQuote = clock.GetUtcNow();
            if (lastPrice is { } price and > 0)
                _lastPrice = price;
        }
    }

    /// <summary>A bar closed at <paramref name="closeTime"/> (UTC).</summary>
    public void OnBar(DateTimeOffset closeTime)
    {
        lock (_gate)
            _lastBar = closeTime;
    }

    /// <summary>The market hub's connection was lost.</summary>
    public void OnDisconnected()
    {
        lock (_gate)
            _connected = false;
    }

    /// <summary>The market hub is connected (again) and subscribed.</summary>
    public void OnConnected()
    {
        lock (_gate)
        {
            if (!_connected)
                _reconnects++;
            _connected = true;
        }
    }

    /// <summary>True when the market is open and neither a quote nor a trade has arrived for the stale threshold (or the hub is down).</summary>
    public bool IsStale(DateTimeOffset now) => Status(now).State is FeedState.Stale or FeedState.Disconnected;

    /// <summary>The state for status.json <c>feed</c>.</summary>
    public FeedStatus Status(DateTimeOffset now)
    {
        lock (_gate)
        {
            var newest = Max(_lastQuote, _lastTrade);
            var open = isMarketOpen(now);
            var state = !open ? FeedState.Closed
                : !_connected ? FeedState.Disconnected
                : newest is null || now - newest.Value > staleAfter ? FeedState.Stale
                : FeedState.Ok;
            return new FeedStatus(state, AgeMs(now, _lastQuote), AgeMs(now, _lastTrade),
                _lastBar is { } bar ? Math.Round((now - bar).TotalSeconds, 1) : null, _reconnects, _connected);
        }
    }

    private static long? AgeMs(DateTimeOffset now, DateTimeOffset? at) => at is { } t ? (long)Math.Max(0, (now - t).TotalMilliseconds) : null;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
