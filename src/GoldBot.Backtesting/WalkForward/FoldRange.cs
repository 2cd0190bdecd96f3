namespace GoldBot.Backtesting.WalkForward;

/// <summary>The bar index ranges of one fold (start inclusive, end exclusive, into the walk-forward's input bars).</summary>
/// <param name="Index">Fold number, from 1.</param>
/// <param name="InSampleStart">First in-sample bar.</param>
/// <param name="InSampleEnd">One past the last in-sample bar; equals <paramref name="OutOfSampleStart"/>.</param>
/// <param name="OutOfSampleStart">First out-of-sample bar.</param>
/// <param name="OutOfSampleEnd">One past the last out-of-sample bar.</param>
public sealed record FoldRange(int Index, int InSampleStart, int InSampleEnd, int OutOfSampleStart, int OutOfSampleEnd);
