using System.Globalization;
using GoldBot.Backtesting.Combine;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Everything the statistics of one backtest say, as one model: the typed <see cref="Summary"/>, and the
/// same values rounded into named <see cref="Sections"/> (label/value tables) and <see cref="Breakdowns"/>
/// (tables with columns). stats.json (<see cref="Output.StatsJsonWriter"/>) and the HTML report are both
/// written from the sections and breakdowns, so they show identical numbers.
/// <para>Section keys: <c>run</c>, <c>trades</c>, <c>returns</c>, <c>confidence</c>, <c>ambiguity</c>, and, when
/// given, <c>combine</c> and <c>monte_carlo</c>, and for one engine run (<see cref="BacktestResult.FinalRisk"/> known)
/// <c>trading_stop</c> (<see cref="TradingStop"/>). Breakdown keys: <c>by_pattern</c>, <c>by_score</c>,
/// <c>by_hour</c>, <c>by_weekday</c>, <c>by_month</c>, <c>by_exit_reason</c>, <c>r_multiples</c> (<see cref="RMultipleHistogram"/>),
/// <c>monthly_returns</c> and <c>yearly_returns</c> (<see cref="PeriodReturns"/>), and for one engine run
/// <c>refusals_by_reason</c> (<see cref="RefusalGroups"/>).</para>
/// </summary>
/// <param name="Summary">Typed whole-run statistics.</param>
/// <param name="Sections">Label/value tables, in display order.</param>
/// <param name="Breakdowns">Breakdown tables, in display order.</param>
public sealed record BacktestStatistics(PerformanceSummary Summary, IReadOnlyList<StatisticsSection> Sections, IReadOnlyList<BreakdownTable> Breakdowns)
{
    /// <summary>Computes the statistics of <paramref name="result"/>, adding the Combine sections when given.</summary>
    /// <param name="combine">Result of <see cref="CombineSimulator.Run"/>, or null.</param>
    /// <param name="monteCarlo">Result of <see cref="CombineMonteCarlo"/>, or null.</param>
    /// <exception cref="ArgumentException">A trading day's equity is not positive (daily returns undefined).</exception>
    public static BacktestStatistics Compute(
        BacktestResult result, StatisticsOptions? options = null, CombineResult? combine = null, MonteCarloResult? monteCarlo = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= StatisticsOptions.Default;
        var summary = PerformanceSummary.Of(result, options);
        var sections = new List<StatisticsSection>
        {
            RunSection(result.Run, summary),
            TradesSection(summary),
            ReturnsSection(summary),
            ConfidenceSection(summary, options),
            AmbiguitySection(result.Ambiguity),
        };
        if (combine is not null)
            sections.Add(combine.ToSection());
        if (monteCarlo is not null)
            sections.Add(monteCarlo.ToSection());
        var breakdowns = new List<BreakdownTable>(TradeBreakdowns.Of(result.Trades))
        {
            RMultipleHistogram.Of(result.Trades),
            PeriodReturns.Monthly(result.Days),
            PeriodReturns.Yearly(result.Days),
        };
        if (TradingStop.Of(result) is { } stop)
        {
            sections.Add(stop.ToSection());
            breakdowns.Add(RefusalGroups.Breakdown(result.Refusals, stop.LastExit));
        }
        return new BacktestStatistics(summary, sections, breakdowns);
    }

    /// <summary>The section named <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such section.</exception>
    public StatisticsSection Section(string key) =>
        Sections.FirstOrDefault(s => s.Key == key) ?? throw new KeyNotFoundException($"no statistics section '{key}'");

    /// <summary>The breakdown table named <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such table.</exception>
    public BreakdownTable Breakdown(string key) =>
        Breakdowns.FirstOrDefault(b => b.Key == key) ?? throw new KeyNotFoundException($"no breakdown '{key}'");

    private static StatisticsSection RunSection(BacktestRunInfo run, PerformanceSummary s) => new("run", "Run",
    [
        StatisticRow.OfText("symbol", "Symbol", run.Symbol),
        StatisticRow.OfText("description", "Description", run.Description),
        StatisticRow.OfText("start_utc", "First bar (UTC)", run.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        StatisticRow.OfText("end_utc", "Last bar (UTC)", run.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        StatisticRow.Count("bars", "Bars", run.Bars),
        StatisticRow.Of("bar_minutes", "Bar length (minutes)", StatisticUnit.Minutes, run.BarPeriod.TotalMinutes),
        StatisticRow.Count("trading_days", "Trading days", s.TradingDays),
        StatisticRow.Of("starting_balance", "Starting balance (USD)", StatisticUnit.Usd, s.StartingBalance),
        StatisticRow.Of("ending_balance", "Ending balance (USD)", StatisticUnit.Usd, s.EndingBalance),
    ]);

    private static StatisticsSection TradesSection(PerformanceSummary s)
    {
        var t = s.Totals;
        return new("trades", "Trades",
        [
            StatisticRow.Count("trades", "Trades", t.Trades),
            StatisticRow.Count("wins", "Wins", t.Wins),
            StatisticRow.Count("losses", "Losses", t.Losses),
            StatisticRow.Count("breakeven", "Breakeven", t.Breakeven),
            StatisticRow.Of("win_rate", "Win rate", StatisticUnit.Fraction, t.WinRate),
            StatisticRow.Of("net_pnl", "Net P&L (USD)", StatisticUnit.Usd, t.NetPnL),
            StatisticRow.Of("gross_profit", "Gross profit (USD)", StatisticUnit.Usd, t.GrossProfit),
            StatisticRow.Of("gross_loss", "Gross loss (USD)", StatisticUnit.Usd, t.GrossLoss),
            StatisticRow.Of("commission", "Commissions and fees (USD)", StatisticUnit.Usd, t.Commission),
            StatisticRow.Of("profit_factor", "Profit factor", StatisticUnit.Ratio, t.ProfitFactor),
            StatisticRow.Of("expectancy_usd", "Expectancy (USD per trade)", StatisticUnit.Usd, t.Expectancy),
            StatisticRow.Of("expectancy_r", "Expectancy (R per trade)", StatisticUnit.R, t.ExpectancyR),
            StatisticRow.Of("average_win", "Average win (USD)", StatisticUnit.Usd, t.AverageWin),
            StatisticRow.Of("average_loss", "Average loss (USD)", StatisticUnit.Usd, t.AverageLoss),
            StatisticRow.Of("largest_win", "Largest win (USD)", StatisticUnit.Usd, t.LargestWin),
            StatisticRow.Of("largest_loss", "Largest loss (USD)", StatisticUnit.Usd, t.LargestLoss),
            StatisticRow.Count("max_consecutive_wins", "Max consecutive wins", t.MaxConsecutiveWins),
            StatisticRow.Count("max_consecutive_losses", "Max consecutive losses", t.MaxConsecutiveLosses),
            StatisticRow.Of("average_hold_minutes", "Average hold (minutes)", StatisticUnit.Minutes, s.AverageHoldMinutes),
            StatisticRow.Of("trades_per_day", "Trades per trading day", StatisticUnit.Ratio, s.TradesPerDay),
            StatisticRow.Of("time_in_market", "Time in market", StatisticUnit.Fraction, s.TimeInMarket),
        ]);
    }

    private static StatisticsSection ReturnsSection(PerformanceSummary s) => new("returns", "Returns and risk",
    [
        StatisticRow.Of("sharpe", "Sharpe (daily, annualised √252, rf 0)", StatisticUnit.Ratio, s.Sharpe),
        StatisticRow.Of("sortino", "Sortino (daily, annualised √252, target 0)", StatisticUnit.Ratio, s.Sortino),
        StatisticRow.Of("cagr", "CAGR", StatisticUnit.Fraction, s.Cagr),
        StatisticRow.Of("max_drawdown_usd", "Max drawdown (USD)", StatisticUnit.Usd, s.Drawdown.MaxUsd),
        StatisticRow.Of("max_drawdown_fraction", "Max drawdown (of peak)", StatisticUnit.Fraction, s.Drawdown.MaxFraction),
        StatisticRow.Of("calmar", "Calmar (CAGR / |max drawdown|)", StatisticUnit.Ratio, s.Calmar),
    ]);

    private static StatisticsSection ConfidenceSection(PerformanceSummary s, StatisticsOptions options) => new("confidence", "Bootstrap confidence intervals",
    [
        StatisticRow.Of("expectancy_usd_lower", "Expectancy lower (USD)", StatisticUnit.Usd, s.ExpectancyInterval?.Lower),
        StatisticRow.Of("expectancy_usd_upper", "Expectancy upper (USD)", StatisticUnit.Usd, s.ExpectancyInterval?.Upper),
        StatisticRow.Of("win_rate_lower", "Win rate lower", StatisticUnit.Fraction, s.WinRateInterval?.Lower),
        StatisticRow.Of("win_rate_upper", "Win rate upper", StatisticUnit.Fraction, s.WinRateInterval?.Upper),
        StatisticRow.Of("level", "Confidence level", StatisticUnit.Fraction, options.ConfidenceLevel),
        StatisticRow.Count("resamples", "Bootstrap resamples", options.BootstrapResamples),
        StatisticRow.Count("seed", "Seed", options.Seed),
    ]);

    private static StatisticsSection AmbiguitySection(ExitAmbiguity a) => new("ambiguity", "Exit ambiguity (stop and target in one bar)",
    [
        StatisticRow.Count("trades", "Ambiguous trades", a.Trades),
        StatisticRow.Of("worst_case_pnl", "Net P&L as booked, stop first (USD)", StatisticUnit.Usd, a.WorstCasePnL),
        StatisticRow.Of("best_case_pnl", "Net P&L, target first (USD)", StatisticUnit.Usd, a.BestCasePnL),
    ]);
}
