namespace GoldBot.Backtesting.WalkForward;

/// <summary>A walk-forward test: every fold, and the out-of-sample parts stitched into one run.</summary>
/// <param name="Folds">The folds in time order.</param>
/// <param name="OutOfSample">
/// The out-of-sample trades, days and equity of all folds as one continuous run from the starting
/// balance: each fold's balances and equity are shifted by the P&amp;L of the folds before it, and
/// drawdown is measured across fold boundaries.
/// </param>
public sealed record WalkForwardResult(IReadOnlyList<WalkForwardFold> Folds, BacktestResult OutOfSample);
