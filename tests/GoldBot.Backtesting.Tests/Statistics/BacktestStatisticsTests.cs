using GoldBot.Backtesting.Statistics;
using MathNet.Numerics.Statistics;

namespace GoldBot.Backtesting.Tests.Statistics;

public sealed class BacktestStatisticsTests
{
    private static readonly BacktestStatistics Seven = BacktestStatistics.Compute(HandMadeResults.SevenTrades(), new StatisticsOptions(2_000));

    private static decimal? Value(BacktestStatistics s, string section, string key) => s.Section(section)[key].Number;

    [Fact]
    public void Trade_statistics_match_hand_computed_values()
    {
        Assert.Equal(7m, Value(Seven, "trades", "trades"));
        Assert.Equal(3m, Value(Seven, "trades", "wins"));
        Assert.Equal(3m, Value(Seven, "trades", "losses"));
        Assert.Equal(1m, Value(Seven, "trades", "breakeven"));
        Assert.Equal(0.4286m, Value(Seven, "trades", "win_rate"));             // 3/7
        Assert.Equal(150.00m, Value(Seven, "trades", "net_pnl"));
        Assert.Equal(400.00m, Value(Seven, "trades", "gross_profit"));
        Assert.Equal(-250.00m, Value(Seven, "trades", "gross_loss"));
        Assert.Equal(14.00m, Value(Seven, "trades", "commission"));
        Assert.Equal(1.6m, Value(Seven, "trades", "profit_factor"));          // 400/250
        Assert.Equal(21.43m, Value(Seven, "trades", "expectancy_usd"));       // 150/7
        Assert.Equal(0.2143m, Value(Seven, "trades", "expectancy_r"));        // (2 − 1 + 1.5 + 0.5 − 1 + 0 − 0.5)/7
        Assert.Equal(133.33m, Value(Seven, "trades", "average_win"));
        Assert.Equal(-83.33m, Value(Seven, "trades", "average_loss"));
        Assert.Equal(200m, Value(Seven, "trades", "largest_win"));
        Assert.Equal(-100m, Value(Seven, "trades", "largest_loss"));
        Assert.Equal(2m, Value(Seven, "trades", "max_consecutive_wins"));     // W L W W L B L
        Assert.Equal(1m, Value(Seven, "trades", "max_consecutive_losses"));
        Assert.Equal(34.29m, Value(Seven, "trades", "average_hold_minutes")); // (6·30 + 60)/7
        Assert.Equal(2.3333m, Value(Seven, "trades", "trades_per_day"));      // 7/3
        Assert.Equal(0.08m, Value(Seven, "trades", "time_in_market"));        // 80/1000 bars
        Assert.Equal(50_150m, Value(Seven, "run", "ending_balance"));
    }

    [Fact]
    public void Return_statistics_match_independent_calculations()
    {
        // Daily closes 50,100 / 50,200 / 50,150 from 50,000.
        double[] r = [50_100.0 / 50_000 - 1, 50_200.0 / 50_100 - 1, 50_150.0 / 50_200 - 1];
        var sharpe = r.Mean() / r.StandardDeviation() * Math.Sqrt(252);
        var downside = Math.Sqrt(r.Where(x => x < 0).Sum(x => x * x) / r.Length);
        var sortino = r.Mean() / downside * Math.Sqrt(252);
        Assert.Equal(Math.Round((decimal)sharpe, 4), Value(Seven, "returns", "sharpe"));
        Assert.Equal(Math.Round((decimal)sortino, 4), Value(Seven, "returns", "sortino"));

        // Equity curve peak 50,300 → 50,150: 150 USD, 150/50,300 of the peak.
        Assert.Equal(150m, Value(Seven, "returns", "max_drawdown_usd"));
        Assert.Equal(0.0030m, Value(Seven, "returns", "max_drawdown_fraction"));

        var run = HandMadeResults.SevenTrades().Run;
        var years = (run.End - run.Start).TotalDays / 365.25;
        var cagr = Math.Pow(50_150.0 / 50_000.0, 1 / years) - 1;
        Assert.Equal(Math.Round((decimal)cagr, 4), Value(Seven, "returns", "cagr"));
        Assert.Equal(Math.Round((decimal)(cagr / (150.0 / 50_300)), 4), Value(Seven, "returns", "calmar"));
    }

    [Fact]
    public void Breakdowns_add_up_to_the_totals()
    {
        foreach (var table in Seven.Breakdowns.Where(b => b.Columns == TradeBreakdowns.Columns))
        {
            Assert.Equal(7m, table.Rows.Sum(r => table.Value(r.Key, "trades")));
            Assert.Equal(150m, table.Rows.Sum(r => table.Value(r.Key, "net_pnl")));
            Assert.Equal(400m, table.Rows.Sum(r => table.Value(r.Key, "gross_profit")));
            Assert.Equal(3m, table.Rows.Sum(r => table.Value(r.Key, "wins")));
        }
        var histogram = Seven.Breakdown("r_multiples");
        Assert.Equal(7m, histogram.Rows.Sum(r => histogram.Value(r.Key, "trades")));
        Assert.Equal(150m, histogram.Rows.Sum(r => histogram.Value(r.Key, "net_pnl")));
        Assert.InRange(histogram.Rows.Sum(r => histogram.Value(r.Key, "share")!.Value), 0.9998m, 1.0002m); // shares rounded to 4 decimals
        var months = Seven.Breakdown("monthly_returns");
        Assert.Equal(7m, months.Rows.Sum(r => months.Value(r.Key, "trades")));
        Assert.Equal(150m, months.Rows.Sum(r => months.Value(r.Key, "net_pnl")));
        Assert.Equal(6, Seven.Breakdowns.Count(b => b.Columns == TradeBreakdowns.Columns)); // pattern, score, hour, weekday, month, exit reason
    }

    [Fact]
    public void Breakdowns_group_by_exchange_hour_weekday_month_pattern_and_score()
    {
        var hour = Seven.Breakdown("by_hour");
        Assert.Equal(["08", "09", "10", "14"], hour.Rows.Select(r => r.Key));
        Assert.Equal(350m, hour.Value("08", "net_pnl"));   // t1, t3, t6 at 08:30 CT
        Assert.Equal(3m, hour.Value("08", "trades"));
        Assert.Equal(-100m, hour.Value("14", "net_pnl"));  // t5 at 20:00 UTC = 14:00 CST

        var weekday = Seven.Breakdown("by_weekday");
        Assert.Equal(["Monday", "Tuesday", "Wednesday"], weekday.Rows.Select(r => r.Key));
        Assert.Equal(-50m, weekday.Value("Wednesday", "net_pnl"));

        Assert.Equal(["2025-12"], Seven.Breakdown("by_month").Rows.Select(r => r.Key));

        var pattern = Seven.Breakdown("by_pattern");
        Assert.Equal(250m, pattern.Value("order_block", "net_pnl"));  // +200 +150 −100
        Assert.Equal(3.5m, pattern.Value("order_block", "profit_factor")); // 350/100
        Assert.Equal(-100m, pattern.Value("fvg", "net_pnl"));         // −100 +50 0 −50
        Assert.Equal(0.25m, pattern.Value("fvg", "win_rate"));

        var score = Seven.Breakdown("by_score");
        Assert.Equal(["6", "7", "8"], score.Rows.Select(r => r.Key));
        Assert.Equal(300m, score.Value("8", "net_pnl"));              // +200 +150 −50
    }

    [Fact]
    public void Sunday_evening_entries_belong_to_monday_in_the_weekday_breakdown()
    {
        // Sunday 30 Nov 2025 18:00 CT = Monday 1 Dec 00:00 UTC: CME trading day Monday 1 Dec.
        var trade = HandMadeResults.Trade("s1", HandMadeResults.Utc(12, 1, 0), 10m);
        var stats = BacktestStatistics.Compute(HandMadeResults.Result([trade], HandMadeResults.Days(50_000m, [10m])));
        Assert.Equal(["Monday"], stats.Breakdown("by_weekday").Rows.Select(r => r.Key));
        Assert.Equal(["18"], stats.Breakdown("by_hour").Rows.Select(r => r.Key));
    }

    [Fact]
    public void No_trades_gives_zero_counts_and_undefined_ratios()
    {
        var stats = BacktestStatistics.Compute(HandMadeResults.Result([], HandMadeResults.Days(50_000m, [0m, 0m])));
        Assert.Equal(0m, Value(stats, "trades", "trades"));
        Assert.Equal(0m, Value(stats, "trades", "net_pnl"));
        Assert.Null(Value(stats, "trades", "win_rate"));
        Assert.Null(Value(stats, "trades", "profit_factor"));
        Assert.Null(Value(stats, "trades", "expectancy_usd"));
        Assert.Null(Value(stats, "trades", "expectancy_r"));
        Assert.Null(Value(stats, "trades", "average_hold_minutes"));
        Assert.Null(Value(stats, "returns", "sharpe"));
        Assert.Null(Value(stats, "confidence", "expectancy_usd_lower"));
        Assert.Equal(0m, Value(stats, "returns", "max_drawdown_usd"));
        Assert.All(stats.Breakdowns.Where(b => b.Key is not ("monthly_returns" or "yearly_returns")), b => Assert.Empty(b.Rows));
        Assert.Equal([0m, 0m, 2m], stats.Breakdown("monthly_returns").Rows.Single().Values); // the hand-made days count a closed trade each
    }

    [Fact]
    public void All_wins_leave_profit_factor_undefined_rather_than_infinite()
    {
        var trades = new[] { HandMadeResults.Trade("a", HandMadeResults.Utc(12, 1, 15), 100m), HandMadeResults.Trade("b", HandMadeResults.Utc(12, 2, 15), 50m) };
        var stats = BacktestStatistics.Compute(HandMadeResults.Result(trades, HandMadeResults.Days(50_000m, [100m, 50m])));
        Assert.Null(Value(stats, "trades", "profit_factor"));
        Assert.Equal(1m, Value(stats, "trades", "win_rate"));
        Assert.Null(Value(stats, "trades", "average_loss"));
        Assert.Null(Value(stats, "trades", "largest_loss"));
        Assert.Equal(2m, Value(stats, "trades", "max_consecutive_wins"));
        Assert.Null(Value(stats, "returns", "sortino"));   // no negative day
        Assert.Null(Value(stats, "returns", "calmar"));    // no drawdown on the balance curve
    }

    [Fact]
    public void One_day_has_no_daily_ratios_but_all_trade_statistics()
    {
        var trades = new[] { HandMadeResults.Trade("a", HandMadeResults.Utc(12, 1, 15), 100m), HandMadeResults.Trade("b", HandMadeResults.Utc(12, 1, 16), -40m) };
        var stats = BacktestStatistics.Compute(HandMadeResults.Result(trades, HandMadeResults.Days(50_000m, [60m])));
        Assert.Null(Value(stats, "returns", "sharpe"));
        Assert.Null(Value(stats, "returns", "sortino"));
        Assert.Equal(2.5m, Value(stats, "trades", "profit_factor"));
        Assert.Equal(1m, Value(stats, "run", "trading_days"));
        Assert.Equal(2m, Value(stats, "trades", "trades_per_day"));
        // Without a recorded equity curve the drawdown comes from closed-trade balances: 50,100 → 50,060.
        Assert.Equal(40m, Value(stats, "returns", "max_drawdown_usd"));
    }

    [Fact]
    public void Open_trades_are_left_out()
    {
        var open = HandMadeResults.Trade("open", HandMadeResults.Utc(12, 1, 15), 0m) with { ExitTime = null, ExitReason = null };
        var closed = HandMadeResults.Trade("closed", HandMadeResults.Utc(12, 1, 14), 75m);
        var stats = BacktestStatistics.Compute(HandMadeResults.Result([closed, open], HandMadeResults.Days(50_000m, [75m])));
        Assert.Equal(1m, Value(stats, "trades", "trades"));
        Assert.Equal(1m, stats.Breakdown("by_pattern").Rows.Sum(r => stats.Breakdown("by_pattern").Value(r.Key, "trades")));
    }
}
