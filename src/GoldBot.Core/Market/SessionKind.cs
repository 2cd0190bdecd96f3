namespace GoldBot.Market;

/// <summary>How a CME Globex trading day trades, according to the <see cref="ExchangeCalendar"/>.</summary>
public enum SessionKind
{
    /// <summary>The regular session: open 17:00 CT the calendar day before, close 16:00 CT (the calendar's regular schedule).</summary>
    Regular,

    /// <summary>Opens as usual but closes before the regular close, at a CT time the calendar gives (holidays, Christmas Eve).</summary>
    EarlyClose,

    /// <summary>No trading at all: a holiday (New Year's Day, Good Friday, Christmas) or a weekend day.</summary>
    Closed,
}
