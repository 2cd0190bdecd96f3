namespace GoldBot.Backtesting.WalkForward;

/// <summary>One point of the walk-forward grid.</summary>
/// <param name="MinScore">Minimum order-block score (1–10).</param>
/// <param name="MinStopAtr">Minimum stop distance, ATRs of the entry time frame.</param>
/// <param name="RunnerTargetR">Farthest take-profit, R.</param>
public sealed record WalkForwardParameters(int MinScore, decimal MinStopAtr, decimal RunnerTargetR);
