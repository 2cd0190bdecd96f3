using System.Globalization;

namespace GoldBot.Learning;

/// <summary>
/// <c>Learning:Policy Evidence</c> (the default; issue 13 §3): decisions on expectancy in R, never on win rate alone. After
/// each closed trade, the trade's pattern and the pattern under each of its judged conditions (market regime, session,
/// premium/discount zone) are estimated (<see cref="ExpectancyEstimate"/>: shrunk toward the mean of every trade, with a 95 %
/// interval) once they have <see cref="LearningOptions.MinTrades"/> trades: one is disabled when the interval's upper bound is
/// below zero (it loses, with confidence) and enabled again when its lower bound is above zero. Every
/// <see cref="LearningOptions.SizeReviewTrades"/> trades the latest that many are judged the same way: the size multiplier
/// steps up by <see cref="LearningOptions.SizeStep"/> when their lower bound is above zero and down when their upper bound is
/// below, within <see cref="LearningOptions.MinSizeMultiplier"/>–<see cref="LearningOptions.MaxSizeMultiplier"/>.
/// </summary>
public sealed class EvidencePolicy(LearningOptions options) : ILearningPolicy
{
    /// <summary>The conditions decisions are made on (the others are recorded and reported only: fewer cells, fewer false alarms).</summary>
    public static IReadOnlyList<string> JudgedConditions { get; } = ["regime", "session", "zone"];

    /// <inheritdoc/>
    public string Name => "Evidence";

    /// <inheritdoc/>
    public void OnTradeClosed(LearningBook book, LearnedTrade trade, LearningState state, List<LearningDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decisions);
        Judge(book, trade, trade.Pattern, trade.Pattern, state, decisions);
        foreach (var cell in trade.Conditions)
        {
            if (JudgedConditions.Contains(cell[..cell.IndexOf(':', StringComparison.Ordinal)]))
                Judge(book, trade, LearningBook.Subject(trade.Pattern, cell), Describe(trade.Pattern, cell), state, decisions);
        }
        if (book.Trades.Count % options.SizeReviewTrades == 0)
            ReviewSize(book, trade, state, decisions);
    }

    private void Judge(LearningBook book, LearnedTrade trade, string subject, string text, LearningState state, List<LearningDecision> decisions)
    {
        var e = book.Estimate(subject, options.ShrinkageTrades);
        if (e.Trades < options.MinTrades || e.Low is not { } low || e.High is not { } high)
            return;
        var disabled = state.Disabled.ContainsKey(subject);
        string action;
        if (!disabled && high < 0)
            action = "disabled";
        else if (disabled && low > 0)
            action = "enabled";
        else
            return;
        var reason = string.Create(CultureInfo.InvariantCulture, $"{text} {action}: {e.Trades} trades, expectancy {e.Mean:0.00} R, 95 % CI {low:0.00} to {high:0.00}");
        if (action == "disabled")
            state.Disabled[subject] = reason;
        else
            state.Disabled.Remove(subject);
        decisions.Add(new LearningDecision(trade.Time, Name, action == "disabled" ? "disable" : "enable", subject, e.Trades, Round(e.Mean), Round(low), Round(high), reason));
    }

    private void ReviewSize(LearningBook book, LearnedTrade trade, LearningState state, List<LearningDecision> decisions)
    {
        var recent = book.Trades.Skip(book.Trades.Count - options.SizeReviewTrades).Select(t => t.R).ToList();
        var e = ExpectancyEstimate.Of(recent, book.PooledMean, options.ShrinkageTrades);
        var before = state.SizeMultiplier;
        var after = e.Low > 0 ? Math.Min(options.MaxSizeMultiplier, before + options.SizeStep)
            : e.High < 0 ? Math.Max(options.MinSizeMultiplier, before - options.SizeStep)
            : before;
        if (after == before)
            return;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"size ×{before:0.##} → ×{after:0.##}: last {recent.Count} trades, expectancy {e.Mean:0.00} R, 95 % CI {e.Low:0.00} to {e.High:0.00}");
        (state.SizeMultiplier, state.SizeReason) = (after, reason);
        decisions.Add(new LearningDecision(trade.Time, Name, "size", "size", recent.Count, after, Round(e.Low!.Value), Round(e.High!.Value), reason));
    }

    /// <summary><c>order_block in ranging regime</c>, <c>order_block in the new_york session</c>, <c>order_block in the discount zone</c>.</summary>
    internal static string Describe(string pattern, string cell)
    {
        var colon = cell.IndexOf(':', StringComparison.Ordinal);
        var (name, value) = (cell[..colon], cell[(colon + 1)..]);
        return name switch
        {
            "regime" => $"{pattern} in {value} regime",
            "session" => $"{pattern} in the {value} session",
            "zone" => $"{pattern} in the {value} zone",
            _ => $"{pattern} with {name} {value}",
        };
    }

    private static decimal Round(double value) => decimal.Round((decimal)value, 2);
}
