using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.WalkForward;

namespace GoldBot.Backtesting.Run;

/// <summary>What a <see cref="BacktestRun"/> computes besides the full-sample strategy run.</summary>
public sealed record BacktestRunOptions
{
    /// <summary>Human-readable origin of the bars (file name), written to the run's description.</summary>
    public string Description { get; init; } = "backtest";

    /// <summary>
    /// Walk-forward folds, grid and warm-up (<see cref="WalkForwardAnalysis"/>); null skips the
    /// walk-forward test (the out-of-sample section then says so).
    /// </summary>
    public WalkForwardOptions? WalkForward { get; init; } = new();

    /// <summary>Seed of every random part: the random-entry baseline, the bootstrap intervals and the Monte Carlo paths.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The Combine whose rules are applied (default: the 50K Trading Combine).</summary>
    public CombineRules Combine { get; init; } = CombineRules.Combine50K;

    /// <summary>Monte Carlo paths and trade limit (the seed is replaced by <see cref="Seed"/>).</summary>
    public MonteCarloOptions MonteCarlo { get; init; } = MonteCarloOptions.Default;

    /// <summary>Most order-block zones kept for the chart (the most recent ones); ≥ 0.</summary>
    public int MaxZones { get; init; } = 1_500;

    /// <summary>Receives the progress of each stage; null for none.</summary>
    public IProgress<BacktestProgress>? Progress { get; init; }
}
