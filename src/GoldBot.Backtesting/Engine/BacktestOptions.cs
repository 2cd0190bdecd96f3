namespace GoldBot.Backtesting.Engine;

/// <summary>How one backtest run records and reports, as opposed to what it trades (<see cref="BacktestSettings"/>).</summary>
public sealed record BacktestOptions
{
    /// <summary>Record equity at every bar close in <see cref="BacktestResult.Equity"/> (false: empty, for grid searches).</summary>
    public bool RecordEquity { get; init; } = true;

    /// <summary>
    /// Leading bars that only warm up the signal source (indicators, aggregation, SMC state): no
    /// risk, broker or executor sees them, and they are not counted in the result. ≥ 0.
    /// </summary>
    public int WarmupBars { get; init; }

    /// <summary>Human-readable origin written to <see cref="BacktestRunInfo.Description"/>.</summary>
    public string Description { get; init; } = "backtest";

    /// <summary>Receives the fraction of bars done (0–1), every 65,536 bars and once at the end; null for none.</summary>
    public IProgress<double>? Progress { get; init; }
}
