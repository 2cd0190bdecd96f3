namespace GoldBot.Execution;

/// <summary>
/// A fill as the order executor booked it, with its attribution (issue 10 §1: signal → trade → orders → fills): the trade
/// it went to (whose id is its entry tag, and whose journal line names the signal) and what its order was for.
/// </summary>
/// <param name="Fill">The broker's fill (fill id, order id and tag, side, contracts, price in points, costs in USD, UTC time).</param>
/// <param name="TradeId">The trade it was booked to, or null when none was in progress (a position then adopted, or a stray fill).</param>
/// <param name="Role">What its order was for: <c>entry</c>, <c>stop</c>, <c>target</c>, <c>close</c>, or <c>unknown</c> (an order this run did not send).</param>
public sealed record BookedFill(BrokerFill Fill, string? TradeId, string Role);
