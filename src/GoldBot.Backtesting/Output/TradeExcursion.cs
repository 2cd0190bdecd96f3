namespace GoldBot.Backtesting.Output;

/// <summary>
/// How far a trade went against and for the position while open (Sweeney, <i>Campaign Trading</i>, 1996:
/// maximum adverse and favourable excursion). TradeRecord does not carry them; whoever measures them passes them in.
/// </summary>
/// <param name="AdverseUsd">Maximum adverse excursion, USD (≥ 0, the largest open loss).</param>
/// <param name="FavorableUsd">Maximum favourable excursion, USD (≥ 0, the largest open profit).</param>
public readonly record struct TradeExcursion(decimal AdverseUsd, decimal FavorableUsd);
