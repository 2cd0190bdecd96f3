namespace GoldBot.Alerts;

/// <summary>The event an <see cref="Alert"/> reports; with its key, what de-duplication and the cooldown count by.</summary>
public enum AlertKind
{
    /// <summary>A trade's entry filled.</summary>
    Entry,

    /// <summary>A trade went flat.</summary>
    Exit,

    /// <summary>The risk manager flattened the position (end of day, a loss limit, a control), with its reason.</summary>
    Flatten,

    /// <summary>EMERGENCY_STOP.txt was acted on.</summary>
    EmergencyStop,

    /// <summary>Loss-limit headroom (daily or maximum) fell under its threshold.</summary>
    LossHeadroom,

    /// <summary>The order executor found the position unprotected or mismatched with the broker.</summary>
    ProtectionViolation,

    /// <summary>The market-data feed went stale or disconnected, or came back.</summary>
    StaleFeed,

    /// <summary>The market hub reconnected too often within a window.</summary>
    ReconnectStorm,

    /// <summary>The daemon started.</summary>
    DaemonStarted,

    /// <summary>The daemon stopped.</summary>
    DaemonStopped,

    /// <summary>The day's report after the session (day P&amp;L and Combine progress).</summary>
    DailyReport,

    /// <summary>An operator control was acknowledged (the line written to controls.log).</summary>
    Control,
}
