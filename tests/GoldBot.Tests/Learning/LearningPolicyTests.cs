using GoldBot.Execution;
using GoldBot.Learning;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Learning;

/// <summary>
/// Issue 13 §5: on synthetic trades, a pattern that loses is disabled and one that wins is kept, under each policy; the
/// Evidence policy disables a losing condition cell and only that; sizes move within their bounds; a rebuilt system makes
/// the same decisions. Trades risk $100; results are in R.
/// </summary>
public sealed class LearningPolicyTests
{
    private static readonly DateTimeOffset Start = ClosedTrades.Start;

    private static TradeRecord Trade(int i, string pattern, double r, string regime = "ranging", string session = "new_york") =>
        ClosedTrades.Make(i, pattern, r, regime, session);

    private static LearningSystem Run(string policy, IEnumerable<TradeRecord> trades, params string[] patterns)
    {
        var system = new LearningSystem(new LearningOptions { Policy = policy }, patterns, 8);
        foreach (var trade in trades)
            system.Record(trade);
        return system;
    }

    private static IEnumerable<TradeRecord> Interleaved(int each) => ClosedTrades.LoserAndWinner(each);

    [Theory]
    [InlineData("Evidence")]
    [InlineData("Plan")]
    public void A_losing_pattern_is_disabled_and_a_winning_one_kept(string policy)
    {
        var system = Run(policy, Interleaved(40), "order_block", "fair_value_gap");
        Assert.True(system.State.Disabled.ContainsKey("fair_value_gap"), string.Join("; ", system.Decisions.Select(d => d.Reason)));
        Assert.DoesNotContain("order_block", system.State.Disabled.Keys);
        var refusal = system.BlockedBy(Signals.Long(Start) with { Pattern = "fair_value_gap" });
        Assert.StartsWith("learning: fair_value_gap disabled: ", refusal, StringComparison.Ordinal);
        Assert.Null(system.BlockedBy(Signals.Long(Start)));
        var decision = system.Decisions.First(d => d.Subject == "fair_value_gap");
        Assert.Equal(("disable", policy), (decision.Action, decision.Policy));
        if (policy == "Evidence")
            Assert.True(decision.High < 0 && decision.Low < decision.Value && decision.Trades >= 20, decision.Reason);
    }

    [Fact]
    public void Off_records_and_reports_but_changes_nothing()
    {
        var system = Run("Off", Interleaved(40), "order_block", "fair_value_gap");
        Assert.Equal(80, system.Book.Trades.Count);
        Assert.Empty(system.Decisions);
        Assert.Null(system.BlockedBy(Signals.Long(Start) with { Pattern = "fair_value_gap" }));
        Assert.Equal(1m, system.SizeMultiplier);
    }

    [Fact]
    public void Evidence_needs_its_minimum_sample_before_any_decision()
    {
        var system = Run("Evidence", Enumerable.Range(0, 19).Select(i => Trade(i, "fair_value_gap", -1)), "fair_value_gap");
        Assert.Empty(system.Decisions);
        system.Record(Trade(19, "fair_value_gap", -1));
        Assert.Contains(system.Decisions, d => d.Subject == "fair_value_gap" && d.Action == "disable");
    }

    [Fact]
    public void Evidence_disables_a_losing_regime_of_a_pattern_that_wins_elsewhere_and_says_why()
    {
        // order_block wins in trends and loses in ranges: the cell goes, the pattern stays.
        var trades = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? Trade(i, "order_block", i % 8 == 6 ? 1.0 : -1.0, regime: "ranging")
            : Trade(i, "order_block", i % 6 == 5 ? -1.0 : 1.5, regime: "trending_up"));
        var system = Run("Evidence", trades, "order_block");
        Assert.Contains("order_block|regime:ranging", system.State.Disabled.Keys);
        Assert.DoesNotContain("order_block", system.State.Disabled.Keys);
        Assert.DoesNotContain("order_block|regime:trending_up", system.State.Disabled.Keys);
        var reason = system.State.Disabled["order_block|regime:ranging"];
        Assert.Matches(@"^order_block in ranging regime disabled: \d+ trades, expectancy -\d\.\d\d R, 95 % CI -\d\.\d\d to -\d\.\d\d$", reason);
        var ranging = Signals.Long(Start) with { Conditions = Signals.Conditions with { Regime = "ranging" } };
        Assert.Equal("learning: " + reason, system.BlockedBy(ranging));
        Assert.Null(system.BlockedBy(ranging with { Conditions = Signals.Conditions with { Regime = "trending_up" } }));
    }

    [Fact]
    public void Evidence_steps_the_size_up_on_confident_wins_and_never_past_its_bounds()
    {
        var system = Run("Evidence", Enumerable.Range(0, 200).Select(i => Trade(i, "order_block", i % 5 == 4 ? -1.0 : 1.2)), "order_block");
        Assert.Equal([1.25m, 1.5m], system.Decisions.Where(d => d.Action == "size").Select(d => d.Value));
        Assert.Equal(1.5m, system.SizeMultiplier);
        var losing = Run("Evidence", Enumerable.Range(0, 200).Select(i => Trade(i, "order_block", i % 5 == 4 ? 0.5 : -1.0)), "order_block");
        Assert.Equal(0.5m, losing.SizeMultiplier);
    }

    [Fact]
    public void Plan_scales_the_size_by_the_last_20_trades_win_rate_within_2_to_15_contracts_and_holds_breakers_back()
    {
        var system = Run("Plan", Enumerable.Range(0, 60).Select(i => Trade(i, "order_block", i % 5 == 4 ? -1.0 : 1.0)), "order_block", "breaker_block");
        // 80 % wins: 8 → 12 → 15 (capped) contracts; after 50 order blocks above 50 %, breaker blocks are enabled.
        Assert.Equal([12m / 8, 15m / 8], system.Decisions.Where(d => d.Action == "size").Select(d => d.Value));
        Assert.Equal(("enable", "breaker_block"), (system.Decisions.Single(d => d.Action == "enable").Action, system.Decisions.Single(d => d.Action == "enable").Subject));
        Assert.DoesNotContain("breaker_block", system.State.Disabled.Keys);

        var fresh = Run("Plan", [], "order_block", "breaker_block");
        Assert.StartsWith("learning: breaker_block held back", fresh.BlockedBy(Signals.Long(Start) with { Pattern = "breaker_block" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_the_same_trades_again_rebuilds_the_same_decisions_as_after_a_restart()
    {
        var trades = Interleaved(40).ToList();
        var first = Run("Evidence", trades, "order_block", "fair_value_gap");
        var rebuilt = Run("Evidence", trades, "order_block", "fair_value_gap");
        Assert.Equal(first.Decisions, rebuilt.Decisions);
        Assert.Equal(first.State.Disabled, rebuilt.State.Disabled);
    }
}
