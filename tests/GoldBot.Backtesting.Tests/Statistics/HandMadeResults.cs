using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Tests.Statistics;

/// <summary>Hand-made backtest results with hand-computed answers, shared by the statistics, Combine and output tests.</summary>
internal static class HandMadeResults
{
    public static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];

    private static readonly MarketConditions Conditions = new("new_york", 20, 1.0, "08:30", "discount");

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2025) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>A closed trade with net P&amp;L <paramref name="net"/> after <paramref name="commission"/>, planned risk <paramref name="risk"/>.</summary>
    public static TradeRecord Trade(
        string id, DateTimeOffset entry, decimal net, string pattern = "order_block", int score = 7, int size = 1,
        double holdMinutes = 30, decimal commission = 2m, decimal risk = 100m, decimal balanceAfter = 0m)
    {
        var exit = entry.AddMinutes(holdMinutes);
        return new TradeRecord(
            id, entry, pattern, score, "long", 2650.0m, 2649.9m, 2640.0m, 2670.0m, size, risk, Conditions,
            exit, [new TradeExit(exit, 2650.0m + (net + commission) / (10m * size), size, net >= 0 ? "tp2" : "stop")],
            net + commission, commission, net >= 0 ? "tp2" : "stop", balanceAfter);
    }

    public static BacktestResult Result(
        IReadOnlyList<TradeRecord> trades, IReadOnlyList<TradingDay> days, IReadOnlyList<EquityPoint>? equity = null,
        decimal startingBalance = 50_000m, long bars = 1_000, long barsInMarket = 80, DateTimeOffset? start = null, DateTimeOffset? end = null,
        ContractSpec? contract = null)
    {
        var first = start ?? (days.Count > 0 ? CmeSession.TradingDayOpen(days[0].Date) : Utc(12, 1, 0));
        var last = end ?? (days.Count > 0 ? CmeSession.TradingDayOpen(days[^1].Date).AddHours(23) : first);
        var net = trades.Sum(t => t.PnL ?? 0m);
        return new BacktestResult(
            new BacktestRunInfo("MGC", contract ?? Mgc, TimeSpan.FromMinutes(3), first, last, bars, startingBalance, "hand-made"),
            trades, days, equity ?? [], barsInMarket, new ExitAmbiguity(1, net, net + 25m));
    }

    /// <summary>
    /// Seven trades over three trading days (Mon 1 – Wed 3 Dec 2025), start $50,000, $2 commission each, risk $100:
    /// net +200, −100 | +150, +50, −100 | 0, −50. Wins 3, losses 3, breakeven 1; gross profit 400, gross loss −250.
    /// </summary>
    public static BacktestResult SevenTrades()
    {
        TradeRecord[] trades =
        [
            Trade("t1", Utc(12, 1, 14, 30), 200m, "order_block", 8),   // 08:30 CT Monday
            Trade("t2", Utc(12, 1, 16, 0), -100m, "fvg", 6),          // 10:00 CT
            Trade("t3", Utc(12, 2, 14, 30), 150m, "order_block", 8),   // 08:30 CT Tuesday
            Trade("t4", Utc(12, 2, 15, 0), 50m, "fvg", 7),             // 09:00 CT
            Trade("t5", Utc(12, 2, 20, 0), -100m, "order_block", 7, holdMinutes: 60), // 14:00 CT
            Trade("t6", Utc(12, 3, 14, 30), 0m, "fvg", 6),             // 08:30 CT Wednesday
            Trade("t7", Utc(12, 3, 15, 30), -50m, "fvg", 8),           // 09:30 CT
        ];
        TradingDay[] days =
        [
            new(new DateOnly(2025, 12, 1), 50_000m, 50_100m, 49_900m, 2),
            new(new DateOnly(2025, 12, 2), 50_100m, 50_200m, 50_000m, 3),
            new(new DateOnly(2025, 12, 3), 50_200m, 50_150m, 50_100m, 2),
        ];
        decimal[] curve = [50_000m, 50_200m, 50_100m, 50_250m, 50_300m, 50_200m, 50_200m, 50_150m];
        var equity = curve.Select((e, i) => new EquityPoint(Utc(12, 1, 12).AddHours(8 * i), e, 0m)).ToList();
        return Result(trades, days, equity);
    }

    /// <summary>Trading days from daily profits, each day's low = its open + <paramref name="dip"/> (≤ 0) or its close if lower.</summary>
    public static TradingDay[] Days(decimal start, decimal[] dailyProfit, decimal[]? dips = null, DateOnly? first = null)
    {
        var date = first ?? new DateOnly(2025, 12, 1);
        var days = new TradingDay[dailyProfit.Length];
        var equity = start;
        for (var i = 0; i < dailyProfit.Length; i++)
        {
            var close = equity + dailyProfit[i];
            var low = Math.Min(Math.Min(equity, close), equity + (dips?[i] ?? 0m));
            days[i] = new TradingDay(date, equity, close, low, 1);
            equity = close;
            date = date.AddDays(date.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
        return days;
    }
}
