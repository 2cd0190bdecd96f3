using GoldBot.Analysis;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Analysis;

/// <summary>
/// The independent audit of finished trades: a clean set passes, and each rule it checks reports
/// its breach, so the audit itself can fail. Default Topstep 50K rules, MGC, default costs;
/// Chicago times in December 2025 (CST). Trades carry $1.24 of commission per contract.
/// </summary>
public sealed class RuleAuditTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];
    private static readonly FillModelOptions Costs = new();
    private static readonly RiskOptions Rules = new() { NewsBlackouts = [new NewsBlackout { Name = "FOMC", Start = Ct(4, 13, 0), End = Ct(4, 13, 15) }] };

    private static DateTimeOffset Ct(int day, int hour, int minute) =>
        CmeSession.AtExchangeTime(new DateOnly(2025, 12, day), new TimeOnly(hour, minute));

    /// <summary>A closed trade with net P&amp;L <paramref name="pnl"/>; <paramref name="exit"/> null leaves it open.</summary>
    private static TradeRecord Trade(string id, DateTimeOffset entry, DateTimeOffset? exit, decimal pnl, int size = 4)
    {
        var commission = size * 1.24m;
        return new TradeRecord(id, entry, "order_block", 8, "long", 2000m, 2000m, 1998m, 2004m, size, size * 23.24m,
            Signals.Conditions, exit, [], pnl + commission, commission, exit is null ? null : "tp1", 0m);
    }

    /// <summary>Three days inside every rule: two losses in a row end 3 December at −$750.</summary>
    private static List<TradeRecord> Clean() =>
    [
        Trade("d2-1", Ct(2, 9, 0), Ct(2, 9, 30), 120.00m),
        Trade("d2-2", Ct(2, 10, 0), Ct(2, 10, 45), -60.00m),
        Trade("d2-3", Ct(2, 14, 57), Ct(2, 15, 8), 40.00m),   // flattened exactly at the deadline
        Trade("d3-1", Ct(3, 8, 30), Ct(3, 9, 0), -300.00m),
        Trade("d3-2", Ct(3, 11, 0), Ct(3, 11, 30), -450.00m),
        Trade("d4-1", Ct(4, 13, 15), Ct(4, 14, 0), 200.00m),  // the blackout has just ended
    ];

    private static IReadOnlyList<string> Audit(IReadOnlyList<TradeRecord> trades, RiskOptions? rules = null, ContractSpec? contract = null) =>
        RuleAudit.Check(trades, rules ?? Rules, contract ?? Mgc, Costs);

    private static List<TradeRecord> CleanWith(TradeRecord extra)
    {
        var trades = Clean();
        trades.Add(extra);
        trades.Sort((a, b) => a.EntryTime.CompareTo(b.EntryTime));
        return trades;
    }

    [Fact]
    public void A_clean_set_has_no_breach()
    {
        Assert.Empty(Audit(Clean()));
        Assert.Empty(Audit([]));
    }

    [Fact]
    public void Entry_outside_the_window_is_a_breach()
    {
        Assert.Equal(["early: entry at 08:15 CT outside the window 08:30–15:00"], Audit(CleanWith(Trade("early", Ct(5, 8, 15), Ct(5, 8, 45), 10m))));
        Assert.Equal(["late: entry at 15:00 CT outside the window 08:30–15:00"], Audit(CleanWith(Trade("late", Ct(5, 15, 0), Ct(5, 15, 3), 10m))));
    }

    [Fact]
    public void Entry_during_a_news_blackout_is_a_breach()
    {
        Assert.Equal(["fomc: entry during news blackout FOMC"], Audit(CleanWith(Trade("fomc", Ct(4, 13, 5), Ct(4, 13, 20), 10m))));
    }

    [Fact]
    public void Entry_after_the_consecutive_loss_stop_is_a_breach()
    {
        Assert.Equal(["third: entry after 2 consecutive losses"], Audit(CleanWith(Trade("third", Ct(3, 12, 0), Ct(3, 12, 30), 10m))));
    }

    [Fact]
    public void Size_above_the_contract_limit_is_a_breach_in_micro_equivalents()
    {
        Assert.Equal(["big: 51 contracts above the limit 50"], Audit(CleanWith(Trade("big", Ct(5, 10, 0), Ct(5, 10, 30), 10m, size: 51))));
        Assert.Empty(Audit([Trade("gc5", Ct(5, 10, 0), Ct(5, 10, 30), 10m, size: 5)], contract: ContractSpec.BuiltIn["GC"]));
        Assert.Equal(["gc6: 6 contracts above the limit 50"], Audit([Trade("gc6", Ct(5, 10, 0), Ct(5, 10, 30), 10m, size: 6)], contract: ContractSpec.BuiltIn["GC"]));
    }

    [Fact]
    public void Not_flat_by_15_08_CT_is_a_breach()
    {
        Assert.Equal(["slow: not flat by 15:08 CT"], Audit(CleanWith(Trade("slow", Ct(5, 14, 0), Ct(5, 15, 9), 10m))));
        Assert.Equal(["open: not flat by 15:08 CT"], Audit(CleanWith(Trade("open", Ct(5, 14, 0), null, 0m))));
    }

    [Fact]
    public void Day_loss_beyond_the_daily_limit_plus_one_trades_slippage_is_a_breach()
    {
        // Largest size 4: allowance 4 × (1 + 1) ticks × $1 = $8, so −$808 is the most a day may lose.
        var within = new List<TradeRecord> { Trade("a", Ct(5, 9, 0), Ct(5, 9, 30), -300.00m), Trade("b", Ct(5, 10, 0), Ct(5, 10, 30), -508.00m) };
        var beyond = new List<TradeRecord> { Trade("a", Ct(5, 9, 0), Ct(5, 9, 30), -300.00m), Trade("b", Ct(5, 10, 0), Ct(5, 10, 30), -508.01m) };

        Assert.Empty(Audit(within));
        Assert.Equal(["2025-12-05: day P&L -808.01 below the daily loss limit −800 by more than one trade's slippage (8.00)"], Audit(beyond));
    }

    [Fact]
    public void Balance_at_the_trailing_maximum_loss_floor_is_a_breach()
    {
        // Daily limit out of the way. Day 1 ends at $52,500, so the floor trails to min(50,000, 50,500) = $50,000;
        // giving the $2,500 back on day 2 touches it. With a floor that did not trail ($48,000) it would not.
        var rules = Rules with { DailyLossLimit = 5_000m, MaxConsecutiveLosses = 5 };
        var trades = new List<TradeRecord>
        {
            Trade("up", Ct(2, 9, 0), Ct(2, 9, 30), 2_500.00m),
            Trade("down", Ct(3, 9, 0), Ct(3, 9, 30), -2_500.00m),
        };

        Assert.Equal(["down: balance 50000.00 at or below the maximum-loss floor 50000"], Audit(trades, rules));
        Assert.Empty(Audit([trades[0], Trade("down", Ct(3, 9, 0), Ct(3, 9, 30), -2_499.99m)], rules));
    }

    [Fact]
    public void Same_day_losses_do_not_trail_the_floor()
    {
        // The floor only moves on a new trading day: +$2,500 then −$2,500 on one day stays above $48,000.
        var rules = Rules with { DailyLossLimit = 5_000m };
        var trades = new List<TradeRecord>
        {
            Trade("up", Ct(2, 9, 0), Ct(2, 9, 30), 2_500.00m),
            Trade("down", Ct(2, 10, 0), Ct(2, 10, 30), -2_500.00m),
        };

        Assert.Empty(Audit(trades, rules));
    }
}
