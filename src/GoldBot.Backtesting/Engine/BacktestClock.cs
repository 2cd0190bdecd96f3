namespace GoldBot.Backtesting.Engine;

/// <summary>Market time of a backtest: set by the engine to each bar's close, so broker events carry market time.</summary>
internal sealed class BacktestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>The current market time, UTC.</summary>
    public DateTimeOffset Now { get; set; } = start;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => Now;
}
