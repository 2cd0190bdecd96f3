using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// The transport and market faults in force: HTTP failures, delays and held answers, hub refusals and drops, user-event
/// delay and disorder, quiet market windows, shifted market timestamps; and the one seeded random source of every random fault.
/// Durations run on the simulator's clock (the driven clock in driven mode, otherwise the wall clock); quiet windows on the market clock.
/// Thread-safe. Order-level faults (rejections, refusals, partial fills) live in the matching engine (<see cref="EngineFaults"/>).
/// </summary>
public sealed class FaultState
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly TimeProvider _marketClock;
    private int _failCount;
    private int _failStatus;
    private int _delayMs;
    private int? _delayCount;
    private DateTimeOffset _refuseHubsUntil = DateTimeOffset.MinValue;
    private long _rateLimitRejections;
    private int _seed;
    private Random _random = new(0);
    private UserEventDelay? _userEventDelay;
    private HoldResponses? _hold;
    private FailEndpoint? _burst;
    private DateTimeOffset? _burstUntil;
    private DateTimeOffset? _quietFrom;
    private DateTimeOffset? _quietUntil;
    private HubDropOnClose? _dropOnClose;
    private int _timestampOffsetMs;
    private IReadOnlyList<string> _silenced = [];

    /// <summary>Creates the state.</summary>
    /// <param name="clock">The simulator's clock: fault durations and windows (the driven clock in driven mode, else the wall clock).</param>
    /// <param name="marketClock">The market clock: the start of a quiet window given in seconds.</param>
    public FaultState(TimeProvider clock, TimeProvider marketClock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _marketClock = marketClock ?? throw new ArgumentNullException(nameof(marketClock));
    }

    /// <summary>Requests refused with HTTP 429 by the rate limiters themselves (not by an injected fault): a client that keeps to the limits sees none.</summary>
    public long RateLimitRejections => Interlocked.Read(ref _rateLimitRejections);

    /// <summary>Counts one request refused by a rate limiter.</summary>
    public void CountRateLimitRejection() => Interlocked.Increment(ref _rateLimitRejections);

    /// <summary>The seed of the random source (last <see cref="FaultRequest.Seed"/> applied; 0 by default).</summary>
    public int Seed
    {
        get { lock (_lock) return _seed; }
    }

    /// <summary>Send every user-hub event twice.</summary>
    public bool DuplicateUserEvents { get; private set; }

    /// <summary>Reverse the user-hub events of each change.</summary>
    public bool OutOfOrderUserEvents { get; private set; }

    /// <summary>Per change, a coin decides whether each fill's trade event precedes its order event.</summary>
    public bool ShuffleOrderAndTradeEvents { get; private set; }

    /// <summary>True while hub connections are refused (simulator's clock).</summary>
    public bool RefusingHubConnections
    {
        get
        {
            lock (_lock)
                return _clock.GetUtcNow() < _refuseHubsUntil;
        }
    }

    /// <summary>Market-hub connections that receive no market data (<see cref="FaultRequest.SilenceMarketHub"/>).</summary>
    public IReadOnlyList<string> SilencedConnections
    {
        get
        {
            lock (_lock)
                return _silenced;
        }
    }

    /// <summary>Silences these market-hub connections (added to those silenced before).</summary>
    public void Silence(IEnumerable<string> connectionIds)
    {
        lock (_lock)
            _silenced = [.. _silenced.Union(connectionIds)];
    }

    /// <summary>Shift applied to the timestamps of published market events (zero when off).</summary>
    public TimeSpan MarketTimestampOffset
    {
        get
        {
            lock (_lock)
                return TimeSpan.FromMilliseconds(_timestampOffsetMs);
        }
    }

    /// <summary>Applies the transport and market fields of <paramref name="request"/> (validate it first with <see cref="FaultRequest.Validate"/>).</summary>
    public void Apply(FaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            if (request.Clear == true)
            {
                _failCount = 0;
                _delayMs = 0;
                _delayCount = null;
                _refuseHubsUntil = DateTimeOffset.MinValue;
                DuplicateUserEvents = false;
                OutOfOrderUserEvents = false;
                ShuffleOrderAndTradeEvents = false;
                _userEventDelay = null;
                _hold = null;
                _burst = null;
                _burstUntil = null;
                _quietFrom = null;
                _quietUntil = null;
                _dropOnClose = null;
                _timestampOffsetMs = 0;
                _silenced = [];
            }
            if (request.Seed is { } seed)
            {
                _seed = seed;
                _random = new Random(seed);
            }
            if (request.FailNextResponses is { } fail)
            {
                _failCount = Math.Max(0, fail.Count);
                _failStatus = fail.Status;
            }
            if (request.DelayMilliseconds is { } delay)
            {
                _delayMs = Math.Max(0, delay);
                _delayCount = request.DelayCount;
            }
            if (request.RefuseHubConnectionsSeconds is { } seconds)
                _refuseHubsUntil = _clock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
            if (request.DuplicateUserEvents is { } duplicate)
                DuplicateUserEvents = duplicate;
            if (request.OutOfOrderUserEvents is { } disorder)
                OutOfOrderUserEvents = disorder;
            if (request.ShuffleOrderAndTradeEvents is { } shuffle)
                ShuffleOrderAndTradeEvents = shuffle;
            if (request.UserEventDelay is { } userDelay)
                _userEventDelay = userDelay.MaxMilliseconds > 0 ? userDelay : null;
            if (request.HoldResponses is { } hold)
                _hold = hold.Count > 0 ? hold : null;
            if (request.FailEndpoint is { } burst)
            {
                _burst = burst.Count is 0 ? null : burst;
                _burstUntil = burst.Seconds is { } s ? _clock.GetUtcNow() + TimeSpan.FromSeconds(s) : null;
            }
            if (request.QuietMarket is { } quiet)
            {
                var from = quiet.From ?? _marketClock.GetUtcNow();
                _quietFrom = from;
                _quietUntil = quiet.Until ?? from + TimeSpan.FromSeconds(quiet.Seconds ?? 0);
            }
            if (request.DropHubsOnClose is { } drop)
                _dropOnClose = drop.Count > 0 ? drop : null;
            if (request.MarketTimestampOffsetMilliseconds is { } offset)
                _timestampOffsetMs = offset;
        }
    }

    /// <summary>Takes one forced failure; true with the HTTP status when one is pending.</summary>
    public bool TryTakeFailure(out int status)
    {
        lock (_lock)
        {
            status = _failStatus;
            if (_failCount <= 0)
                return false;
            _failCount--;
            return true;
        }
    }

    /// <summary>Takes one delay; true with the milliseconds when requests are being delayed.</summary>
    public bool TryTakeDelay(out int milliseconds)
    {
        lock (_lock)
        {
            milliseconds = _delayMs;
            if (_delayMs <= 0 || _delayCount is <= 0)
                return false;
            if (_delayCount is { } n)
                _delayCount = n - 1;
            return true;
        }
    }

    /// <summary>
    /// Takes one held answer for a request on <paramref name="path"/> (<see cref="HoldResponses"/>); true when the request must be held,
    /// with the hold on the simulator's clock (null: until the client aborts).
    /// </summary>
    public bool TryTakeHold(PathString path, out TimeSpan? hold)
    {
        lock (_lock)
        {
            hold = null;
            if (_hold is not { } h || (h.Path is { } only && !path.StartsWithSegments(only, StringComparison.OrdinalIgnoreCase)))
                return false;
            _hold = h.Count > 1 ? h with { Count = h.Count - 1 } : null;
            hold = h.Milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
            return true;
        }
    }

    /// <summary>Takes one failure of the endpoint burst for a request on <paramref name="path"/> (<see cref="FailEndpoint"/>).</summary>
    /// <param name="status">HTTP status to answer.</param>
    /// <param name="execute">True when the request must be executed before failing.</param>
    public bool TryTakeEndpointFailure(PathString path, out int status, out bool execute)
    {
        lock (_lock)
        {
            status = 0;
            execute = false;
            if (_burst is not { } burst)
                return false;
            if (_burstUntil is { } until && _clock.GetUtcNow() >= until)
            {
                (_burst, _burstUntil) = (null, null);
                return false;
            }
            if (!path.StartsWithSegments(burst.Path, StringComparison.OrdinalIgnoreCase))
                return false;
            if (burst.Count is { } n)
                _burst = n > 1 ? burst with { Count = n - 1 } : null;
            (status, execute) = (burst.Status, burst.Execute);
            return true;
        }
    }

    /// <summary>True when a point at market time <paramref name="marketTime"/> falls in the quiet window.</summary>
    public bool IsMarketQuiet(DateTimeOffset marketTime)
    {
        lock (_lock)
            return _quietFrom is { } from && _quietUntil is { } until && marketTime >= from && marketTime < until;
    }

    /// <summary>Takes one hub drop after a close (<see cref="HubDropOnClose"/>); true with the reconnect refusal, zero when none.</summary>
    public bool TryTakeHubDropOnClose(out TimeSpan refuseReconnects)
    {
        lock (_lock)
        {
            refuseReconnects = TimeSpan.Zero;
            if (_dropOnClose is not { } drop)
                return false;
            _dropOnClose = drop.Count > 1 ? drop with { Count = drop.Count - 1 } : null;
            refuseReconnects = TimeSpan.FromSeconds(drop.RefuseSeconds ?? 0);
            if (refuseReconnects > TimeSpan.Zero)
                _refuseHubsUntil = Max(_refuseHubsUntil, _clock.GetUtcNow() + refuseReconnects);
            return true;
        }
    }

    /// <summary>Draws the delay of one change's user events (<see cref="UserEventDelay"/>); zero when the fault is off.</summary>
    public TimeSpan DrawUserEventDelay()
    {
        lock (_lock)
        {
            if (_userEventDelay is not { } d)
                return TimeSpan.Zero;
            return TimeSpan.FromMilliseconds(_random.Next(d.MinMilliseconds, d.MaxMilliseconds + 1));
        }
    }

    /// <summary>
    /// The user events of one change in the order they are to be sent: each fill's trade event moved before its order event when the
    /// shuffle coin says so, then reversed (<see cref="OutOfOrderUserEvents"/>), then each event twice (<see cref="DuplicateUserEvents"/>).
    /// </summary>
    public IReadOnlyList<EngineEvent> ArrangeUserEvents(IReadOnlyList<EngineEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        bool shuffle, reverse, duplicate;
        var tradeFirst = false;
        lock (_lock)
        {
            (shuffle, reverse, duplicate) = (ShuffleOrderAndTradeEvents, OutOfOrderUserEvents, DuplicateUserEvents);
            if (shuffle)
                tradeFirst = _random.Next(2) == 1;
        }
        if (!tradeFirst && !reverse && !duplicate)
            return events;
        var list = events.ToList();
        if (tradeFirst)
        {
            // A fill raises its order update immediately followed by its trade (TradingEngine.FillPiece): swap each such pair.
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i] is TradeRecorded t && list[i - 1] is OrderChanged o && o.Order.Id == t.Trade.OrderId)
                    (list[i - 1], list[i]) = (list[i], list[i - 1]);
            }
        }
        if (reverse)
            list.Reverse();
        return duplicate ? [.. list.SelectMany(e => new[] { e, e })] : list;
    }

    /// <summary>A summary of the faults in force, for GET /admin/state and the admin responses (camelCase keys).</summary>
    public Dictionary<string, object?> Describe()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            return new Dictionary<string, object?>
            {
                ["seed"] = _seed,
                ["failNextResponses"] = _failCount > 0 ? new FailResponses(_failCount, _failStatus) : null,
                ["delayMilliseconds"] = _delayMs,
                ["delayCount"] = _delayCount,
                ["refuseHubConnectionsUntil"] = _refuseHubsUntil == DateTimeOffset.MinValue ? null : _refuseHubsUntil,
                ["refusingHubConnections"] = now < _refuseHubsUntil,
                ["duplicateUserEvents"] = DuplicateUserEvents,
                ["outOfOrderUserEvents"] = OutOfOrderUserEvents,
                ["shuffleOrderAndTradeEvents"] = ShuffleOrderAndTradeEvents,
                ["userEventDelay"] = _userEventDelay,
                ["holdResponses"] = _hold,
                ["failEndpoint"] = _burst,
                ["failEndpointUntil"] = _burst is null ? null : _burstUntil,
                ["quietMarket"] = _quietFrom is { } from ? new QuietMarket(from, _quietUntil) : null,
                ["dropHubsOnClose"] = _dropOnClose,
                ["marketTimestampOffsetMilliseconds"] = _timestampOffsetMs,
                ["silencedMarketConnections"] = _silenced.Count,
            };
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
