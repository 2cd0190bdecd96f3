using GoldBot.GatewaySimulator.Faults;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Transport faults and authentication in front of the endpoints. On <c>/api</c>: forced delays, forced 429/500
/// responses, then the Bearer token (401 when missing, malformed, expired or revoked; login and ping are open).
/// On <c>/hubs</c>: 503 while hub connections are refused, then the <c>access_token</c> query value (401 without a valid one;
/// the Authorization header is not read, like the live hubs are reported to behave, research/topstepx-api.md §9.3).
/// </summary>
public sealed class GatewayMiddleware(RequestDelegate next, FaultState faults, TokenService tokens, GatewaySimulatorOptions options)
{
    /// <summary>Key of the authenticated user name in <see cref="HttpContext.Items"/>.</summary>
    public const string UserKey = "goldbot-sim-user";

    /// <summary>Handles one request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            if (faults.TryTakeDelay(out var delay))
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(delay), options.WallClock, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            if (faults.TryTakeFailure(out var status))
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
                if (tokens.Validate(token) is not { } user)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                context.Items[UserKey] = user;
            }
        }
        else if (path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            if (faults.RefusingHubConnections)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            if (tokens.Validate(context.Request.Query["access_token"].ToString()) is not { } user)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.Items[UserKey] = user;
        }
        await next(context).ConfigureAwait(false);
    }
}
