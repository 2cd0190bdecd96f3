namespace GoldBot.Market;

/// <summary>How one trading day trades for one symbol, as the <see cref="ExchangeCalendar"/> says.</summary>
/// <param name="TradingDay">The trading day (CT date of its close).</param>
/// <param name="Kind">Regular, early close or closed (a holiday or a weekend day).</param>
/// <param name="Close">CT close (the regular close or the early close); null when closed.</param>
/// <param name="Entry">The calendar entry that set it; null on a regular or weekend day without one.</param>
/// <param name="Covered">
/// False when the day lies outside the calendar's coverage: the regular weekly schedule is then
/// assumed and holidays are unknown.
/// </param>
public sealed record TradingDaySession(DateOnly TradingDay, SessionKind Kind, TimeOnly? Close, CalendarDay? Entry, bool Covered)
{
    /// <summary>True when nothing trades on this trading day.</summary>
    public bool IsClosed => Kind == SessionKind.Closed;

    /// <summary>Why it is not a regular day: the entry's name, <c>weekend</c>, or null.</summary>
    public string? Reason => Entry?.Name ?? (Kind == SessionKind.Closed ? "weekend" : null);
}
