namespace GoldBot.Market;

/// <summary>
/// The regular weekly CME Globex schedule in exchange time (America/Chicago): each trading day in
/// <see cref="TradingDays"/> opens at <see cref="Open"/> on the calendar day before (Sunday evening
/// for Monday) and closes at <see cref="Close"/>; the daily break runs from the close to the open.
/// For MGC, GC, MES and ES: Monday–Friday trading days, 17:00 open, 16:00 close (Sunday–Friday
/// 17:00–16:00 CT with a 16:00–17:00 break; CME contract specifications).
/// </summary>
/// <param name="TradingDays">Weekdays that are trading days.</param>
/// <param name="Open">CT time the session opens, on the calendar day before the trading day.</param>
/// <param name="Close">CT time the session closes on the trading day.</param>
public sealed record RegularSchedule(IReadOnlySet<DayOfWeek> TradingDays, TimeOnly Open, TimeOnly Close);
