using GoldBot.Strategy;

namespace GoldBot.Risk;

/// <summary>One take-profit leg of a bracket.</summary>
/// <param name="Name"><c>tp1</c>, <c>tp2</c> or <c>runner</c>.</param>
/// <param name="Quantity">Contracts closed by this leg.</param>
/// <param name="Ticks">Distance from the entry fill, ticks.</param>
/// <param name="RMultiple">Distance as a multiple of the stop distance (1, 2, 2.5).</param>
public sealed record TargetLeg(string Name, int Quantity, int Ticks, decimal RMultiple);

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
public sealed record TradePlan(TradeSignal Signal, int Quantity, int StopTicks, IReadOnlyList<TargetLeg> Targets, decimal RiskAmount, decimal RiskBudget);

/// <summary>The risk manager's answer to a signal: a plan, or a refusal with its reason.</summary>
/// <param name="Plan">The approved plan, or null.</param>
/// <param name="Reason">Why it was refused, or null when approved.</param>
public sealed record RiskDecision(TradePlan? Plan, string? Reason)
{
    /// <summary>True when approved.</summary>
    public bool Approved => Plan is not null;

    /// <summary>A refusal.</summary>
    public static RiskDecision Refuse(string reason) => new(null, reason);
}
