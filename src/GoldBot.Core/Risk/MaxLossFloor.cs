namespace GoldBot.Risk;

/// <summary>
/// Topstep's maximum loss limit as a balance floor (help.topstep.com 8284204): the starting
/// balance minus the limit at first; after each trading day it trails the highest end-of-day
/// balance at the limit's distance, never moving down, and stops once it reaches the starting
/// balance. Example, 50K account, $2,000 limit: floor $48,000; after a day ending at $51,000 it
/// is $49,000; after a day ending at $52,500 or more it stays at $50,000.
/// </summary>
public static class MaxLossFloor
{
    /// <summary>The floor before the first trading day ends, USD.</summary>
    public static decimal Initial(RiskOptions rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.StartingBalance - rules.MaxLossLimit;
    }

    /// <summary>The floor after a trading day ends, given the previous floor and the highest end-of-day balance so far, USD.</summary>
    public static decimal AfterDay(decimal previousFloor, decimal highestEndOfDayBalance, RiskOptions rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Math.Min(rules.StartingBalance, Math.Max(previousFloor, highestEndOfDayBalance - rules.MaxLossLimit));
    }
}
