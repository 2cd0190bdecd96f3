using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Run;

namespace GoldBot.Backtesting.Tests.Run;

public sealed class TickScalingTests
{
    [Theory]
    [InlineData(0.10, 0.01, 10)]
    [InlineData(0.10, 0.10, 1)]
    [InlineData(0.25, 0.10, 1)]
    [InlineData(0.10, 0.25, 1)]
    [InlineData(0.10, 0.0, 1)]
    public void The_factor_is_the_whole_ratio_of_the_ticks_or_1(double configured, double traded, int expected) =>
        Assert.Equal(expected, TickScaling.Factor((decimal)configured, (decimal)traded));

    [Fact]
    public void Every_tick_distance_is_multiplied_except_the_kept_keys()
    {
        var settings = new BacktestSettings();
        var s = settings.Strategy;

        var scaled = TickScaling.Apply(settings, 10, key => key == "Strategy:MaxStopTicks");

        Assert.Equal(s.MinStopTicks * 10, scaled.Strategy.MinStopTicks);
        Assert.Equal(s.StopBufferTicks * 10, scaled.Strategy.StopBufferTicks);
        Assert.Equal(s.MaxStopTicks, scaled.Strategy.MaxStopTicks);
        Assert.Equal(s.Entry.MinDisplacementTicks * 10, scaled.Strategy.Entry.MinDisplacementTicks);
        Assert.Equal(s.Trend.EqualLevelToleranceTicks * 10, scaled.Strategy.Trend.EqualLevelToleranceTicks);
        Assert.Equal(settings.Fills.MarketSlippageTicks * 10, scaled.Fills.MarketSlippageTicks);
        Assert.Equal(settings.Fills.LimitTradeThroughTicks * 10, scaled.Fills.LimitTradeThroughTicks);
        // Money and non-tick settings are untouched.
        Assert.Equal(settings.Fills.CommissionPerSide, scaled.Fills.CommissionPerSide);
        Assert.Equal(s.MinScore, scaled.Strategy.MinScore);
        Assert.Equal(settings.Risk, scaled.Risk);
    }

    [Fact]
    public void Spot_gold_is_MGC_sized_on_a_ten_times_finer_grid()
    {
        var xau = SpotContracts.BuiltIn["xauusd"];
        var mgc = GoldBot.Market.ContractSpec.BuiltIn["MGC"];

        Assert.Equal(mgc.PointValue, xau.PointValue);
        Assert.Equal(10, TickScaling.Factor(SpotContracts.ReferenceTickSize, xau.TickSize));
    }
}
