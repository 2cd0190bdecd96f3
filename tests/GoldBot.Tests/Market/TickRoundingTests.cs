using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary><see cref="TickRounding.ToTicks"/> against the decimal division it replaces, on every path it takes.</summary>
public sealed class TickRoundingTests
{
    private static long Reference(decimal price, decimal tickSize) =>
        decimal.ToInt64(decimal.Round(price / tickSize, MidpointRounding.AwayFromZero));

    [Theory]
    [InlineData("4201.3", "0.1", 42013)]
    [InlineData("4201.35", "0.1", 42014)] // half a tick: away from zero
    [InlineData("-4201.35", "0.1", -42014)]
    [InlineData("4201.349999", "0.1", 42013)]
    [InlineData("5000.30", "0.25", 20001)]
    [InlineData("5000.375", "0.25", 20002)] // half of 0.25 above 5000.25
    [InlineData("1.08125", "0.00005", 21625)]
    [InlineData("4000", "0.10", 40000)]
    [InlineData("0", "0.1", 0)]
    [InlineData("3", "-0.5", -6)]
    [InlineData("-3", "-0.5", 6)] // the signs of price and tick size, each read from its sign bit
    [InlineData("-0.05", "-0.1", 1)]
    [InlineData("-0.04", "0.1", 0)]
    [InlineData("-0.0", "0.1", 0)] // a negative zero
    public void Rounds_to_the_nearest_tick_half_away_from_zero(string price, string tickSize, long ticks)
    {
        var (p, t) = (decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(tickSize, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ticks, TickRounding.ToTicks(p, t));
        Assert.Equal(Reference(p, t), TickRounding.ToTicks(p, t));
    }

    [Fact]
    public void Equals_the_decimal_division_on_random_prices_ticks_and_scales()
    {
        var random = new Random(20261207);
        decimal[] tickSizes = [0.1m, 0.10m, 0.25m, 0.01m, 0.005m, 0.00005m, 0.5m, 1m, 5m, 0.3m, 0.03125m, 12.5m];
        for (var i = 0; i < 200_000; i++)
        {
            var tick = tickSizes[random.Next(tickSizes.Length)];
            var scale = (byte)random.Next(0, 9);
            var mantissa = random.NextInt64(0, random.Next(4) == 0 ? long.MaxValue : 100_000_000_000);
            var price = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, random.Next(2) == 0, scale);
            long expected;
            try
            {
                expected = Reference(price, tick);
            }
            catch (OverflowException)
            {
                Assert.Throws<OverflowException>(() => TickRounding.ToTicks(price, tick));
                continue;
            }
            Assert.Equal(expected, TickRounding.ToTicks(price, tick));
        }
    }

    [Fact]
    public void Takes_the_decimal_division_beyond_63_bits_and_fails_as_it_does()
    {
        // A 96-bit mantissa whose tick count fits a long.
        Assert.Equal(Reference(12_345_678_901_234_567_890.12m, 1_000_000m), TickRounding.ToTicks(12_345_678_901_234_567_890.12m, 1_000_000m));
        Assert.Throws<OverflowException>(() => TickRounding.ToTicks(decimal.MaxValue, 0.1m));
        Assert.Throws<DivideByZeroException>(() => TickRounding.ToTicks(1m, 0m));
    }
}
