using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Execution;

/// <summary>
/// The open trade as the state store keeps it (issue 10 §2), so that a restart resumes it exactly: its entry tag (the
/// prefix of its exit orders' tags, by which its stop and take-profit orders at the gateway are recognised), the plan
/// it came from (signal, pattern, score and conditions: the journal's attribution), its entry fills, costs and exits so
/// far, and the state of its stop. Saved after every change while a trade is open; cleared when it closes.
/// </summary>
/// <param name="Tag">Client tag of the entry order, e.g. <c>gb1a2b3c4d-20251202-1500-3</c>.</param>
/// <param name="Plan">The approved plan (for an adopted position, the one made up from it).</param>
/// <param name="Adopted">True for a position GoldBot did not open (no take-profits of its own).</param>
/// <param name="EntryFilled">Contracts of the entry filled.</param>
/// <param name="EntryPrice">Their size-weighted average price, points.</param>
/// <param name="EntryTime">Time of the entry's first fill, UTC.</param>
/// <param name="EntryComplete">True once the entry can fill no more.</param>
/// <param name="FixedStop">An adopted position's stop price, points, or null.</param>
/// <param name="InitialStop">The stop price when the entry completed, points, or null.</param>
/// <param name="AtBreakeven">True once the stop has moved to the entry price (after the first target).</param>
/// <param name="TargetsPlaced">True once the take-profit orders were sent.</param>
/// <param name="Gross">Realised P&amp;L of the exits so far before costs, USD.</param>
/// <param name="Commission">Commissions and fees of every fill so far (the entry's included), USD.</param>
/// <param name="Exits">Exit fills so far.</param>
/// <param name="LastFillTime">Time of the latest fill, entry or exit, UTC (null in a state saved before it was kept): a
/// restart takes the broker's fills after it as made while GoldBot was down.</param>
/// <param name="BestPrice">Best price since the entry (a long's highest high), points, or null (<see cref="ExitRule"/>).</param>
/// <param name="TrailStop">The <c>atr_trail</c> trailing stop, points, or null.</param>
public sealed record OpenTradeState(
    string Tag,
    TradePlan Plan,
    bool Adopted,
    int EntryFilled,
    decimal EntryPrice,
    DateTimeOffset EntryTime,
    bool EntryComplete,
    decimal? FixedStop,
    decimal? InitialStop,
    bool AtBreakeven,
    bool TargetsPlaced,
    decimal Gross,
    decimal Commission,
    IReadOnlyList<TradeExit> Exits,
    DateTimeOffset? LastFillTime = null,
    decimal? BestPrice = null,
    decimal? TrailStop = null)
{
    /// <summary>Contracts still open: filled minus exited.</summary>
    public int OpenQuantity => EntryFilled - Exits.Sum(e => e.Quantity);
}
