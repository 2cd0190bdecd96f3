using GoldBot.GatewaySimulator.Faults;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Rate limits, transport faults and authentication in front of the endpoints, all on the simulator's clock
/// (<see cref="GatewaySimulatorOptions.ServiceClock"/>). On <c>/api</c>, in this order: the rate limits (HTTP 429; History/retrieveBars
/// has its own window, every other request counts in the overall one), the forced delay, the forced 429/500 responses, the Bearer
/// token (401 when missing, malformed, expired or revoked; login and ping are open), the endpoint 5xx burst, then the held answer
/// around the endpoint. On <c>/hubs</c>: 503 while hub connections are refused, then the <c>access_token</c> query value (401 without
/// a valid one; the Authorization header is not read, like the live hubs are reported to behave, research/topstepx-api.md §9.3).
/// </summary>
public sealed class GatewayMiddleware
{
    /// <summary>Key of the authenticated user name in <see cref="HttpContext.Items"/>.</summary>
    public const string UserKey = "goldbot-sim-user";

    private readonly RequestDelegate _next;
    private readonly FaultState _faults;
    private readonly TokenService _tokens;
    private readonly SimulatorActivity _activity;
    private readonly TimeProvider _clock;
    private readonly CancellationToken _stopping;
    private readonly SlidingWindowLimit _overall;
    private readonly SlidingWindowLimit _history;
    private readonly Func<string, string, bool>? _hook;

    /// <summary>Creates the middleware and its rate limits.</summary>
    public GatewayMiddleware(RequestDelegate next, FaultState faults, TokenService tokens, GatewaySimulatorOptions options, SimulatorActivity activity, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        _next = next;
        _faults = faults;
        _tokens = tokens;
        _activity = activity;
        _clock = options.ServiceClock;
        _stopping = lifetime.ApplicationStopping;
        _overall = new SlidingWindowLimit(options.RateLimitPermits, options.RateLimitWindow, _clock);
        _history = new SlidingWindowLimit(options.HistoryRateLimitPermits, options.HistoryRateLimitWindow, _clock);
        _hook = options.RequestHook;
    }

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var limit = path.StartsWithSegments("/api/History", StringComparison.OrdinalIgnoreCase) ? _history : _overall;
            if (!limit.TryAcquire())
            {
                _faults.CountRateLimitRejection();
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return;
            }
            if (_faults.TryTakeDelay(out var delay) && !await HoldAsync(context, TimeSpan.FromMilliseconds(delay)).ConfigureAwait(false))
                return;
            if (_faults.TryTakeFailure(out var status))
            {
                context.Response.StatusCode = status;
                return;
            }
            var open = path.StartsWithSegments("/api/Auth/loginKey", StringComparison.OrdinalIgnoreCase)
                || path.StartsWithSegments("/api/Status/ping", StringComparison.OrdinalIgnoreCase);
            if (!open)
            {
                var header = context.Request.Headers.Authorization.ToString();
                var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
                if (_tokens.Validate(token) is not { } user)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                context.Items[UserKey] = user;
            }
            if (_hook is not null)
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                context.Request.Body.Position = 0;
                if (_hook(path.Value ?? "", body))
                {
                    context.Abort();
                    return;
                }
                // Let it run to the end even if the hook has just killed the client, as a gateway completes a request that
                // reached it: bound to the client's connection, the endpoint's body binding could be cancelled first.
                context.RequestAborted = _stopping;
            }
            if (_faults.TryTakeEndpointFailure(path, out var burstStatus, out var execute))
            {
                if (execute)
                    await ExecuteBufferedAsync(context).ConfigureAwait(false);
                context.Response.Clear();
                context.Response.StatusCode = burstStatus;
                return;
            }
            if (_faults.TryTakeHold(path, out var hold))
            {
                var answer = await ExecuteBufferedAsync(context).ConfigureAwait(false);
                if (!await HoldAsync(context, hold).ConfigureAwait(false))
                    return;
                context.Response.ContentLength = answer.Length;
                try
                {
                    await context.Response.Body.WriteAsync(answer, context.RequestAborted).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // The client went away just as the hold ended.
                }
                return;
            }
        }
        else if (path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            if (_faults.RefusingHubConnections)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            if (_tokens.Validate(context.Request.Query["access_token"].ToString()) is not { } user)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Items[UserKey] = user;
        }
        await _next(context).ConfigureAwait(false);
    }

    /// <summary>Runs the endpoint with its body written to memory (status and headers stay on the response); returns the body.</summary>
    private async Task<byte[]> ExecuteBufferedAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Holds the request for <paramref name="hold"/> on the simulator's clock (null: until the client aborts), counted in
    /// <see cref="SimulatorActivity.HeldRequests"/>. False when the client aborted (nothing more to send) or the simulator is stopping
    /// (the connection is aborted).
    /// </summary>
    private async Task<bool> HoldAsync(HttpContext context, TimeSpan? hold)
    {
        _activity.RequestHeld();
        try
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
            // When a driver's ReplayClock.AdvanceTo fires the timer, this continuation (and the release of the count below) runs
            // inside AdvanceTo: from then on the client still counts the request in flight, until the answer reaches it.
            await Task.Delay(hold ?? Timeout.InfiniteTimeSpan, _clock, either.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            if (_stopping.IsCancellationRequested)
                context.Abort();
            return false;
        }
        finally
        {
            _activity.RequestReleased();
        }
    }
}
