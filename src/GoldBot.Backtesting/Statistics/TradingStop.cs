using System.Globalization;
using System.Text;

namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Whether a run stopped trading long before its data ended, and why, from what the engine recorded: the trades, every
/// signal refused (<see cref="BacktestResult.Refusals"/>) and the risk manager's final state (<see cref="BacktestResult.FinalRisk"/>).
/// Rule: trading <em>stopped early</em> when the risk manager refused at least one signal after the last trade's exit and the
/// idle stretch from that exit (the run's start when nothing traded) to the end of data is longer than both the longest gap
/// between earlier trades (including start to first entry) and a tenth of the run. The reasons are the refusal groups of the
/// risk manager after the last exit (<see cref="RefusalGroups"/>), largest first; the floor headroom is the final balance minus
/// the maximum-loss floor (USD): when it is smaller than one contract's risk, no trade can be sized again (the notice says so
/// when signals after the last exit were refused for their size).
/// </summary>
/// <param name="StoppedEarly">True under the rule above.</param>
/// <param name="LastExit">Exit of the last closed trade, UTC, or null when nothing traded.</param>
/// <param name="DataEnd">Close of the last bar, UTC.</param>
/// <param name="Idle">From <paramref name="LastExit"/> (or the start) to <paramref name="DataEnd"/>.</param>
/// <param name="LongestGap">Longest stretch without a position before the last exit: start to first entry, or exit to next entry.</param>
/// <param name="RefusedAfter">Signals the strategy wanted and the risk manager refused after <paramref name="LastExit"/>.</param>
/// <param name="Reasons">The risk manager's refusal groups after <paramref name="LastExit"/>, largest first.</param>
/// <param name="FinalBalance">Balance after the last bar, USD.</param>
/// <param name="MaxLossFloor">Maximum-loss floor after the last bar, USD.</param>
/// <param name="HaltedForGood">Why the risk manager stopped entries for good (the maximum loss limit), or null.</param>
public sealed record TradingStop(
    bool StoppedEarly,
    DateTimeOffset? LastExit,
    DateTimeOffset DataEnd,
    TimeSpan Idle,
    TimeSpan LongestGap,
    int RefusedAfter,
    IReadOnlyList<RefusalGroups.Group> Reasons,
    decimal FinalBalance,
    decimal MaxLossFloor,
    string? HaltedForGood)
{
    /// <summary>How <see cref="Risk.RiskManager.Evaluate"/> words a signal whose risk budget covers too few contracts (a refusal group's name starts so).</summary>
    private const string SizingRefusal = "risk: risk budget ";

    /// <summary>Final balance above the maximum-loss floor, USD.</summary>
    public decimal FloorHeadroom => FinalBalance - MaxLossFloor;

    /// <summary>Judges <paramref name="result"/>; null when it has no final risk state (a result stitched from other runs).</summary>
    public static TradingStop? Of(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.FinalRisk is not { } risk)
            return null;
        var closed = result.Trades.Where(t => t.ExitTime is not null).OrderBy(t => t.EntryTime).ToList();
        DateTimeOffset? lastExit = closed.Count == 0 ? null : closed.Max(t => t.ExitTime!.Value);
        var from = lastExit ?? result.Run.Start;
        var longest = TimeSpan.Zero;
        var previous = result.Run.Start;
        foreach (var trade in closed)
        {
            longest = Max(longest, trade.EntryTime - previous);
            previous = Max(previous, trade.ExitTime!.Value);
        }
        var idle = result.Run.End - from;
        var after = result.Refusals.Where(r => !r.ByStrategy && r.Time > from).ToList();
        var stopped = after.Count > 0 && idle > longest && idle > (result.Run.End - result.Run.Start) / 10;
        return new TradingStop(stopped, lastExit, result.Run.End, idle, longest, after.Count, RefusalGroups.Of(after),
            risk.Balance, risk.MaxLossFloor, risk.HaltedForGood);
    }

    /// <summary>
    /// The plain notice for the report, or null when trading did not stop early, e.g. "Trading stopped early: the last
    /// trade closed on 2019-11-18 16:00 UTC, 6.5 years before the data ends (2026-05-15); the longest gap between earlier
    /// trades was 54 days. After it the risk manager refused all 312 signals the strategy wanted: …. At the end the account
    /// was 2.96 USD above its maximum loss floor (balance 49,128.20 USD, floor 49,125.24 USD)."
    /// </summary>
    public string? Notice()
    {
        if (!StoppedEarly)
            return null;
        var text = new StringBuilder();
        text.Append(LastExit is { } exit
            ? string.Create(CultureInfo.InvariantCulture, $"Trading stopped early: the last trade closed on {exit.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {Span(Idle)} before the data ends ({DataEnd.UtcDateTime:yyyy-MM-dd}); the longest gap between earlier trades was {Span(LongestGap)}. ")
            : string.Create(CultureInfo.InvariantCulture, $"No trade in the whole run ({Span(Idle)}, to {DataEnd.UtcDateTime:yyyy-MM-dd}). "));
        text.Append(CultureInfo.InvariantCulture, $"{(LastExit is null ? "In it" : "After it")} the risk manager refused all {RefusedAfter:N0} signals the strategy wanted: ");
        text.AppendJoin("; ", Reasons.Take(3).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Refusals.Count:N0} × {g.Name["risk: ".Length..]}")));
        if (Reasons.Count > 3)
            text.Append(CultureInfo.InvariantCulture, $"; {Reasons.Skip(3).Sum(g => g.Refusals.Count):N0} for other reasons");
        text.Append(". ");
        text.Append(HaltedForGood is { } halted
            ? $"Entries were stopped for good by the {halted}."
            : string.Create(CultureInfo.InvariantCulture, $"At the end the account was {FloorHeadroom:N2} USD above its maximum loss floor (balance {FinalBalance:N2} USD, floor {MaxLossFloor:N2} USD)")
              + (Reasons.Any(g => g.Name.StartsWith(SizingRefusal, StringComparison.Ordinal)) ? ": no further trade could be sized." : "."));
        return text.ToString();
    }

    /// <summary>The <c>trading_stop</c> section of stats.json.</summary>
    public StatisticsSection ToSection() => new("trading_stop", "Trading stop",
    [
        StatisticRow.OfText("stopped_early", "Stopped early", StoppedEarly ? "yes" : "no"),
        StatisticRow.OfText("last_trade_exit_utc", "Last trade closed (UTC)", LastExit?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        StatisticRow.Of("idle_days", "Days from the last exit to the end of data (whole days)", StatisticUnit.Count, (decimal)Idle.TotalDays),
        StatisticRow.Of("longest_gap_days", "Longest gap between earlier trades (whole days)", StatisticUnit.Count, (decimal)LongestGap.TotalDays),
        StatisticRow.Count("refused_after", "Signals refused by the risk manager after the last exit", RefusedAfter),
        StatisticRow.OfText("main_reason", "Most frequent refusal after the last exit", Reasons.Count > 0 ? Reasons[0].Name : null),
        StatisticRow.OfText("halted_for_good", "Entries stopped for good by", HaltedForGood),
        StatisticRow.Of("final_balance", "Balance at the end (USD)", StatisticUnit.Usd, FinalBalance),
        StatisticRow.Of("max_loss_floor", "Maximum loss floor at the end (USD)", StatisticUnit.Usd, MaxLossFloor),
        StatisticRow.Of("floor_headroom", "Balance above the floor at the end (USD)", StatisticUnit.Usd, FloorHeadroom),
    ]);

    private static string Span(TimeSpan span) => span.TotalDays >= 365.25
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays / 365.25:0.0} years")
        : span.TotalDays >= 2
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} days")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours");

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
