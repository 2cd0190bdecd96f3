using GoldBot.Controls;
using GoldBot.Execution;
using GoldBot.Strategy;

namespace GoldBot.Pipeline;

/// <summary>Messages to the risk manager service, from the detector, the executor and the control-file watcher.</summary>
public abstract record RiskInput;

/// <summary>The detector finished a bar: its close and the signals it produced (possibly none).</summary>
/// <param name="Bar">The source bar.</param>
/// <param name="Signals">Signals found at this bar's close.</param>
public sealed record BarEvaluated(MarketBar Bar, IReadOnlyList<TradeSignal> Signals) : RiskInput;

/// <summary>The executor's position after a step, and the trade that closed in it, if any.</summary>
/// <param name="Position">Position, pending entry and balance.</param>
/// <param name="Closed">A trade that went flat, or null.</param>
/// <param name="ExecutionBlockedBy">Why the executor refuses new entries now (a flatten, an order whose outcome is unknown, a disagreement with the broker), or null.</param>
/// <param name="Opened">True when a trade opened in this step (its entry filled, or a position was adopted).</param>
/// <param name="EntriesReceived">Entries (<see cref="EnterTrade"/>) the executor had received when it made the report: the risk stage judges an entry's outcome only from a report made after the executor saw it.</param>
/// <param name="EntryCancelled">Why the latest Mode B limit entry ended without a fill (expired, invalidated), or null.</param>
public sealed record PositionReport(PositionState Position, TradeRecord? Closed, string? ExecutionBlockedBy = null, bool Opened = false, int EntriesReceived = 0,
    string? EntryCancelled = null) : RiskInput;

/// <summary>An operator command from a control file.</summary>
/// <param name="Command">What to do.</param>
public sealed record ControlReceived(ControlCommand Command) : RiskInput;

/// <summary>A clock tick (gateway modes, every second of market time, independent of bars and of the market hub).</summary>
/// <param name="Now">Market time, UTC.</param>
/// <param name="LastPrice">Latest trade or quote price, points, or null when none is known yet.</param>
public sealed record ClockTick(DateTimeOffset Now, decimal? LastPrice) : RiskInput;

/// <summary>The replay has ended: flatten anything left and pass the end on.</summary>
public sealed record ReplayEnded : RiskInput;
