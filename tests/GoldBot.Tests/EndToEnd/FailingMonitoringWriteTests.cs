using GoldBot.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Tests.EndToEnd;

/// <summary>
/// The monitoring files stop being writable in the middle of the real replay (issue 11): trading goes on exactly as on a
/// healthy disk, and each failure is reported once. A directory in the way of a file makes the write fail even for root
/// (<see cref="UnauthorizedAccessException"/> for a file opened over a directory).
/// </summary>
public sealed class FailingMonitoringWriteTests
{
    [Fact]
    public async Task Status_and_signal_writes_that_fail_mid_run_change_no_trade_and_are_reported_once()
    {
        using var run = await ReplayRun.StartAsync(configure: ReplayRun.BeforeEachBar(sp => n =>
        {
            var logs = sp.GetRequiredService<GoldBotSettings>().Monitoring.LogDirectory;
            if (n == 2_000)
            {
                Directory.CreateDirectory(Path.Combine(logs, "status.json.tmp", "in-the-way"));
                File.Delete(Path.Combine(logs, "signals.log"));
                Directory.CreateDirectory(Path.Combine(logs, "signals.log", "in-the-way"));
            }
            return Task.CompletedTask;
        }));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("trades 14, win rate 64.3 %, net P&L +543.12 USD after costs", run.Output, StringComparison.Ordinal);
        var log = string.Concat(Directory.GetFiles(run.Logs, "goldbot-*.log").Select(File.ReadAllText));
        Assert.Single(log.Split('\n'), l => l.Contains("Cannot write signals.log", StringComparison.Ordinal));
        Assert.Single(log.Split('\n'), l => l.Contains("status.json: ", StringComparison.Ordinal) && l.Contains("Cannot write", StringComparison.Ordinal));
    }
}
