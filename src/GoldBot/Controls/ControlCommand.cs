namespace GoldBot.Controls;

/// <summary>What an operator asked for through a control file.</summary>
public enum ControlAction
{
    /// <summary>EMERGENCY_STOP.txt: cancel all orders, flatten, block entries and stop the daemon.</summary>
    EmergencyStop,

    /// <summary>PAUSE_TRADING.txt appeared: block new entries (positions are kept and managed).</summary>
    Pause,

    /// <summary>PAUSE_TRADING.txt was removed: allow new entries again.</summary>
    Resume,

    /// <summary>FLATTEN_ALL.txt: cancel all orders and close the position, keep running.</summary>
    FlattenAll,

    /// <summary>ADJUST_RISK.txt: set the default contracts per trade.</summary>
    AdjustRisk,

    /// <summary>
    /// A stop signal (SIGINT, SIGTERM, a service stop) with <c>Execution:OnShutdown</c> <c>Flatten</c>: block entries, cancel
    /// all orders, flatten, and stop the daemon (exit code 0) once the broker shows the account flat.
    /// </summary>
    Shutdown,
}

/// <summary>One operator command read from a control file.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Contracts">New default size for <see cref="ControlAction.AdjustRisk"/>.</param>
/// <param name="File">The control file that carried it.</param>
public sealed record ControlCommand(ControlAction Action, int? Contracts, string File);
