namespace GoldBot.Backtesting.WalkForward;

/// <summary>
/// How a walk-forward test splits the data and what it tunes. The grid covers the three parameters
/// that move results most: the minimum order-block score, the minimum stop in ATRs and the
/// farthest take-profit in R. Defaults: 4 rolling folds, 3 × 3 × 3 grid, at least 3 in-sample trades.
/// </summary>
public sealed record WalkForwardOptions
{
    /// <summary>Number of out-of-sample folds k (≥ 1); the data is cut by time into k + 1 equal segments.</summary>
    public int Folds { get; init; } = 4;

    /// <summary>
    /// False (default, rolling): fold i tunes on segment i − 1 only. True (anchored): on segments
    /// 0 … i − 1, all the history before the fold.
    /// </summary>
    public bool Anchored { get; init; }

    /// <summary>Values of <see cref="Strategy.StrategyOptions.MinScore"/> tried (1–10).</summary>
    public IReadOnlyList<int> MinScores { get; init; } = [6, 7, 8];

    /// <summary>Values of <see cref="Strategy.StrategyOptions.MinStopAtr"/> tried (ATRs, ≥ 0; 0 = structural stop only).</summary>
    public IReadOnlyList<decimal> MinStopAtrs { get; init; } = [0m, 1m, 1.5m];

    /// <summary>Values of <see cref="Risk.RiskOptions.RunnerTargetR"/> tried (R, ≥ 2).</summary>
    public IReadOnlyList<decimal> RunnerTargetRs { get; init; } = [2m, 2.5m, 3.5m];

    /// <summary>
    /// Fewest in-sample trades a parameter set needs to be chosen; when none has as many, the fold
    /// keeps the configured parameters (no evidence beats no change).
    /// </summary>
    public int MinTrades { get; init; } = 3;

    /// <summary>
    /// Bars before each run's first traded bar fed to the strategy only, so its aggregation,
    /// indicators and SMC state are warm (default 2,000 source bars: 100 hours of 3-minute bars,
    /// 400 15-minute and 100 1-hour bars). Fewer at the start of the data.
    /// </summary>
    public int WarmupBars { get; init; } = 2_000;
}
