namespace GoldBot.GatewaySimulator.Engine;

/// <summary>
/// One Auto-OCO bracket leg of an order: a distance in ticks from the entry's fill price and the
/// order type of the leg (research/topstepx-api.md §7.1, <c>stopLossBracket</c>/<c>takeProfitBracket</c>).
/// The sign of <paramref name="Ticks"/> is ignored: a stop-loss goes on the losing side, a take-profit on the winning side.
/// </summary>
/// <param name="Ticks">Distance from the fill price, in ticks.</param>
/// <param name="Type">Order type of the leg (Stop, Limit or TrailingStop).</param>
public sealed record BracketLeg(int Ticks, OrderType Type);
