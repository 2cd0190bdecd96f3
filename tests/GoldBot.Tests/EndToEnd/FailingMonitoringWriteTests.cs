using System.Text.RegularExpressions;
using GoldBot.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Tests.EndToEnd;

/// <summary>
/// The monitoring files stop being writable in the middle of the real replay (issue 11). A directory in the way of a file
/// makes the write fail even for root (<see cref="UnauthorizedAccessException"/> for a file opened over a directory);
/// removing it is the disk taking writes again.
/// </summary>
public sealed partial class FailingMonitoringWriteTests
{
    [Fact]
    public async Task Writes_that_fail_mid_run_change_no_trade_are_reported_once_each_and_lose_no_signal_line_once_the_disk_recovers()
    {
        using var run = await ReplayRun.StartAsync(configure: ReplayRun.BeforeEachBar(sp => n =>
        {
            var logs = sp.GetRequiredService<GoldBotSettings>().Monitoring.LogDirectory;
            if (n == 2_000)
            {
                Directory.CreateDirectory(Path.Combine(logs, "status.json.tmp", "in-the-way"));
                File.Move(Path.Combine(logs, "signals.log"), Path.Combine(logs, "signals.kept"));
                Directory.CreateDirectory(Path.Combine(logs, "signals.log", "in-the-way"));
            }
            if (n == 8_000)
            {
                Directory.Delete(Path.Combine(logs, "status.json.tmp"), recursive: true);
                Directory.Delete(Path.Combine(logs, "signals.log"), recursive: true);
                File.Move(Path.Combine(logs, "signals.kept"), Path.Combine(logs, "signals.log"));
            }
            return Task.CompletedTask;
        }));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("trades 14, win rate 64.3 %, net P&L +543.12 USD after costs", run.Output, StringComparison.Ordinal);
        var signals = int.Parse(SignalCount().Match(run.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var times = run.SignalLines.Select(l => l[..20]).ToList();
        Assert.Equal(signals, times.Count);
        Assert.Equal(times.Order(StringComparer.Ordinal), times);
        var log = string.Concat(Directory.GetFiles(run.Logs, "goldbot-*.log").Select(File.ReadAllText)).Split('\n');
        foreach (var file in new[] { "signals.log", "status.json" })
        {
            Assert.Single(log, l => l.Contains($"Cannot write {Path.Combine(run.Logs, file)}", StringComparison.Ordinal));
            Assert.Single(log, l => l.Contains($"{Path.Combine(run.Logs, file)} written again", StringComparison.Ordinal));
        }
        Assert.Matches(@"warning: write failures: signals\.log \d+ failed from [0-9T:-]+Z, written again; status\.json \d+ failed from [0-9T:-]+Z, written again|"
            + @"warning: write failures: status\.json \d+ failed from [0-9T:-]+Z, written again; signals\.log \d+ failed from [0-9T:-]+Z, written again", run.Error);
        var failures = run.Status.GetProperty("write_failures").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        Assert.Equal(["signals.log", "status.json"], failures.Keys.Order(StringComparer.Ordinal));
        Assert.All(failures.Values, f => Assert.False(f.GetProperty("failing").GetBoolean()));
        Assert.All(failures.Values, f => Assert.True(f.GetProperty("failures").GetInt32() > 0));
    }

    [Fact]
    public async Task Under_OnWriteFailure_Stop_a_journal_that_cannot_be_written_blocks_entries_and_the_exit_says_what_was_not_written()
    {
        using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?> { ["Monitoring:OnWriteFailure"] = "Stop" },
            configure: ReplayRun.BeforeEachBar(sp => n =>
            {
                if (n == 0)
                    Directory.CreateDirectory(Path.Combine(sp.GetRequiredService<GoldBotSettings>().Monitoring.LogDirectory, "all_trades.jsonl", "in-the-way"));
                return Task.CompletedTask;
            }));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("trades 1,", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"warning: write failures: all_trades\.jsonl \d+ failed from [0-9T:-]+Z, STILL FAILING \(.+\), 1 records not written", run.Error);
        Assert.Contains(run.SignalLines, l => l.Contains("reason=all_trades.jsonl cannot be written (Monitoring:OnWriteFailure Stop)", StringComparison.Ordinal));
        var failure = Assert.Single(run.Status.GetProperty("write_failures").EnumerateArray());
        Assert.True(failure.GetProperty("failing").GetBoolean());
        Assert.Equal(1, failure.GetProperty("pending").GetInt32());
    }

    [GeneratedRegex(@"signals (\d+) \(")]
    private static partial Regex SignalCount();
}
