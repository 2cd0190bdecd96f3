namespace GoldBot.Indicators;

/// <summary>
/// One bar of <see cref="AverageTrueRange"/> output (Skender <c>AtrResult</c> fields). Every field
/// is null where it is undefined.
/// </summary>
/// <param name="Tr">True range of the bar, in price units; null on the first bar.</param>
/// <param name="Atr">Wilder average true range, in price units; null before bar index n.</param>
/// <param name="Atrp">ATR as a percentage of the bar's close, <c>ATR / close · 100</c>; null while ATR is null or when close is 0.</param>
public readonly record struct AtrResult(double? Tr, double? Atr, double? Atrp);
