using GoldBot.Controls;
using Microsoft.Extensions.DependencyInjection;
using static GoldBot.Tests.EndToEnd.ControlFileTests;

namespace GoldBot.Tests.EndToEnd;

/// <summary>logs/controls.log through the running daemon on the real MGC replay: one line per file control, with the broker's confirmation of a flatten.</summary>
public sealed class ControlLogTests
{
    private static string[] Lines(ReplayRun run) => File.ReadAllLines(Path.Combine(run.Logs, ControlLog.FileName));

    [Fact]
    public async Task Flatten_all_is_acknowledged_once_the_broker_shows_the_account_flat()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("FLATTEN_ALL.txt", "", s => s.Position is { Position: not 0 }));
        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(Lines(run));
        var fields = line.Split(" | ");
        Assert.True(DateTimeOffset.TryParse(fields[0], out var seen));
        var flattened = Assert.Single(run.Journal, t => t.GetProperty("exit_reason").GetString() == "flatten_all");
        Assert.True(seen <= flattened.GetProperty("exit_time").GetDateTimeOffset());
        Assert.Equal(["source=file FLATTEN_ALL.txt", "action=FlattenAll", "cancelling orders and flattening; trading continues"], fields[1..4]);
        Assert.Matches(@"^broker: flat: 0 contracts, 0 working orders at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", fields[4]);
    }

    [Fact]
    public async Task Emergency_stop_present_at_start_flattens_first_refuses_to_trade_and_is_acknowledged()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("EMERGENCY_STOP.txt", "STOP", _ => true));
        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Journal);
        Assert.False(File.Exists(Path.Combine(run.Logs, "signals.log")) && run.SignalLines.Any(l => l.Contains("executed=true", StringComparison.Ordinal)));
        var fields = Assert.Single(Lines(run)).Split(" | ");
        Assert.Equal(["source=file EMERGENCY_STOP.txt", "action=EmergencyStop", "entries blocked; cancelling orders and flattening; the daemon stops once flat"], fields[1..4]);
        Assert.StartsWith("broker: flat: 0 contracts, 0 working orders at ", fields[4], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.Controls, "EMERGENCY_STOP.txt"))); // kept: a restart stays stopped
    }

    [Fact]
    public async Task Pause_and_resume_are_acknowledged_at_once()
    {
        var paused = false;
        using var run = await ReplayRun.StartAsync(configure: ReplayRun.BeforeEachBar(sp => async bar =>
        {
            var path = Path.Combine(sp.GetRequiredService<GoldBot.Configuration.GoldBotSettings>().Controls.Directory, ControlFiles.PauseTrading);
            if (bar == 0)
            {
                await File.WriteAllTextAsync(path, "");
                paused = true;
            }
            else if (bar == 200 && paused)
            {
                File.Delete(path);
            }
        }));
        Assert.Equal(0, run.ExitCode);
        var lines = Lines(run);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(" | source=file PAUSE_TRADING.txt | action=Pause | new entries blocked while the file exists", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" | source=file PAUSE_TRADING.txt | action=Resume | new entries allowed again", lines[1], StringComparison.Ordinal);
    }
}
