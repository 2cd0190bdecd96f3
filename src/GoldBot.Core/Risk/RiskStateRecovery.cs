using System.Globalization;

namespace GoldBot.Risk;

/// <summary>
/// The risk state to start from, given what the store saved (or nothing), what the gateway says now and
/// what the operator knows, with one message per assumption made. One path for a first start and a restart
/// (issue 10 §2):
/// <list type="bullet">
/// <item>the day's start balance is the store's for the same trading day, else the account balance minus the
/// day's realised P&amp;L (the previous day's closing balance, exact);</item>
/// <item>a saved state of an earlier day is rolled as the risk manager rolls at 17:00 CT: the highest
/// end-of-day balance takes the day's start balance, the floor trails it (<see cref="MaxLossFloor.AfterDay"/>),
/// the day's counters and halt reset, a halt for good stays;</item>
/// <item>the maximum-loss floor, which the API does not expose, is the higher of the saved one and
/// <c>Risk:KnownMaxLossFloor</c>; with neither, a fresh account (no fills, balance at the starting balance)
/// has the initial floor, and any other account the stricter reading: the floor locked at the starting
/// balance, the highest Topstep's floor can be.</item>
/// </list>
/// </summary>
public static class RiskStateRecovery
{
    /// <summary>The state to resume and what was assumed (empty when nothing was).</summary>
    /// <param name="saved">The store's state, or null when there is none (a first start).</param>
    /// <param name="account">The gateway's account now.</param>
    /// <param name="tradingDay">The current CME trading day.</param>
    /// <param name="rules">The account rules (<see cref="RiskOptions.StartingBalance"/>, <see cref="RiskOptions.MaxLossLimit"/>, <see cref="RiskOptions.KnownMaxLossFloor"/>).</param>
    public static (RiskState State, IReadOnlyList<string> Assumptions) Recover(RiskState? saved, AccountFacts account, DateOnly tradingDay, RiskOptions rules)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(rules);
        var assumptions = new List<string>();
        var dayStart = account.Balance - account.DayRealizedPnL;
        RiskState state;
        if (saved is not null && saved.TradingDay == tradingDay)
        {
            state = saved with { Balance = account.Balance };
        }
        else if (saved is not null)
        {
            var highest = Math.Max(saved.HighestEndOfDayBalance, dayStart);
            state = new RiskState(tradingDay, account.Balance, dayStart, highest, MaxLossFloor.AfterDay(saved.MaxLossFloor, highest, rules),
                0, 0, saved.TotalTrades, null, saved.HaltedForGood);
        }
        else
        {
            var highest = Math.Max(rules.StartingBalance, dayStart);
            var fresh = !account.HasHistory && account.Balance == rules.StartingBalance;
            var floor = fresh || rules.KnownMaxLossFloor is not null ? MaxLossFloor.Initial(rules) : rules.StartingBalance;
            if (!fresh && rules.KnownMaxLossFloor is null)
            {
                assumptions.Add($"maximum-loss floor unknown (the gateway does not report it): assuming it has locked at the starting balance {Usd(floor)}, " +
                    "the strictest reading; set Risk:KnownMaxLossFloor or run `goldbot risk set-floor` with the floor Topstep shows");
            }
            state = new RiskState(tradingDay, account.Balance, dayStart, highest, floor, 0, 0, 0, null, null);
        }
        if (rules.KnownMaxLossFloor is { } known && known > state.MaxLossFloor)
            state = state with { MaxLossFloor = known };
        return (state, assumptions);
    }

    /// <summary>
    /// The state after the operator gave the floor Topstep shows (<c>goldbot risk set-floor</c>): the floor is
    /// <paramref name="floor"/> and the highest end-of-day balance the one it trails from (the floor plus the maximum loss
    /// limit; at least that once the floor has locked at the starting balance). A halt for good (the maximum loss limit, judged
    /// against the floor now replaced) is lifted. Without a saved state, the result is dated before any trading day, so the next
    /// start rolls it with the gateway's balances.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="floor"/> is above the starting balance (Topstep's floor stops there) or not positive.</exception>
    public static RiskState WithKnownFloor(RiskState? saved, decimal floor, RiskOptions rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(floor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(floor, rules.StartingBalance);
        var trailedFrom = floor + rules.MaxLossLimit;
        var highest = floor < rules.StartingBalance ? trailedFrom : Math.Max(saved?.HighestEndOfDayBalance ?? trailedFrom, trailedFrom);
        return saved is null
            ? new RiskState(DateOnly.MinValue, 0m, 0m, highest, floor, 0, 0, 0, null, null)
            : saved with { MaxLossFloor = floor, HighestEndOfDayBalance = highest, HaltedForGood = null };
    }

    private static string Usd(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture) + " USD";
}
