namespace GoldBot.Learning;

/// <summary>One row of the learning table: a pattern, or a pattern under one condition.</summary>
/// <param name="Trades">Closed trades.</param>
/// <param name="Wins">Trades with a positive result.</param>
/// <param name="TotalPnl">Net P&amp;L, USD.</param>
/// <param name="WinRate">Wins ÷ trades (0–1).</param>
/// <param name="ExpectancyR">Mean R, shrunk toward the mean of every trade (<see cref="ExpectancyEstimate"/>).</param>
/// <param name="CiLow">Lower 95 % bound, R, or null below 2 trades.</param>
/// <param name="CiHigh">Upper 95 % bound, R, or null below 2 trades.</param>
/// <param name="Enabled">False when the policy disabled it.</param>
public sealed record LearningRow(int Trades, int Wins, decimal TotalPnl, double WinRate, double ExpectancyR, double? CiLow, double? CiHigh, bool Enabled);

/// <summary>A pattern's row with its rows per condition (<c>conditions_correlation</c>, keyed <c>regime:ranging</c>).</summary>
/// <param name="Stats">The pattern's row.</param>
/// <param name="ConditionsCorrelation">Its rows per condition cell.</param>
public sealed record PatternLearning(LearningRow Stats, IReadOnlyDictionary<string, LearningRow> ConditionsCorrelation);

/// <summary>Size rules in effect.</summary>
/// <param name="Policy"><c>Evidence</c>, <c>Plan</c> or <c>Off</c>.</param>
/// <param name="SizeMultiplier">Multiplier of the default size.</param>
/// <param name="Reason">The latest size decision, or null.</param>
/// <param name="Bounds">The multiplier's or the contracts' bounds, in words.</param>
public sealed record SizingRules(string Policy, decimal SizeMultiplier, string? Reason, string Bounds);

/// <summary>
/// The learning system as <c>logs/bot_learning.json</c>, <c>goldbot learning</c> and status.json show it: the plan's fields
/// (<c>design/001</c> §3: <c>pattern_stats</c> with trades, wins, total_pnl, win_rate and <c>conditions_correlation</c>;
/// <c>enabled_patterns</c>; <c>position_sizing_rules</c>) plus expectancy in R with its interval, and the decisions.
/// </summary>
/// <param name="UpdatedAt">When it was made, UTC.</param>
/// <param name="Trades">Closed trades learned from.</param>
/// <param name="PatternStats">Per pattern.</param>
/// <param name="EnabledPatterns">Patterns the strategy trades and the policy has not disabled.</param>
/// <param name="DisabledSubjects">Disabled patterns and pattern cells with the decision's reason.</param>
/// <param name="PositionSizingRules">The size rules.</param>
/// <param name="Decisions">Every decision, oldest first.</param>
public sealed record LearningReport(
    DateTimeOffset UpdatedAt,
    int Trades,
    IReadOnlyDictionary<string, PatternLearning> PatternStats,
    IReadOnlyList<string> EnabledPatterns,
    IReadOnlyDictionary<string, string> DisabledSubjects,
    SizingRules PositionSizingRules,
    IReadOnlyList<LearningDecision> Decisions)
{
    /// <summary>The report of <paramref name="system"/> at <paramref name="now"/>.</summary>
    public static LearningReport Of(LearningSystem system, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(system);
        var book = system.Book;
        var k = system.Options.ShrinkageTrades;
        var disabled = system.State.Disabled;
        LearningRow Row(string subject)
        {
            var results = book.ResultsOf(subject);
            var e = ExpectancyEstimate.Of(results, book.PooledMean, k);
            var trades = book.Trades.Where(t => Matches(t, subject)).ToList();
            return new LearningRow(e.Trades, results.Count(r => r > 0), trades.Sum(t => t.PnL), Math.Round(e.WinRate, 4), Math.Round(e.Mean, 3),
                e.Low is { } low ? Math.Round(low, 3) : null, e.High is { } high ? Math.Round(high, 3) : null, !disabled.ContainsKey(subject));
        }
        var stats = new SortedDictionary<string, PatternLearning>(StringComparer.Ordinal);
        foreach (var pattern in book.Trades.Select(t => t.Pattern).Distinct())
        {
            var cells = new SortedDictionary<string, LearningRow>(StringComparer.Ordinal);
            foreach (var cell in book.Trades.Where(t => t.Pattern == pattern).SelectMany(t => t.Conditions).Distinct())
                cells[cell] = Row(LearningBook.Subject(pattern, cell));
            stats[pattern] = new PatternLearning(Row(pattern), cells);
        }
        var sizing = new SizingRules(system.Policy?.Name ?? "Off", system.SizeMultiplier, system.State.SizeReason, system.Policy switch
        {
            PlanPolicy => $"{PlanPolicy.MinContracts}–{PlanPolicy.MaxContracts} contracts, inside the risk rules",
            EvidencePolicy => $"×{system.Options.MinSizeMultiplier}–×{system.Options.MaxSizeMultiplier} of the default size, inside the risk rules",
            _ => "unchanged",
        });
        return new LearningReport(now, book.Trades.Count, stats, [.. system.Patterns.Where(p => !disabled.ContainsKey(p))],
            new SortedDictionary<string, string>(disabled, StringComparer.Ordinal), sizing, system.Decisions);
    }

    private static bool Matches(LearnedTrade trade, string subject)
    {
        var bar = subject.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? trade.Pattern == subject : trade.Pattern == subject[..bar] && trade.Conditions.Contains(subject[(bar + 1)..]);
    }
}
