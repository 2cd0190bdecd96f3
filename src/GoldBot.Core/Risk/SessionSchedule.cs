using GoldBot.Market;

namespace GoldBot.Risk;

/// <summary>The entry window and flatten times of one CT calendar date, in exchange time (America/Chicago).</summary>
/// <param name="WindowStart">First time a new entry may be taken.</param>
/// <param name="WindowEnd">No new entries from this time.</param>
/// <param name="FlattenAt">Working orders are cancelled and positions closed from this time.</param>
/// <param name="FlatBy">Hard deadline: the account is flat by this time.</param>
/// <param name="Close">Session close the others are measured from (15:10 on a normal day, the early close on others).</param>
public sealed record SessionTimes(TimeOnly WindowStart, TimeOnly WindowEnd, TimeOnly FlattenAt, TimeOnly FlatBy, TimeOnly Close);

/// <summary>
/// The daily schedule the risk rules follow. On a normal day it is the configured window and
/// flatten times, ending at Topstep's 15:10 CT close (help.topstep.com 8284206: positions closed
/// before 3:10 PM CT, risk desk flattening from 3:08). On a day listed in
/// <see cref="RiskOptions.EarlyCloses"/> every time keeps its distance to the close but is measured
/// from the early close: with the defaults and a 12:45 close, entries stop at 12:35, flattening
/// starts at 12:40 and the account is flat by 12:43.
/// </summary>
public sealed class SessionSchedule
{
    private readonly RiskOptions _options;
    private readonly Dictionary<DateOnly, TimeOnly> _earlyCloses;

    /// <summary>Builds the schedule from the risk options.</summary>
    public SessionSchedule(RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _earlyCloses = options.EarlyCloses.ToDictionary(e => e.Date, e => e.Close);
    }

    /// <summary>The times that apply on the CT calendar date <paramref name="date"/>.</summary>
    public SessionTimes For(DateOnly date)
    {
        var o = _options;
        if (!_earlyCloses.TryGetValue(date, out var close) || close >= o.SessionClose)
            return new SessionTimes(o.TradingWindowStart, o.TradingWindowEnd, o.FlattenAt, o.FlatBy, o.SessionClose);
        TimeOnly Shift(TimeOnly t) => close.Add(t - o.SessionClose);
        return new SessionTimes(o.TradingWindowStart, Shift(o.TradingWindowEnd), Shift(o.FlattenAt), Shift(o.FlatBy), close);
    }

    /// <summary>The times that apply at a UTC instant (its CT calendar date).</summary>
    public SessionTimes At(DateTimeOffset utc) => For(DateOnly.FromDateTime(CmeSession.ToExchangeTime(utc).DateTime));

    /// <summary>UTC instant by which a position opened at <paramref name="entryUtc"/> must be flat.</summary>
    public DateTimeOffset FlatDeadline(DateTimeOffset entryUtc)
    {
        var date = DateOnly.FromDateTime(CmeSession.ToExchangeTime(entryUtc).DateTime);
        return CmeSession.AtExchangeTime(date, For(date).FlatBy);
    }
}
