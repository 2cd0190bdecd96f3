namespace GoldBot.Execution;

/// <summary>What the daemon does with an open position when it is asked to stop (SIGINT, SIGTERM, a service stop): <c>Execution:OnShutdown</c>.</summary>
public enum ShutdownAction
{
    /// <summary>Leave the position at the broker with its working stop, and say so on the console, in the log and in status.json (the default).</summary>
    KeepProtected,

    /// <summary>Block entries, cancel every order, close the position, and stop once the broker shows the account flat (a second signal stops at once).</summary>
    Flatten,
}
