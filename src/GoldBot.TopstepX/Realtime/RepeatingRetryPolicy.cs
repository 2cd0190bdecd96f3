using Microsoft.AspNetCore.SignalR.Client;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// Hub connect delays: the configured delays in order, then the last one forever. The hubs' connect loop (start-up
/// and after every loss) waits these on its injected clock and never gives up on its own; the owner sees
/// <see cref="Events.HubConnectionLost"/> and decides (e.g. flatten).
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

    /// <summary>The delay before retry number <c>PreviousRetryCount</c> (0-based): that delay, or the last one when past the end. Never null.</summary>
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        return _delays[(int)Math.Min(retryContext.PreviousRetryCount, _delays.Length - 1)];
    }
}
