using System.Globalization;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Returns by calendar month and by year of the CME trading day (<see cref="TradingDay.Date"/>): the period's return is
/// its last day's end equity ÷ its first day's start equity − 1 (so months compound to the year), its net P&amp;L the
/// difference in USD (open P&amp;L marked at the close included), and the trades that went flat in it.
/// </summary>
public static class PeriodReturns
{
    /// <summary>The columns of both tables.</summary>
    public static IReadOnlyList<BreakdownColumn> Columns { get; } =
    [
        new("return", "Return", StatisticUnit.Fraction),
        new("net_pnl", "Net P&L (USD)", StatisticUnit.Usd),
        new("trades", "Trades closed", StatisticUnit.Count),
    ];

    /// <summary>The breakdown <c>monthly_returns</c> (keys <c>yyyy-MM</c>) of <paramref name="days"/> (in order).</summary>
    public static BreakdownTable Monthly(IReadOnlyList<TradingDay> days) =>
        Table("monthly_returns", "Monthly returns (CME trading day)", "Month", days, d => d.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture));

    /// <summary>The breakdown <c>yearly_returns</c> (keys <c>yyyy</c>) of <paramref name="days"/> (in order).</summary>
    public static BreakdownTable Yearly(IReadOnlyList<TradingDay> days) =>
        Table("yearly_returns", "Yearly returns (CME trading day)", "Year", days, d => d.Date.ToString("yyyy", CultureInfo.InvariantCulture));

    private static BreakdownTable Table(string key, string title, string keyLabel, IReadOnlyList<TradingDay> days, Func<TradingDay, string> period)
    {
        ArgumentNullException.ThrowIfNull(days);
        var rows = new List<BreakdownRow>();
        foreach (var group in days.GroupBy(period))
        {
            var start = group.First().StartEquity;
            var end = group.Last().EndEquity;
            rows.Add(new BreakdownRow(group.Key,
            [
                StatisticRounding.Round(start > 0 ? end / start - 1 : null, StatisticUnit.Fraction),
                StatisticRounding.Round(end - start, StatisticUnit.Usd),
                group.Sum(d => d.TradesClosed),
            ]));
        }
        return new BreakdownTable(key, title, keyLabel, Columns, rows);
    }
}
