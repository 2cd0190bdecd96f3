namespace GoldBot.Alerts;

/// <summary>How urgent an <see cref="Alert"/> is; <c>Alerts:MinimumSeverity</c> drops those below it.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing: an entry, an exit, a start, the daily report, a control acknowledged.</summary>
    Info,

    /// <summary>Needs a look: a flatten, loss-limit headroom under its threshold, a stale feed, a reconnect storm.</summary>
    Warning,

    /// <summary>Money at risk or trading stopped: an emergency stop, a protection violation. Never held back by the cooldown.</summary>
    Critical,
}
