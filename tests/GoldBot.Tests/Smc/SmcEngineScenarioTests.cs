using GoldBot.Smc;
using static GoldBot.Tests.Smc.SmcTestData;

namespace GoldBot.Tests.Smc;

/// <summary>Hand-made bar sequences (prices in ticks) with the events each must produce, exactly.</summary>
public sealed class SmcEngineScenarioTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(15);

    // A rally that breaks a swing high (BOS, bullish order block at the leg's low), a higher high
    // and a higher low, then a close below that low (CHoCH, bearish order block), a first touch of
    // the bullish block and finally its failure.
    private static readonly TickBar[] Structure =
    [
        Bar(0, 100, 105, 95, 102),
        Bar(1, 102, 110, 100, 108),
        Bar(2, 108, 120, 105, 115),   // swing high 120 (n = 2), confirmed at bar 4
        Bar(3, 115, 116, 100, 102),
        Bar(4, 102, 104, 90, 92),     // swing low 90, confirmed at bar 6; lowest candle of the leg
        Bar(5, 92, 100, 91, 98),
        Bar(6, 98, 112, 96, 110),
        Bar(7, 110, 125, 108, 124),   // close 124 > 120: break of structure
        Bar(8, 124, 130, 120, 128),   // swing high 130
        Bar(9, 128, 129, 112, 114),
        Bar(10, 114, 118, 108, 116),  // swing low 108
        Bar(11, 116, 122, 113, 120),  // swing high 122, the highest candle before the next break
        Bar(12, 120, 121, 114, 115),
        Bar(13, 115, 116, 100, 104),  // close 104 < 108: change of character; low 100 touches the bullish block (90–104)
        Bar(14, 104, 105, 85, 88),    // through the block's midpoint 97, close 88 < 90: the block fails
    ];

    private static List<SmcEvent> RunStructure() =>
        Run(new SmcOptions { InternalSwingLength = 2, SwingLength = 2 }, Structure, Period).Where(e => e.Scope != StructureScope.Swing).ToList();

    [Fact]
    public void Swings_are_confirmed_n_bars_later_and_labelled_against_the_previous_swing()
    {
        var swings = RunStructure().Where(e => e.Kind is SmcEventKind.SwingHigh or SmcEventKind.SwingLow)
            .Select(e => (e.Kind, e.StampIndex, e.KnownIndex, e.Level, e.Label)).ToList();
        Assert.Equal(
        [
            (SmcEventKind.SwingHigh, 2, 4, 120L, SwingLabel.None),
            (SmcEventKind.SwingLow, 4, 6, 90L, SwingLabel.None),
            (SmcEventKind.SwingHigh, 8, 10, 130L, SwingLabel.HigherHigh),
            (SmcEventKind.SwingLow, 10, 12, 108L, SwingLabel.HigherLow),
            (SmcEventKind.SwingHigh, 11, 13, 122L, SwingLabel.LowerHigh),
        ], swings);
    }

    [Fact]
    public void A_break_with_the_trend_is_a_BOS_and_the_first_break_against_it_a_CHoCH_both_stamped_at_the_break_bar()
    {
        var breaks = RunStructure().Where(e => e.Kind is SmcEventKind.BreakOfStructure or SmcEventKind.ChangeOfCharacter)
            .Select(e => (e.Kind, (int)e.Direction, e.StampIndex, e.KnownIndex, e.Level)).ToList();
        Assert.Equal(
        [
            (SmcEventKind.BreakOfStructure, 1, 2, 7, 120L),
            (SmcEventKind.ChangeOfCharacter, -1, 10, 13, 108L),
        ], breaks);
    }

    [Fact]
    public void An_order_block_is_the_legs_extreme_candle_with_its_score()
    {
        var formed = RunStructure().Where(e => e.Kind == SmcEventKind.OrderBlockFormed).ToList();
        Assert.Equal(2, formed.Count);

        var bullish = formed[0];
        Assert.Equal((1, 4, 7, 104L, 90L), ((int)bullish.Direction, bullish.StampIndex, bullish.KnownIndex, bullish.Top, bullish.Bottom));
        // Displacement: close 124 − top 104 = 20 ticks → 2. Volume flat (peak = average) → 1.
        // Structure: bar 4 is a confirmed internal swing low (the swing scope is also n = 2 here) → 2.
        // Clean move: no bar came back to 104 after leaving it → 2. Largest bullish body: bar 6, 12 of 16 → 0.75 → 2.
        Assert.Equal(new OrderBlockScore(2, 1, 2, 2, 2), bullish.Score);
        Assert.Equal(9, bullish.Score.Total);

        var bearish = formed[1];
        Assert.Equal((-1, 11, 13, 122L, 113L), ((int)bearish.Direction, bearish.StampIndex, bearish.KnownIndex, bearish.Top, bearish.Bottom));
    }

    [Fact]
    public void An_order_block_is_touched_then_mitigated_then_fails_into_a_mitigation_block()
    {
        var events = RunStructure();
        var id = events.First(e => e.Kind == SmcEventKind.OrderBlockFormed).Id;
        var lifecycle = events.Where(e => e.Id == id && e.Kind != SmcEventKind.OrderBlockFormed).Select(e => (e.Kind, e.KnownIndex, (int)e.Direction)).ToList();
        // No earlier swing low was swept by the block's candle, so the failed block becomes a
        // mitigation block (not a breaker) of the opposite direction.
        Assert.Equal(
        [
            (SmcEventKind.OrderBlockTouched, 13, 1),
            (SmcEventKind.OrderBlockMitigated, 14, 1),
            (SmcEventKind.OrderBlockInvalidated, 14, 1),
            (SmcEventKind.MitigationBlockFormed, 14, -1),
        ], lifecycle);
    }

    [Fact]
    public void A_failed_block_whose_candle_swept_a_prior_low_becomes_a_breaker_block()
    {
        TickBar[] bars =
        [
            Bar(0, 100, 104, 98, 102),
            Bar(1, 102, 103, 94, 95),   // swing low 94 (n = 2), confirmed at bar 3
            Bar(2, 95, 101, 96, 100),
            Bar(3, 100, 108, 99, 107),  // swing high 108, confirmed at bar 5
            Bar(4, 107, 107, 97, 98),
            Bar(5, 98, 99, 90, 91),     // takes out 94: the leg's lowest candle swept liquidity
            Bar(6, 91, 103, 91, 102),
            Bar(7, 102, 112, 101, 111), // close 111 > 108: bullish block = bar 5 (90–99)
            Bar(8, 111, 112, 85, 87),   // close 87 < 90: the block fails
        ];
        var events = Run(new SmcOptions { InternalSwingLength = 2, SwingLength = 2 }, bars, Period).Where(e => e.Scope != StructureScope.Swing).ToList();
        var block = events.Single(e => e.Kind == SmcEventKind.OrderBlockFormed && e.Direction > 0);
        Assert.Equal((5, 7, 99L, 90L), (block.StampIndex, block.KnownIndex, block.Top, block.Bottom));
        var flipped = events.Single(e => e.Id == block.Id && e.Kind is SmcEventKind.BreakerBlockFormed or SmcEventKind.MitigationBlockFormed);
        Assert.Equal((SmcEventKind.BreakerBlockFormed, -1, 8), (flipped.Kind, (int)flipped.Direction, flipped.KnownIndex));
    }

    [Fact]
    public void A_fair_value_gap_is_known_at_the_third_bar_then_mitigated_then_filled()
    {
        TickBar[] bars =
        [
            Bar(0, 100, 102, 99, 101),
            Bar(1, 101, 110, 101, 109),  // displacement candle (closes up)
            Bar(2, 109, 112, 106, 111),  // low 106 > high 102: a 4-tick bullish gap 102–106
            Bar(3, 111, 113, 107, 108),  // stays above 106
            Bar(4, 108, 109, 105, 106),  // touches 106: mitigated
            Bar(5, 106, 107, 101, 102),  // trades through 102: filled
        ];
        var gaps = Run(new SmcOptions { MinFairValueGapTicks = 4 }, bars, Period).Where(e => e.Kind.ToString().StartsWith("FairValueGap", StringComparison.Ordinal))
            .Select(e => (e.Kind, e.StampIndex, e.KnownIndex, e.Top, e.Bottom)).ToList();
        Assert.Equal(
        [
            (SmcEventKind.FairValueGapFormed, 1, 2, 106L, 102L),
            (SmcEventKind.FairValueGapMitigated, 1, 4, 106L, 102L),
            (SmcEventKind.FairValueGapFilled, 1, 5, 106L, 102L),
        ], gaps);
        Assert.DoesNotContain(Run(new SmcOptions { MinFairValueGapTicks = 5 }, bars, Period), e => e.Kind == SmcEventKind.FairValueGapFormed);
    }

    [Theory]
    [InlineData(119, SmcEventKind.LiquiditySweep)]
    [InlineData(123, SmcEventKind.LiquidityPoolTaken)]
    public void Equal_highs_form_a_pool_that_a_wick_sweeps_and_a_close_takes(long closeOfBreakBar, SmcEventKind expected)
    {
        TickBar[] bars =
        [
            Bar(0, 110, 115, 108, 114),
            Bar(1, 114, 120, 113, 118),  // swing high 120 (n = 1)
            Bar(2, 118, 119, 110, 111),
            Bar(3, 111, 122, 110, 121),  // swing high 122: within 3 ticks of 120 → pool at 122
            Bar(4, 121, 121, 112, 113),
            Bar(5, 113, 125, 113, closeOfBreakBar),
        ];
        var events = Run(new SmcOptions { InternalSwingLength = 1, SwingLength = 1, EqualLevelToleranceTicks = 3 }, bars, Period);
        var pool = events.Single(e => e.Kind == SmcEventKind.LiquidityPoolFormed && e.Direction > 0);
        Assert.Equal((1, 1, 4, 122L, 120L), ((int)pool.Direction, pool.StampIndex, pool.KnownIndex, pool.Top, pool.Bottom));
        var end = events.Single(e => e.Id == pool.Id && e.Kind != SmcEventKind.LiquidityPoolFormed);
        Assert.Equal((expected, 5), (end.Kind, end.KnownIndex));
    }

    [Fact]
    public void Dealing_range_classifies_premium_and_discount_and_places_the_OTE_band()
    {
        var up = DealingRange.From(new Swing(10, 200, true, 12), new Swing(5, 100, false, 7), 0.62, 0.79);
        Assert.Equal((1, 150L, 138L, 121L), ((int)up.LegDirection, up.Equilibrium, up.OteTop, up.OteBottom));
        Assert.Equal(PriceZone.Premium, up.Classify(151));
        Assert.Equal(PriceZone.Equilibrium, up.Classify(150));
        Assert.Equal(PriceZone.Discount, up.Classify(149));
        Assert.True(up.InOptimalTradeEntry(130));
        Assert.False(up.InOptimalTradeEntry(140));

        var down = DealingRange.From(new Swing(5, 200, true, 7), new Swing(10, 100, false, 12), 0.62, 0.79);
        Assert.Equal((-1, 179L, 162L), ((int)down.LegDirection, down.OteTop, down.OteBottom));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, 0, 1)]
    [InlineData(2, 2, 2, 2, 2, 10)]
    [InlineData(2, 1, 0, 2, 1, 6)]
    public void Score_is_the_sum_of_components_clamped_to_1_to_10(byte d, byte v, byte s, byte c, byte b, int total) =>
        Assert.Equal(total, new OrderBlockScore(d, v, s, c, b).Total);
}
