using System.Globalization;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Alerts;

/// <summary>
/// The day's report after the session (<c>Alerts:DailyReportAt</c>, 15:10 CT): the day's P&amp;L and the Combine's progress
/// (<c>research/topstepx-api.md</c> §11): the distance to the profit target (<c>Risk:StartingBalance</c> +
/// <c>Alerts:ProfitTarget</c>), to the maximum-loss floor, and the consistency rule (§11.4: the best day's profit under
/// <c>Alerts:ConsistencyFraction</c> of the total profit). All USD after costs.
/// </summary>
/// <param name="TradingDay">The CME trading day reported.</param>
/// <param name="DayPnL">The day's P&amp;L, realised plus open (the risk manager's).</param>
/// <param name="DayTrades">Trades opened that day.</param>
/// <param name="Balance">Account balance.</param>
/// <param name="Profit">Balance minus the starting balance.</param>
/// <param name="ToTarget">Profit still needed for the target (0 once reached).</param>
/// <param name="AboveFloor">Equity (balance plus open P&amp;L) above the maximum-loss floor.</param>
/// <param name="Floor">The maximum-loss floor.</param>
/// <param name="BestDay">The best trading day's realised P&amp;L among the closed trades given (this run's journal), or null without a winning day.</param>
/// <param name="ConsistencyFraction">The consistency rule's fraction.</param>
public sealed record DailyReport(DateOnly TradingDay, decimal DayPnL, int DayTrades, decimal Balance, decimal Profit, decimal ToTarget, decimal AboveFloor, decimal Floor,
    decimal? BestDay, decimal ConsistencyFraction)
{
    /// <summary>
    /// True when the consistency rule holds now: a profit, and the best day under the fraction of it (no winning day: nothing
    /// to break it); false while there is no profit.
    /// </summary>
    public bool ConsistencyMet => Profit > 0 && (BestDay is not { } best || best < ConsistencyFraction * Profit);

    /// <summary>The report from the risk manager's status, the open P&amp;L and the closed trades (for the best day).</summary>
    public static DailyReport Of(RiskStatus risk, decimal openPnL, IEnumerable<TradeRecord> closedTrades, decimal startingBalance, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(closedTrades);
        ArgumentNullException.ThrowIfNull(settings);
        var best = closedTrades.Where(t => t.ExitTime is not null)
            .GroupBy(t => CmeSession.TradingDayOf(t.ExitTime!.Value))
            .Select(day => day.Sum(t => t.PnL ?? 0))
            .Where(pnl => pnl > 0)
            .DefaultIfEmpty()
            .Max();
        var profit = risk.Balance - startingBalance;
        return new DailyReport(risk.TradingDay, risk.DailyPnL, risk.DailyTrades, risk.Balance, profit, Math.Max(0, settings.ProfitTarget - profit),
            risk.Balance + openPnL - risk.MaxLossFloor, risk.MaxLossFloor, best > 0 ? best : null, settings.ConsistencyFraction);
    }

    /// <summary>The report as an Info alert (key: the trading day, so it goes out once a day).</summary>
    public Alert ToAlert(DateTimeOffset time) => new(AlertKind.DailyReport, TradingDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), AlertSeverity.Info,
        FormattableString.Invariant($"Daily report {TradingDay:yyyy-MM-dd}: day P&L {DayPnL:+0.00;-0.00;0.00} USD, {DayTrades} trades"),
        string.Join("\n",
            FormattableString.Invariant($"balance {Balance:0.00} USD, profit {Profit:+0.00;-0.00;0.00}"),
            ToTarget > 0 ? FormattableString.Invariant($"profit target: {ToTarget:0.00} USD to go") : "profit target: reached",
            FormattableString.Invariant($"loss floor {Floor:0.00}: {AboveFloor:0.00} USD above it"),
            Consistency()),
        time);

    private string Consistency()
    {
        var rule = FormattableString.Invariant($"best day under {ConsistencyFraction:P0} of the profit");
        if (Profit <= 0)
            return $"consistency ({rule}): no profit yet";
        if (BestDay is not { } best)
            return $"consistency ({rule}): met (no winning day)";
        var share = best / Profit;
        return ConsistencyMet
            ? FormattableString.Invariant($"consistency ({rule}): met, best day {best:0.00} is {share:P1}")
            : FormattableString.Invariant($"consistency ({rule}): not met, best day {best:0.00} is {share:P1}; the profit must pass {best / ConsistencyFraction:0.00}");
    }
}
