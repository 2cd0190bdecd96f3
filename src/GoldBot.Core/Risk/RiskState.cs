namespace GoldBot.Risk;

/// <summary>
/// The part of the risk manager's state that must survive a restart (issue 10): the trailing maximum-loss
/// floor and the highest end-of-day balance it trails, the trading day's start balance, the day's counters
/// and halts, and the trade count of the half-risk rule. Money in USD.
/// </summary>
/// <param name="TradingDay">The CME trading day (17:00–16:00 CT) the day's fields belong to.</param>
/// <param name="Balance">The account balance last seen, USD.</param>
/// <param name="DayStartBalance">The balance at the start of <paramref name="TradingDay"/>, USD: the day's P&amp;L counts from it.</param>
/// <param name="HighestEndOfDayBalance">The highest end-of-day balance so far, USD (what the maximum-loss floor trails).</param>
/// <param name="MaxLossFloor">The maximum-loss floor, USD (<see cref="Risk.MaxLossFloor"/>).</param>
/// <param name="ConsecutiveLosses">Losing trades in a row on <paramref name="TradingDay"/>.</param>
/// <param name="DailyTrades">Trades opened on <paramref name="TradingDay"/>.</param>
/// <param name="TotalTrades">Trades opened since the account's first start (the half-risk rule counts them).</param>
/// <param name="HaltedToday">Why entries stopped for the rest of <paramref name="TradingDay"/> (daily loss limit, consecutive losses), or null.</param>
/// <param name="HaltedForGood">Why entries stopped for good (the maximum loss limit), or null.</param>
public sealed record RiskState(
    DateOnly TradingDay,
    decimal Balance,
    decimal DayStartBalance,
    decimal HighestEndOfDayBalance,
    decimal MaxLossFloor,
    int ConsecutiveLosses,
    int DailyTrades,
    int TotalTrades,
    string? HaltedToday,
    string? HaltedForGood);
