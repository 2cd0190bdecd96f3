namespace GoldBot.Backtesting.Run;

/// <summary>Progress of one stage of a <see cref="BacktestRun"/>.</summary>
/// <param name="Stage">The stage (<see cref="BacktestRun.Stages"/>).</param>
/// <param name="Fraction">Fraction of the stage done, 0–1 (1 when the stage is finished).</param>
public readonly record struct BacktestProgress(string Stage, double Fraction);
