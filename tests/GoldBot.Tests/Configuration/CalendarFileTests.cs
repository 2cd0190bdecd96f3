using GoldBot.Configuration;
using GoldBot.Market;
using GoldBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Configuration;

/// <summary>
/// <c>Calendar:File</c>: its default, where a relative path is looked for, how a bad calendar or one
/// without the traded symbol is reported as a configuration error, and the start-up coverage warning.
/// </summary>
public sealed class CalendarFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-calendar-").FullName;
    private static readonly Dictionary<string, string?> NoOverrides = [];
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private static string ShippedCalendar => Path.Combine(SharedData.RepoRoot, "config", "cme-calendar.json");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static GoldBotSettings Settings(string file, string symbol = "MGC") =>
        new() { Calendar = new CalendarSettings { File = file }, Instrument = new InstrumentSettings { Symbol = symbol } };

    [Fact]
    public void The_default_is_the_shipped_calendar_found_next_to_the_executable()
    {
        Assert.Equal("config/cme-calendar.json", new GoldBotSettings().Calendar.File);
        var resolved = CalendarFile.Resolve(CalendarFile.DefaultFile);
        Assert.True(File.Exists(resolved), resolved);
        Assert.EndsWith(Path.Combine("config", "cme-calendar.json"), resolved, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 12, 31), CalendarFile.Load(new GoldBotSettings()).CoverageEnd);
    }

    [Fact]
    public void An_absolute_path_is_used_as_given_and_a_missing_file_names_where_it_was_looked_for()
    {
        Assert.Equal(ShippedCalendar, CalendarFile.Resolve(ShippedCalendar));
        var missing = Path.Combine(_dir, "none.json");
        Assert.Equal($"Calendar:File {missing} not found", Assert.Throws<SettingsException>(() => CalendarFile.Resolve(missing)).Message);

        var e = Assert.Throws<SettingsException>(() => CalendarFile.Resolve("no-such-dir/cal.json"));
        Assert.StartsWith("Calendar:File no-such-dir/cal.json not found: looked for ", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath("no-such-dir/cal.json"), e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "no-such-dir", "cal.json"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_calendar_is_a_configuration_error_naming_the_key_and_the_file()
    {
        var path = Write("bad.json", File.ReadAllText(ShippedCalendar).Replace("\"groups\": [ \"metals\" ]", "\"groups\": [ \"metal\" ]", StringComparison.Ordinal));
        var e = Assert.Throws<SettingsException>(() => CalendarFile.Load(Settings(path)));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.True(lines.Length > 10);
        Assert.All(lines, l => Assert.StartsWith($"Calendar:File {path}: days[", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("unknown product group 'metal' (known: metals, equity)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_traded_symbol_must_be_in_the_calendar()
    {
        var e = Assert.Throws<SettingsException>(() => CalendarFile.Load(Settings(ShippedCalendar, "CL")));
        Assert.Equal($"Calendar:File {ShippedCalendar} has no product group for Instrument:Symbol 'CL' (it lists MGC, GC, MES, ES)", e.Message);
        Assert.Equal("equity", CalendarFile.Load(Settings(ShippedCalendar, "mes")).GroupOf("MES").Id);
    }

    [Fact]
    public void The_setting_is_validated_with_the_others()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Write("a.json", """{ "Calendar": { "File": "holidays.txt" } }"""), NoOverrides, NoEnvironment));
        Assert.Equal("Calendar:File must name the JSON session calendar (e.g. config/cme-calendar.json), not 'holidays.txt'", e.Message);
        e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Write("b.json", """{ "Calendar": { "File": "" } }"""), NoOverrides, NoEnvironment));
        Assert.StartsWith("Calendar:File: ", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Write("c.json", """{ "Calendar": { "Files": "x.json" } }"""), NoOverrides, NoEnvironment));
        Assert.Contains("Calendar:Files is not a known key (did you mean Calendar:File?)", e.Message, StringComparison.Ordinal);
        Assert.Equal("other/cal.json", SettingsLoader.Load(Write("d.json", """{ "Calendar": { "File": "other/cal.json" } }"""), NoOverrides, NoEnvironment).Calendar.File);
    }

    [Fact]
    public void The_start_up_warning_appears_when_the_next_7_days_are_not_all_covered()
    {
        var calendar = ExchangeCalendar.Load(ShippedCalendar);
        Assert.Null(CalendarFile.StartupWarning(calendar, new FakeTimeProvider(new DateTimeOffset(2027, 12, 24, 15, 0, 0, TimeSpan.Zero))));
        // Monday 27 December 2027, 09:00 CT: 2028-01-01 to 2028-01-02 are beyond the file.
        var warning = CalendarFile.StartupWarning(calendar, new FakeTimeProvider(new DateTimeOffset(2027, 12, 27, 15, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(warning);
        Assert.Contains("of the 7 days from 2027-12-27, 2028-01-01 to 2028-01-02 (2 of them) are not covered", warning, StringComparison.Ordinal);
        Assert.StartsWith($"session calendar {ShippedCalendar} covers 2025-01-01 to 2027-12-31", warning, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
