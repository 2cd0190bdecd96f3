namespace GoldBot.Execution;

/// <summary>The position after an executor step, for the risk manager and monitoring.</summary>
/// <param name="Position">Net contracts (&gt; 0 long).</param>
/// <param name="AveragePrice">Average entry price, points (0 when flat).</param>
/// <param name="EntryPending">True while an entry order is working.</param>
/// <param name="Balance">Account balance, USD.</param>
public sealed record PositionState(int Position, decimal AveragePrice, bool EntryPending, decimal Balance);

/// <summary>What one executor step changed.</summary>
/// <param name="Position">The position afterwards.</param>
/// <param name="Opened">A trade whose entry filled in this step, or null.</param>
/// <param name="Closed">A trade that went flat in this step, or null.</param>
/// <param name="Error">A problem to log and show in status.json (rejected order, unknown fill), or null.</param>
public sealed record ExecutionUpdate(PositionState Position, TradeRecord? Opened, TradeRecord? Closed, string? Error);
