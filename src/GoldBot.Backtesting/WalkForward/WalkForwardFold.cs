namespace GoldBot.Backtesting.WalkForward;

/// <summary>The outcome of one fold.</summary>
/// <param name="Range">Its bar ranges.</param>
/// <param name="InSampleStart">Open of the first in-sample bar, UTC.</param>
/// <param name="OutOfSampleStart">Open of the first out-of-sample bar, UTC (the in-sample part ends here).</param>
/// <param name="OutOfSampleEnd">Close of the last out-of-sample bar, UTC.</param>
/// <param name="Chosen">Parameters chosen on the in-sample part.</param>
/// <param name="FellBack">True when no grid point reached the minimum trade count and the configured parameters were kept.</param>
/// <param name="InSampleNetPnL">Net P&amp;L of the chosen parameters in sample, USD.</param>
/// <param name="InSampleTrades">Their in-sample trades.</param>
/// <param name="OutOfSample">The chosen parameters' run on the out-of-sample part (from the starting balance).</param>
public sealed record WalkForwardFold(
    FoldRange Range,
    DateTimeOffset InSampleStart,
    DateTimeOffset OutOfSampleStart,
    DateTimeOffset OutOfSampleEnd,
    WalkForwardParameters Chosen,
    bool FellBack,
    decimal InSampleNetPnL,
    int InSampleTrades,
    BacktestResult OutOfSample);
