using System.Globalization;
using GoldBot.Execution;
using GoldBot.Market;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Splits closed trades by pattern, by score, by hour of entry in exchange time (America/Chicago),
/// by weekday and by month of the CME trading day of entry (a Sunday-evening entry belongs to
/// Monday's trading day, <see cref="CmeSession.TradingDayOf"/>), and by the reason of the exit that made the
/// trade flat (<see cref="TradeRecord.ExitReason"/>). Each group gets the same columns,
/// computed by <see cref="TradeTotals"/>.
/// </summary>
public static class TradeBreakdowns
{
    /// <summary>The columns of every breakdown table.</summary>
    public static IReadOnlyList<BreakdownColumn> Columns { get; } =
    [
        new("trades", "Trades", StatisticUnit.Count),
        new("wins", "Wins", StatisticUnit.Count),
        new("losses", "Losses", StatisticUnit.Count),
        new("win_rate", "Win rate", StatisticUnit.Fraction),
        new("net_pnl", "Net P&L (USD)", StatisticUnit.Usd),
        new("gross_profit", "Gross profit (USD)", StatisticUnit.Usd),
        new("gross_loss", "Gross loss (USD)", StatisticUnit.Usd),
        new("profit_factor", "Profit factor", StatisticUnit.Ratio),
        new("expectancy_usd", "Expectancy (USD)", StatisticUnit.Usd),
        new("expectancy_r", "Expectancy (R)", StatisticUnit.R),
    ];

    /// <summary>The six breakdown tables of <paramref name="trades"/> (open trades are left out).</summary>
    public static IReadOnlyList<BreakdownTable> Of(IReadOnlyList<TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var closed = trades.Where(t => t.IsClosed).ToList();
        return
        [
            Table("by_pattern", "By pattern", "Pattern", closed, t => t.Pattern, StringComparer.Ordinal),
            Table("by_score", "By score", "Score", closed, t => t.PatternScore, Comparer<int>.Default),
            Table("by_hour", "By hour of entry (exchange time, CT)", "Hour (CT)", closed,
                t => CmeSession.ToExchangeTime(t.EntryTime).Hour, Comparer<int>.Default, h => h.ToString("00", CultureInfo.InvariantCulture)),
            Table("by_weekday", "By weekday (trading day)", "Weekday", closed,
                t => CmeSession.TradingDayOf(t.EntryTime).DayOfWeek, Comparer<DayOfWeek>.Create((a, b) => MondayFirst(a).CompareTo(MondayFirst(b)))),
            Table("by_month", "By month (trading day)", "Month", closed,
                t => CmeSession.TradingDayOf(t.EntryTime).ToString("yyyy-MM", CultureInfo.InvariantCulture), StringComparer.Ordinal),
            Table("by_exit_reason", "By exit reason (the fill that made the trade flat)", "Exit reason", closed, t => t.ExitReason ?? "", StringComparer.Ordinal),
        ];
    }

    /// <summary>One breakdown row's values, in <see cref="Columns"/> order, rounded.</summary>
    public static IReadOnlyList<decimal?> Values(TradeTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        decimal?[] raw =
        [
            totals.Trades, totals.Wins, totals.Losses, totals.WinRate, totals.NetPnL, totals.GrossProfit,
            totals.GrossLoss, totals.ProfitFactor, totals.Expectancy, totals.ExpectancyR,
        ];
        var values = new decimal?[raw.Length];
        for (var i = 0; i < raw.Length; i++)
            values[i] = StatisticRounding.Round(raw[i], Columns[i].Unit);
        return values;
    }

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    private static BreakdownTable Table<TKey>(
        string key, string title, string keyLabel, List<TradeRecord> trades, Func<TradeRecord, TKey> group,
        IComparer<TKey> order, Func<TKey, string>? name = null)
        where TKey : notnull
    {
        name ??= k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? string.Empty;
        var rows = trades
            .GroupBy(group)
            .OrderBy(g => g.Key, order)
            .Select(g => new BreakdownRow(name(g.Key), Values(TradeTally.Of(g))))
            .ToList();
        return new BreakdownTable(key, title, keyLabel, Columns, rows);
    }
}
