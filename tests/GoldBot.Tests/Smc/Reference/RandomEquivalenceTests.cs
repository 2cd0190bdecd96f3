using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// The fast reference port (sliding windows, crossing searches, stacks, segment trees) must equal
/// the literal quadratic transliteration of smc.py on random bars with many ties (prices on a
/// coarse tick grid), short series and every swing length that matters.
/// </summary>
public sealed class RandomEquivalenceTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < 60; seed++)
            data.Add(seed);
        return data;
    }

    internal static SmcSeries RandomSeries(int seed, out int swingLength)
    {
        var rng = new Random(seed);
        var n = seed % 10 == 0 ? rng.Next(1, 12) : rng.Next(12, 500);
        var tick = seed % 3 == 0 ? 0.01 : 0.25;
        swingLength = new[] { 1, 2, 3, 5 }[seed % 4];
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        var price = 1000;
        for (var i = 0; i < n; i++)
        {
            var o = price + rng.Next(-2, 3);
            var c = o + rng.Next(-5, 6);
            // Occasional wide outside bars can be chosen as order-block candle by both passes.
            var wide = rng.Next(0, 5) == 0 ? rng.Next(5, 20) : 0;
            var h = Math.Max(o, c) + rng.Next(0, 3) + wide;
            var l = Math.Min(o, c) - rng.Next(0, 3) - wide;
            open[i] = Math.Round(o * tick, 2);
            close[i] = Math.Round(c * tick, 2);
            high[i] = Math.Round(h * tick, 2);
            low[i] = Math.Round(l * tick, 2);
            volume[i] = rng.Next(0, 4) == 0 ? 0 : rng.Next(1, 500);
            price = c;
        }
        return new SmcSeries(open, high, low, close, volume);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Swings_equal_the_literal_pairwise_dedup(int seed)
    {
        var s = RandomSeries(seed, out _);
        for (var length = 1; length <= 6; length++)
        {
            var expected = LiteralSmc.Swings(s, length);
            var actual = SwingHighsLows.Compute(s, length);
            Assert.Equal(expected.HighLow, actual.HighLow.ToArray());
            Assert.Equal(expected.Level, actual.Level.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Bos_choch_equals_the_literal_quadratic_loops(int seed)
    {
        var s = RandomSeries(seed, out var n);
        var swings = SwingHighsLows.Compute(s, n);
        foreach (var closeBreak in new[] { true, false })
        {
            var expected = LiteralSmc.BosChoch(s, swings, closeBreak);
            var actual = BosChoch.Compute(s, swings, closeBreak);
            Assert.Equal(expected.Bos, actual.Bos.ToArray());
            Assert.Equal(expected.Choch, actual.Choch.ToArray());
            Assert.Equal(expected.Level, actual.Level.ToArray());
            Assert.Equal(expected.Broken, actual.BrokenIndex.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fvg_mitigation_equals_the_linear_scan(int seed)
    {
        var s = RandomSeries(seed, out _);
        foreach (var join in new[] { false, true })
        {
            var actual = FairValueGaps.Compute(s, join);
            Assert.Equal(LiteralSmc.FvgMitigation(s, actual), actual.MitigatedIndex.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Liquidity_equals_the_literal_grouping(int seed)
    {
        var s = RandomSeries(seed, out var n);
        var swings = SwingHighsLows.Compute(s, n);
        foreach (var range in new[] { 0, 0.01, 0.05, 0.2 })
            AssertLiquidityEqualsLiteral(s, swings, range);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Liquidity_of_hand_made_swings_with_odd_levels_equals_the_literal_grouping(int seed)
    {
        // Levels that are not the bar's high or low, some NaN or infinite: the level buckets must
        // still find exactly the library's groups.
        var s = RandomSeries(seed, out _);
        var rng = new Random(seed);
        var highLow = new double[s.Count];
        var level = new double[s.Count];
        for (var i = 0; i < s.Count; i++)
        {
            highLow[i] = rng.Next(0, 3) switch { 0 => 1, 1 => -1, _ => double.NaN };
            level[i] = rng.Next(0, 12) switch
            {
                0 => double.NaN,
                1 => double.PositiveInfinity,
                2 => double.NegativeInfinity,
                _ => s.Close[i] + (rng.Next(-4, 5) * 0.25),
            };
        }
        var swings = SwingHighsLowsResult.FromColumns(highLow, level);
        foreach (var range in new[] { 0, 0.01, 0.2, -0.01 })
            AssertLiquidityEqualsLiteral(s, swings, range);
    }

    private static void AssertLiquidityEqualsLiteral(SmcSeries s, SwingHighsLowsResult swings, double range)
    {
        var expected = LiteralSmc.Liquidity(s, swings, range);
        var actual = Liquidity.Compute(s, swings, range);
        Assert.Equal(expected.Liquidity, actual.LiquidityType.ToArray());
        Assert.Equal(expected.Level, actual.Level.ToArray());
        Assert.Equal(expected.End, actual.End.ToArray());
        Assert.Equal(expected.Swept, actual.Swept.ToArray());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Order_blocks_equal_the_literal_per_bar_simulation(int seed)
    {
        var s = RandomSeries(seed, out var n);
        var swings = SwingHighsLows.Compute(s, n);
        foreach (var closeMitigation in new[] { false, true })
        {
            var expected = LiteralSmc.OrderBlocks(s, swings, closeMitigation);
            foreach (var actual in new[] { OrderBlocks.Compute(s, swings, closeMitigation), OrderBlocks.ComputeLiteral(s, swings, closeMitigation) })
            {
                Assert.Equal(expected.Ob, actual.Ob.ToArray());
                Assert.Equal(expected.Top, actual.Top.ToArray());
                Assert.Equal(expected.Bottom, actual.Bottom.ToArray());
                Assert.Equal(expected.Volume, actual.ObVolume.ToArray());
                Assert.Equal(expected.Mitigated, actual.MitigatedIndex.ToArray());
                Assert.Equal(expected.Percentage, actual.Percentage.ToArray());
            }
        }
    }

    [Fact]
    public void Random_data_exercises_both_order_block_paths()
    {
        var literal = 0;
        var fast = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var s = RandomSeries(seed, out var n);
            if (OrderBlocks.NeedsLiteralSimulation(s, SwingHighsLows.Compute(s, n)))
                literal++;
            else
                fast++;
        }
        Assert.True(literal > 0 && fast > 0, $"literal {literal}, fast {fast}");
    }
}
