namespace GoldBot.TopstepX.Contracts;

/// <summary>A bracket leg of Order/place: <paramref name="Ticks"/> from the fill price, placed as order <paramref name="Type"/>.</summary>
/// <param name="Ticks">Distance from the fill, ticks (positive).</param>
/// <param name="Type">Order type of the leg (Stop for a stop loss, Limit for a target).</param>
public sealed record BracketLeg(int Ticks, OrderType Type);
