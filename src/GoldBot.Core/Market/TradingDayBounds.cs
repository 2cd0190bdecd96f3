namespace GoldBot.Market;

/// <summary>
/// One CME trading day (<see cref="CmeSession.TradingDayOf"/>) with its UTC bounds: it opens at 17:00 CT the calendar day
/// before <see cref="Day"/> and ends when the next one opens. An instant belongs to the day exactly when it lies in
/// [<see cref="Open"/>, <see cref="End"/>), since the trading day is a non-decreasing function of time that changes only at
/// 17:00 CT (daylight-saving changes happen at 02:00 CT). Per-bar code keeps the bounds of the last day it saw and asks
/// <see cref="For"/>, so it converts time zones once per trading day instead of at every bar. The default value contains
/// no instant.
/// </summary>
/// <param name="Day">The trading day, named by the CT date it ends on.</param>
/// <param name="Open">When it opens, UTC (17:00 CT the day before).</param>
/// <param name="End">When the next trading day opens, UTC.</param>
public readonly record struct TradingDayBounds(DateOnly Day, DateTimeOffset Open, DateTimeOffset End)
{
    /// <summary>The trading day of <paramref name="utc"/> with its bounds (three time-zone conversions).</summary>
    public static TradingDayBounds Of(DateTimeOffset utc)
    {
        var day = CmeSession.TradingDayOf(utc);
        return new TradingDayBounds(day, CmeSession.TradingDayOpen(day), CmeSession.TradingDayOpen(day.AddDays(1)));
    }

    /// <summary>True when <paramref name="utc"/> belongs to this trading day.</summary>
    public bool Contains(DateTimeOffset utc) => utc >= Open && utc < End;

    /// <summary>These bounds when they contain <paramref name="utc"/>, otherwise <see cref="Of"/>(<paramref name="utc"/>).</summary>
    public TradingDayBounds For(DateTimeOffset utc) => Contains(utc) ? this : Of(utc);
}
