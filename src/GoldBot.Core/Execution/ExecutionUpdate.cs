namespace GoldBot.Execution;

/// <summary>The position after an executor step, for the risk manager and monitoring.</summary>
/// <param name="Position">Net contracts (&gt; 0 long).</param>
/// <param name="AveragePrice">Average entry price, points (0 when flat).</param>
/// <param name="EntryPending">True while an entry order is being placed, is working, or its outcome is still unknown.</param>
/// <param name="Balance">Account balance, USD.</param>
public sealed record PositionState(int Position, decimal AveragePrice, bool EntryPending, decimal Balance);

/// <summary>How serious an <see cref="ExecutionNote"/> is.</summary>
public enum ExecutionNoteLevel
{
    /// <summary>Worth a log line (a repair done, a reconciliation that agreed again).</summary>
    Information,

    /// <summary>Something went wrong and was handled (a refused order, a late fill, a broker that could not be read).</summary>
    Warning,

    /// <summary>A protection invariant failed or money is at risk (a position without a stop, a flip, a mismatch with the broker).</summary>
    Error,
}

/// <summary>Something the executor wants logged (and shown in status.json errors when it is a warning or an error).</summary>
/// <param name="Level">Severity.</param>
/// <param name="Message">What happened, with the order tags, sizes and prices involved.</param>
public sealed record ExecutionNote(ExecutionNoteLevel Level, string Message);

/// <summary>What one executor step changed.</summary>
/// <param name="Position">The position afterwards.</param>
/// <param name="Opened">A trade whose entry filled (first or further fills) in this step, or null.</param>
/// <param name="Closed">A trade that went flat in this step, or null.</param>
/// <param name="Notes">What to log, in order.</param>
/// <param name="FlattenCompleted">The reason of a flatten the broker has confirmed (no position, no working order) in this step, or null.</param>
/// <param name="Fills">The fills booked in this step, in booking order (null: none).</param>
public sealed record ExecutionUpdate(PositionState Position, TradeRecord? Opened, TradeRecord? Closed, IReadOnlyList<ExecutionNote> Notes, string? FlattenCompleted = null,
    IReadOnlyList<BookedFill>? Fills = null)
{
    /// <summary>The error and warning notes joined, or null when there are none.</summary>
    public string? Error
    {
        get
        {
            var problems = Notes.Where(n => n.Level != ExecutionNoteLevel.Information).Select(n => n.Message).ToList();
            return problems.Count == 0 ? null : string.Join("; ", problems);
        }
    }
}
