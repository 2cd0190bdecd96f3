namespace GoldBot.Execution;

/// <summary>
/// A flatten in progress: cancel entries and targets, close what the broker holds, and repeat until a read
/// of the broker shows no position and no working order. The stop stays working until the position is
/// gone, moved out to <see cref="Guard"/> first. Every attempt is spaced by <see cref="ExecutionOptions.RetrySeconds"/>
/// of market time, except the market order that follows a refused close at once.
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

    /// <summary>
    /// The stop price the position's stop is kept at or beyond while this flatten closes it, with the position's direction
    /// it was set for: <see cref="ExecutionOptions.FlattenStopTicks"/> beyond the last trade when it was first needed, so
    /// that the stop cannot fill in the same instant as the close and turn the position over. Null until a price is known.
    /// </summary>
    public (int Direction, decimal Price)? Guard { get; set; }

    /// <summary>True once moving the stop out to <see cref="Guard"/> was refused: the close goes ahead with the stop where it is.</summary>
    public bool GuardRefused { get; set; }

    /// <summary>
    /// True when the last <c>Position/closeContract</c> was refused (an answer, not a lost one): the next attempt is a
    /// market order of exactly the position's size, a second way out, sent as soon as a read begun after the refusal
    /// (<see cref="CloseRefusedAtRead"/>) shows the position still there.
    /// </summary>
    public bool CloseRefused { get; set; }

    /// <summary>Number of account reads started when the last close was refused.</summary>
    public long CloseRefusedAtRead { get; set; }
}
