namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// The typed whole-run statistics of a backtest (before rounding); <see cref="BacktestStatistics"/>
/// turns them into the rounded rows that stats.json and the report show. Each formula and its
/// source is documented on the type that computes it.
/// </summary>
/// <param name="Totals">Trade totals: P&amp;L, win rate, profit factor, expectancy, streaks (<see cref="TradeTotals"/>).</param>
/// <param name="StartingBalance">Balance at the start, USD.</param>
/// <param name="EndingBalance">Starting balance + net P&amp;L of all closed trades, USD.</param>
/// <param name="TradingDays">CME trading days with at least one bar.</param>
/// <param name="Sharpe">Annualised Sharpe ratio of daily returns, rf = 0 (<see cref="SharpeRatio"/>).</param>
/// <param name="Sortino">Annualised Sortino ratio of daily returns, target 0 (<see cref="SortinoRatio"/>).</param>
/// <param name="Cagr">Compound annual growth rate, fraction (<see cref="CompoundAnnualGrowthRate"/>).</param>
/// <param name="Drawdown">Maximum drawdown, USD and fraction of the running peak (<see cref="EquityDrawdown"/>), of the
/// close-marked equity curve (<see cref="BacktestResult.BarDrawdown"/>, kept or not), or of the closed-trade balance curve
/// for a result without bar marks.</param>
/// <param name="Calmar">CAGR ÷ |max drawdown fraction| (<see cref="CalmarRatio"/>).</param>
/// <param name="TimeInMarket">Bars with a position ÷ all bars, fraction; null without bars.</param>
/// <param name="AverageHoldMinutes">Mean minutes from entry fill to flat; null without trades.</param>
/// <param name="TradesPerDay">Closed trades ÷ trading days; null without days.</param>
/// <param name="ExpectancyInterval">Percentile-bootstrap interval of the expectancy, USD (<see cref="BootstrapInterval"/>).</param>
/// <param name="WinRateInterval">Percentile-bootstrap interval of the win rate, fraction.</param>
public sealed record PerformanceSummary(
    TradeTotals Totals,
    decimal StartingBalance,
    decimal EndingBalance,
    int TradingDays,
    double? Sharpe,
    double? Sortino,
    double? Cagr,
    EquityDrawdown Drawdown,
    double? Calmar,
    double? TimeInMarket,
    double? AverageHoldMinutes,
    double? TradesPerDay,
    ConfidenceInterval? ExpectancyInterval,
    ConfidenceInterval? WinRateInterval)
{
    /// <summary>Computes every whole-run statistic of <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">A trading day's equity is not positive (daily returns undefined).</exception>
    public static PerformanceSummary Of(BacktestResult result, StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var closed = result.Trades.Where(t => t.IsClosed).ToList();
        var totals = TradeTally.Of(closed);
        var start = result.Run.StartingBalance;
        var end = start + totals.NetPnL;

        var returns = DailyReturns.Of(result.Days);
        var cagr = CompoundAnnualGrowthRate.Of(start, end, result.Run.Start, result.Run.End);
        var drawdown = result.BarDrawdown
            ?? EquityDrawdown.Of(result.Equity.Count > 0 ? result.Equity.Select(p => p.Equity) : BalanceCurve(start, closed));

        var pnl = closed.Select(t => (double)t.PnL!.Value).ToArray();
        var winFlags = closed.Select(t => t.PnL > 0 ? 1.0 : 0.0).ToArray();
        return new PerformanceSummary(
            totals,
            start,
            end,
            result.Days.Count,
            SharpeRatio.Of(returns),
            SortinoRatio.Of(returns),
            cagr,
            drawdown,
            CalmarRatio.Of(cagr, drawdown.MaxFraction),
            result.Run.Bars > 0 ? (double)result.BarsInMarket / result.Run.Bars : null,
            closed.Count > 0 ? closed.Average(t => t.HoldMinutes!.Value) : null,
            result.Days.Count > 0 ? (double)closed.Count / result.Days.Count : null,
            BootstrapInterval.OfMean(pnl, options.BootstrapResamples, options.Seed, options.ConfidenceLevel),
            BootstrapInterval.OfMean(winFlags, options.BootstrapResamples, options.Seed, options.ConfidenceLevel));
    }

    private static IEnumerable<decimal> BalanceCurve(decimal start, IEnumerable<GoldBot.Execution.TradeRecord> closed)
    {
        var balance = start;
        yield return balance;
        foreach (var trade in closed.OrderBy(t => t.ExitTime))
        {
            balance += trade.PnL!.Value;
            yield return balance;
        }
    }
}
