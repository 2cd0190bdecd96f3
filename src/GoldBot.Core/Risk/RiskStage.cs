using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Risk;

/// <summary>
/// The risk stage's per-bar rules around the <see cref="RiskManager"/>, in one place for the
/// daemon's risk manager service and the backtest engine: apply the executor's position reports,
/// mark the account at each bar close, decide on signals, and send a flatten at most once per
/// market instant while the account is exposed (a flatten that raced a fill is repeated at the
/// next bar instead of being assumed done). Callers do the I/O (channels, logs); this class holds
/// the state. Not thread-safe: one caller owns it.
/// </summary>
public sealed class RiskStage
{
    private DateTimeOffset? _flattenSentAt;

    /// <summary>Wraps <paramref name="risk"/>.</summary>
    public RiskStage(RiskManager risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        Risk = risk;
    }

    /// <summary>The account rules.</summary>
    public RiskManager Risk { get; }

    /// <summary>True while a position is open or an entry has been sent and not yet resolved.</summary>
    public bool Exposed { get; private set; }

    /// <summary>
    /// Applies the executor's position after a step, the trade that closed in it (if any), and why the executor refuses entries
    /// (or null). A closed trade goes to the learning system (<see cref="RiskManager.Learning"/>); the decisions it caused are
    /// returned (usually none).
    /// </summary>
    public IReadOnlyList<Learning.LearningDecision> OnPosition(PositionState position, TradeRecord? closed, string? executionBlockedBy = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        Risk.ExecutionBlockedBy = executionBlockedBy;
        Risk.OnPosition(position.Position, position.AveragePrice, position.EntryPending, position.Balance);
        IReadOnlyList<Learning.LearningDecision> decisions = [];
        if (closed?.PnL is { } pnl)
        {
            Risk.OnTradeClosed(pnl);
            decisions = Risk.Learning?.Record(closed) ?? [];
        }
        Exposed = position.Position != 0 || position.EntryPending;
        if (!Exposed)
            _flattenSentAt = null;
        return decisions;
    }

    /// <summary>
    /// Marks the account at a bar close (<see cref="RiskManager.OnMarket(DateTimeOffset, Bar)"/>) and
    /// returns the reason to flatten now, or null. Call <see cref="TryFlatten"/> with it before sending.
    /// </summary>
    /// <param name="closeTime">The bar's close, UTC (market time).</param>
    /// <param name="bar">The bar, prices in points.</param>
    public string? OnBar(DateTimeOffset closeTime, in Bar bar) => Risk.OnMarket(closeTime, bar);

    /// <summary>
    /// A clock tick (gateway modes, every second of market time): <see cref="RiskManager.OnClock"/>. Call
    /// <see cref="TryFlatten"/> with the reason it returns before sending.
    /// </summary>
    /// <param name="now">Market time, UTC.</param>
    /// <param name="lastPrice">Latest trade or quote price, points, or null when none is known yet.</param>
    public string? OnClock(DateTimeOffset now, decimal? lastPrice) => Risk.OnClock(now, lastPrice);

    /// <summary>Decides on a signal; an approved plan makes the account exposed until the executor reports otherwise.</summary>
    public RiskDecision Evaluate(TradeSignal signal, DateTimeOffset now)
    {
        var decision = Risk.Evaluate(signal, now);
        if (decision.Approved)
            Exposed = true;
        return decision;
    }

    /// <summary>
    /// True when a flatten should be sent at <paramref name="now"/> (UTC market time): the account
    /// is exposed and none was sent at this instant, or <paramref name="force"/> (operator commands).
    /// Records the send.
    /// </summary>
    public bool TryFlatten(DateTimeOffset now, bool force = false)
    {
        if (!force && (!Exposed || _flattenSentAt == now))
            return false;
        _flattenSentAt = now;
        return true;
    }
}
