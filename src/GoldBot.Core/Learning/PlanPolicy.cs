using System.Globalization;

namespace GoldBot.Learning;

/// <summary>
/// <c>Learning:Policy Plan</c>: the GoldBot plan's rules exactly (<c>design/000</c> "Self-Learning System", <c>design/001</c> §3):
/// statistics are judged every 10 closed trades, when a pattern with at least 20 trades and a win rate below 40 % is
/// disabled; every 20 trades the size is adjusted from the last 20 trades' win rate (× 1.5 above 60 %, × 0.5 below 40 %),
/// in whole contracts within the plan's 2–15; <c>breaker_block</c>, when it is among the patterns traded, is held back until
/// <c>order_block</c> has 50 trades with a win rate above 50 %. The risk rules still cap every trade.
/// </summary>
/// <param name="baseContracts">The default size the multiplier applies to (<c>Risk:DefaultContracts</c>).</param>
public sealed class PlanPolicy(int baseContracts) : ILearningPolicy
{
    private const int StatisticsEvery = 10;
    private const int SizeEvery = 20;
    private const int MinTrades = 20;
    private const double DisableBelow = 0.40;

    /// <summary>The plan's size bounds, contracts.</summary>
    public const int MinContracts = 2, MaxContracts = 15;

    /// <summary>The reason breaker blocks are held back at the start.</summary>
    public const string BreakerHeldBack = "breaker_block held back until order_block has 50 trades above 50 % win rate (the plan's rule)";

    /// <inheritdoc/>
    public string Name => "Plan";

    /// <inheritdoc/>
    public void OnTradeClosed(LearningBook book, LearnedTrade trade, LearningState state, List<LearningDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decisions);
        var count = book.Trades.Count;
        if (count % StatisticsEvery == 0)
        {
            foreach (var pattern in book.Trades.Select(t => t.Pattern).Distinct().Order(StringComparer.Ordinal))
            {
                var results = book.ResultsOf(pattern);
                var winRate = WinRate(results);
                if (results.Count >= MinTrades && winRate < DisableBelow && !state.Disabled.ContainsKey(pattern))
                {
                    var reason = Text($"{pattern} disabled: win rate {winRate:P0} over {results.Count} trades, below 40 % (the plan's rule)");
                    state.Disabled[pattern] = reason;
                    decisions.Add(new LearningDecision(trade.Time, Name, "disable", pattern, results.Count, (decimal)Math.Round(winRate, 2), null, null, reason));
                }
            }
            var orderBlocks = book.ResultsOf("order_block");
            if (state.Disabled.TryGetValue("breaker_block", out var held) && held == BreakerHeldBack && orderBlocks.Count >= 50 && WinRate(orderBlocks) > 0.5)
            {
                var reason = Text($"breaker_block enabled: order_block has {orderBlocks.Count} trades at {WinRate(orderBlocks):P0} win rate (the plan's rule)");
                state.Disabled.Remove("breaker_block");
                decisions.Add(new LearningDecision(trade.Time, Name, "enable", "breaker_block", orderBlocks.Count, (decimal)Math.Round(WinRate(orderBlocks), 2), null, null, reason));
            }
        }
        if (count % SizeEvery == 0)
        {
            var last = book.Trades.Skip(count - SizeEvery).Select(t => t.R).ToList();
            var winRate = WinRate(last);
            var before = (int)Math.Round(baseContracts * state.SizeMultiplier, MidpointRounding.AwayFromZero);
            var factor = winRate > 0.6 ? 1.5m : winRate < 0.4 ? 0.5m : 1m;
            var after = Math.Clamp((int)Math.Round(before * factor, MidpointRounding.AwayFromZero), MinContracts, MaxContracts);
            if (after != before)
            {
                var multiplier = (decimal)after / baseContracts;
                var reason = Text($"size {before} → {after} contracts: last 20 trades {winRate:P0} win rate ({(factor > 1 ? "above 60 %: × 1.5" : "below 40 %: × 0.5")}, within 2–15, the plan's rule)");
                (state.SizeMultiplier, state.SizeReason) = (multiplier, reason);
                decisions.Add(new LearningDecision(trade.Time, Name, "size", "size", SizeEvery, decimal.Round(multiplier, 4), null, null, reason));
            }
        }
    }

    private static double WinRate(IReadOnlyList<double> results) => results.Count == 0 ? 0 : (double)results.Count(r => r > 0) / results.Count;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
