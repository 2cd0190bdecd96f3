using GoldBot.Market;

namespace GoldBot.Strategy;

/// <summary>
/// Names the trading session of an instant by New York wall-clock time (DST-aware): Asia
/// 18:00–03:00, London 03:00–08:00, New York 08:00–17:00 (the common futures convention;
/// the gap 17:00–18:00 is the CME halt and counts as New York).
/// </summary>
public static class TradingSession
{
    /// <summary>Session name of a UTC instant: <c>asia</c>, <c>london</c> or <c>new_york</c>.</summary>
    public static string Of(DateTimeOffset utc) => OfNewYorkHour(TimeZoneInfo.ConvertTime(utc, ExchangeTimeZones.NewYork).Hour);

    /// <summary>Session name of a New York wall-clock hour (0–23), for a caller that already has New York time (<see cref="ZoneClock"/>).</summary>
    public static string OfNewYorkHour(int hour) => hour >= 18 || hour < 3 ? "asia" : hour < 8 ? "london" : "new_york";
}
