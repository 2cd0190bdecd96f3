using System.Collections.Concurrent;

namespace GoldBot.Market;

/// <summary>
/// CME Globex trading-day arithmetic for metals and equity-index futures: the trading day
/// runs 17:00 America/Chicago (previous calendar day) to 16:00 America/Chicago, Sunday to
/// Friday, with a 60-minute halt from 16:00 (CME contract specifications for MGC and MES).
/// All conversions are DST-aware through the IANA zone <c>America/Chicago</c>.
/// </summary>
public static class CmeSession
{
    /// <summary>The exchange time zone, America/Chicago (CT).</summary>
    public static TimeZoneInfo Chicago => ExchangeTimeZones.Chicago;

    /// <summary>Local exchange time at which a new trading day starts (17:00 CT).</summary>
    public static TimeOnly TradingDayStart { get; } = new(17, 0);

    /// <summary>Converts a UTC instant to exchange time (CT, with its offset).</summary>
    public static DateTimeOffset ToExchangeTime(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Chicago);

    // Each trading day's open, converted once per process: the opens are asked for at every new day by every aggregator, the
    // risk manager and the backtest's recorder, and a conversion through the zone's adjustment rules costs about a microsecond.
    private static readonly ConcurrentDictionary<DateOnly, DateTimeOffset> Opens = new();

    /// <summary>
    /// The trading day an instant belongs to: the CT calendar date, advanced by one day at or
    /// after 17:00 CT. Sunday 18:00 CT belongs to Monday's trading day. Found as the day whose
    /// <see cref="TradingDayOpen"/> is at or before <paramref name="utc"/> and whose successor's is after it
    /// (the same day: 17:00 CT is never skipped or repeated by a daylight-saving change, which happens at 02:00).
    /// </summary>
    public static DateOnly TradingDayOf(DateTimeOffset utc)
    {
        var instant = utc.UtcDateTime;
        if (instant.Year is <= 1 or >= 9999)
            return TradingDayOfByConversion(utc);
        // 17:00 CT is 22:00 or 23:00 UTC: two hours later the UTC date is the trading day or the one after it.
        var day = DateOnly.FromDateTime(instant.AddHours(2));
        while (utc < TradingDayOpen(day))
            day = day.AddDays(-1);
        while (utc >= TradingDayOpen(day.AddDays(1)))
            day = day.AddDays(1);
        return day;
    }

    /// <summary><see cref="TradingDayOf"/> by converting the instant to exchange time (the definition; for the edges of the calendar).</summary>
    internal static DateOnly TradingDayOfByConversion(DateTimeOffset utc)
    {
        var local = ToExchangeTime(utc);
        var date = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) >= TradingDayStart ? date.AddDays(1) : date;
    }

    /// <summary>UTC instant at which <paramref name="tradingDay"/> opens (17:00 CT the calendar day before).</summary>
    public static DateTimeOffset TradingDayOpen(DateOnly tradingDay) =>
        Opens.TryGetValue(tradingDay, out var open) ? open : Opens.GetOrAdd(tradingDay, AtExchangeTime(tradingDay.AddDays(-1), TradingDayStart));

    /// <summary>
    /// UTC instant of a CT wall-clock time on a CT calendar date. A time that does not exist
    /// (spring-forward gap) is moved forward by the gap; an ambiguous time takes the first
    /// (daylight) occurrence.
    /// </summary>
    public static DateTimeOffset AtExchangeTime(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Chicago.IsInvalidTime(local))
            local = local.AddHours(1);
        var offset = Chicago.IsAmbiguousTime(local)
            ? Chicago.GetAmbiguousTimeOffsets(local).Max()
            : Chicago.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>
    /// True when CME Globex trades metals and equity-index futures at <paramref name="utc"/> on a regular week:
    /// Sunday 17:00 CT to Friday 16:00 CT, without the daily 16:00–17:00 CT break. Holidays and early
    /// closes are not known here (see the exchange calendar).
    /// </summary>
    public static bool IsRegularGlobexHours(DateTimeOffset utc)
    {
        var local = ToExchangeTime(utc);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time >= DailyClose && time < TradingDayStart)
            return false;
        return local.DayOfWeek switch
        {
            DayOfWeek.Saturday => false,
            DayOfWeek.Sunday => time >= TradingDayStart,
            DayOfWeek.Friday => time < DailyClose,
            _ => true,
        };
    }

    /// <summary>Local exchange time of the daily close before the maintenance break (16:00 CT).</summary>
    public static TimeOnly DailyClose { get; } = new(16, 0);

    /// <summary>The CT wall-clock time of a UTC instant.</summary>
    public static TimeOnly ExchangeTimeOfDay(DateTimeOffset utc) => TimeOnly.FromDateTime(ToExchangeTime(utc).DateTime);
}
