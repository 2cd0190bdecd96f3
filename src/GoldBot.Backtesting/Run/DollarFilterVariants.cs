using GoldBot.Strategy;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// The dollar filter's rows in <c>goldbot backtest --compare --intermarket FILE</c> (issue 12 §3): the same setups with
/// <c>Strategy:DollarFilter:Mode</c> <c>Block</c> or <c>SizeDown</c> (the other filter settings as configured), so each
/// pairs with the unfiltered row above it.
/// </summary>
public static class DollarFilterVariants
{
    /// <summary><c>order_block</c> with the filter blocking, with it sizing down, and all patterns with it blocking.</summary>
    public static IReadOnlyList<ComparisonVariant> All { get; } =
    [
        With(["order_block"], DollarFilterMode.Block, "order_block + dollar filter (block)"),
        With(["order_block"], DollarFilterMode.SizeDown, "order_block + dollar filter (size down)"),
        With(StrategyOptions.TradeablePatterns, DollarFilterMode.Block, "all patterns + dollar filter (block)"),
    ];

    private static ComparisonVariant With(IReadOnlyList<string> patterns, DollarFilterMode mode, string name) =>
        new(name, s => s with
        {
            Strategy = s.Strategy with { Patterns = [.. patterns], DollarFilter = s.Strategy.DollarFilter with { Mode = mode } },
            Learning = s.Learning with { Policy = "Off" },
        });
}
