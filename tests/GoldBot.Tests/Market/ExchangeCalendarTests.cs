using System.Text;
using GoldBot.Market;

namespace GoldBot.Tests.Market;

/// <summary>
/// The session calendar over a small hand-written file: when Globex is open (regular days, early
/// closes, holidays, weekends, both sides of DST), the close of a trading day, coverage, and a
/// clear error naming the file for every kind of bad file.
/// </summary>
public sealed class ExchangeCalendarTests
{
    private const string Header = """
        "schemaVersion": 1, "revision": 3, "updated": "2026-12-06", "description": "test",
        "timeZone": "America/Chicago",
        "coverage": { "first": "2025-06-01", "last": "2025-12-31" },
        "sources": [ { "id": "s", "title": "t", "reference": "r", "method": "m" } ],
        "productGroups": [
          { "id": "metals", "name": "metals", "symbols": [ "MGC", "GC" ] },
          { "id": "equity", "name": "equity", "symbols": [ "MES", "ES" ] } ],
        "regularSchedule": { "tradingDays": [ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" ],
          "open": "17:00", "close": "16:00", "dailyBreak": { "from": "16:00", "to": "17:00" },
          "basis": "verified-by-data", "sources": [ "s" ] },
        """;

    private const string Days = """
        "days": [
          { "date": "2025-07-03", "groups": [ "equity" ], "session": "early-close", "close": "12:15", "name": "Independence Day eve", "basis": "needs-check", "sources": [ "s" ] },
          { "date": "2025-07-04", "groups": [ "metals" ], "session": "early-close", "close": "12:00", "name": "Independence Day", "basis": "needs-check", "sources": [ "s" ] },
          { "date": "2025-07-04", "groups": [ "equity" ], "session": "early-close", "close": "12:00", "name": "Independence Day", "basis": "needs-check", "sources": [ "s" ] },
          { "date": "2025-11-27", "groups": [ "metals" ], "session": "early-close", "close": "13:30", "name": "Thanksgiving Day", "basis": "verified-by-data", "sources": [ "s" ] },
          { "date": "2025-12-25", "groups": [ "metals", "equity" ], "session": "closed", "name": "Christmas Day", "basis": "verified-by-data", "sources": [ "s" ] },
          { "date": "2025-12-31", "groups": [ "metals" ], "session": "regular", "name": "New Year's Eve", "basis": "verified-by-data", "sources": [ "s" ], "note": "checked" }
        ]
        """;

    private static readonly ExchangeCalendar Calendar = Parse("{" + Header + Days + "}");

    private static ExchangeCalendar Parse(string json, string name = "test-calendar.json") =>
        ExchangeCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    private static ExchangeCalendarException Bad(string json) => Assert.Throws<ExchangeCalendarException>(() => Parse(json));

    private static string WithDays(string days) => "{" + Header + "\"days\": [" + days + "]}";

    private static DateTimeOffset Ct(int year, int month, int day, int hour, int minute) =>
        CmeSession.AtExchangeTime(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    [Fact]
    public void Loads_the_header()
    {
        Assert.Equal(new DateOnly(2025, 6, 1), Calendar.CoverageStart);
        Assert.Equal(new DateOnly(2025, 12, 31), Calendar.CoverageEnd);
        Assert.Equal(3, Calendar.Revision);
        Assert.Equal(1, ExchangeCalendar.SchemaVersion);
        Assert.Equal("test-calendar.json", Calendar.File);
        Assert.Equal(new TimeOnly(17, 0), Calendar.Regular.Open);
        Assert.Equal(new TimeOnly(16, 0), Calendar.Regular.Close);
        Assert.Equal(["MGC", "GC"], Calendar.GroupOf("mgc").Symbols);
        Assert.Equal("equity", Calendar.GroupOf("ES").Id);
        Assert.Equal(6, Calendar.Days.Count);
        Assert.Equal("checked", Calendar.Days[^1].Note);
    }

    [Theory]
    // Tuesday 2 December 2025 (CST, UTC-6).
    [InlineData(2025, 12, 2, 10, 0, true)]
    [InlineData(2025, 12, 2, 15, 59, true)]
    [InlineData(2025, 12, 2, 16, 0, false)] // daily break
    [InlineData(2025, 12, 2, 16, 59, false)]
    [InlineData(2025, 12, 2, 17, 0, true)] // Wednesday's trading day opens
    [InlineData(2025, 12, 2, 0, 0, true)]
    // Weekend: Friday 5 December closes at 16:00, Sunday 7 December opens at 17:00.
    [InlineData(2025, 12, 5, 15, 59, true)]
    [InlineData(2025, 12, 5, 16, 0, false)]
    [InlineData(2025, 12, 5, 17, 0, false)]
    [InlineData(2025, 12, 6, 12, 0, false)]
    [InlineData(2025, 12, 7, 16, 59, false)]
    [InlineData(2025, 12, 7, 17, 0, true)]
    // Summer (CDT, UTC-5): Wednesday 2 July 2025.
    [InlineData(2025, 7, 2, 16, 30, false)]
    [InlineData(2025, 7, 2, 17, 0, true)]
    public void Regular_days_open_at_17_00_the_day_before_and_close_at_16_00(int year, int month, int day, int hour, int minute, bool open)
    {
        Assert.Equal(open, Calendar.IsOpen("MGC", Ct(year, month, day, hour, minute)));
        Assert.Equal(open, Calendar.IsOpen("ES", Ct(year, month, day, hour, minute)));
    }

    [Fact]
    public void The_daily_break_is_found_in_UTC_on_both_sides_of_DST()
    {
        // 16:30 CT is 22:30 UTC in winter and 21:30 UTC in summer.
        Assert.False(Calendar.IsOpen("MGC", new DateTimeOffset(2025, 12, 2, 22, 30, 0, TimeSpan.Zero)));
        Assert.True(Calendar.IsOpen("MGC", new DateTimeOffset(2025, 12, 2, 21, 30, 0, TimeSpan.Zero)));
        Assert.False(Calendar.IsOpen("MGC", new DateTimeOffset(2025, 7, 2, 21, 30, 0, TimeSpan.Zero)));
        Assert.True(Calendar.IsOpen("MGC", new DateTimeOffset(2025, 7, 2, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_early_close_ends_the_day_and_the_next_day_opens_at_17_00()
    {
        Assert.True(Calendar.IsOpen("MGC", Ct(2025, 11, 27, 13, 29)));
        Assert.False(Calendar.IsOpen("MGC", Ct(2025, 11, 27, 13, 30)));
        Assert.False(Calendar.IsOpen("MGC", Ct(2025, 11, 27, 16, 59)));
        Assert.True(Calendar.IsOpen("MGC", Ct(2025, 11, 27, 17, 0)));
        // The early close is per product group: equity has no entry that day.
        Assert.True(Calendar.IsOpen("MES", Ct(2025, 11, 27, 13, 30)));
        Assert.Equal(new TimeOnly(13, 30), Calendar.CloseOf("GC", new DateOnly(2025, 11, 27)));
        Assert.Equal(new TimeOnly(16, 0), Calendar.CloseOf("ES", new DateOnly(2025, 11, 27)));
        Assert.Equal(new DateTimeOffset(2025, 11, 27, 19, 30, 0, TimeSpan.Zero), Calendar.CloseUtc("MGC", new DateOnly(2025, 11, 27)));
    }

    [Fact]
    public void A_closed_day_does_not_trade_from_the_previous_close_to_its_own_17_00()
    {
        var christmas = new DateOnly(2025, 12, 25);
        Assert.True(Calendar.IsOpen("MGC", Ct(2025, 12, 24, 15, 59)));
        Assert.False(Calendar.IsOpen("MGC", Ct(2025, 12, 24, 17, 0))); // would be Christmas Day's session
        Assert.False(Calendar.IsOpen("MGC", Ct(2025, 12, 25, 10, 0)));
        Assert.True(Calendar.IsOpen("MGC", Ct(2025, 12, 25, 17, 0))); // 26 December's session
        Assert.Null(Calendar.CloseOf("MES", christmas));
        Assert.Null(Calendar.CloseUtc("MES", christmas));

        var session = Calendar.Session("MGC", christmas);
        Assert.Equal(new TradingDaySession(christmas, SessionKind.Closed, null, Calendar.Days[4], true), session);
        Assert.True(session.IsClosed);
        Assert.Equal("Christmas Day", session.Reason);
        Assert.Equal(CalendarBasis.VerifiedByData, session.Entry!.Basis);
    }

    [Fact]
    public void Weekends_have_no_close_and_regular_entries_keep_the_regular_close()
    {
        Assert.Null(Calendar.CloseOf("MGC", new DateOnly(2025, 12, 6)));
        Assert.Equal("weekend", Calendar.Session("MGC", new DateOnly(2025, 12, 7)).Reason);
        var eve = Calendar.Session("MGC", new DateOnly(2025, 12, 31));
        Assert.Equal(SessionKind.Regular, eve.Kind);
        Assert.Equal(new TimeOnly(16, 0), eve.Close);
        Assert.Equal("New Year's Eve", eve.Reason);
    }

    [Fact]
    public void Outside_the_coverage_the_regular_schedule_is_assumed()
    {
        var later = Calendar.Session("MGC", new DateOnly(2026, 1, 1)); // a Thursday, a holiday in reality
        Assert.False(later.Covered);
        Assert.Equal(SessionKind.Regular, later.Kind);
        Assert.True(Calendar.IsOpen("MGC", Ct(2026, 1, 1, 10, 0)));
        Assert.False(Calendar.Covers(new DateOnly(2026, 1, 1)));
        Assert.True(Calendar.Covers(new DateOnly(2025, 12, 31)));
        Assert.False(Calendar.Covers(new DateOnly(2025, 5, 31)));
    }

    [Fact]
    public void Uncovered_days_are_listed_in_order()
    {
        Assert.Empty(Calendar.UncoveredDays(new DateOnly(2025, 12, 20), 12));
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)], Calendar.UncoveredDays(new DateOnly(2025, 12, 27), 7));
        Assert.Equal([new DateOnly(2025, 5, 30), new DateOnly(2025, 5, 31)], Calendar.UncoveredDays(new DateOnly(2025, 5, 30), 3));
        Assert.Empty(Calendar.UncoveredDays(new DateOnly(2030, 1, 1), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.UncoveredDays(new DateOnly(2025, 12, 1), -1));
    }

    [Fact]
    public void The_coverage_warning_names_the_file_and_the_missing_days()
    {
        // Thursday 25 December 2025, 18:00 CT: trading day 26 December; 7 days reach 1 January 2026.
        Assert.Null(Calendar.CoverageWarning(Ct(2025, 12, 24, 10, 0)));
        var warning = Calendar.CoverageWarning(Ct(2025, 12, 25, 18, 0));
        Assert.Equal(
            "session calendar test-calendar.json covers 2025-06-01 to 2025-12-31 (revision 3): of the 7 days from 2025-12-26, 2026-01-01 is not covered. "
            + "On those days GoldBot assumes the regular Sunday–Friday 17:00–16:00 CT session and knows no holiday or early close; "
            + "add them to the calendar from the CME Group holiday calendar.", warning);
        Assert.Contains("2026-01-01 to 2026-01-07 (7 of them) are not covered", Calendar.CoverageWarning(Ct(2026, 1, 1, 9, 0)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_symbol_names_the_file_and_the_known_symbols()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Calendar.IsOpen("CL", Ct(2025, 12, 2, 10, 0)));
        Assert.Equal("session calendar test-calendar.json has no product group for symbol 'CL' (known: MGC, GC, MES, ES)", e.Message);
        Assert.Throws<KeyNotFoundException>(() => Calendar.CloseOf("ZC", new DateOnly(2025, 12, 2)));
        Assert.False(Calendar.Knows("CL"));
        Assert.True(Calendar.Knows("mes"));
    }

    [Fact]
    public void A_missing_file_names_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "goldbot-no-such-calendar.json");
        var e = Assert.Throws<ExchangeCalendarException>(() => ExchangeCalendar.Load(path));
        Assert.Equal($"session calendar {path}: file not found", e.Message);
        Assert.Equal(path, e.CalendarFile);
    }

    [Fact]
    public void Malformed_JSON_names_the_file()
    {
        var e = Bad("{ \"schemaVersion\": 1, ");
        Assert.StartsWith("session calendar test-calendar.json: not valid calendar JSON:", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("session calendar test-calendar.json: the file is empty", Bad("null").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_is_an_error_not_ignored()
    {
        var e = Bad("{" + Header + Days.Replace("\"basis\": \"needs-check\", \"sources\": [ \"s\" ] },", "\"basis\": \"needs-check\", \"source\": [ \"s\" ] },", StringComparison.Ordinal) + "}");
        Assert.Contains("'source' could not be mapped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_version_is_refused()
    {
        var e = Bad("{" + Header.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal) + Days + "}");
        Assert.Equal("session calendar test-calendar.json: schemaVersion 2 is not supported (this GoldBot reads version 1)", e.Message);
    }

    [Fact]
    public void An_unknown_product_group_is_refused()
    {
        var e = Bad(WithDays("""{ "date": "2025-12-25", "groups": [ "energy" ], "session": "closed", "name": "Christmas", "basis": "needs-check", "sources": [ "s" ] }"""));
        Assert.Equal("session calendar test-calendar.json: days[0] (2025-12-25): unknown product group 'energy' (known: metals, equity)", e.Message);
    }

    [Fact]
    public void Overlapping_entries_are_refused()
    {
        var e = Bad(WithDays("""
            { "date": "2025-12-24", "groups": [ "metals", "equity" ], "session": "early-close", "close": "12:45", "name": "Christmas Eve", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2025-12-24", "groups": [ "equity" ], "session": "early-close", "close": "12:15", "name": "Christmas Eve", "basis": "needs-check", "sources": [ "s" ] }
            """));
        Assert.Equal("session calendar test-calendar.json: days[1] (2025-12-24): overlaps days[0], which already sets 2025-12-24 for 'equity'", e.Message);
    }

    [Fact]
    public void Unsorted_entries_are_refused()
    {
        var e = Bad(WithDays("""
            { "date": "2025-12-25", "groups": [ "metals" ], "session": "closed", "name": "Christmas", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2025-11-27", "groups": [ "metals" ], "session": "early-close", "close": "13:30", "name": "Thanksgiving", "basis": "needs-check", "sources": [ "s" ] }
            """));
        Assert.Equal("session calendar test-calendar.json: days[1] (2025-11-27): entries are not sorted by date (2025-11-27 comes after 2025-12-25)", e.Message);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var e = Bad(WithDays("""
            { "date": "2025-12-27", "groups": [ "metals" ], "session": "closed", "name": "", "basis": "maybe", "sources": [ "nowhere" ] },
            { "date": "2026-01-01", "groups": [ "metals" ], "session": "closed", "name": "New Year", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2025-12-24", "groups": [ "equity" ], "session": "early-close", "close": "16:30", "name": "Christmas Eve", "basis": "needs-check", "sources": [ "s" ] },
            { "date": "2025-12-30", "groups": [ "equity" ], "session": "half", "close": "12:00", "name": "?", "basis": "needs-check", "sources": [ "s" ] }
            """));
        Assert.Equal(
        [
            "days[0] (2025-12-27): a Saturday is not a trading day (wrong date?)",
            "days[0] (2025-12-27): name is required (the holiday or reason)",
            "days[0] (2025-12-27).basis must be \"verified-by-data\" or \"needs-check\", not \"maybe\"",
            "days[0] (2025-12-27): unknown source 'nowhere'",
            "days[1] (2026-01-01): outside the coverage 2025-06-01–2025-12-31",
            "days[2] (2025-12-24): entries are not sorted by date (2025-12-24 comes after 2026-01-01)",
            "days[2] (2025-12-24): early close 16:30 must be after 00:00 and before the regular close 16:00",
            "days[3] (2025-12-30): session must be \"closed\", \"early-close\" or \"regular\", not \"half\"",
            "days[3] (2025-12-30): close is only allowed with session \"early-close\"",
        ], e.Problems);
        Assert.StartsWith("session calendar test-calendar.json: 9 problems:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_rules_are_checked()
    {
        var header = Header
            .Replace("\"America/Chicago\"", "\"UTC\"", StringComparison.Ordinal)
            .Replace("\"first\": \"2025-06-01\"", "\"first\": \"2026-06-01\"", StringComparison.Ordinal)
            .Replace("\"symbols\": [ \"MES\", \"ES\" ]", "\"symbols\": [ \"MES\", \"mgc\" ]", StringComparison.Ordinal)
            .Replace("\"to\": \"17:00\"", "\"to\": \"18:00\"", StringComparison.Ordinal)
            .Replace("\"close\": \"16:00\"", "\"close\": \"4pm\"", StringComparison.Ordinal);
        var e = Bad("{" + header + "\"days\": []}");
        Assert.Equal(
        [
            "timeZone must be \"America/Chicago\" (every time in the file is CT), not \"UTC\"",
            "coverage.first 2026-06-01 is after coverage.last 2025-12-31",
            "productGroups[1] ('equity'): symbol mgc is already in product group 'metals'",
            "regularSchedule.close: '4pm' is not a CT time such as 12:45",
            "regularSchedule.dailyBreak 16:00–18:00 must run from the close 00:00 to the open 17:00",
        ], e.Problems);
    }
}
