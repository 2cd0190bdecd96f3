using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Analysis;

/// <summary>
/// Checks a finished set of trades against the account rules, independently of the
/// <see cref="RiskManager"/> that was supposed to enforce them: entries inside the day's window
/// and outside news blackouts, flat by the day's deadline (<see cref="SessionSchedule"/>: Topstep's
/// 15:10 CT rule, or the configured early close), size within the contract limit (Topstep help
/// 9221977, micro equivalents), no entry after the consecutive-loss stop, no trading day below the
/// daily loss limit by more than one trade's slippage, and the balance never at or below the
/// trailing maximum-loss floor (<see cref="MaxLossFloor"/>, Topstep help 8284204). Each violation
/// is one line; a clean run has none.
/// </summary>
public static class RuleAudit
{
    /// <summary>Returns one line per rule breach found in <paramref name="trades"/> (closed trades, in entry order).</summary>
    /// <param name="schedule">The schedule the run followed (with the CME calendar's early closes); null for the configured ones only.</param>
    public static IReadOnlyList<string> Check(IReadOnlyList<TradeRecord> trades, RiskOptions rules, ContractSpec contract, FillModelOptions costs,
        SessionSchedule? schedule = null)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(costs);
        var breaches = new List<string>();
        schedule ??= new SessionSchedule(rules);
        var floor = MaxLossFloor.Initial(rules);
        var highestClose = rules.StartingBalance;
        var balance = rules.StartingBalance;
        DateOnly? day = null;
        decimal dayStart = balance;
        var dayLosses = 0;
        var largestSize = 0;

        foreach (var t in trades)
        {
            var tradingDay = CmeSession.TradingDayOf(t.EntryTime);
            if (tradingDay != day)
            {
                CheckDay();
                if (day is not null)
                {
                    highestClose = Math.Max(highestClose, balance);
                    floor = MaxLossFloor.AfterDay(floor, highestClose, rules);
                }
                day = tradingDay;
                dayStart = balance;
                dayLosses = 0;
                largestSize = 0;
            }

            var entry = CmeSession.ExchangeTimeOfDay(t.EntryTime);
            var times = schedule.At(t.EntryTime);
            if (entry < times.WindowStart || entry >= times.WindowEnd)
                breaches.Add($"{t.Id}: entry at {entry:HH\\:mm} CT outside the window {times.WindowStart:HH\\:mm}–{times.WindowEnd:HH\\:mm}");
            foreach (var b in rules.NewsBlackouts)
            {
                if (t.EntryTime >= b.Start && t.EntryTime < b.End)
                    breaches.Add($"{t.Id}: entry during news blackout {b.Name}");
            }
            if (dayLosses >= rules.MaxConsecutiveLosses)
                breaches.Add($"{t.Id}: entry after {dayLosses} consecutive losses");
            if (t.Size * contract.MicroEquivalent > rules.MaxContracts)
                breaches.Add($"{t.Id}: {t.Size} contracts above the limit {rules.MaxContracts}");
            if (t.ExitTime is not { } exit || exit > schedule.FlatDeadline(t.EntryTime))
                breaches.Add($"{t.Id}: not flat by {times.FlatBy:HH\\:mm} CT");

            balance += t.PnL ?? 0;
            largestSize = Math.Max(largestSize, t.Size);
            dayLosses = t.PnL < 0 ? dayLosses + 1 : 0;
            if (balance <= floor)
                breaches.Add($"{t.Id}: balance {balance} at or below the maximum-loss floor {floor}");
        }
        CheckDay();
        return breaches;

        void CheckDay()
        {
            if (day is null)
                return;
            var slippage = largestSize * (costs.StopSlippageTicks + costs.MarketSlippageTicks) * contract.TickValue;
            var dayPnL = balance - dayStart;
            if (dayPnL < -(rules.DailyLossLimit + slippage))
                breaches.Add($"{day:yyyy-MM-dd}: day P&L {dayPnL} below the daily loss limit −{rules.DailyLossLimit} by more than one trade's slippage ({slippage})");
        }
    }
}
