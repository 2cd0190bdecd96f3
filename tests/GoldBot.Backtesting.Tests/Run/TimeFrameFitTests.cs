using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Run;

namespace GoldBot.Backtesting.Tests.Run;

public sealed class TimeFrameFitTests
{
    private static BacktestSettings With(string entry, string trend) =>
        new() { Strategy = new() { EntryTimeFrame = entry, TrendTimeFrame = trend } };

    [Fact]
    public void The_default_15m_and_1h_frames_stay_on_3_minute_bars()
    {
        var settings = With("15m", "1h");

        var (fitted, changed) = TimeFrameFit.Fit(settings, TimeSpan.FromMinutes(3));

        Assert.False(changed);
        Assert.Same(settings, fitted);
    }

    [Theory]
    [InlineData(60, "1h", "4h")]
    [InlineData(30, "30m", "1h")]
    [InlineData(240, "4h", "16h")]
    [InlineData(720, "12h", "1d")]
    public void Bars_longer_than_the_entry_frame_move_it_to_the_bar_and_the_trend_to_four_bars(int barMinutes, string entry, string trend)
    {
        var (fitted, changed) = TimeFrameFit.Fit(With("15m", "1h"), TimeSpan.FromMinutes(barMinutes));

        Assert.True(changed);
        Assert.Equal(entry, fitted.Strategy.EntryTimeFrame);
        Assert.Equal(trend, fitted.Strategy.TrendTimeFrame);
    }

    [Fact]
    public void A_trend_frame_that_is_still_a_longer_multiple_is_kept()
    {
        var (fitted, _) = TimeFrameFit.Fit(With("15m", "1d"), TimeSpan.FromHours(1));

        Assert.Equal("1h", fitted.Strategy.EntryTimeFrame);
        Assert.Equal("1d", fitted.Strategy.TrendTimeFrame);
    }

    [Fact]
    public void Explicitly_set_frames_are_left_alone()
    {
        var (fitted, changed) = TimeFrameFit.Fit(With("15m", "1h"), TimeSpan.FromHours(1), keepEntry: true, keepTrend: true);

        Assert.False(changed);
        Assert.Equal("15m", fitted.Strategy.EntryTimeFrame);
    }
}
