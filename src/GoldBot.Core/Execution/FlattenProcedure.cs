namespace GoldBot.Execution;

/// <summary>
/// A flatten in progress: cancel entries and targets, close what the broker holds, and repeat until a read
/// of the broker shows no position and no working order. The stop stays working until the position is
/// gone. Every attempt is spaced by <see cref="ExecutionOptions.RetrySeconds"/> of market time.
/// </summary>
/// <param name="reason">Recorded as the exit reason (<c>eod_flatten</c>, <c>daily_loss_limit</c>, <c>emergency_stop</c>, <c>protection_failure</c>…).</param>
/// <param name="started">When it was asked for, UTC.</param>
internal sealed class FlattenProcedure(string reason, DateTimeOffset started)
{
    /// <summary>Why.</summary>
    public string Reason { get; } = reason;

    /// <summary>When it began, UTC.</summary>
    public DateTimeOffset Started { get; } = started;

    /// <summary>When the position was last asked to close, UTC.</summary>
    public DateTimeOffset? LastClose { get; set; }

    /// <summary>When the broker was last read to verify the account flat, UTC.</summary>
    public DateTimeOffset? LastVerify { get; set; }

    /// <summary>Closes asked for so far.</summary>
    public int Closes { get; set; }

    /// <summary>
    /// Number of account reads started when the last close was accepted, while its fill has not been confirmed: no
    /// further close is sent until a read started after it has been applied (the fill may be on its way), or null.
    /// </summary>
    public long? CloseAcceptedAtRead { get; set; }

    /// <summary>True once a close was refused or its outcome unknown: a stop the market has traded through is then
    /// replaced by a guard stop a tick beyond the last trade until a close goes through.</summary>
    public bool CloseFailed { get; set; }

    /// <summary>Client tag of the guard stop placed after a failed close, or null: it is cancelled before the close is tried again.</summary>
    public string? GuardTag { get; set; }
}
