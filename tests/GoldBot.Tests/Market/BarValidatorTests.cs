using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>Each rule of <see cref="BarValidator"/> with its message; a good bar passes.</summary>
public sealed class BarValidatorTests
{
    private static readonly DateTimeOffset T = new(2025, 12, 2, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_good_bar_passes_with_or_without_a_previous_time()
    {
        var bar = new Bar(T, 2000.0m, 2001.0m, 1999.0m, 2000.5m, 0);

        Assert.Null(BarValidator.Check(bar, null));
        Assert.Null(BarValidator.Check(bar, T.AddMinutes(-3)));
        // Flat bar, high = open = close = low, is valid.
        Assert.Null(BarValidator.Check(new Bar(T, 2000m, 2000m, 2000m, 2000m, 1), null));
    }

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, -1, 1, 1)]
    [InlineData(1, 1, 0, 1)]
    [InlineData(1, 1, 1, 0)]
    public void Non_positive_price_is_refused(decimal open, decimal high, decimal low, decimal close)
    {
        var reason = BarValidator.Check(new Bar(T, open, high, low, close, 1), null);

        Assert.Equal($"non-positive price (open {open}, high {high}, low {low}, close {close})", reason);
    }

    [Fact]
    public void High_below_open_or_close_is_refused()
    {
        Assert.Equal("high 2000.4 is below max(open, close) 2000.5", BarValidator.Check(new Bar(T, 2000.0m, 2000.4m, 1999.0m, 2000.5m, 1), null));
        Assert.Equal("high 2000.4 is below max(open, close) 2000.6", BarValidator.Check(new Bar(T, 2000.6m, 2000.4m, 1999.0m, 2000.0m, 1), null));
    }

    [Fact]
    public void Low_above_open_or_close_is_refused()
    {
        Assert.Equal("low 2000.1 is above min(open, close) 2000.0", BarValidator.Check(new Bar(T, 2000.0m, 2001.0m, 2000.1m, 2000.5m, 1), null));
    }

    [Fact]
    public void Negative_volume_is_refused()
    {
        Assert.Equal("negative volume -1", BarValidator.Check(new Bar(T, 2000m, 2001m, 1999m, 2000m, -1), null));
    }

    [Fact]
    public void Duplicate_and_earlier_times_are_refused()
    {
        var bar = new Bar(T, 2000m, 2001m, 1999m, 2000m, 1);

        Assert.Equal("duplicate time 2025-12-02 14:30:00Z", BarValidator.Check(bar, T));
        Assert.Equal("time 2025-12-02 14:30:00Z is earlier than the previous bar 2025-12-02 14:33:00Z", BarValidator.Check(bar, T.AddMinutes(3)));
    }

    [Fact]
    public void The_tick_grid_check_agrees_with_the_remainder_for_every_scale_and_tick()
    {
        // The check skips the remainder for a 10^-k tick and a price of at most k decimals; every other case computes it.
        decimal[] ticks = [0.1m, 0.01m, 0.10m, 1m, 0.25m, 0.001m, 0.5m, 1.0m];
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var scale = (byte)random.Next(0, 5);
            var price = new decimal(random.Next(100_000, 9_000_000), 0, 0, false, scale);
            var tick = ticks[i % ticks.Length];
            var bar = new Bar(T, price, price, price, price, 1);
            var expected = price % tick != 0 ? $"price {price} is not on the {tick} tick grid" : null;

            Assert.Equal(expected, BarValidator.Check(bar, null, tick) is { } reason && reason.Contains("tick grid", StringComparison.Ordinal) ? reason : null);
        }
    }
}
