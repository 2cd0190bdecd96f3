using GoldBot.Market;

namespace GoldBot.Tests.Market;

public sealed class BarSearchTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly Bar[] Bars = [.. new[] { 0, 3, 9, 12 }.Select(m => new Bar(T0.AddMinutes(m), 1m, 1m, 1m, 1m, 1))];

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(6, 2)]
    [InlineData(12, 3)]
    [InlineData(13, 4)]
    public void Finds_the_first_bar_opening_at_or_after_a_time(int minute, int expected) =>
        Assert.Equal(expected, BarSearch.FirstAtOrAfter(Bars, T0.AddMinutes(minute)));
}
