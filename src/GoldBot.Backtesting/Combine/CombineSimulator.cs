using System.Globalization;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Backtesting.Combine;

/// <summary>
/// Replays a backtest's trading days against a Topstep Combine's rules (<see cref="CombineRules"/>,
/// <c>research/topstepx-api.md</c> §11). The run's P&amp;L is carried onto the Combine's account size:
/// balance = rules' starting balance + (run equity − run starting balance). Day by day, in this order:
/// <list type="number">
/// <item>contract limit: more micro equivalents open at once than allowed, at any entry, fails the account (§11.1);</item>
/// <item>daily loss limit, if configured: the day's lowest equity at or below its opening equity − limit is a
/// breach; when the daily-loss level lies above the maximum-loss floor it is reached first and, for
/// <see cref="DailyLossAction.EndDay"/>, the day closes at exactly that level (liquidated, no further trades
/// that day: later days keep their own P&amp;L on the lower balance);</item>
/// <item>maximum loss limit: the day's lowest equity (worst-price marks, open P&amp;L included) at or below the floor
/// fails the account (§11.2, "touches");</item>
/// <item>end of day: the floor trails the highest end-of-day balance (<see cref="MaxLossFloor.AfterDay"/>); the Combine
/// passes when the balance is at or above starting balance + target and the best day's profit is below
/// <see cref="CombineRules.ConsistencyFraction"/> of the total profit (§11.4; otherwise trading goes on).</item>
/// </list>
/// </summary>
public static class CombineSimulator
{
    /// <summary>Applies <paramref name="rules"/> to <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">The rules are invalid.</exception>
    public static CombineResult Run(BacktestResult result, CombineRules rules)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var floorRules = new RiskOptions { StartingBalance = rules.StartingBalance, MaxLossLimit = rules.MaxLossLimit };
        var contractBreach = FirstContractBreach(result.Trades, result.Run.Contract, rules.MaxMicroContracts);

        var offset = rules.StartingBalance - result.Run.StartingBalance;
        var floor = MaxLossFloor.Initial(floorRules);
        var highestEndOfDay = rules.StartingBalance;
        var balance = rules.StartingBalance;
        var bestDay = 0m;
        var breaches = new List<DateOnly>();
        var daysTraded = 0;
        DateOnly? lastDay = null;

        CombineResult End(CombineOutcome outcome, DateOnly? day, string reason) =>
            new(rules, outcome, day, reason, balance, floor, highestEndOfDay, bestDay, daysTraded, breaches);

        foreach (var day in result.Days)
        {
            daysTraded++;
            lastDay = day.Date;
            if (contractBreach is { } breach && breach.Day <= day.Date)
                return End(CombineOutcome.Failed, breach.Day, breach.Reason);

            var open = day.StartEquity + offset;
            var low = day.LowestEquity + offset;
            var close = day.EndEquity + offset;
            if (rules.DailyLossLimit is { } dll && low <= open - dll)
            {
                var level = open - dll;
                breaches.Add(day.Date);
                if (level > floor)
                {
                    if (rules.DailyLossAction == DailyLossAction.FailAccount)
                    {
                        balance = level;
                        return End(CombineOutcome.Failed, day.Date, Invariant($"daily loss limit {dll:0.00} touched: day opened at {open:0.00}, fell to {low:0.00}"));
                    }
                    offset += level - close;
                    low = level;
                    close = level;
                }
            }
            if (low <= floor)
            {
                balance = floor;
                return End(CombineOutcome.Failed, day.Date, Invariant($"maximum loss limit: equity {low:0.00} touched the floor {floor:0.00}"));
            }

            balance = close;
            bestDay = Math.Max(bestDay, close - open);
            highestEndOfDay = Math.Max(highestEndOfDay, close);
            floor = MaxLossFloor.AfterDay(floor, highestEndOfDay, floorRules);
            var profit = close - rules.StartingBalance;
            if (profit >= rules.ProfitTarget)
            {
                if (rules.ConsistencyFraction is not { } fraction || bestDay < fraction * profit)
                    return End(CombineOutcome.Passed, day.Date, Invariant($"profit target {rules.ProfitTarget:0.00} reached: profit {profit:0.00}, best day {bestDay:0.00}"));
            }
        }

        if (contractBreach is { } late)
            return End(CombineOutcome.Failed, late.Day, late.Reason);
        var total = balance - rules.StartingBalance;
        var why = total >= rules.ProfitTarget && rules.ConsistencyFraction is { } f
            ? Invariant($"consistency: best day {bestDay:0.00} is not below {f:P0} of profit {total:0.00}")
            : Invariant($"data ended: profit {total:0.00} of target {rules.ProfitTarget:0.00}");
        return End(CombineOutcome.StillRunning, lastDay, why);
    }

    /// <summary>
    /// The first entry at which the micro equivalents open at once exceed the limit: trades sorted by entry,
    /// each counting Size × micro equivalent from its entry until its exit (a trade exiting at the same instant
    /// another enters no longer counts).
    /// </summary>
    private static (DateOnly Day, string Reason)? FirstContractBreach(IReadOnlyList<TradeRecord> trades, ContractSpec contract, int limit)
    {
        var open = new List<TradeRecord>();
        foreach (var trade in trades.OrderBy(t => t.EntryTime))
        {
            open.RemoveAll(t => t.ExitTime is { } exit && exit <= trade.EntryTime);
            open.Add(trade);
            var micros = 0;
            foreach (var t in open)
                micros += t.Size * contract.MicroEquivalent;
            if (micros > limit)
                return (CmeSession.TradingDayOf(trade.EntryTime),
                    Invariant($"contract limit: {micros} micro equivalents open at {trade.EntryTime.UtcDateTime:u} (trade {trade.Id}), limit {limit}"));
        }
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
