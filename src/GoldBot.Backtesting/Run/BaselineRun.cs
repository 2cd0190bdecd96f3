namespace GoldBot.Backtesting.Run;

/// <summary>One comparison run on the same bars and costs as the strategy.</summary>
/// <param name="Key">Stable snake_case name: <c>buy_and_hold</c>, <c>ema_crossover</c>, <c>random_entries</c>.</param>
/// <param name="Label">Name shown in the report and the summary.</param>
/// <param name="Result">Its backtest: trades, days and <see cref="BacktestResult.BarDrawdown"/>, without the equity curve.</param>
public sealed record BaselineRun(string Key, string Label, BacktestResult Result);
