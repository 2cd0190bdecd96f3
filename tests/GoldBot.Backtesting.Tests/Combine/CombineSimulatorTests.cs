using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Tests.Statistics;
using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.Combine;

public sealed class CombineSimulatorTests
{
    private static readonly DateOnly Monday = new(2025, 12, 1);

    private static CombineResult Run(decimal[] profits, decimal[]? dips = null, CombineRules? rules = null, decimal start = 50_000m) =>
        CombineSimulator.Run(HandMadeResults.Result([], HandMadeResults.Days(start, profits, dips), startingBalance: start), rules ?? CombineRules.Combine50K);

    [Fact]
    public void Passes_on_the_day_the_target_is_reached()
    {
        var result = Run([1_000m, 1_100m, 1_000m, 500m]);
        Assert.Equal(CombineOutcome.Passed, result.Outcome);
        Assert.Equal(Monday.AddDays(2), result.Day);          // 3,100 ≥ 3,000 on Wednesday
        Assert.Equal(53_100m, result.FinalBalance);
        Assert.Equal(3, result.DaysTraded);
    }

    [Fact]
    public void Consistency_target_keeps_the_combine_running_until_the_best_day_is_below_half()
    {
        // 2,500 + 600 = 3,100 but the best day is 81 % of it; after 1,000 more it is 61 % of 4,100; after another
        // 1,000, 2,500 < 50 % of 5,100 on Thursday.
        var result = Run([2_500m, 600m, 1_000m, 1_000m, 1_000m]);
        Assert.Equal(CombineOutcome.Passed, result.Outcome);
        Assert.Equal(new DateOnly(2025, 12, 4), result.Day);

        var unfinished = Run([2_500m, 600m]);
        Assert.Equal(CombineOutcome.StillRunning, unfinished.Outcome);
        Assert.Contains("consistency", unfinished.Reason, StringComparison.Ordinal);

        var noConsistency = Run([2_500m, 600m], rules: CombineRules.Combine50K with { ConsistencyFraction = null });
        Assert.Equal(CombineOutcome.Passed, noConsistency.Outcome);
        Assert.Equal(Monday.AddDays(1), noConsistency.Day);
    }

    [Fact]
    public void Fails_when_equity_touches_the_trailed_floor()
    {
        // Day 1 ends at 51,500: the floor trails to 49,500. Day 2 dips 2,000 intraday to 49,500 and recovers.
        var result = Run([1_500m, 100m], [0m, -2_000m]);
        Assert.Equal(CombineOutcome.Failed, result.Outcome);
        Assert.Equal(Monday.AddDays(1), result.Day);
        Assert.Equal(49_500m, result.Floor);
        Assert.Contains("maximum loss limit", result.Reason, StringComparison.Ordinal);

        // A static 48,000 floor would have survived the same dip: the trailing is what fails it.
        var untrailed = Run([0m, 100m], [0m, -1_999m]);
        Assert.Equal(CombineOutcome.StillRunning, untrailed.Outcome);
    }

    [Fact]
    public void Floor_is_set_at_end_of_day_and_stops_at_the_starting_balance()
    {
        // Intraday the floor does not move: day 1 goes +2,900 then dips to 49,900 before closing +2,500... not below 48,000.
        var sameDay = Run([2_500m], [-100m]);
        Assert.NotEqual(CombineOutcome.Failed, sameDay.Outcome);

        // After a day at 53,000 the floor is 50,000, not 51,000.
        var capped = Run([2_900m, -2_000m, -899m], [0m, 0m, 0m], CombineRules.Combine50K with { ConsistencyFraction = null });
        Assert.Equal(50_000m, capped.Floor);
        Assert.Equal(CombineOutcome.StillRunning, capped.Outcome);       // 50,001 stays above 50,000
        var touched = Run([2_900m, -2_000m, -900m]);
        Assert.Equal(CombineOutcome.Failed, touched.Outcome);
        Assert.Equal(Monday.AddDays(2), touched.Day);
    }

    [Fact]
    public void Daily_loss_limit_ends_the_day_at_the_limit_by_default()
    {
        var rules = CombineRules.Combine50K.WithStandardDailyLossLimit();
        Assert.Equal(1_000m, rules.DailyLossLimit);
        // Day 1 falls to −1,100 intraday and closes −500: liquidated at −1,000. Day 2 +300 on the lower balance.
        var result = Run([-500m, 300m], [-1_100m, 0m], rules);
        Assert.Equal(CombineOutcome.StillRunning, result.Outcome);
        Assert.Equal([Monday], result.DailyLossBreaches);
        Assert.Equal(49_300m, result.FinalBalance);
    }

    [Fact]
    public void Daily_loss_limit_can_fail_the_account()
    {
        var rules = CombineRules.Combine50K.WithStandardDailyLossLimit() with { DailyLossAction = DailyLossAction.FailAccount };
        var result = Run([200m, -500m, 300m], [0m, -1_000m, 0m], rules);
        Assert.Equal(CombineOutcome.Failed, result.Outcome);
        Assert.Equal(Monday.AddDays(1), result.Day);
        Assert.Contains("daily loss limit", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Maximum_loss_floor_above_the_daily_limit_level_is_hit_first()
    {
        // Floor 48,000 before day 2; day 2 opens at 48,600 and dips 1,000 → 47,600: the floor (48,000) is above 47,600 and above 48,600 − 1,000.
        var rules = CombineRules.Combine50K.WithStandardDailyLossLimit();
        var result = Run([-1_400m, 0m], [0m, -1_000m], rules);
        Assert.Equal(CombineOutcome.Failed, result.Outcome);
        Assert.Contains("maximum loss limit", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void More_contracts_than_allowed_fails_on_the_trading_day_of_the_entry()
    {
        var days = HandMadeResults.Days(50_000m, [100m, 100m, 100m]);
        var big = HandMadeResults.Trade("big", HandMadeResults.Utc(12, 2, 15), 100m, size: 51);
        var result = CombineSimulator.Run(HandMadeResults.Result([big], days), CombineRules.Combine50K);
        Assert.Equal(CombineOutcome.Failed, result.Outcome);
        Assert.Equal(Monday.AddDays(1), result.Day);
        Assert.Contains("contract limit", result.Reason, StringComparison.Ordinal);

        // Minis count 10 micros: 6 GC = 60 > 50; 5 GC = 50 is allowed.
        var gc = ContractSpec.BuiltIn["GC"];
        var six = HandMadeResults.Trade("gc6", HandMadeResults.Utc(12, 1, 15), 100m, size: 6);
        Assert.Equal(CombineOutcome.Failed, CombineSimulator.Run(HandMadeResults.Result([six], days, contract: gc), CombineRules.Combine50K).Outcome);
        var five = HandMadeResults.Trade("gc5", HandMadeResults.Utc(12, 1, 15), 100m, size: 5);
        Assert.Equal(CombineOutcome.StillRunning, CombineSimulator.Run(HandMadeResults.Result([five], days, contract: gc), CombineRules.Combine50K).Outcome);
    }

    [Fact]
    public void Overlapping_trades_add_up_against_the_contract_limit()
    {
        var days = HandMadeResults.Days(50_000m, [100m]);
        var a = HandMadeResults.Trade("a", HandMadeResults.Utc(12, 1, 15), 50m, size: 30, holdMinutes: 60);
        var b = HandMadeResults.Trade("b", HandMadeResults.Utc(12, 1, 15, 30), 50m, size: 30);
        var c = HandMadeResults.Trade("c", HandMadeResults.Utc(12, 1, 16), 50m, size: 30);   // a exits at 16:00: not overlapping
        Assert.Equal(CombineOutcome.Failed, CombineSimulator.Run(HandMadeResults.Result([a, b], days), CombineRules.Combine50K).Outcome);
        Assert.Equal(CombineOutcome.StillRunning, CombineSimulator.Run(HandMadeResults.Result([a, c], days), CombineRules.Combine50K).Outcome);
    }

    [Fact]
    public void Run_pnl_is_carried_onto_the_account_size()
    {
        var result = Run([1_000m, 1_100m, 1_000m], start: 100_000m);
        Assert.Equal(CombineOutcome.Passed, result.Outcome);
        Assert.Equal(53_100m, result.FinalBalance);
        Assert.Equal(CombineOutcome.StillRunning, Run([1_000m, 1_100m, 1_000m], rules: CombineRules.Combine100K).Outcome);
    }

    [Fact]
    public void Presets_follow_the_research_table_and_invalid_rules_list_every_problem()
    {
        Assert.Equal((3_000m, 2_000m, 50), (CombineRules.Combine50K.ProfitTarget, CombineRules.Combine50K.MaxLossLimit, CombineRules.Combine50K.MaxMicroContracts));
        Assert.Equal((6_000m, 3_000m, 100), (CombineRules.Combine100K.ProfitTarget, CombineRules.Combine100K.MaxLossLimit, CombineRules.Combine100K.MaxMicroContracts));
        Assert.Equal((9_000m, 4_500m, 150), (CombineRules.Combine150K.ProfitTarget, CombineRules.Combine150K.MaxLossLimit, CombineRules.Combine150K.MaxMicroContracts));
        Assert.Equal(3_000m, CombineRules.Combine150K.WithStandardDailyLossLimit().DailyLossLimit);

        var bad = CombineRules.Combine50K with { ProfitTarget = 0m, MaxMicroContracts = 0 };
        var error = Assert.Throws<ArgumentException>(bad.Validate);
        Assert.Contains("ProfitTarget", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxMicroContracts", error.Message, StringComparison.Ordinal);
    }
}
