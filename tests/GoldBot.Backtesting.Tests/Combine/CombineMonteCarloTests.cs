using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Tests.Statistics;

namespace GoldBot.Backtesting.Tests.Combine;

public sealed class CombineMonteCarloTests
{
    [Fact]
    public void All_winning_trades_always_pass()
    {
        var result = CombineMonteCarlo.Run([100m, 250m], CombineRules.Combine50K);
        Assert.Equal(1.0, result.PassProbability);
        Assert.Equal(10_000, result.Passed);
        Assert.Equal(1.0, result.PassInterval.Upper, 12);
        Assert.True(result.PassInterval.Lower > 0.999);
    }

    [Fact]
    public void All_losing_trades_always_fail()
    {
        var result = CombineMonteCarlo.Run([-100m, -30m], CombineRules.Combine50K);
        Assert.Equal(0.0, result.PassProbability);
        Assert.Equal(1.0, result.FailProbability);
        Assert.Null(result.MedianTradesToPass);
    }

    [Fact]
    public void Symmetric_random_walk_matches_gamblers_ruin_with_the_trailing_floor()
    {
        // Steps ±$100, MLL $2,000 (L = 20 steps), target $3,000 (T = 30 steps). While the running high m < L the
        // floor sits L below it: reaching m + 1 before m − L has probability L/(L + 1) (gambler's ruin). At m = L the
        // floor stops at the starting balance, and from L the walk reaches T before 0 with probability L/T.
        // P = (20/21)^20 · 20/30 ≈ 0.2513.
        var expected = Math.Pow(20.0 / 21.0, 20) * 20.0 / 30.0;
        var result = CombineMonteCarlo.Run([100m, -100m], CombineRules.Combine50K, new MonteCarloOptions(MaxTradesPerPath: 1_000_000));
        Assert.Equal(0, result.Undecided);
        Assert.Equal(expected, result.PassProbability, 0.02);
        Assert.InRange(result.PassInterval.Width, 0.015, 0.02);   // Wilson 95 % at n = 10,000, p ≈ 0.25: ±0.0085
    }

    [Fact]
    public void Same_seed_gives_the_same_result_and_undecided_paths_are_reported()
    {
        decimal[] pnl = [120m, -80m, 40m, -60m];
        Assert.Equal(CombineMonteCarlo.Run(pnl, CombineRules.Combine50K), CombineMonteCarlo.Run(pnl, CombineRules.Combine50K));
        var short_ = CombineMonteCarlo.Run(pnl, CombineRules.Combine50K, new MonteCarloOptions(Paths: 500, MaxTradesPerPath: 5));
        Assert.Equal(500, short_.Undecided);   // 5 trades cannot move $2,000
    }

    [Fact]
    public void Runs_on_the_closed_trades_of_a_backtest()
    {
        var result = CombineMonteCarlo.Run(HandMadeResults.SevenTrades(), CombineRules.Combine50K, new MonteCarloOptions(Paths: 2_000));
        Assert.Equal(2_000, result.Passed + result.Failed + result.Undecided);
        Assert.InRange(result.PassProbability, 0.0, 1.0);
        Assert.Equal("monte_carlo", result.ToSection().Key);
    }
}
