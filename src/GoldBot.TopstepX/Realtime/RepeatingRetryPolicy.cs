using Microsoft.AspNetCore.SignalR.Client;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// Hub reconnect delays: the configured delays in order, then the last one forever. The hubs never give
/// up on their own; the owner sees <see cref="Events.HubConnectionLost"/> and decides (e.g. flatten).
/// </summary>
public sealed class RepeatingRetryPolicy : IRetryPolicy
{
    private readonly TimeSpan[] _delays;

    /// <summary>Creates the policy.</summary>
    /// <exception cref="ArgumentException">No delays given.</exception>
    public RepeatingRetryPolicy(IReadOnlyList<TimeSpan> delays)
    {
        ArgumentNullException.ThrowIfNull(delays);
        if (delays.Count == 0)
            throw new ArgumentException("at least one reconnect delay is needed", nameof(delays));
        _delays = [.. delays];
    }

    /// <inheritdoc />
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        return _delays[(int)Math.Min(retryContext.PreviousRetryCount, _delays.Length - 1)];
    }
}
