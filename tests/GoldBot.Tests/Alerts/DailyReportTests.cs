using GoldBot.Alerts;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Alerts;

/// <summary>The daily report's figures: day P&amp;L, the distance to the profit target and to the loss floor, and the consistency rule.</summary>
public sealed class DailyReportTests
{
    private static RiskStatus Risk(decimal balance, decimal dayPnL, decimal floor) =>
        new(true, null, 0, dayPnL, 800m + Math.Min(0, dayPnL), 3, floor, false, false, 8, 3, new DateOnly(2025, 12, 2), balance);

    // 1 December (trading day): +500 and +300; 2 December (00:30 UTC is 18:30 CT on the 1st, the 2nd's trading day): +400.
    private static readonly IReadOnlyList<GoldBot.Execution.TradeRecord> Trades = [ClosedTrades.Make(0, "order_block", 5), ClosedTrades.Make(1, "order_block", 3), ClosedTrades.Make(9, "order_block", 4)];

    [Fact]
    public void The_figures_come_from_the_balance_the_floor_and_the_best_day()
    {
        var report = DailyReport.Of(Risk(51_200m, 400m, 49_200m), openPnL: -50m, Trades, 50_000m, new AlertSettings());

        Assert.Equal(new DateOnly(2025, 12, 2), report.TradingDay);
        Assert.Equal(400m, report.DayPnL);
        Assert.Equal(1_200m, report.Profit);
        Assert.Equal(1_800m, report.ToTarget);          // 3,000 target − 1,200 profit
        Assert.Equal(1_950m, report.AboveFloor);        // 51,200 − 50 open − 49,200 floor
        Assert.Equal(800m, report.BestDay);             // 1 December: 500 + 300
        Assert.False(report.ConsistencyMet);            // 800 is not under 50 % of 1,200

        var alert = report.ToAlert(new DateTimeOffset(2025, 12, 2, 21, 10, 0, TimeSpan.Zero));
        Assert.Equal((AlertKind.DailyReport, "2025-12-02", AlertSeverity.Info), (alert.Kind, alert.Key, alert.Severity));
        Assert.Equal("Daily report 2025-12-02: day P&L +400.00 USD, 3 trades", alert.Title);
        Assert.Equal("""
            balance 51200.00 USD, profit +1200.00
            profit target: 1800.00 USD to go
            loss floor 49200.00: 1950.00 USD above it
            consistency (best day under 50 % of the profit): not met, best day 800.00 is 66.7 %; the profit must pass 1600.00
            """.ReplaceLineEndings("\n"), alert.Text);
    }

    [Fact]
    public void Consistency_is_met_once_the_best_day_is_under_the_fraction_of_the_profit()
    {
        var report = DailyReport.Of(Risk(51_700m, 400m, 49_700m), 0m, Trades, 50_000m, new AlertSettings());
        Assert.True(report.ConsistencyMet); // 800 < 0.5 × 1,700
        Assert.EndsWith("met, best day 800.00 is 47.1 %", report.ToAlert(DateTimeOffset.UnixEpoch).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_profit_there_is_no_consistency_and_a_reached_target_says_so()
    {
        var losing = DailyReport.Of(Risk(49_900m, -100m, 48_000m), 0m, [], 50_000m, new AlertSettings());
        Assert.False(losing.ConsistencyMet);
        Assert.Null(losing.BestDay);
        Assert.Equal(3_100m, losing.ToTarget);
        Assert.Contains("no profit yet", losing.ToAlert(DateTimeOffset.UnixEpoch).Text, StringComparison.Ordinal);

        var passed = DailyReport.Of(Risk(53_500m, 400m, 50_000m), 0m, Trades, 50_000m, new AlertSettings());
        Assert.Equal(0m, passed.ToTarget);
        Assert.Contains("profit target: reached", passed.ToAlert(DateTimeOffset.UnixEpoch).Text, StringComparison.Ordinal);
    }
}
