using GoldBot.Backtesting.Statistics;
using GoldBot.Risk;
using static GoldBot.Backtesting.Tests.Statistics.HandMadeResults;

namespace GoldBot.Backtesting.Tests.Statistics;

/// <summary>
/// The report's whole-run tables on hand-made results: refusals grouped by reason, the trading-stop verdict, monthly and
/// yearly returns, the R-multiple histogram and the exit-reason breakdown.
/// </summary>
public sealed class RunSummaryTablesTests
{
    private static SignalRefusal Refused(DateTimeOffset time, string reason, bool byStrategy = false) => new(time, "order_block", "long", 7, byStrategy, reason);

    private static RiskState Risk(decimal balance, decimal floor, string? haltedForGood = null) =>
        new(new DateOnly(2026, 5, 15), balance, balance, 51_125.24m, floor, 0, 0, 78, null, haltedForGood);

    [Fact]
    public void Refusals_that_differ_only_in_numbers_are_one_reason_with_the_varying_numbers_as_an_ellipsis()
    {
        var t = Utc(12, 1, 15);
        SignalRefusal[] refusals =
        [
            Refused(t, "risk budget $2.96 covers 0 contracts at a 150-tick stop ($16.24 per contract), minimum 1"),
            Refused(t.AddHours(1), "score 5 below minimum 7", byStrategy: true),
            Refused(t.AddHours(2), "risk budget $2.96 covers 0 contracts at a 210-tick stop ($22.24 per contract), minimum 1"),
            Refused(t.AddHours(3), "outside trading window 08:30–15:00 CT"),
            Refused(t.AddHours(4), "score 6 below minimum 7", byStrategy: true),
            Refused(t.AddHours(5), "risk budget $2.96 covers 0 contracts at a 150-tick stop ($16.24 per contract), minimum 1"),
        ];

        var table = RefusalGroups.Breakdown(refusals, lastExit: t.AddMinutes(90));

        Assert.Equal(
            [
                "risk: risk budget $2.96 covers 0 contracts at a …-tick stop ($… per contract), minimum 1",
                "strategy: score … below minimum 7",
                "risk: outside trading window 08:30–15:00 CT",
            ],
            table.Rows.Select(r => r.Key));
        Assert.Equal([3m, 0.5m, 2m], table.Rows[0].Values);
        Assert.Equal([2m, 0.3333m, 1m], table.Rows[1].Values);
        Assert.Equal([1m, 0.1667m, 1m], table.Rows[2].Values);
    }

    [Fact]
    public void Trading_stopped_early_when_the_risk_manager_refused_signals_through_a_stretch_longer_than_any_gap_between_trades()
    {
        // Trades at 14:30–15:00 UTC on 1, 2 and 3 Dec 2025 (the longest gap: 23.5 h overnight), then refusals until the data ends on 31 Dec.
        var trades = SevenTrades().Trades.Where(x => x.Id is "t1" or "t3" or "t6").ToList();
        var lastExit = trades[^1].ExitTime!.Value;
        var result = Result(trades, [], start: Utc(12, 1, 0), end: Utc(12, 31, 22)) with
        {
            Refusals =
            [
                Refused(Utc(12, 1, 15), "a position is already open"),
                Refused(Utc(12, 4, 15), "score 5 below minimum 7", byStrategy: true),
                Refused(Utc(12, 4, 16), "risk budget $2.96 covers 0 contracts at a 150-tick stop ($16.24 per contract), minimum 1"),
                Refused(Utc(12, 5, 2), "outside trading window 08:30–15:00 CT"),
                Refused(Utc(12, 9, 16), "risk budget $2.96 covers 0 contracts at a 90-tick stop ($10.24 per contract), minimum 1"),
            ],
            FinalRisk = Risk(49_128.20m, 49_125.24m),
        };

        var stop = TradingStop.Of(result)!;

        Assert.True(stop.StoppedEarly);
        Assert.Equal(lastExit, stop.LastExit);
        Assert.Equal(TimeSpan.FromHours(23.5), stop.LongestGap);
        Assert.Equal(3, stop.RefusedAfter);
        Assert.Equal(2.96m, stop.FloorHeadroom);
        Assert.Equal(
            "Trading stopped early: the last trade closed on 2025-12-03 15:00 UTC, 28 days before the data ends (2025-12-31); the longest gap between earlier "
            + "trades was 24 hours. After it the risk manager refused all 3 signals the strategy wanted: 2 × risk budget $2.96 covers 0 contracts at a …-tick stop "
            + "($… per contract), minimum 1; 1 × outside trading window 08:30–15:00 CT. At the end the account was 2.96 USD above "
            + "its maximum loss floor (balance 49,128.20 USD, floor 49,125.24 USD): no further trade could be sized.",
            stop.Notice());
        var section = stop.ToSection();
        Assert.Equal("yes", section["stopped_early"].Text);
        Assert.Equal("2025-12-03T15:00:00Z", section["last_trade_exit_utc"].Text);
        Assert.Equal(28m, section["idle_days"].Number);
        Assert.Equal(2.96m, section["floor_headroom"].Number);
    }

    [Fact]
    public void Trading_that_goes_on_to_the_end_or_stops_for_good_is_told_apart()
    {
        var trades = SevenTrades().Trades;
        var busy = Result(trades, [], start: Utc(12, 1, 0), end: Utc(12, 3, 22)) with
        {
            Refusals = [Refused(Utc(12, 3, 20), "outside trading window 08:30–15:00 CT")],
            FinalRisk = Risk(50_150m, 48_000m),
        };
        var halted = busy with
        {
            Run = busy.Run with { End = Utc(12, 31, 22) },
            Refusals = [Refused(Utc(12, 10, 15), "maximum loss limit: equity 47990.00 at or below floor 48000.00")],
            FinalRisk = Risk(47_990m, 48_000m, "maximum loss limit: equity 47990.00 at or below floor 48000.00"),
        };

        Assert.False(TradingStop.Of(busy)!.StoppedEarly);
        Assert.Null(TradingStop.Of(busy)!.Notice());
        Assert.Null(TradingStop.Of(busy with { FinalRisk = null }));
        Assert.EndsWith("Entries were stopped for good by the maximum loss limit: equity 47990.00 at or below floor 48000.00.", TradingStop.Of(halted)!.Notice(), StringComparison.Ordinal);
    }

    [Fact]
    public void Monthly_and_yearly_returns_compound_from_day_equity()
    {
        TradingDay[] days =
        [
            new(new DateOnly(2025, 11, 28), 50_000m, 50_500m, 50_000m, 1),
            new(new DateOnly(2025, 12, 1), 50_500m, 50_000m, 49_900m, 2),
            new(new DateOnly(2025, 12, 31), 50_000m, 51_000m, 50_000m, 0),
            new(new DateOnly(2026, 1, 2), 51_000m, 51_510m, 51_000m, 3),
        ];

        var monthly = PeriodReturns.Monthly(days);
        var yearly = PeriodReturns.Yearly(days);

        Assert.Equal(["2025-11", "2025-12", "2026-01"], monthly.Rows.Select(r => r.Key));
        Assert.Equal([0.0100m, 500m, 1m], monthly.Rows[0].Values);
        Assert.Equal([0.0099m, 500m, 2m], monthly.Rows[1].Values); // 51,000 / 50,500 − 1
        Assert.Equal([0.0100m, 510m, 3m], monthly.Rows[2].Values);
        Assert.Equal([0.0200m, 1000m, 3m], yearly.Rows[0].Values);
    }

    [Fact]
    public void The_R_histogram_has_half_R_bins_from_the_lowest_to_the_highest_with_empty_bins_and_open_edges()
    {
        // Risk $100 each: −1.00 R, −0.98 R, +0.50 R, +2.40 R, −7 R (below −5), +12 R (above 10).
        var trades = new[] { -100m, -98m, 50m, 240m }.Select((net, i) => Trade($"t{i}", Utc(12, 1, 14).AddHours(i), net)).ToList();
        var table = RMultipleHistogram.Of(trades);

        Assert.Equal(["-1.0 to -0.5", "-0.5 to 0.0", "0.0 to 0.5", "0.5 to 1.0", "1.0 to 1.5", "1.5 to 2.0", "2.0 to 2.5"], table.Rows.Select(r => r.Key));
        Assert.Equal([2m, 0.5m, -198m], table.Rows[0].Values);
        Assert.Equal([0m, 0m, 0m], table.Rows[1].Values);
        Assert.Equal([1m, 0.25m, 50m], table.Rows[3].Values);
        Assert.Equal([1m, 0.25m, 240m], table.Rows[6].Values);

        var wide = RMultipleHistogram.Of([Trade("low", Utc(12, 1, 14), -700m), Trade("high", Utc(12, 1, 15), 1200m)]);
        Assert.Equal("< -5.0", wide.Rows[0].Key);
        Assert.Equal("≥ 10.0", wide.Rows[^1].Key);
        Assert.Equal(2 + 30, wide.Rows.Count); // the two edge bins and the 30 half-R bins from −5 to 10
    }

    [Fact]
    public void Trades_are_split_by_the_reason_of_their_final_exit()
    {
        var table = TradeBreakdowns.Of(SevenTrades().Trades).Single(b => b.Key == "by_exit_reason");

        Assert.Equal(["stop", "tp2"], table.Rows.Select(r => r.Key));
        Assert.Equal(3m, table.Value("stop", "trades"));
        Assert.Equal(4m, table.Value("tp2", "trades")); // net ≥ 0 exits at tp2 in the hand-made trades, breakeven included
        Assert.Equal(400m, table.Value("tp2", "net_pnl"));
    }
}
