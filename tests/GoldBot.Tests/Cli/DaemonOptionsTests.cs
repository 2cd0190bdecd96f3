using System.Globalization;
using GoldBot.Configuration;
using GoldBot.Hosting;
using GoldBot.Tests.EndToEnd;

namespace GoldBot.Tests.Cli;

/// <summary>
/// The daemon's <c>--time-zone</c> and <c>--symbol</c> (issue 14 §4) on the real pipeline, the options a mode ignores refused in one
/// line, and the one vocabulary of the summary's first word.
/// </summary>
public sealed class DaemonOptionsTests : IDisposable
{
    private const int Rows = 400;
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-daemon-options-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The first <see cref="Rows"/> MGC bars with their UTC stamps rewritten, without an offset, by <paramref name="stamp"/>.</summary>
    private string Rewritten(string name, Func<DateTimeOffset, DateTime> stamp)
    {
        var lines = File.ReadLines(SharedData.MgcBars).Take(Rows + 1).ToList();
        for (var i = 1; i < lines.Count; i++)
        {
            var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
            var utc = DateTimeOffset.Parse(lines[i][..comma], CultureInfo.InvariantCulture);
            lines[i] = stamp(utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + lines[i][comma..];
        }
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static DateTimeOffset LastBar(ReplayRun run) =>
        DateTimeOffset.Parse(run.Status.GetProperty("last_bar").GetProperty("open_time").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Time_zone_reads_offset_less_stamps_on_that_clock_and_without_it_they_are_UTC()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = Rewritten("mgc_new_york.csv", t => TimeZoneInfo.ConvertTime(t, newYork).DateTime);
        var original = Rewritten("mgc_utc.csv", t => t.UtcDateTime);

        using var reference = await ReplayRun.StartAsync(original);
        using var zoned = await ReplayRun.StartAsync(local, options: a => a with { TimeZone = "America/New_York" });
        using var misread = await ReplayRun.StartAsync(local);

        Assert.True(reference.ExitCode == 0, reference.Error);
        Assert.True(zoned.ExitCode == 0, zoned.Error);
        Assert.Equal(LastBar(reference), LastBar(zoned));
        Assert.Equal(reference.Status.GetProperty("account").GetProperty("balance").GetDecimal(), zoned.Status.GetProperty("account").GetProperty("balance").GetDecimal());
        Assert.Equal(LastBar(reference) - TimeSpan.FromHours(5), LastBar(misread)); // New York is UTC−5 in November
    }

    [Fact]
    public async Task A_servertime_file_is_read_on_the_New_York_close_unless_time_zone_says_otherwise()
    {
        // MetaTrader 5 server time: New York + 7 h (UTC+2 in November).
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var server = Rewritten("mgc_3m_servertime.csv", t => TimeZoneInfo.ConvertTime(t, newYork).DateTime.AddHours(7));
        var original = Rewritten("mgc_utc.csv", t => t.UtcDateTime);

        using var reference = await ReplayRun.StartAsync(original);
        using var byName = await ReplayRun.StartAsync(server);
        using var asUtc = await ReplayRun.StartAsync(server, options: a => a with { TimeZone = "utc" });

        Assert.True(byName.ExitCode == 0, byName.Error);
        Assert.Contains("time zone: MT5 server time (New York + 7 h) for mgc_3m_servertime.csv (from the file name; --time-zone overrides)", byName.Output, StringComparison.Ordinal);
        Assert.Equal(LastBar(reference), LastBar(byName));
        Assert.Equal(LastBar(reference) + TimeSpan.FromHours(2), LastBar(asUtc));
    }

    [Fact]
    public async Task An_unknown_time_zone_in_the_configuration_is_one_line_naming_the_option_that_set_it()
    {
        using var run = await ReplayRun.StartAsync(options: a => a with { TimeZone = "Mars/Olympus" });

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: --time-zone Mars/Olympus: Replay:TimeZone 'Mars/Olympus' is not utc, new-york-close or an IANA time zone id (e.g. America/Chicago)", line.TrimEnd());
    }

    [Fact]
    public async Task Symbol_sets_the_contract_traded_and_an_unknown_one_is_one_line_naming_the_option()
    {
        // GC is 10 micro equivalents: one contract keeps the default size within Risk:MaxContracts.
        using var gc = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?> { ["Risk:DefaultContracts"] = "1", ["Risk:MinContracts"] = "1" },
            options: a => a with { Symbol = "GC" });
        using var unknown = await ReplayRun.StartAsync(options: a => a with { Symbol = "FOO" });

        Assert.True(gc.ExitCode == 0, gc.Error);
        Assert.Equal("GC", gc.Status.GetProperty("symbol").GetString());
        Assert.Equal(2, unknown.ExitCode);
        var line = Assert.Single(unknown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --symbol FOO: Instrument:Symbol 'FOO' has no specification", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bars_with_a_mode_from_the_configuration_that_ignores_them_are_refused_before_anything_connects()
    {
        using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?> { ["Mode"] = "Sim" });

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --bars is for replay mode only, not Mode Sim (from the configuration): the simulator replays its own file", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run.Logs, "status.json")), "a refused run writes nothing");
    }

    public static TheoryData<RunArguments, RunMode, string?> Modes => new()
    {
        { new RunArguments(null, "bars.csv", null), RunMode.Replay, null },
        { new RunArguments(null, null, 60, TimeZone: "utc"), RunMode.Replay, null },
        { new RunArguments(null, null, null, Mode: RunMode.Live, Live: true, Symbol: "MGC"), RunMode.Live, null },
        { new RunArguments(null, null, null, Symbol: "MES"), RunMode.Sim, null },
        { new RunArguments(null, "bars.csv", null, Mode: RunMode.Sim), RunMode.Sim, "--bars is for replay mode only, not --mode sim: the simulator replays its own file (goldbot-sim --bars FILE)" },
        { new RunArguments(null, null, 120, Mode: RunMode.Sim), RunMode.Sim, "--speed is for replay mode only, not --mode sim: the simulator sets the pace (goldbot-sim --speed N)" },
        { new RunArguments(null, "bars.csv", null, Mode: RunMode.Paper), RunMode.Paper, "--bars is for replay mode only, not --mode paper: the bars come from TopstepX" },
        { new RunArguments(null, null, 2, Mode: RunMode.Live, Live: true), RunMode.Live, "--speed is for replay mode only, not --mode live: the market runs on the wall clock" },
        { new RunArguments(null, null, null, TimeZone: "utc"), RunMode.Paper, "--time-zone is for replay mode only, not Mode Paper (from the configuration): it is the clock of a replayed bars file" },
        { new RunArguments(null, null, null, Live: true), RunMode.Replay, "--live confirms live mode only, not Mode Replay (from the configuration): add --mode live to place real orders, or leave --live out" },
        { new RunArguments(null, "b.csv", 5, Mode: RunMode.Sim), RunMode.Sim,
            "--bars is for replay mode only, not --mode sim: the simulator replays its own file (goldbot-sim --bars FILE); --speed is for replay mode only, not --mode sim: the simulator sets the pace (goldbot-sim --speed N)" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Options_a_mode_ignores_are_named_in_one_line(RunArguments arguments, RunMode effective, string? refused) =>
        Assert.Equal(refused, DaemonRunner.IgnoredOptions(arguments, effective));

    [Theory]
    [InlineData(RunOutcome.Completed, "Completed")]
    [InlineData(RunOutcome.Running, "Stopped")]
    [InlineData(RunOutcome.EmergencyStop, "Stopped by EMERGENCY_STOP.txt")]
    [InlineData(RunOutcome.Failed, "Failed")]
    public void The_summary_says_Completed_only_at_the_end_of_the_data_and_Stopped_otherwise_in_every_mode(RunOutcome outcome, string word) =>
        Assert.Equal(word, DaemonRunner.Headline(outcome));
}
