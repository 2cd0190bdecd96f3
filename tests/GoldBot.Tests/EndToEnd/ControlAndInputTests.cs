namespace GoldBot.Tests.EndToEnd;

/// <summary>The daemon's behaviour at its edges: operator emergency stop mid-replay, bad input, bad configuration.</summary>
public sealed class ControlAndInputTests
{
    [Fact]
    public async Task Emergency_stop_dropped_mid_replay_flattens_and_stops_with_exit_code_3()
    {
        using var run = await ReplayRun.StartAsync(configure: ControlFileTests.DropFile("EMERGENCY_STOP.txt", "STOP", s => s.Position is { Position: not 0 }));

        Assert.True(run.ExitCode == 3, run.Error + run.Output);
        Assert.Contains("GoldBot Stopped by EMERGENCY_STOP.txt: ", run.Output);
        var status = run.Status;
        Assert.True(status.GetProperty("risk").GetProperty("emergency_stop").GetBoolean());
        Assert.Equal(0, status.GetProperty("account").GetProperty("open_positions").GetInt32());
        Assert.Contains(status.GetProperty("controls").EnumerateArray(), c => c.GetProperty("action").GetString() == "EmergencyStop");
        var last = run.Journal[^1];
        Assert.Equal("emergency_stop", last.GetProperty("exit_reason").GetString());
        Assert.Equal(status.GetProperty("account").GetProperty("balance").GetDecimal() - 50_000m, run.Journal.Sum(t => t.GetProperty("pnl").GetDecimal()));
        Assert.True(File.Exists(Path.Combine(run.Controls, "EMERGENCY_STOP.txt")), "the stop file is kept so a restart stays stopped");
    }

    [Fact]
    public async Task Missing_bars_file_is_one_line_and_exit_code_2()
    {
        using var run = await ReplayRun.StartAsync(bars: "/nonexistent/bars.csv");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: bars file not found: /nonexistent/bars.csv", line);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task A_controls_folder_that_does_not_exist_is_one_line_and_exit_code_2_not_ignored_controls()
    {
        using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?> { ["Controls:Directory"] = "/nonexistent/controls" });
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Controls:Directory /nonexistent/controls does not exist: create it", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bars_file_with_more_bad_rows_than_the_limit_is_refused_and_one_within_it_runs()
    {
        var lines = File.ReadAllLines(SharedData.MgcBars).Take(401).ToArray();
        for (var i = 10; i <= 400; i += 20)
            lines[i] = lines[i].Replace(",", ",x", StringComparison.Ordinal); // 20 of 400 rows bad: 5 %
        var path = Path.Combine(Path.GetTempPath(), $"goldbot-bad-rows-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        try
        {
            using (var refused = await ReplayRun.StartAsync(bars: path))
            {
                Assert.Equal(2, refused.ExitCode);
                var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains("20 of 400 rows are bad (5 %), more than Replay:MaxSkippedRowsPercent (1 %) (unreadable price 20); first: line 11: bad open", line, StringComparison.Ordinal);
            }
            using var allowed = await ReplayRun.StartAsync(bars: path, overrides: new Dictionary<string, string?> { ["Replay:MaxSkippedRowsPercent"] = "5" });
            Assert.True(allowed.ExitCode == 0, allowed.Error);
            // One line for all of them, not one per row: the count by rule and the first line numbers.
            var warning = Assert.Single(allowed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"warning: bars file {path}: 20 bad rows skipped (5 % of 400 rows): unreadable price 20 (lines 11, 31, 51, …)", warning.TrimEnd());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Bad_configuration_lists_every_violation_with_its_key_and_exit_code_2()
    {
        using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["Risk:DailyLossLimit"] = "0",
            ["Risk:TradingWindowStart"] = "16:00",
            ["Strategy:MinScore"] = "11",
        });
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("configuration error:", run.Error);
        Assert.Contains("Risk:DailyLossLimit", run.Error);
        Assert.Contains("Risk:TradingWindowStart must be before Risk:TradingWindowEnd", run.Error);
        Assert.Contains("Strategy:MinScore must be between 1 and 10", run.Error);
    }

    [Fact]
    public async Task A_time_frame_that_does_not_fit_the_bars_is_a_configuration_error()
    {
        using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?> { ["Strategy:EntryTimeFrame"] = "7m" });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Strategy:EntryTimeFrame 7m is not a whole multiple of the bars' 3-minute period", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_line_numbers_and_skipped()
    {
        var dir = Directory.CreateTempSubdirectory("goldbot-bars-").FullName;
        var lines = File.ReadLines(SharedData.MgcBars).Take(2000).ToList();
        lines[10] = "2025-11-24 00:00:00+00:00,4101.0,4100.0,4099.4,4102.0,243,X";
        var path = Path.Combine(dir, "bars.csv");
        File.WriteAllLines(path, lines);
        using var run = await ReplayRun.StartAsync(bars: path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"warning: bars file {path}: 1 bad row skipped (0.05 % of 1,999 rows): high/low inconsistent 1 (line 11)", run.Error.TrimEnd());
        Assert.Contains("bars 1998,", run.Output);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task A_failing_stage_is_reported_once_and_the_run_exits_with_code_1()
    {
        using var run = await ReplayRun.StartAsync(configure: ReplayRun.BeforeEachBar(_ => n =>
            n == 500 ? Task.FromException(new IOException("feed connection lost")) : Task.CompletedTask));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GoldBot Failed: bars 500,", run.Output);
        Assert.Contains("error: MarketDataFeedService failed: feed connection lost (details in", run.Error);
        Assert.Contains("MarketDataFeedService failed: feed connection lost", Assert.Single(run.Status.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Pacing_with_speed_gives_the_same_trades_as_the_fastest_replay()
    {
        var dir = Directory.CreateTempSubdirectory("goldbot-speed-").FullName;
        var path = Path.Combine(dir, "bars.csv");
        File.WriteAllLines(path, File.ReadLines(SharedData.MgcBars).Take(400));
        using var fast = await ReplayRun.StartAsync(bars: path);
        using var paced = await ReplayRun.StartAsync(bars: path, overrides: new Dictionary<string, string?> { ["Replay:Speed"] = "1000000" });
        Assert.Equal(0, paced.ExitCode);
        Assert.Equal(fast.Output[..fast.Output.LastIndexOf(',')], paced.Output[..paced.Output.LastIndexOf(',')]);
        Directory.Delete(dir, true);
    }
}
