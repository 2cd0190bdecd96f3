using System.Globalization;
using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.Market;

/// <summary>
/// The shipped calendar (<c>config/cme-calendar.json</c>) against the real MGC 3-minute TopstepX
/// bars (2025-11-23 → 2026-01-02): every bar lies in an open period; every trading day opens at
/// 17:00 CT the day before and its last bar ends at the calendar's close; the holidays in the data
/// (Thanksgiving, the day after, Christmas Eve and Day, New Year's Eve and Day) agree; and exactly
/// the entries the data confirms are marked verified-by-data. Also: the file lists every holiday
/// of 2025–2027 for both product groups.
/// </summary>
public sealed class ExchangeCalendarDataTests
{
    private static readonly Lazy<ExchangeCalendar> Shipped = new(() => ExchangeCalendar.Load(ShippedPath));
    private static readonly Lazy<BarFile> Mgc = new(() => BarCsvReader.Read(SharedData.MgcBars, BadBarPolicy.Reject));

    /// <summary>The last trading day the data sees only partly: no bars after 20:48 CT on 11-27 (the CME Globex halt of 2025-11-28).</summary>
    private static readonly DateOnly Outage = new(2025, 11, 28);

    private static string ShippedPath => Path.Combine(SharedData.RepoRoot, "config", "cme-calendar.json");

    private static ExchangeCalendar Calendar => Shipped.Value;

    private static IReadOnlyList<Bar> Bars => Mgc.Value.Bars;

    private static TimeSpan Period => Mgc.Value.Period;

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<DateOnly, (Bar First, Bar Last)> BarsByTradingDay()
    {
        var days = new Dictionary<DateOnly, (Bar First, Bar Last)>();
        foreach (var bar in Bars)
        {
            var day = Calendar.TradingDayOf(bar.OpenTime);
            days[day] = days.TryGetValue(day, out var seen) ? (seen.First, bar) : (bar, bar);
        }
        return days;
    }

    [Fact]
    public void The_shipped_file_loads_and_covers_2025_to_2027_for_MGC_GC_MES_and_ES()
    {
        Assert.Equal(new DateOnly(2025, 1, 1), Calendar.CoverageStart);
        Assert.Equal(new DateOnly(2027, 12, 31), Calendar.CoverageEnd);
        Assert.Equal("metals", Calendar.GroupOf("MGC").Id);
        Assert.Equal("metals", Calendar.GroupOf("GC").Id);
        Assert.Equal("equity", Calendar.GroupOf("MES").Id);
        Assert.Equal("equity", Calendar.GroupOf("ES").Id);
        Assert.Equal(CalendarBasis.VerifiedByData, Calendar.RegularBasis);
    }

    [Fact]
    public void The_build_ships_the_same_file_next_to_the_executable()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "config", "cme-calendar.json");
        Assert.Equal(File.ReadAllText(ShippedPath), File.ReadAllText(shipped));
    }

    [Fact]
    public void Every_MGC_bar_falls_in_an_open_period()
    {
        Assert.True(Bars.Count > 12_000);
        var outside = Bars
            .Where(b => !Calendar.IsOpen("MGC", b.OpenTime) || !Calendar.IsOpen("MGC", b.OpenTime + Period - TimeSpan.FromTicks(1)))
            .Select(b => b.OpenTime.ToString("u", CultureInfo.InvariantCulture))
            .ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void Every_trading_day_in_the_data_opens_at_17_00_and_ends_at_the_calendar_close()
    {
        var byDay = BarsByTradingDay();
        var problems = new List<string>();
        foreach (var (day, (first, last)) in byDay)
        {
            if (first.OpenTime != CmeSession.TradingDayOpen(day))
                problems.Add($"{day}: first bar {first.OpenTime:u}, not at the 17:00 CT open");
            var close = Calendar.CloseUtc("MGC", day);
            if (close is null)
                problems.Add($"{day}: bars on a closed day");
            else if (last.OpenTime + Period != close && day != Outage)
                problems.Add($"{day}: last bar ends {last.OpenTime + Period:u}, the calendar closes at {close:u}");
        }
        Assert.Empty(problems);
        Assert.Equal(new DateOnly(2025, 11, 24), byDay.Keys.Min());
        Assert.Equal(new DateOnly(2026, 1, 2), byDay.Keys.Max());
    }

    [Fact]
    public void Every_open_trading_day_in_the_data_range_has_bars()
    {
        var byDay = BarsByTradingDay();
        var missing = new List<DateOnly>();
        for (var day = new DateOnly(2025, 11, 24); day <= new DateOnly(2026, 1, 2); day = day.AddDays(1))
        {
            if (Calendar.CloseOf("MGC", day) is not null && !byDay.ContainsKey(day))
                missing.Add(day);
        }
        Assert.Empty(missing);
    }

    [Theory]
    // Early closes: the last bar ends exactly at the close, and the next session opens at 17:00 CT.
    [InlineData("2025-11-27", "early-close", "13:30", "2025-11-27 19:27:00Z")]
    [InlineData("2025-12-24", "early-close", "12:45", "2025-12-24 18:42:00Z")]
    // Regular close with no evening session after it.
    [InlineData("2025-12-31", "regular", "16:00", "2025-12-31 21:57:00Z")]
    [InlineData("2025-12-26", "regular", "16:00", "2025-12-26 21:57:00Z")]
    // Closed all day: no bar belongs to the trading day.
    [InlineData("2025-12-25", "closed", null, null)]
    [InlineData("2026-01-01", "closed", null, null)]
    // The data stops at 20:48 CT on 11-27 (Globex halt): it agrees with the 12:45 close but cannot confirm it.
    [InlineData("2025-11-28", "early-close", "12:45", "2025-11-28 02:48:00Z")]
    public void Holidays_in_the_data_agree_with_the_calendar(string date, string session, string? close, string? lastBar)
    {
        var day = D(date);
        var s = Calendar.Session("MGC", day);
        Assert.Equal(session, s.Kind switch { SessionKind.Closed => "closed", SessionKind.EarlyClose => "early-close", _ => "regular" });
        Assert.Equal(close, s.Close?.ToString("HH:mm", CultureInfo.InvariantCulture));
        var last = Bars.Where(b => Calendar.TradingDayOf(b.OpenTime) == day).Select(b => b.OpenTime).DefaultIfEmpty().Max();
        Assert.Equal(lastBar, lastBar is null ? null : last.ToString("u", CultureInfo.InvariantCulture));
        if (lastBar is null)
            Assert.Equal(default, last);
        else
            Assert.True(last + Period <= Calendar.CloseUtc("MGC", day));
    }

    [Fact]
    public void The_configured_early_closes_match_the_calendar()
    {
        // config/appsettings.json Risk:EarlyCloses were read off the same bars: Thanksgiving 13:30, Christmas Eve 12:45.
        Assert.Equal(new TimeOnly(13, 30), Calendar.CloseOf("MGC", new DateOnly(2025, 11, 27)));
        Assert.Equal(new TimeOnly(12, 45), Calendar.CloseOf("MGC", new DateOnly(2025, 12, 24)));
    }

    [Fact]
    public void Exactly_the_entries_the_data_confirms_are_marked_verified()
    {
        var byDay = BarsByTradingDay();
        var first = Calendar.TradingDayOf(Bars[0].OpenTime);
        var last = Calendar.TradingDayOf(Bars[^1].OpenTime);
        var verified = Calendar.Days.Where(d => d.Basis == CalendarBasis.VerifiedByData).ToList();
        Assert.All(verified, d => Assert.Equal(["metals"], d.Groups));
        Assert.All(verified, d => Assert.Contains("mgc-3m-topstepx", d.Sources));
        Assert.All(verified, d => Assert.InRange(d.Date, first, last));

        bool Confirmed(CalendarDay d) => d.Kind == SessionKind.Closed
            ? !byDay.ContainsKey(d.Date)
            : byDay.TryGetValue(d.Date, out var bars) && bars.Last.OpenTime + Period == Calendar.CloseUtc("MGC", d.Date);
        var metalsInRange = Calendar.Days.Where(d => d.Groups.Contains("metals") && d.Date >= first && d.Date <= last).ToList();
        Assert.Equal(metalsInRange.Where(Confirmed).Select(d => d.Date), verified.Select(d => d.Date));
        Assert.Equal(
            [D("2025-11-27"), D("2025-12-24"), D("2025-12-25"), D("2025-12-26"), D("2025-12-31"), D("2026-01-01")],
            verified.Select(d => d.Date));
    }

    [Theory]
    [InlineData("MGC")]
    [InlineData("MES")]
    public void Every_holiday_of_2025_to_2027_is_in_the_file(string symbol)
    {
        var missing = new List<string>();
        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            foreach (var (name, date, closed) in Holidays(year))
            {
                var s = Calendar.Session(symbol, date);
                if (s.Entry is null || (closed && s.Kind != SessionKind.Closed) || (!closed && s.Kind == SessionKind.Regular))
                    missing.Add($"{name} {date:yyyy-MM-dd}: {s.Kind}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Unverified_entries_never_close_later_than_the_verified_ones_of_the_same_holiday()
    {
        // A wrong "open" is worse than a wrong early close: the 2026-2027 metals closes of the
        // holidays verified in 2025 are the same or earlier.
        foreach (var (verified, later) in new[] { ("2025-11-27", new[] { "2026-11-26", "2027-11-25" }), ("2025-12-24", new[] { "2026-12-24" }) })
        {
            var close = Calendar.CloseOf("MGC", D(verified))!.Value;
            Assert.All(later, d => Assert.True(Calendar.CloseOf("MGC", D(d)) <= close, d));
        }
    }

    /// <summary>US exchange holidays by rule, with the day CME observes them on; closed = no session at all.</summary>
    private static IEnumerable<(string Name, DateOnly Date, bool Closed)> Holidays(int year)
    {
        DateOnly Nth(int month, DayOfWeek weekday, int n)
        {
            var d = new DateOnly(year, month, 1);
            while (d.DayOfWeek != weekday)
                d = d.AddDays(1);
            return d.AddDays(7 * (n - 1));
        }
        DateOnly LastMonday(int month)
        {
            var d = new DateOnly(year, month + 1, 1).AddDays(-1);
            while (d.DayOfWeek != DayOfWeek.Monday)
                d = d.AddDays(-1);
            return d;
        }
        DateOnly Observed(DateOnly d) => d.DayOfWeek switch
        {
            DayOfWeek.Saturday => d.AddDays(-1),
            DayOfWeek.Sunday => d.AddDays(1),
            _ => d,
        };
        var newYear = new DateOnly(year, 1, 1);
        if (newYear.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            yield return ("New Year's Day", newYear, true);
        yield return ("Martin Luther King Jr. Day", Nth(1, DayOfWeek.Monday, 3), false);
        yield return ("Presidents Day", Nth(2, DayOfWeek.Monday, 3), false);
        yield return ("Good Friday", GoodFriday(year), year != 2026); // 2026: equity open until 08:15 CT (jobs report)
        yield return ("Memorial Day", LastMonday(5), false);
        yield return ("Juneteenth", Observed(new DateOnly(year, 6, 19)), false);
        yield return ("Independence Day", Observed(new DateOnly(year, 7, 4)), false);
        yield return ("Labor Day", Nth(9, DayOfWeek.Monday, 1), false);
        var thanksgiving = Nth(11, DayOfWeek.Thursday, 4);
        yield return ("Thanksgiving Day", thanksgiving, false);
        yield return ("Day after Thanksgiving", thanksgiving.AddDays(1), false);
        var christmas = new DateOnly(year, 12, 25);
        if (christmas.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
        {
            yield return ("Christmas Day", christmas, true);
            if (christmas.DayOfWeek != DayOfWeek.Monday)
                yield return ("Christmas Eve", christmas.AddDays(-1), false);
        }
        else
        {
            yield return ("Christmas Day (observed)", Observed(christmas), true);
        }
    }

    /// <summary>Good Friday: two days before Easter Sunday (anonymous Gregorian algorithm, Meeus).</summary>
    private static DateOnly GoodFriday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day).AddDays(-2);
    }
}
