using GoldBot.Market;

namespace GoldBot.Risk;

/// <summary>The entry window and flatten times of one CT calendar date, in exchange time (America/Chicago).</summary>
/// <param name="WindowStart">First time a new entry may be taken.</param>
/// <param name="WindowEnd">No new entries from this time (equal to or before <paramref name="WindowStart"/>: no window that day).</param>
/// <param name="FlattenAt">Working orders are cancelled and positions closed from this time.</param>
/// <param name="FlatBy">Hard deadline: the account is flat by this time.</param>
/// <param name="Close">Session close the others are measured from (15:10 on a normal day, the early close on others).</param>
/// <param name="Closed">
/// True when the exchange does not trade that day (a holiday the calendar closes; weekends keep the normal times):
/// every time is then 00:00, so there is no entry window and anything open is flattened at once.
/// </param>
/// <param name="Holiday">Name of the early close or closure (from <see cref="RiskOptions.EarlyCloses"/> or the calendar); null on a normal day.</param>
public sealed record SessionTimes(TimeOnly WindowStart, TimeOnly WindowEnd, TimeOnly FlattenAt, TimeOnly FlatBy, TimeOnly Close,
    bool Closed = false, string? Holiday = null);

/// <summary>
/// The daily schedule the risk rules follow. On a normal day it is the configured window and
/// flatten times, ending at Topstep's 15:10 CT close (help.topstep.com 8284206: positions closed
/// before 3:10 PM CT, risk desk flattening from 3:08). On an early-close day every time keeps its
/// distance to the close but is measured from min(early close, 15:10): with the defaults and a
/// 12:45 close, entries stop at 12:35, flattening starts at 12:40 and the account is flat by 12:43.
/// Early closes come from <see cref="RiskOptions.EarlyCloses"/> and, when one is given, from the
/// CME session calendar (<see cref="ExchangeCalendar"/>) for the traded symbol; a configured entry
/// overrides the calendar on its date (so configuration can correct the calendar), and a holiday
/// the calendar closes all day has no entry window (<see cref="SessionTimes.Closed"/>). Outside the
/// calendar's coverage only the configured early closes apply.
/// </summary>
public sealed class SessionSchedule
{
    private readonly RiskOptions _options;
    private readonly Dictionary<DateOnly, EarlyClose> _earlyCloses;
    private readonly ExchangeCalendar? _calendar;
    private readonly string _symbol = "";
    private readonly SessionTimes _normal;
    private readonly SessionTimes _closed;

    /// <summary>Builds the schedule from the risk options alone: only the configured early closes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SessionSchedule(RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _earlyCloses = options.EarlyCloses.ToDictionary(e => e.Date);
        _normal = new SessionTimes(options.TradingWindowStart, options.TradingWindowEnd, options.FlattenAt, options.FlatBy, options.SessionClose);
        _closed = new SessionTimes(TimeOnly.MinValue, TimeOnly.MinValue, TimeOnly.MinValue, TimeOnly.MinValue, TimeOnly.MinValue, Closed: true);
    }

    /// <summary>
    /// Builds the schedule from the risk options and the CME session calendar of <paramref name="symbol"/>:
    /// the calendar's early closes and closed days apply, configured early closes override it on their dates.
    /// </summary>
    /// <param name="symbol">Root symbol traded, e.g. <c>MGC</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The calendar has no product group for <paramref name="symbol"/>.</exception>
    public SessionSchedule(RiskOptions options, ExchangeCalendar calendar, string symbol)
        : this(options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(symbol);
        calendar.GroupOf(symbol);
        _calendar = calendar;
        _symbol = symbol;
    }

    /// <summary>The times that apply on the CT calendar date <paramref name="date"/>.</summary>
    public SessionTimes For(DateOnly date)
    {
        if (_earlyCloses.TryGetValue(date, out var configured))
            return MeasuredFrom(configured.Close, configured.Name);
        if (_calendar is null)
            return _normal;
        var session = _calendar.Session(_symbol, date);
        return session.Kind switch
        {
            // Weekends keep the configured times: no bar arrives before the Sunday 17:00 open, and
            // from then on the instants belong to Monday's trading day.
            SessionKind.Closed when session.Entry is not null => _closed with { Holiday = session.Reason },
            SessionKind.EarlyClose => MeasuredFrom(session.Close!.Value, session.Reason),
            _ => _normal,
        };
    }

    /// <summary>The times that apply at a UTC instant (its CT calendar date).</summary>
    public SessionTimes At(DateTimeOffset utc) => For(DateOnly.FromDateTime(CmeSession.ToExchangeTime(utc).DateTime));

    /// <summary>UTC instant by which a position opened at <paramref name="entryUtc"/> must be flat.</summary>
    public DateTimeOffset FlatDeadline(DateTimeOffset entryUtc)
    {
        var date = DateOnly.FromDateTime(CmeSession.ToExchangeTime(entryUtc).DateTime);
        return CmeSession.AtExchangeTime(date, For(date).FlatBy);
    }

    /// <summary>
    /// The configured times shifted so that they keep their distance to min(<paramref name="close"/>, 15:10);
    /// a time that would fall before midnight is 00:00 (a close at 00:05 must not wrap to 23:55).
    /// </summary>
    private SessionTimes MeasuredFrom(TimeOnly close, string? name)
    {
        var o = _options;
        if (close >= o.SessionClose)
            return _normal;
        TimeOnly Shift(TimeOnly t) => close.ToTimeSpan() >= o.SessionClose - t ? close.Add(t - o.SessionClose) : TimeOnly.MinValue;
        return new SessionTimes(o.TradingWindowStart, Shift(o.TradingWindowEnd), Shift(o.FlattenAt), Shift(o.FlatBy), close, Holiday: name);
    }
}
