using GoldBot.Market;
using GoldBot.Strategy;
using GoldBot.Tests.Smc;

namespace GoldBot.Tests.Strategy;

/// <summary>The strategy over the real MGC bars: what a signal is, and why one is rejected.</summary>
public sealed class OrderBlockStrategyTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];

    private static List<TradeSignal> Signals(StrategyOptions options)
    {
        var strategy = new OrderBlockStrategy(options, Mgc, TimeSpan.FromMinutes(3));
        var signals = new List<TradeSignal>();
        foreach (var bar in SmcTestData.Mgc3Minute)
            strategy.OnBar(bar, signals);
        return signals;
    }

    [Fact]
    public void Signals_come_at_15_minute_closes_with_pinned_counts_per_reason()
    {
        var signals = Signals(new StrategyOptions());
        Assert.All(signals, s =>
        {
            Assert.Equal(0, s.Time.Minute % 15);
            Assert.InRange(s.Score, 1, 10);
            Assert.True(s.ZoneTop >= s.ZoneBottom);
        });
        // Pinned on the real MGC bars; a deliberate strategy change updates them with the reason.
        var byReason = signals.GroupBy(s => s.Rejection?.Split(' ')[0] ?? "tradable").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["tradable"] = 60, ["score"] = 48, ["against"] = 34, ["no"] = 12, ["stop"] = 4 }, byReason);
        Assert.All(signals.Where(s => s.Rejection is null), s => Assert.Equal(s.Trend, s.Direction));
        Assert.All(signals.Where(s => s.Rejection?.StartsWith("score", StringComparison.Ordinal) == true), s => Assert.True(s.Score < 7));
    }

    private static readonly StrategyOptions AllPatterns = new() { Patterns = [.. StrategyOptions.TradeablePatterns] };

    /// <summary>Every pattern, Mode B limit entries and the <c>atr_trail</c> exits (issue 12 §2).</summary>
    private static readonly StrategyOptions AllPatternsAtLimit = AllPatterns with { EntryMode = "limit", ExitProfile = "atr_trail" };

    private static StrategyOptions Options(string name) => name == "limit" ? AllPatternsAtLimit : AllPatterns;

    [Theory]
    [InlineData("market")]
    [InlineData("limit")]
    public void Stopping_after_any_bar_gives_exactly_the_signals_the_full_run_had_by_then(string entryMode)
    {
        var options = Options(entryMode);
        var bars = SmcTestData.Mgc3Minute;
        var full = Signals(options);
        Assert.Equal(StrategyOptions.TradeablePatterns.Order(StringComparer.Ordinal), full.Select(s => s.Pattern).Distinct().Order(StringComparer.Ordinal)); // every pattern is covered
        foreach (var t in new[] { 500, 2_000, 4_321, 7_777, 10_000, bars.Count - 1 })
        {
            var strategy = new OrderBlockStrategy(options, Mgc, TimeSpan.FromMinutes(3));
            var prefix = new List<TradeSignal>();
            for (var i = 0; i <= t; i++)
                strategy.OnBar(bars[i], prefix);
            var knownBy = bars[t].OpenTime.AddMinutes(3);
            Assert.Equal(full.Where(s => s.Time <= knownBy), prefix);
        }
    }

    [Theory]
    [InlineData("market")]
    [InlineData("limit")]
    public void The_stop_lies_beyond_the_blocks_far_edge_plus_the_buffer(string entryMode)
    {
        var options = Options(entryMode);
        foreach (var s in Signals(options).Where(s => s.StopTicks > options.MinStopTicks))
        {
            var stop = s.ReferencePrice - s.Direction * Mgc.ToPrice(s.StopTicks);
            var farEdge = s.Direction > 0 ? s.ZoneBottom - Mgc.ToPrice(options.StopBufferTicks) : s.ZoneTop + Mgc.ToPrice(options.StopBufferTicks);
            Assert.Equal(farEdge, stop);
        }
    }

    [Fact]
    public void A_disabled_order_block_rejects_every_order_block_signal_and_breakers_are_looked_for_only_when_enabled()
    {
        var breakersOnly = Signals(new StrategyOptions { Patterns = ["breaker_block"] });
        Assert.All(breakersOnly.Where(s => s.Pattern == "order_block"), s => Assert.Equal("pattern order_block disabled", s.Rejection));
        Assert.Contains(breakersOnly, s => s.Pattern == "breaker_block" && s.Rejection is null);
        Assert.DoesNotContain(Signals(new StrategyOptions()), s => s.Pattern != "order_block");
    }

    [Fact]
    public void Breaker_signals_come_at_15_minute_closes_with_pinned_counts_per_reason_and_leave_the_order_block_signals_as_they_were()
    {
        var both = Signals(AllPatterns);
        var breakers = both.Where(s => s.Pattern == "breaker_block").ToList();
        Assert.All(breakers, s => Assert.Equal(0, s.Time.Minute % 15));
        Assert.All(breakers.Where(s => s.Rejection is null), s => Assert.True(s.Trend == s.Direction && s.Score >= AllPatterns.BreakerMinScore));
        // Pinned on the real MGC bars; a deliberate strategy change updates them with the reason.
        var byReason = breakers.GroupBy(s => s.Rejection?.Split(' ')[0] ?? "tradable").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["tradable"] = 11, ["against"] = 9, ["no"] = 4, ["score"] = 2, ["stop"] = 2 }, byReason);
        Assert.Equal(Signals(new StrategyOptions()), both.Where(s => s.Pattern == "order_block"));
    }

    [Fact]
    public void Gap_signals_come_at_first_touches_at_15_minute_closes_with_pinned_counts_per_reason()
    {
        var gaps = Signals(AllPatterns).Where(s => s.Pattern == "fair_value_gap").ToList();
        Assert.All(gaps, s =>
        {
            Assert.Equal(0, s.Time.Minute % 15);
            Assert.InRange(s.Score, 1, 10);
            Assert.InRange(s.Components.CleanMove, 1, 2); // known at the touch: 2 when the gap stayed untouched three bars or more
        });
        Assert.All(gaps.Where(s => s.Rejection is null), s => Assert.True(s.Trend == s.Direction && s.Score >= AllPatterns.FairValueGapMinScore));
        // Pinned on the real MGC bars; a deliberate strategy change updates them with the reason.
        var byReason = gaps.GroupBy(s => s.Rejection?.Split(' ')[0] ?? "tradable").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["tradable"] = 48, ["score"] = 111, ["against"] = 28, ["no"] = 12, ["stop"] = 2 }, byReason);
    }

    [Fact]
    public void Sweep_signals_trade_against_the_swept_pool_with_the_stop_beyond_the_wick_and_pinned_counts_per_reason()
    {
        var sweeps = Signals(AllPatterns).Where(s => s.Pattern == "liquidity_sweep").ToList();
        Assert.All(sweeps, s =>
        {
            Assert.Equal(0, s.Time.Minute % 15);
            Assert.True(s.ZoneTop > s.ZoneBottom); // from the pool's level to the wick's extreme
        });
        Assert.All(sweeps.Where(s => s.Rejection is null), s => Assert.True(s.Trend == s.Direction && s.Score >= AllPatterns.LiquiditySweepMinScore));
        // Pinned on the real MGC bars; a deliberate strategy change updates them with the reason.
        var byReason = sweeps.GroupBy(s => s.Rejection?.Split(' ')[0] ?? "tradable").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["tradable"] = 1, ["score"] = 14, ["against"] = 3 }, byReason);
    }

    [Fact]
    public void Ote_signals_are_block_or_gap_touches_on_the_legs_side_with_pinned_counts_per_reason()
    {
        var all = Signals(AllPatterns);
        var ote = all.Where(s => s.Pattern == "ote").ToList();
        // Each is the twin of an order-block or gap signal of the same bar, zone and side (the confluence, not a new zone).
        Assert.All(ote, o => Assert.Contains(all, s => s.Pattern is "order_block" or "fair_value_gap" && s.Time == o.Time && s.ZoneTop == o.ZoneTop
            && s.ZoneBottom == o.ZoneBottom && s.Direction == o.Direction && s.Score == o.Score));
        // Pinned on the real MGC bars; a deliberate strategy change updates them with the reason.
        var byReason = ote.GroupBy(s => s.Rejection?.Split(' ')[0] ?? "tradable").ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["tradable"] = 12, ["against"] = 5, ["score"] = 5, ["no"] = 1, ["stop"] = 1 }, byReason);
    }

    [Fact]
    public void A_lower_minimum_score_only_turns_score_rejections_into_other_outcomes()
    {
        var strict = Signals(new StrategyOptions());
        var loose = Signals(new StrategyOptions { MinScore = 1 });
        Assert.Equal(strict.Count, loose.Count);
        for (var i = 0; i < strict.Count; i++)
        {
            if (strict[i].Rejection?.StartsWith("score", StringComparison.Ordinal) != true)
                Assert.Equal(strict[i], loose[i]);
            else
                Assert.DoesNotContain("score", loose[i].Rejection ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mode_B_rests_a_limit_at_a_fresh_zones_near_edge_from_its_formation_and_only_sweeps_and_ote_enter_at_market()
    {
        var signals = Signals(AllPatternsAtLimit);
        var zones = new[] { "order_block", "breaker_block", "fair_value_gap" };
        Assert.All(signals, s =>
        {
            Assert.Equal(zones.Contains(s.Pattern), s.Entry.Limit);
            if (s.Entry.Limit)
            {
                Assert.Equal(s.Direction > 0 ? s.ZoneTop : s.ZoneBottom, s.Entry.LimitPrice);
                Assert.Equal(s.Entry.LimitPrice, s.ReferencePrice);
                Assert.Equal(TimeSpan.FromMinutes(60), s.Entry.WorksFor); // 4 bars of 15 minutes
            }
            Assert.Equal(TimeSpan.FromMinutes(15), s.Frame);
            Assert.Equal(ExitProfile.AtrTrail, s.Exit.Profile);
            // 2 × and 3 × ATR in ticks, rounded up (the stop stands in for ATR in its warm-up).
            var atr = s.Conditions.AtrTicks > 0 ? s.Conditions.AtrTicks : s.StopTicks;
            Assert.InRange(s.Exit.FirstTargetTicks, 2 * atr - 0.2, 2 * atr + 1.2);
            Assert.InRange(s.Exit.TrailTicks, 3 * atr - 0.3, 3 * atr + 1.3);
        });
        // A Mode B order block comes when the block forms, so before the touch the market mode waits for.
        var atMarket = Signals(AllPatterns).Where(s => s.Pattern == "order_block").ToList();
        var atLimit = signals.Where(s => s.Pattern == "order_block").ToList();
        var sameZone = atMarket.Join(atLimit, s => (s.ZoneTop, s.ZoneBottom, s.Direction), s => (s.ZoneTop, s.ZoneBottom, s.Direction), (touch, formed) => (touch, formed)).ToList();
        Assert.True(sameZone.Count > 20, $"{sameZone.Count} zones both ways");
        Assert.All(sameZone, pair => Assert.True(pair.formed.Time < pair.touch.Time));
        Assert.DoesNotContain(signals, s => zones.Contains(s.Pattern) && !s.Entry.Limit);
    }
}
