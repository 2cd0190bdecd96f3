using GoldBot.Strategy;

namespace GoldBot.Risk;

/// <summary>
/// One exit leg of a bracket: a take-profit limit, or (<see cref="Trailing"/>) contracts that have no target and leave under
/// the trailing stop (<c>atr_trail</c>).
/// </summary>
/// <param name="Name"><c>tp1</c>, <c>tp2</c>, <c>runner</c> or <c>trail</c>.</param>
/// <param name="Quantity">Contracts closed by this leg.</param>
/// <param name="Ticks">Distance from the entry fill, ticks (0 for a trailing leg).</param>
/// <param name="RMultiple">Distance as a multiple of the stop distance (1, 2, 2.5; 0 for a trailing leg).</param>
/// <param name="Trailing">True for contracts without a take-profit order.</param>
public sealed record TargetLeg(string Name, int Quantity, int Ticks, decimal RMultiple, bool Trailing = false);

/// <summary>
/// An approved trade: the signal, the size, the stop and the take-profit legs. The bracket is
/// defined in ticks from the entry fill (like ProjectX brackets), so it stays correct whatever
/// the fill price.
/// </summary>
/// <param name="Signal">The signal being traded.</param>
/// <param name="Quantity">Contracts.</param>
/// <param name="StopTicks">Stop distance from the entry fill, ticks.</param>
/// <param name="Targets">Take-profit legs whose quantities sum to <paramref name="Quantity"/>.</param>
/// <param name="RiskAmount">Loss at the stop including round-trip costs, USD.</param>
/// <param name="RiskBudget">The budget the size was computed from, USD.</param>
public sealed record TradePlan(TradeSignal Signal, int Quantity, int StopTicks, IReadOnlyList<TargetLeg> Targets, decimal RiskAmount, decimal RiskBudget)
{
    /// <summary>
    /// Mode B: when the limit entry's working time ends, UTC (the signal's <see cref="EntryRule.WorksFor"/>, cut at the end of
    /// the entry window); null for a market entry.
    /// </summary>
    public DateTimeOffset? EntryExpiresAt { get; init; }

    /// <summary>Why the size differs from the default by the learning system's choice (<c>size ×1.25 by learning (…)</c>), or null.</summary>
    public string? SizeNote { get; init; }
}

/// <summary>The risk manager's answer to a signal: a plan, or a refusal with its reason.</summary>
/// <param name="Plan">The approved plan, or null.</param>
/// <param name="Reason">Why it was refused, or null when approved.</param>
public readonly record struct RiskDecision(TradePlan? Plan, string? Reason)
{
    /// <summary>True when approved.</summary>
    public bool Approved => Plan is not null;

    /// <summary>A refusal.</summary>
    public static RiskDecision Refuse(string reason) => new(null, reason);
}
