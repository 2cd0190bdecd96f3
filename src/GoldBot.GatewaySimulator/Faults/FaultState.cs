namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// The transport-level faults in force (HTTP failures, delays, hub refusals, user-event disorder).
/// Thread-safe. Order-level faults (rejections, partial fills) live in the matching engine.
/// </summary>
public sealed class FaultState
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _wallClock;
    private int _failCount;
    private int _failStatus;
    private int _delayMs;
    private int? _delayCount;
    private DateTimeOffset _refuseHubsUntil = DateTimeOffset.MinValue;

    /// <summary>Creates the state; durations are measured on <paramref name="wallClock"/>.</summary>
    public FaultState(TimeProvider wallClock) => _wallClock = wallClock;

    private long _rateLimitRejections;

    /// <summary>Requests refused with HTTP 429 by the rate limiters themselves (not by an injected fault): a client that keeps to the limits sees none.</summary>
    public long RateLimitRejections => Interlocked.Read(ref _rateLimitRejections);

    /// <summary>Counts one request refused by a rate limiter.</summary>
    public void CountRateLimitRejection() => Interlocked.Increment(ref _rateLimitRejections);

    /// <summary>Send every user-hub event twice.</summary>
    public bool DuplicateUserEvents { get; private set; }

    /// <summary>Reverse the user-hub events of each change.</summary>
    public bool OutOfOrderUserEvents { get; private set; }

    /// <summary>True while hub connections are refused.</summary>
    public bool RefusingHubConnections => _wallClock.GetUtcNow() < _refuseHubsUntil;

    /// <summary>Applies the transport fields of <paramref name="request"/>.</summary>
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
                _refuseHubsUntil = _wallClock.GetUtcNow() + TimeSpan.FromSeconds(seconds);
            if (request.DuplicateUserEvents is { } duplicate)
                DuplicateUserEvents = duplicate;
            if (request.OutOfOrderUserEvents is { } disorder)
                OutOfOrderUserEvents = disorder;
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

    /// <summary>Takes one delay; true with the milliseconds when responses are being delayed.</summary>
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

    /// <summary>A summary of the faults in force, for GET /admin/state and the admin responses.</summary>
    public object Describe()
    {
        lock (_lock)
        {
            return new
            {
                failNextResponses = _failCount > 0 ? new FailResponses(_failCount, _failStatus) : null,
                delayMilliseconds = _delayMs,
                delayCount = _delayCount,
                refuseHubConnectionsUntil = _refuseHubsUntil == DateTimeOffset.MinValue ? (DateTimeOffset?)null : _refuseHubsUntil,
                duplicateUserEvents = DuplicateUserEvents,
                outOfOrderUserEvents = OutOfOrderUserEvents,
            };
        }
    }
}
