using System.Text;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Risk;

namespace GoldBot.Tests.Risk;

/// <summary>
/// The risk schedule with the CME session calendar: the calendar's early closes move the window and
/// flatten times exactly like configured ones, measured from min(early close, Topstep's 15:10); a
/// configured entry overrides the calendar; a closed holiday has no entry window; and on the real
/// MGC bars the calendar-aware schedule decides exactly what the configured one did (the default
/// replay's early closes are the calendar's).
/// </summary>
public sealed class SessionScheduleCalendarTests
{
    private static readonly ExchangeCalendar Calendar = ExchangeCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes("""
        {
          "schemaVersion": 1, "revision": 1, "updated": "2026-12-06", "description": "test", "timeZone": "America/Chicago",
          "coverage": { "first": "2026-01-01", "last": "2026-12-31" },
          "sources": [ { "id": "s", "title": "t", "reference": "r", "method": "m" } ],
          "productGroups": [ { "id": "metals", "name": "metals", "symbols": [ "MGC" ] }, { "id": "equity", "name": "equity", "symbols": [ "MES" ] } ],
          "regularSchedule": { "tradingDays": [ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" ], "open": "17:00", "close": "16:00",
            "dailyBreak": { "from": "16:00", "to": "17:00" }, "basis": "needs-check", "sources": [ "s" ] },
          "days": [
            { "date": "2026-04-03", "groups": [ "metals" ], "session": "closed", "name": "Good Friday", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2026-04-03", "groups": [ "equity" ], "session": "early-close", "close": "08:15", "name": "Good Friday", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2026-09-07", "groups": [ "metals", "equity" ], "session": "early-close", "close": "12:00", "name": "Labor Day", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2026-11-26", "groups": [ "metals" ], "session": "early-close", "close": "13:30", "name": "Thanksgiving Day", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2026-12-24", "groups": [ "metals" ], "session": "early-close", "close": "12:45", "name": "Christmas Eve", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2026-12-30", "groups": [ "metals" ], "session": "early-close", "close": "15:30", "name": "late early close", "basis": "needs-check", "sources": [ "s" ] }
          ]
        }
        """)), "test-calendar.json");

    private static readonly RiskOptions Rules = new();

    private static DateTimeOffset Ct(int month, int day, int hour, int minute) =>
        CmeSession.AtExchangeTime(new DateOnly(2026, month, day), new TimeOnly(hour, minute));

    [Fact]
    public void A_calendar_early_close_is_measured_like_a_configured_one()
    {
        var withCalendar = new SessionSchedule(Rules, Calendar, "MGC").For(new DateOnly(2026, 12, 24));
        var configured = new SessionSchedule(Rules with
        {
            EarlyCloses = [new EarlyClose { Date = new DateOnly(2026, 12, 24), Close = new TimeOnly(12, 45), Name = "Christmas Eve" }],
        }).For(new DateOnly(2026, 12, 24));

        Assert.Equal(new SessionTimes(new(8, 30), new(12, 35), new(12, 40), new(12, 43), new(12, 45), Holiday: "Christmas Eve"), withCalendar);
        Assert.Equal(configured, withCalendar);
        Assert.Equal(new SessionTimes(new(8, 30), new(11, 50), new(11, 55), new(11, 58), new(12, 0), Holiday: "Labor Day"),
            new SessionSchedule(Rules, Calendar, "MES").For(new DateOnly(2026, 9, 7)));
    }

    [Fact]
    public void An_early_close_after_15_10_keeps_Topsteps_cutoff()
    {
        // min(15:30, 15:10) = 15:10: the normal day.
        Assert.Equal(new SessionTimes(new(8, 30), new(15, 0), new(15, 5), new(15, 8), new(15, 10)),
            new SessionSchedule(Rules, Calendar, "MGC").For(new DateOnly(2026, 12, 30)));
    }

    [Fact]
    public void Regular_days_weekends_and_days_outside_the_coverage_keep_the_configured_times()
    {
        var normal = new SessionSchedule(Rules).For(new DateOnly(2026, 12, 23));
        var schedule = new SessionSchedule(Rules, Calendar, "MGC");
        Assert.Equal(normal, schedule.For(new DateOnly(2026, 12, 23)));
        Assert.Equal(normal, schedule.For(new DateOnly(2026, 12, 27))); // Sunday: its evening belongs to Monday
        Assert.Equal(normal, schedule.For(new DateOnly(2027, 11, 25))); // uncovered: nothing known
        Assert.Equal(normal, new SessionSchedule(Rules, Calendar, "MES").For(new DateOnly(2026, 11, 26))); // the entry is for metals only
    }

    [Fact]
    public void A_closed_holiday_has_no_entry_window()
    {
        var times = new SessionSchedule(Rules, Calendar, "MGC").For(new DateOnly(2026, 4, 3));
        Assert.Equal(new SessionTimes(TimeOnly.MinValue, TimeOnly.MinValue, TimeOnly.MinValue, TimeOnly.MinValue, TimeOnly.MinValue, Closed: true, Holiday: "Good Friday"), times);
        foreach (var hour in new[] { 8, 9, 12, 14 })
        {
            var local = new TimeOnly(hour, 30);
            Assert.False(local >= times.WindowStart && local < times.WindowEnd);
        }
    }

    [Fact]
    public void An_early_close_before_the_window_leaves_no_window_and_never_wraps_past_midnight()
    {
        var times = new SessionSchedule(Rules, Calendar, "MES").For(new DateOnly(2026, 4, 3));
        Assert.Equal(new SessionTimes(new(8, 30), new(8, 5), new(8, 10), new(8, 13), new(8, 15), Holiday: "Good Friday"), times);
        Assert.True(times.WindowEnd <= times.WindowStart);

        var midnight = new SessionSchedule(Rules with
        {
            EarlyCloses = [new EarlyClose { Date = new DateOnly(2026, 4, 2), Close = new TimeOnly(0, 5), Name = "odd" }],
        }).For(new DateOnly(2026, 4, 2));
        Assert.Equal(new SessionTimes(new(8, 30), TimeOnly.MinValue, TimeOnly.MinValue, new(0, 3), new(0, 5), Holiday: "odd"), midnight);
    }

    [Fact]
    public void A_configured_entry_overrides_the_calendar()
    {
        var rules = Rules with
        {
            EarlyCloses =
            [
                new EarlyClose { Date = new DateOnly(2026, 11, 26), Close = new TimeOnly(12, 0), Name = "earlier than the calendar" },
                new EarlyClose { Date = new DateOnly(2026, 12, 24), Close = new TimeOnly(16, 0), Name = "correction: regular" },
                new EarlyClose { Date = new DateOnly(2026, 10, 1), Close = new TimeOnly(13, 0), Name = "added" },
            ],
        };
        var schedule = new SessionSchedule(rules, Calendar, "MGC");
        Assert.Equal(new TimeOnly(12, 0), schedule.For(new DateOnly(2026, 11, 26)).Close);
        Assert.Equal(new SessionSchedule(Rules).For(new DateOnly(2026, 12, 23)), schedule.For(new DateOnly(2026, 12, 24)));
        Assert.Equal(new TimeOnly(13, 0), schedule.For(new DateOnly(2026, 10, 1)).Close);
    }

    [Fact]
    public void The_flat_deadline_follows_the_calendar()
    {
        var schedule = new SessionSchedule(Rules, Calendar, "MGC");
        Assert.Equal(Ct(11, 26, 13, 28), schedule.FlatDeadline(Ct(11, 26, 10, 0)));
        Assert.Equal(Ct(11, 27, 15, 8), schedule.FlatDeadline(Ct(11, 27, 10, 0)));
        Assert.Equal(schedule.For(new DateOnly(2026, 11, 26)), schedule.At(Ct(11, 26, 16, 59)));
    }

    [Fact]
    public void An_unknown_symbol_is_refused_when_the_schedule_is_built()
    {
        Assert.Throws<KeyNotFoundException>(() => new SessionSchedule(Rules, Calendar, "CL"));
    }

    [Fact]
    public void On_the_real_MGC_bars_the_shipped_calendar_decides_what_the_configured_early_closes_did()
    {
        // The default replay's risk decisions, at every bar close: inside the entry window, past
        // the flatten time, and crossing the flat-by deadline. With config/appsettings.json's two
        // early closes alone and with the shipped calendar added they must not differ, so wiring
        // the calendar in keeps the pinned default replay.
        var calendar = ExchangeCalendar.Load(Path.Combine(SharedData.RepoRoot, "config", "cme-calendar.json"));
        var rules = Rules with
        {
            EarlyCloses =
            [
                new EarlyClose { Date = new DateOnly(2025, 11, 27), Close = new TimeOnly(13, 30), Name = "Thanksgiving" },
                new EarlyClose { Date = new DateOnly(2025, 12, 24), Close = new TimeOnly(12, 45), Name = "Christmas Eve" },
            ],
        };
        var configured = new SessionSchedule(rules);
        var calendarOnly = new SessionSchedule(Rules, calendar, "MGC");
        var both = new SessionSchedule(rules, calendar, "MGC");
        var bars = BarCsvReader.Read(SharedData.MgcBars, BadBarPolicy.Reject);
        var period = bars.Period;

        (bool InWindow, bool Flatten, bool Deadline) Decide(SessionSchedule s, DateTimeOffset now)
        {
            var local = CmeSession.ExchangeTimeOfDay(now);
            var times = s.At(now);
            var deadline = s.FlatDeadline(now);
            return (local >= times.WindowStart && local < times.WindowEnd,
                local >= times.FlattenAt && local < CmeSession.TradingDayStart,
                now < deadline && now + period > deadline);
        }

        var differences = new List<string>();
        foreach (var bar in bars.Bars)
        {
            var now = bar.OpenTime + period;
            var expected = Decide(configured, now);
            if (Decide(calendarOnly, now) != expected || Decide(both, now) != expected)
                differences.Add($"{now:u}");
        }
        Assert.Empty(differences);
    }
}
