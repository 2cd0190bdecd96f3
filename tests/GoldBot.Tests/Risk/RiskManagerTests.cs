using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Risk;

/// <summary>
/// Topstep 50K defaults (DLL $800, trailing MLL $2,000, 50 contracts, 2 consecutive losses,
/// 08:30–15:00 CT, flatten 15:05 / flat by 15:08 CT), sizing and target legs. MGC with default
/// costs: one contract at an N-tick stop risks N × $1 + $3.24 (2 × $0.62 commission + 1 tick
/// market + 1 tick stop slippage). Times are Chicago wall-clock times in December 2025 (CST)
/// unless stated; 2 December is a Tuesday.
/// </summary>
public sealed class RiskManagerTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);

    private static DateTimeOffset Ct(int day, int hour, int minute, int month = 12) =>
        CmeSession.AtExchangeTime(new DateOnly(2025, month, day), new TimeOnly(hour, minute));

    private static RiskManager NewManager(RiskOptions? options = null, ContractSpec? contract = null, TimeSpan? barPeriod = null) =>
        new(options ?? new RiskOptions(), contract ?? Mgc, new FillModelOptions(), barPeriod ?? ThreeMinutes);

    /// <summary>A trade that opens and closes, leaving <paramref name="balanceAfter"/>, counted as a win or loss by <paramref name="netPnL"/>.</summary>
    private static void Trade(RiskManager risk, decimal balanceBefore, decimal balanceAfter, decimal netPnL)
    {
        risk.OnPosition(1, 2000m, false, balanceBefore);
        risk.OnPosition(0, 0m, false, balanceAfter);
        risk.OnTradeClosed(netPnL);
    }

    private static string? Refusal(RiskManager risk, DateTimeOffset now, int stopTicks = 20) =>
        risk.Evaluate(Signals.Long(now, stopTicks), now).Reason;

    /// <summary>Evaluates an approved long and clears the pending entry, as a rejected or cancelled entry would.</summary>
    private static TradePlan Approve(RiskManager risk, DateTimeOffset now, int stopTicks = 20)
    {
        var decision = risk.Evaluate(Signals.Long(now, stopTicks), now);
        Assert.True(decision.Approved, decision.Reason);
        risk.OnPosition(0, 0m, false, risk.Equity);
        return decision.Plan!;
    }

    [Fact]
    public void A_signal_judged_more_than_30_s_after_its_bar_closed_is_refused_as_stale()
    {
        var risk = NewManager();
        var signal = Signals.Long(Ct(2, 10, 0), 20);

        Assert.True(risk.Evaluate(signal, Ct(2, 10, 0).AddSeconds(30)).Approved);
        risk.OnPosition(0, 0m, false, risk.Equity);
        Assert.Equal("stale signal: its bar closed 31 s ago (limit 30 s)", risk.Evaluate(signal, Ct(2, 10, 0).AddSeconds(31)).Reason);
        // A bar taken from History after a market-hub gap: closed at 14:54 CT, judged at 15:12 CT (chaos seed 2024).
        Assert.Equal("stale signal: its bar closed 1080 s ago (limit 30 s)", risk.Evaluate(Signals.Long(Ct(2, 14, 54), 20), Ct(2, 15, 12)).Reason);
    }

    // ---- sizing ----

    [Fact]
    public void Worked_example_half_risk_20_tick_stop_sizes_10_contracts()
    {
        var risk = NewManager();
        risk.SetDefaultContracts(50); // let the risk budget decide

        var plan = risk.Evaluate(Signals.Long(Ct(2, 10, 0), 20), Ct(2, 10, 0)).Plan!;

        // Budget: $500 × 0.5 (first 20 trades) = $250.
        // Per contract: 20 ticks × $1.00 + 2 × $0.62 + (1 + 1) ticks × $1.00 = $23.24.
        // floor(250 / 23.24) = floor(10.757) = 10 contracts; planned risk 10 × 23.24 = $232.40.
        Assert.Equal((10, 20, 232.40m, 250m), (plan.Quantity, plan.StopTicks, plan.RiskAmount, plan.RiskBudget));
        Assert.Equal(
        [
            new TargetLeg("tp1", 5, 20, 1m),
            new TargetLeg("tp2", 4, 40, 2m),
            new TargetLeg("runner", 1, 50, 2.5m),
        ], plan.Targets);
    }

    [Fact]
    public void Default_contracts_cap_the_size_when_risk_allows_more()
    {
        var plan = NewManager().Evaluate(Signals.Long(Ct(2, 10, 0), 20), Ct(2, 10, 0)).Plan!;

        // Risk allows 10; the default (the plan's 8 MGC) caps it: risk 8 × 23.24 = $185.92.
        Assert.Equal((8, 185.92m), (plan.Quantity, plan.RiskAmount));
    }

    [Fact]
    public void First_20_trades_use_half_risk_and_the_21st_full_risk()
    {
        var risk = NewManager();
        risk.SetDefaultContracts(50);
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        for (var i = 0; i < 19; i++)
            Trade(risk, 50_000m, 50_000m, 1m);

        Assert.Equal(10, Approve(risk, Ct(2, 10, 0)).Quantity);   // the 20th trade: $250 / 23.24 → 10
        Trade(risk, 50_000m, 50_000m, 1m);
        Assert.Equal(20, risk.Status(Ct(2, 10, 0)).TotalTrades);

        var plan = Approve(risk, Ct(2, 10, 3));                    // the 21st: $500 / 23.24 = 21.5 → 21
        Assert.Equal((21, 500m, 488.04m), (plan.Quantity, plan.RiskBudget, plan.RiskAmount));
    }

    [Fact]
    public void Budget_is_capped_by_what_is_left_of_the_daily_loss_limit()
    {
        var risk = NewManager();
        risk.SetDefaultContracts(50);
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        Trade(risk, 50_000m, 49_300m, -700m); // one loss: the consecutive-loss rule is not yet hit

        var plan = Approve(risk, Ct(2, 10, 0));

        // $800 − $700 = $100 left today: floor(100 / 23.24) = 4; risk 4 × 23.24 = $92.96.
        Assert.Equal((4, 100m, 92.96m), (plan.Quantity, plan.RiskBudget, plan.RiskAmount));
    }

    [Fact]
    public void Budget_is_capped_by_the_distance_to_the_maximum_loss_floor()
    {
        var risk = NewManager();
        risk.SetDefaultContracts(50);
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        Trade(risk, 50_000m, 48_150m, -1_850m);
        risk.OnMarket(Ct(2, 17, 0), 2000m); // new day: daily limit fresh, floor still $48,000

        var plan = Approve(risk, Ct(3, 10, 0));

        // min($250, $800, $48,150 − $48,000 − $0.01 = $149.99) = $149.99: floor(149.99 / 23.24) = 6.
        // (The cent keeps a planned stop-out off the floor itself, which would touch the limit.)
        Assert.Equal((6, 149.99m), (plan.Quantity, plan.RiskBudget));
    }

    [Fact]
    public void Stop_too_wide_for_the_budget_is_refused_with_the_numbers()
    {
        Assert.Equal("risk budget $250.00 covers 0 contracts at a 300-tick stop ($303.24 per contract), minimum 1",
            Refusal(NewManager(), Ct(2, 10, 0), stopTicks: 300));
    }

    [Fact]
    public void Contract_limit_counts_micro_equivalents()
    {
        // GC counts as 10 micros: 5 micros of limit leave no room for one GC. Risk alone would allow
        // floor(250 / (10 × $10 + 2 × 0.62 + 2 × $10)) = floor(250 / 121.24) = 2.
        var risk = NewManager(new RiskOptions { MaxContracts = 5, DefaultContracts = 5 }, ContractSpec.BuiltIn["GC"]);

        Assert.Equal("contract limit: 0 contracts of room, minimum 1", Refusal(risk, Ct(2, 10, 0), stopTicks: 10));
    }

    [Theory]
    [InlineData(1, "tp1:1@15")]
    [InlineData(2, "tp1:1@15 tp2:1@30")]
    [InlineData(3, "tp1:2@15 tp2:1@30")]
    [InlineData(4, "tp1:2@15 tp2:2@30")]
    [InlineData(5, "tp1:3@15 tp2:2@30")] // tp1 and runner tie at 0.5: the nearer target wins
    [InlineData(6, "tp1:3@15 tp2:2@30 runner:1@38")]
    [InlineData(7, "tp1:3@15 tp2:3@30 runner:1@38")]
    [InlineData(8, "tp1:4@15 tp2:3@30 runner:1@38")]
    [InlineData(9, "tp1:4@15 tp2:4@30 runner:1@38")]
    [InlineData(10, "tp1:5@15 tp2:4@30 runner:1@38")]
    public void Target_legs_split_50_40_10_by_largest_remainder_and_sum_to_the_quantity(int quantity, string expected)
    {
        var risk = NewManager();
        risk.SetDefaultContracts(quantity);

        // 15-tick stop: 1R = 15, 2R = 30, 2.5R = 37.5 → 38 ticks. Risk allows floor(250 / 18.24) = 13.
        var plan = risk.Evaluate(Signals.Long(Ct(2, 10, 0), 15), Ct(2, 10, 0)).Plan!;

        Assert.Equal(quantity, plan.Quantity);
        Assert.Equal(quantity, plan.Targets.Sum(t => t.Quantity));
        var legs = string.Join(' ', plan.Targets.Select(t => $"{t.Name}:{t.Quantity}@{t.Ticks}"));
        Assert.Equal(expected, legs);
    }

    // ---- refusals ----

    [Fact]
    public void Signal_rejected_by_the_strategy_keeps_its_reason()
    {
        var decision = NewManager().Evaluate(Signals.Long(Ct(2, 10, 0), rejection: "score 4 below the minimum 6"), Ct(2, 10, 0));

        Assert.Equal((false, "score 4 below the minimum 6"), (decision.Approved, decision.Reason));
    }

    [Fact]
    public void Entries_only_between_08_30_and_15_00_CT()
    {
        var risk = NewManager();

        Assert.Equal("outside trading window 08:30–15:00 CT", Refusal(risk, Ct(2, 8, 27)));
        Assert.Equal("outside trading window 08:30–15:00 CT", Refusal(risk, Ct(2, 15, 0)));
        // 13:30 UTC is 07:30 CST in December but 08:30 CDT in June.
        Assert.Equal("outside trading window 08:30–15:00 CT", Refusal(risk, new DateTimeOffset(2025, 12, 2, 13, 30, 0, TimeSpan.Zero)));
        Approve(risk, Ct(2, 8, 30));
        Approve(risk, Ct(2, 14, 57));
        Approve(risk, new DateTimeOffset(2025, 6, 3, 13, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void One_position_at_a_time_including_a_pending_entry()
    {
        var risk = NewManager();
        Assert.True(risk.Evaluate(Signals.Long(Ct(2, 10, 0)), Ct(2, 10, 0)).Approved);

        Assert.Equal("a position is already open", Refusal(risk, Ct(2, 10, 0))); // entry pending
        risk.OnPosition(8, 2000.1m, false, 49_995.04m);
        Assert.Equal("a position is already open", Refusal(risk, Ct(2, 10, 3)));
    }

    [Fact]
    public void News_blackout_blocks_entries_from_its_start_to_its_exclusive_end()
    {
        var risk = NewManager(new RiskOptions { NewsBlackouts = [new NewsBlackout { Name = "FOMC", Start = Ct(2, 12, 55), End = Ct(2, 13, 15) }] });

        Approve(risk, Ct(2, 12, 54));
        Assert.Equal("news blackout: FOMC", Refusal(risk, Ct(2, 12, 55)));
        Assert.Equal("news blackout: FOMC", Refusal(risk, Ct(2, 13, 14)));
        Approve(risk, Ct(2, 13, 15));
    }

    [Fact]
    public void Pause_blocks_entries_until_resumed()
    {
        var risk = NewManager();

        risk.SetPaused(true);
        Assert.True(risk.Paused);
        Assert.Equal("paused (PAUSE_TRADING.txt)", Refusal(risk, Ct(2, 10, 0)));

        risk.SetPaused(false);
        Assert.False(risk.Paused);
        Approve(risk, Ct(2, 10, 0));
    }

    [Fact]
    public void Emergency_stop_blocks_entries_for_good()
    {
        var risk = NewManager();

        risk.StopForEmergency();
        risk.SetPaused(false);

        Assert.True(risk.EmergencyStop);
        Assert.Equal("emergency stop (EMERGENCY_STOP.txt)", Refusal(risk, Ct(2, 10, 0)));
        risk.OnMarket(Ct(2, 17, 0), 2000m);
        Assert.Equal("emergency stop (EMERGENCY_STOP.txt)", Refusal(risk, Ct(3, 10, 0)));
    }

    [Fact]
    public void Daily_loss_limit_on_the_balance_alone_refuses_entries()
    {
        var risk = NewManager();
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        risk.OnPosition(0, 0m, false, 49_200m);

        Assert.Equal("daily loss limit reached", Refusal(risk, Ct(2, 10, 0)));
    }

    // ---- daily loss limit, maximum loss limit, consecutive losses ----

    [Fact]
    public void Daily_loss_limit_flattens_and_blocks_entries_until_the_17_00_CT_roll()
    {
        var risk = NewManager();
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        risk.OnPosition(8, 2000m, false, 50_000m);

        // Open loss 8 × (1990.1 − 2000) × $10 = −$792: not yet.
        Assert.Null(risk.OnMarket(Ct(2, 9, 3), 1990.1m));
        Assert.Equal(-792m, risk.DailyPnL);
        // At 1990.0 the open loss is 8 × −10.0 × $10 = −$800: flatten.
        Assert.Equal("daily_loss_limit", risk.OnMarket(Ct(2, 9, 6), 1990.0m));
        Assert.Equal((-800m, 49_200m), (risk.OpenPnL, risk.Equity));

        risk.OnPosition(0, 0m, false, 49_195.04m);
        Assert.Null(risk.OnMarket(Ct(2, 9, 9), 1990.0m)); // flat: nothing to flatten
        Assert.Equal("daily loss limit reached (-800.00 USD)", Refusal(risk, Ct(2, 10, 0)));
        Assert.Null(risk.OnMarket(Ct(2, 16, 57), 1990.0m));
        Assert.Equal("daily loss limit reached (-800.00 USD)", risk.BlockedBy(Ct(2, 16, 57)));

        risk.OnMarket(Ct(2, 17, 0), 1990.0m); // trading day of 3 December starts
        var status = risk.Status(Ct(2, 17, 0));
        Assert.Equal((new DateOnly(2025, 12, 3), 0m, 800m), (status.TradingDay, status.DailyPnL, status.DailyLossRemaining));
        Assert.Equal("outside trading window 08:30–15:00 CT", status.BlockedBy);
        Approve(risk, Ct(3, 8, 30));
    }

    [Fact]
    public void Maximum_loss_floor_trails_the_end_of_day_balance_and_stops_at_the_starting_balance()
    {
        var risk = NewManager();
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        Assert.Equal(48_000m, risk.Status(Ct(2, 9, 0)).MaxLossFloor);

        risk.OnPosition(0, 0m, false, 51_500m); // intraday high does not count
        risk.OnPosition(0, 0m, false, 51_000m);
        risk.OnMarket(Ct(2, 17, 0), 2000m);
        Assert.Equal(49_000m, risk.Status(Ct(2, 17, 0)).MaxLossFloor);   // 51,000 − 2,000

        risk.OnPosition(0, 0m, false, 50_500m);                          // a losing day: the floor stays
        risk.OnMarket(Ct(3, 17, 0), 2000m);
        Assert.Equal(49_000m, risk.Status(Ct(3, 17, 0)).MaxLossFloor);

        risk.OnPosition(0, 0m, false, 52_600m);                          // 52,600 − 2,000 = 50,600 → capped
        risk.OnMarket(Ct(4, 17, 0), 2000m);
        Assert.Equal(50_000m, risk.Status(Ct(4, 17, 0)).MaxLossFloor);

        risk.OnPosition(0, 0m, false, 54_000m);
        risk.OnMarket(Ct(5, 17, 0), 2000m);
        Assert.Equal(50_000m, risk.Status(Ct(5, 17, 0)).MaxLossFloor);
    }

    [Fact]
    public void Equity_at_the_maximum_loss_floor_flattens_and_stops_trading_for_good()
    {
        var risk = NewManager();
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        risk.OnPosition(0, 0m, false, 48_700m);
        risk.OnMarket(Ct(2, 17, 0), 2000m);      // next day starts at $48,700; floor $48,000
        risk.OnPosition(10, 2000m, false, 48_700m);

        // 10 × (1993.0 − 2000) × $10 = −$700: the day is above the daily limit, the account is at its floor.
        Assert.Equal("max_loss_limit", risk.OnMarket(Ct(3, 9, 0), 1993.0m));

        risk.OnPosition(0, 0m, false, 47_990m);
        const string Reason = "maximum loss limit: equity 48000.00 at or below floor 48000.00";
        Assert.Equal(Reason, Refusal(risk, Ct(3, 10, 0)));
        risk.OnMarket(Ct(3, 17, 0), 2000m);
        Assert.Equal(Reason, Refusal(risk, Ct(4, 10, 0)));
    }

    [Fact]
    public void Two_consecutive_losses_end_the_day_and_the_count_resets_next_day()
    {
        var risk = NewManager();
        risk.OnMarket(Ct(2, 9, 0), 2000m);
        Trade(risk, 50_000m, 49_950m, -50m);
        Trade(risk, 49_950m, 50_010m, 60m);  // a win resets the count
        Trade(risk, 50_010m, 49_960m, -50m);
        Approve(risk, Ct(2, 10, 0));

        Trade(risk, 49_960m, 49_910m, -50m);

        Assert.Equal("2 consecutive losses: done for the day", Refusal(risk, Ct(2, 10, 3)));
        Assert.Equal(2, risk.Status(Ct(2, 10, 3)).ConsecutiveLosses);
        risk.OnMarket(Ct(2, 17, 0), 2000m);
        Assert.Equal(0, risk.Status(Ct(2, 17, 0)).ConsecutiveLosses);
        Approve(risk, Ct(3, 8, 30));
    }

    // ---- end-of-day flatten ----

    [Theory]
    [InlineData(12, 2)] // CST
    [InlineData(6, 3)]  // CDT
    public void Three_minute_bars_flatten_at_the_15_06_close_not_at_15_03(int month, int day)
    {
        var risk = NewManager();
        risk.OnMarket(Ct(day, 14, 57, month), 2000m);
        risk.OnPosition(2, 2000m, false, 50_000m);

        Assert.Null(risk.OnMarket(Ct(day, 15, 0, month), 2000m));
        Assert.Null(risk.OnMarket(Ct(day, 15, 3, month), 2000m));  // the market order would fill at 15:03, 5 minutes early
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(day, 15, 6, month), 2000m)); // fills at the 15:06 open, before 15:08
    }

    [Fact]
    public void One_minute_bars_flatten_at_15_05_and_keep_asking_while_still_exposed()
    {
        var risk = NewManager(barPeriod: TimeSpan.FromMinutes(1));
        risk.OnMarket(Ct(2, 15, 0), 2000m);
        risk.OnPosition(2, 2000m, false, 50_000m);

        Assert.Null(risk.OnMarket(Ct(2, 15, 4), 2000m));
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(2, 15, 5), 2000m));
        // Past the 15:08 deadline (a missed fill, a data gap) the request repeats until flat.
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(2, 15, 30), 2000m));
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(2, 16, 59), 2000m));
    }

    [Fact]
    public void Fifteen_minute_bars_flatten_one_bar_early_rather_than_late()
    {
        var risk = NewManager(barPeriod: TimeSpan.FromMinutes(15));
        risk.OnMarket(Ct(2, 14, 30), 2000m);
        risk.OnPosition(2, 2000m, false, 50_000m);

        Assert.Null(risk.OnMarket(Ct(2, 14, 45), 2000m));
        // The next close, 15:15, is after the 15:08 deadline: flatten at 15:00.
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(2, 15, 0), 2000m));
    }

    [Fact]
    public void Flatten_only_when_exposed_and_a_pending_entry_counts()
    {
        var risk = NewManager();
        risk.OnMarket(Ct(2, 14, 54), 2000m);
        Assert.Null(risk.OnMarket(Ct(2, 15, 6), 2000m)); // flat, nothing pending

        var risk2 = NewManager();
        Assert.True(risk2.Evaluate(Signals.Long(Ct(2, 14, 57)), Ct(2, 14, 57)).Approved);
        Assert.Equal("eod_flatten", risk2.OnMarket(Ct(2, 15, 6), 2000m));
    }

    [Fact]
    public void A_flat_account_marked_bar_after_bar_still_sees_a_pending_entry_and_a_new_balance()
    {
        var risk = NewManager();
        Assert.Null(risk.OnMarket(Ct(2, 14, 51), 2000m));
        Assert.Null(risk.OnMarket(Ct(2, 14, 54), 2001m)); // the same flat account: the same answer
        Assert.Equal(50_000m, risk.WorstEquity);

        Assert.True(risk.Evaluate(Signals.Long(Ct(2, 14, 57)), Ct(2, 14, 57)).Approved);
        Assert.Equal("eod_flatten", risk.OnMarket(Ct(2, 15, 6), 2000m)); // the entry pending makes it exposed

        risk.OnPosition(0, 0m, false, 50_000m);
        Assert.Null(risk.OnMarket(Ct(2, 15, 9), 2000m));
        risk.OnPosition(0, 0m, false, 49_100m); // a balance change while flat (fees booked late, an adjustment)
        Assert.Null(risk.OnMarket(Ct(2, 15, 12), 2000m));
        Assert.Equal((49_100m, 49_100m), (risk.WorstEquity, risk.Equity));
        Assert.Equal("daily loss limit reached (-900.00 USD)", risk.BlockedBy(Ct(2, 15, 12)));
    }

    // ---- controls and status ----

    [Fact]
    public void Default_contracts_can_be_set_between_the_minimum_and_the_contract_limit()
    {
        var risk = NewManager();

        Assert.Throws<ArgumentOutOfRangeException>(() => risk.SetDefaultContracts(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => risk.SetDefaultContracts(51));
        Assert.Equal(8, risk.DefaultContracts);
        risk.SetDefaultContracts(50);
        Assert.Equal(50, risk.DefaultContracts);
        risk.SetDefaultContracts(1);
        Assert.Equal(1, risk.DefaultContracts);
        risk.SetDefaultContracts(3);

        Assert.Equal(3, Approve(risk, Ct(2, 10, 0)).Quantity);
        Assert.Equal(3, risk.Status(Ct(2, 10, 0)).DefaultContracts);
    }

    [Fact]
    public void Status_before_market_data_says_so_and_counts_trades_after()
    {
        var risk = NewManager();
        Assert.Equal((false, "no market data yet"), (risk.Status(Ct(2, 10, 0)).CanTrade, risk.Status(Ct(2, 10, 0)).BlockedBy));

        risk.OnMarket(Ct(2, 10, 0), 2000m);
        Trade(risk, 50_000m, 50_040m, 40m);

        var status = risk.Status(Ct(2, 10, 3));
        Assert.Equal((true, null, 1, 1, 40m, 840m), (status.CanTrade, status.BlockedBy, status.DailyTrades, status.TotalTrades, status.DailyPnL, status.DailyLossRemaining));
    }

    // ---- entry modes and exit profiles (issue 12 §2) ----

    [Theory]
    [InlineData(1, "tp1:1@46")]
    [InlineData(4, "tp1:2@46 trail:2")]
    [InlineData(5, "tp1:3@46 trail:2")]
    public void Atr_trail_puts_half_the_contracts_at_its_first_target_and_leaves_the_rest_without_one(int quantity, string expected)
    {
        var risk = NewManager(new RiskOptions { DefaultContracts = quantity, MaxRiskPerTrade = 400m });
        var signal = Signals.Long(Ct(2, 10, 0), 20) with { Exit = new ExitRule(ExitProfile.AtrTrail, 46, 69) };
        var plan = risk.Evaluate(signal, Ct(2, 10, 0)).Plan!;
        Assert.Equal(quantity, plan.Quantity);
        Assert.Equal(expected, string.Join(' ', plan.Targets.Select(t => t.Trailing ? $"{t.Name}:{t.Quantity}" : $"{t.Name}:{t.Quantity}@{t.Ticks}")));
        Assert.Equal(2.3m, plan.Targets[0].RMultiple); // 46 ticks over a 20-tick stop
        Assert.Null(plan.EntryExpiresAt);
    }

    [Fact]
    public void A_limit_entry_works_for_its_time_but_never_past_the_end_of_the_entry_window()
    {
        var risk = NewManager();
        var limit = new EntryRule(true, 2001m, TimeSpan.FromHours(1));
        var morning = risk.Evaluate(Signals.Long(Ct(2, 10, 0), 20) with { Entry = limit }, Ct(2, 10, 0)).Plan!;
        Assert.Equal(Ct(2, 11, 0), morning.EntryExpiresAt);
        risk.OnPosition(0, 0m, false, risk.Equity);
        var late = risk.Evaluate(Signals.Long(Ct(2, 14, 30), 20) with { Entry = limit }, Ct(2, 14, 30)).Plan!;
        Assert.Equal(Ct(2, 15, 0), late.EntryExpiresAt); // the window ends at 15:00 CT
    }

    // ---- the learning system (issue 13 §3) ----

    [Fact]
    public void Learning_refuses_what_it_disabled_and_scales_the_default_size_inside_the_risk_budget()
    {
        var learning = new GoldBot.Learning.LearningSystem(new GoldBot.Learning.LearningOptions(), ["order_block", "fair_value_gap"], 8);
        foreach (var trade in ClosedTrades.LoserAndWinner(40))
            learning.Record(trade);
        learning.State.SizeMultiplier = 1.5m;
        var risk = NewManager(new RiskOptions { MaxRiskPerTrade = 400m, HalfRiskTrades = 0 });
        risk.Learning = learning;

        var refused = risk.Evaluate(Signals.Long(Ct(2, 10, 0), 20) with { Pattern = "fair_value_gap" }, Ct(2, 10, 0));
        Assert.StartsWith("learning: fair_value_gap disabled: ", refused.Reason, StringComparison.Ordinal);

        // 8 × 1.5 = 12 contracts at a 20-tick stop ($23.24 each): inside the $400 budget (17 contracts).
        var plan = risk.Evaluate(Signals.Long(Ct(2, 10, 0), 20), Ct(2, 10, 0)).Plan!;
        Assert.Equal(12, plan.Quantity);
        Assert.StartsWith("size ×1.5 by learning", plan.SizeNote, StringComparison.Ordinal);
        risk.OnPosition(0, 0m, false, risk.Equity);
        // At a 40-tick stop ($43.24 each) the $400 budget allows 9: the budget caps the learned size.
        Assert.Equal(9, risk.Evaluate(Signals.Long(Ct(2, 10, 0), 40), Ct(2, 10, 0)).Plan!.Quantity);
    }
}
