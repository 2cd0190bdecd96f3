using GoldBot.Indicators;

namespace GoldBot.Tests.Indicators;

/// <summary><see cref="BollingerBands.Widths"/>, the batch of bandwidths the regime classifier computes when it reads one.</summary>
public sealed class BollingerWidthsTests
{
    [Fact]
    public void The_last_windows_of_any_prefix_are_the_incremental_widths_bit_for_bit()
    {
        // Closes around zero (some windows average exactly 0: no width) and random ones around 2,000, every prefix up to 70
        // values and every number of windows asked for: the scalar path (fewer windows than a block), whole blocks and an
        // overlapping last one.
        var random = new Random(20261207);
        var aroundZero = Enumerable.Range(0, 70).Select(i => i % 7 - 3.0).ToArray();
        var aroundGold = Enumerable.Range(0, 70).Select(_ => 2000 + random.Next(-300, 301) / 100.0).ToArray();
        foreach (var values in new[] { aroundZero, aroundGold })
        {
            var bands = new BollingerBands(20);
            var expected = values.Select(v => bands.AddWidth(v) ?? double.NaN).ToArray();
            Assert.Equal(values == aroundZero, expected.Skip(19).Any(double.IsNaN));
            for (var length = 0; length <= values.Length; length++)
            {
                var windows = Math.Max(length - 19, 0);
                for (var asked = 0; asked <= windows; asked++)
                {
                    var widths = new double[asked];
                    BollingerBands.Widths(values.AsSpan(0, length), 20, 2, widths);
                    Assert.Equal(expected.AsSpan(length - asked, asked).ToArray().Select(BitConverter.DoubleToInt64Bits), widths.Select(BitConverter.DoubleToInt64Bits));
                }
            }
        }
    }

    [Fact]
    public void More_windows_than_the_values_make_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BollingerBands.Widths(new double[25], 20, 2, new double[7]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BollingerBands.Widths(new double[10], 20, 2, new double[1]));
        BollingerBands.Widths(new double[10], 20, 2, []);
    }
}
