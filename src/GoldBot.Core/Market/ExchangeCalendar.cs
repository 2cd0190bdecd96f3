namespace GoldBot.Market;

/// <summary>
/// The CME Globex session calendar as data (<c>config/cme-calendar.json</c>, format in
/// <see cref="ExchangeCalendarReader"/>): the regular weekly schedule and, per trading day and
/// product group, the holidays that close all day or early. A trading day runs from the regular
/// open (17:00 CT) on the calendar day before to its close (16:00 CT, or the early close); trading
/// days outside the regular schedule's weekdays (Saturday, Sunday) are closed. Days outside the
/// file's coverage follow the regular schedule: <see cref="UncoveredDays"/> and
/// <see cref="CoverageWarning"/> tell a caller when that is the case. All times are America/Chicago
/// (CT); instants are UTC. Symbols are root symbols (MGC, GC, MES, ES), matched case-insensitively.
/// Immutable and thread-safe; the queries allocate nothing but their result records.
/// </summary>
public sealed class ExchangeCalendar
{
    private readonly Dictionary<string, int> _groupOfSymbol = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<DateOnly, CalendarDay>[] _days;

    private ExchangeCalendar(string file, ExchangeCalendarReader.Contents contents)
    {
        File = file;
        Revision = contents.Revision;
        Updated = contents.Updated;
        Description = contents.Description;
        CoverageStart = contents.First;
        CoverageEnd = contents.Last;
        Sources = contents.Sources;
        ProductGroups = contents.Groups;
        Regular = contents.Regular;
        RegularBasis = contents.RegularBasis;
        Days = contents.Days;
        _days = new Dictionary<DateOnly, CalendarDay>[contents.Groups.Count];
        for (var g = 0; g < contents.Groups.Count; g++)
        {
            _days[g] = [];
            foreach (var symbol in contents.Groups[g].Symbols)
                _groupOfSymbol[symbol] = g;
        }
        var index = contents.Groups.Select((group, i) => (group.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var day in contents.Days)
        {
            foreach (var group in day.Groups)
                _days[index[group]][day.Date] = day;
        }
    }

    /// <summary>The file (or stream name) the calendar was read from, as given to <see cref="Load(string)"/>.</summary>
    public string File { get; }

    /// <summary>Schema version of the file format (1).</summary>
    public static int SchemaVersion => ExchangeCalendarReader.SchemaVersion;

    /// <summary>Content revision of the file, raised on every change of its entries.</summary>
    public int Revision { get; }

    /// <summary>Date the file's content was last revised, as written in it (<c>yyyy-MM-dd</c>).</summary>
    public string Updated { get; }

    /// <summary>The file's own description.</summary>
    public string Description { get; }

    /// <summary>First trading day (CT date) the file covers.</summary>
    public DateOnly CoverageStart { get; }

    /// <summary>Last trading day (CT date) the file covers; later days follow the regular schedule with no holidays known.</summary>
    public DateOnly CoverageEnd { get; }

    /// <summary>Where the entries come from and how each was established.</summary>
    public IReadOnlyList<CalendarSource> Sources { get; }

    /// <summary>The product groups and their root symbols.</summary>
    public IReadOnlyList<ProductGroup> ProductGroups { get; }

    /// <summary>The regular weekly schedule (17:00 CT open the day before, 16:00 CT close, Monday–Friday trading days).</summary>
    public RegularSchedule Regular { get; }

    /// <summary>Whether the regular schedule was verified against bars.</summary>
    public CalendarBasis RegularBasis { get; }

    /// <summary>Every entry, in file order (sorted by date).</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>Reads and checks the calendar file at <paramref name="path"/>.</summary>
    /// <exception cref="ExchangeCalendarException">
    /// The file is missing or unreadable, is not valid JSON, or breaks a rule of the format
    /// (the message names the file and lists every problem).
    /// </exception>
    public static ExchangeCalendar Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Stream stream;
        try
        {
            stream = System.IO.File.OpenRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ExchangeCalendarException(path, "file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ExchangeCalendarException(path, $"cannot be read: {e.Message}", e);
        }
        using (stream)
            return Load(stream, path);
    }

    /// <summary>Reads and checks a calendar from <paramref name="json"/>; <paramref name="name"/> names it in messages.</summary>
    /// <exception cref="ExchangeCalendarException">Not valid JSON, or a rule of the format is broken (all problems listed).</exception>
    public static ExchangeCalendar Load(Stream json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ExchangeCalendar(name, ExchangeCalendarReader.Read(json, name));
    }

    /// <summary>True when <paramref name="tradingDay"/> lies inside the file's coverage.</summary>
    public bool Covers(DateOnly tradingDay) => tradingDay >= CoverageStart && tradingDay <= CoverageEnd;

    /// <summary>True when the calendar has a product group for <paramref name="symbol"/> (a root symbol, any case).</summary>
    public bool Knows(string symbol) => symbol is not null && _groupOfSymbol.ContainsKey(symbol);

    /// <summary>The product group of <paramref name="symbol"/>.</summary>
    /// <exception cref="KeyNotFoundException">No group lists the symbol; the message names the file and the known symbols.</exception>
    public ProductGroup GroupOf(string symbol) => ProductGroups[GroupIndex(symbol)];

    /// <summary>
    /// How <paramref name="tradingDay"/> trades for <paramref name="symbol"/>: closed (holiday or
    /// weekend), an early close, or the regular close. Outside the coverage the regular schedule
    /// is assumed (<see cref="TradingDaySession.Covered"/> is then false).
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown symbol.</exception>
    public TradingDaySession Session(string symbol, DateOnly tradingDay) => Session(GroupIndex(symbol), tradingDay);

    /// <summary>CT close of <paramref name="tradingDay"/> for <paramref name="symbol"/>: the regular 16:00 or the early close; null when closed all day (holiday or weekend).</summary>
    /// <exception cref="KeyNotFoundException">Unknown symbol.</exception>
    public TimeOnly? CloseOf(string symbol, DateOnly tradingDay) => CloseTime(GroupIndex(symbol), tradingDay);

    /// <summary>UTC instant at which <paramref name="tradingDay"/> closes for <paramref name="symbol"/>; null when closed all day.</summary>
    /// <exception cref="KeyNotFoundException">Unknown symbol.</exception>
    public DateTimeOffset? CloseUtc(string symbol, DateOnly tradingDay) =>
        CloseOf(symbol, tradingDay) is { } close ? CmeSession.AtExchangeTime(tradingDay, close) : null;

    /// <summary>
    /// The trading day an instant belongs to: its CT date, advanced by one day at or after the
    /// regular open (17:00 CT). It may be a closed day.
    /// </summary>
    public DateOnly TradingDayOf(DateTimeOffset utc)
    {
        var local = CmeSession.ToExchangeTime(utc).DateTime;
        var date = DateOnly.FromDateTime(local);
        return TimeOnly.FromDateTime(local) >= Regular.Open ? date.AddDays(1) : date;
    }

    /// <summary>
    /// True when CME Globex trades <paramref name="symbol"/> at <paramref name="utc"/>: from the
    /// regular open (17:00 CT the day before) of a trading day that is not closed, until that day's
    /// close (exclusive). False in the daily break, at weekends and on closed days.
    /// </summary>
    /// <exception cref="KeyNotFoundException">Unknown symbol.</exception>
    public bool IsOpen(string symbol, DateTimeOffset utc)
    {
        var group = GroupIndex(symbol);
        var local = CmeSession.ToExchangeTime(utc).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (time >= Regular.Open)
            return CloseTime(group, date.AddDays(1)) is not null;
        return CloseTime(group, date) is { } close && time < close;
    }

    /// <summary>
    /// The days from <paramref name="from"/> (inclusive) through the next <paramref name="days"/> − 1
    /// days that lie outside the coverage, in date order; empty when all are covered.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public IReadOnlyList<DateOnly> UncoveredDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var result = new List<DateOnly>();
        for (var i = 0; i < days; i++)
        {
            var day = from.AddDays(i);
            if (!Covers(day))
                result.Add(day);
        }
        return result;
    }

    /// <summary>
    /// The start-up warning when the calendar does not cover the coming <paramref name="days"/>
    /// days (from the trading day of <paramref name="nowUtc"/>), or null when it covers them all.
    /// On an uncovered day GoldBot assumes the regular schedule and knows no holiday or early close.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public string? CoverageWarning(DateTimeOffset nowUtc, int days = 7)
    {
        var from = TradingDayOf(nowUtc);
        var missing = UncoveredDays(from, days);
        if (missing.Count == 0)
            return null;
        var which = missing.Count == 1 ? $"{missing[0]:yyyy-MM-dd} is" : $"{missing[0]:yyyy-MM-dd} to {missing[^1]:yyyy-MM-dd} ({missing.Count} of them) are";
        return $"session calendar {File} covers {CoverageStart:yyyy-MM-dd} to {CoverageEnd:yyyy-MM-dd} (revision {Revision}): "
            + $"of the {days} days from {from:yyyy-MM-dd}, {which} not covered. On those days GoldBot assumes the regular "
            + $"Sunday–Friday {Regular.Open:HH\\:mm}–{Regular.Close:HH\\:mm} CT session and knows no holiday or early close; "
            + "add them to the calendar from the CME Group holiday calendar.";
    }

    private TradingDaySession Session(int group, DateOnly day)
    {
        var covered = Covers(day);
        var entry = covered && _days[group].TryGetValue(day, out var found) ? found : null;
        var close = CloseTime(group, day);
        return new TradingDaySession(day, entry?.Kind ?? (close is null ? SessionKind.Closed : SessionKind.Regular), close, entry, covered);
    }

    private TimeOnly? CloseTime(int group, DateOnly day)
    {
        if (Covers(day) && _days[group].TryGetValue(day, out var entry))
        {
            return entry.Kind switch
            {
                SessionKind.Closed => null,
                SessionKind.EarlyClose => entry.Close,
                _ => Regular.Close,
            };
        }
        return Regular.TradingDays.Contains(day.DayOfWeek) ? Regular.Close : null;
    }

    private int GroupIndex(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return _groupOfSymbol.TryGetValue(symbol, out var group)
            ? group
            : throw new KeyNotFoundException($"session calendar {File} has no product group for symbol '{symbol}' (known: {string.Join(", ", _groupOfSymbol.Keys)})");
    }
}
