using GoldBot.Market;

namespace GoldBot.Backtesting.Engine;

/// <summary>
/// The bars of a second market fed to the intermarket <see cref="GoldBot.Strategy.DollarFilter"/> in a backtest
/// (<c>goldbot backtest --intermarket FILE</c>): a dollar proxy such as the DXY 30-minute file, or 6E with
/// <see cref="GoldBot.Strategy.DollarFilterOptions.Invert"/>.
/// </summary>
/// <param name="Name">Where they came from (the file name), for notes and reports.</param>
/// <param name="Bars">Closed bars in time order, open times UTC, prices in the proxy's own units.</param>
/// <param name="Period">Length of each bar.</param>
public sealed record IntermarketBars(string Name, IReadOnlyList<Bar> Bars, TimeSpan Period);
