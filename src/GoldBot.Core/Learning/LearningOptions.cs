using System.ComponentModel.DataAnnotations;

namespace GoldBot.Learning;

/// <summary>The learning system's settings (<c>Learning:</c>; issue 13, <c>design/000</c> "Self-Learning System", <c>design/001</c> §3).</summary>
public sealed record LearningOptions
{
    /// <summary>
    /// <c>Evidence</c> (the default): decisions on expectancy in R with confidence intervals (<see cref="EvidencePolicy"/>);
    /// <c>Plan</c>: the plan's win-rate rules exactly (<see cref="PlanPolicy"/>); <c>Off</c>: record and report, change nothing.
    /// </summary>
    public string Policy { get; init; } = "Evidence";

    /// <summary>The policy names <see cref="Policy"/> accepts.</summary>
    public static readonly IReadOnlyList<string> Policies = ["Evidence", "Plan", "Off"];

    /// <summary>Evidence: closed trades a pattern, or a pattern under one condition, needs before any decision about it (5–1,000).</summary>
    [Range(5, 1000)]
    public int MinTrades { get; init; } = 20;

    /// <summary>
    /// Evidence: weight, in trades, of the pooled mean R that each cell's mean is shrunk toward (0–1,000; 0 = no shrinkage):
    /// a cell of n trades is estimated at (n·mean + k·pooled) ÷ (n + k).
    /// </summary>
    [Range(0, 1000)]
    public int ShrinkageTrades { get; init; } = 10;

    /// <summary>Evidence: the size multiplier's step (0.05–1), applied every <see cref="SizeReviewTrades"/> closed trades.</summary>
    [Range(0.05, 1)]
    public decimal SizeStep { get; init; } = 0.25m;

    /// <summary>Evidence: the smallest size multiplier (0.1–1).</summary>
    [Range(0.1, 1)]
    public decimal MinSizeMultiplier { get; init; } = 0.5m;

    /// <summary>Evidence: the largest size multiplier (1–3); the risk rules still cap every trade (risk per trade, contract limits).</summary>
    [Range(1, 3)]
    public decimal MaxSizeMultiplier { get; init; } = 1.5m;

    /// <summary>Both: closed trades between two size reviews (the plan's 20), judged on the latest that many (5–1,000).</summary>
    [Range(5, 1000)]
    public int SizeReviewTrades { get; init; } = 20;
}
