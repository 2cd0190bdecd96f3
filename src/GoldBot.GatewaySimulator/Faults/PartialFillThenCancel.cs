namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// The next <paramref name="Orders"/> orders to fill (at their first fill, from any cause: placement, the replay, a close, a cancel
/// refused as filled) fill only <paramref name="Contracts"/> contracts, clamped to [1, size − 1], and the rest is cancelled: the order ends
/// with status Cancelled (3) and <c>fillVolume</c> below <c>size</c>. Orders of one contract cannot be split and do not use up the count.
/// </summary>
/// <param name="Orders">How many orders (0 switches it off).</param>
/// <param name="Contracts">Contracts filled per order before the remainder is cancelled (≥ 1).</param>
public sealed record PartialFillThenCancel(int Orders = 1, int Contracts = 1);
