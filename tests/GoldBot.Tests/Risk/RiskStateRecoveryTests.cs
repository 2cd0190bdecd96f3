using GoldBot.Risk;

namespace GoldBot.Tests.Risk;

public class RiskStateRecoveryTests
{
    private static readonly RiskOptions Rules = new() { StartingBalance = 50_000m, MaxLossLimit = 2_000m, DailyLossLimit = 800m };
    private static readonly DateOnly Today = new(2025, 12, 10);

    [Fact]
    public void Same_trading_day_resumes_the_saved_counters_floor_and_halt_with_the_gateways_balance()
    {
        var saved = new RiskState(Today, 50_600m, 51_500m, 51_500m, 49_500m, 2, 3, 25, "2 consecutive losses: done for the day", null);

        var (state, assumptions) = RiskStateRecovery.Recover(saved, new AccountFacts(50_580m, -920m, true), Today, Rules);

        Assert.Equal(saved with { Balance = 50_580m }, state);
        Assert.Empty(assumptions);
    }

    [Fact]
    public void An_earlier_days_state_is_rolled_the_floor_trails_the_days_start_balance_and_the_day_counters_reset()
    {
        var saved = new RiskState(Today.AddDays(-1), 51_000m, 50_000m, 50_500m, 48_500m, 2, 4, 25, "daily loss limit reached", null);

        var (state, _) = RiskStateRecovery.Recover(saved, new AccountFacts(51_900m, 100m, true), Today, Rules);

        // Yesterday closed at 51,900 - 100 = 51,800: the highest end-of-day balance, the floor 2,000 below it.
        Assert.Equal(new RiskState(Today, 51_900m, 51_800m, 51_800m, 49_800m, 0, 0, 25, null, null), state);
    }

    [Fact]
    public void The_floor_never_moves_down_and_a_halt_for_good_survives_the_roll()
    {
        var saved = new RiskState(Today.AddDays(-3), 49_900m, 50_000m, 52_100m, 50_000m, 0, 1, 30, null, "maximum loss limit: equity 49990.00 at or below floor 50000.00");

        var (state, _) = RiskStateRecovery.Recover(saved, new AccountFacts(49_900m, 0m, true), Today, Rules);

        Assert.Equal((50_000m, 52_100m, saved.HaltedForGood), (state.MaxLossFloor, state.HighestEndOfDayBalance, state.HaltedForGood));
    }

    [Fact]
    public void First_start_counts_the_day_from_the_balance_minus_todays_realised_pnl()
    {
        // The case: a -900 day at start-up is -900, not +600 against the configured balance.
        var (state, _) = RiskStateRecovery.Recover(null, new AccountFacts(50_600m, -900m, true), Today, Rules with { KnownMaxLossFloor = 48_000m });

        Assert.Equal((51_500m, -900m), (state.DayStartBalance, state.Balance - state.DayStartBalance));
    }

    [Fact]
    public void First_start_on_a_fresh_account_uses_the_initial_floor_without_assumptions()
    {
        var (state, assumptions) = RiskStateRecovery.Recover(null, new AccountFacts(50_000m, 0m, false), Today, Rules);

        Assert.Equal(48_000m, state.MaxLossFloor);
        Assert.Empty(assumptions);
    }

    [Fact]
    public void First_start_on_an_account_with_history_assumes_the_floor_locked_at_the_starting_balance_and_says_so()
    {
        // The case: a floor locked at 50,000 must not become 47,950 after a restart at 49,950.
        var (state, assumptions) = RiskStateRecovery.Recover(null, new AccountFacts(49_950m, 0m, true), Today, Rules);

        Assert.Equal(50_000m, state.MaxLossFloor);
        Assert.Contains("set-floor", Assert.Single(assumptions), StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_floor_replaces_the_assumption_but_never_lowers_a_saved_floor()
    {
        var known = Rules with { KnownMaxLossFloor = 48_700m };
        var (first, assumptions) = RiskStateRecovery.Recover(null, new AccountFacts(50_300m, 0m, true), Today, known);
        var saved = new RiskState(Today, 50_300m, 50_300m, 51_200m, 49_200m, 0, 0, 5, null, null);
        var (resumed, _) = RiskStateRecovery.Recover(saved, new AccountFacts(50_300m, 0m, true), Today, known);

        Assert.Equal((48_700m, 49_200m), (first.MaxLossFloor, resumed.MaxLossFloor));
        Assert.Empty(assumptions);
    }

    [Fact]
    public void A_resumed_risk_manager_keeps_the_halt_and_the_days_pnl_and_refuses_entries()
    {
        var saved = new RiskState(Today, 50_600m, 51_500m, 51_500m, 49_500m, 0, 2, 25, "daily loss limit reached (-900.00 USD)", null);
        var risk = new RiskManager(Rules, GoldBot.Market.ContractSpec.BuiltIn["MGC"], new GoldBot.Execution.FillModelOptions(), TimeSpan.FromMinutes(3));
        risk.Resume(saved);
        var noon = GoldBot.Market.CmeSession.TradingDayOpen(Today).AddHours(19); // 12:00 CT

        var status = risk.Status(noon);

        Assert.Equal((-900m, 49_500m, 50_600m, 25), (status.DailyPnL, status.MaxLossFloor, status.Balance, status.TotalTrades));
        Assert.Equal(saved.HaltedToday, status.BlockedBy);
        Assert.Equal(saved, risk.State);
    }
}
