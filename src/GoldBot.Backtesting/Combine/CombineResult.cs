using System.Globalization;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Backtesting.Combine;

/// <summary>The outcome of applying a Combine's rules to a backtest (<see cref="CombineSimulator"/>).</summary>
/// <param name="Rules">The rules applied.</param>
/// <param name="Outcome">Passed, failed or still running at the end of the data.</param>
/// <param name="Day">Trading day on which it passed or failed; for still running, the last day simulated (null without days).</param>
/// <param name="Reason">Why, in words with the amounts.</param>
/// <param name="FinalBalance">Account balance at the end of <paramref name="Day"/> on the Combine's scale, USD; for a loss-limit failure, the level at which it was liquidated (the floor or the daily-loss level).</param>
/// <param name="Floor">Maximum-loss floor in force on that day, USD.</param>
/// <param name="HighestEndOfDayBalance">Highest end-of-day balance up to that day, USD.</param>
/// <param name="BestDayProfit">Largest single-day profit up to that day, USD (0 if no day was profitable).</param>
/// <param name="DaysTraded">Trading days simulated, including <paramref name="Day"/>.</param>
/// <param name="DailyLossBreaches">Days on which the daily loss limit was touched.</param>
public sealed record CombineResult(
    CombineRules Rules,
    CombineOutcome Outcome,
    DateOnly? Day,
    string Reason,
    decimal FinalBalance,
    decimal Floor,
    decimal HighestEndOfDayBalance,
    decimal BestDayProfit,
    int DaysTraded,
    IReadOnlyList<DateOnly> DailyLossBreaches)
{
    /// <summary>The result as a report/stats.json section (key <c>combine</c>).</summary>
    public StatisticsSection ToSection() => new("combine", $"Topstep Combine {Rules.Name}",
    [
        StatisticRow.OfText("rules", "Account", Rules.Name),
        StatisticRow.OfText("outcome", "Outcome", Outcome switch
        {
            CombineOutcome.Passed => "passed",
            CombineOutcome.Failed => "failed",
            _ => "still_running",
        }),
        StatisticRow.OfText("day", "Trading day", Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        StatisticRow.OfText("reason", "Reason", Reason),
        StatisticRow.Count("days_traded", "Trading days", DaysTraded),
        StatisticRow.Of("final_balance", "Balance (USD)", StatisticUnit.Usd, FinalBalance),
        StatisticRow.Of("max_loss_floor", "Maximum-loss floor (USD)", StatisticUnit.Usd, Floor),
        StatisticRow.Of("highest_eod_balance", "Highest end-of-day balance (USD)", StatisticUnit.Usd, HighestEndOfDayBalance),
        StatisticRow.Of("best_day_profit", "Best day profit (USD)", StatisticUnit.Usd, BestDayProfit),
        StatisticRow.Count("daily_loss_breaches", "Daily loss limit touched (days)", DailyLossBreaches.Count),
    ]);
}
