using GoldBot.Configuration;
using GoldBot.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Tests.EndToEnd;

/// <summary>Each control file through the running daemon on the real MGC replay: the effect, the status entry, and what happens to the file.</summary>
public sealed class ControlFileTests
{
    /// <summary>An operator who drops <paramref name="file"/> (with <paramref name="text"/>) into the control folder once <paramref name="when"/> holds.</summary>
    internal static Action<IServiceCollection> DropFile(string file, string text, Func<MonitoringSnapshot, bool> when) => ReplayRun.BeforeEachBar(sp =>
    {
        var monitoring = sp.GetRequiredService<MonitoringState>();
        var path = Path.Combine(sp.GetRequiredService<GoldBotSettings>().Controls.Directory, file);
        var dropped = false;
        return async _ =>
        {
            if (!dropped && when(monitoring.Snapshot()))
            {
                await File.WriteAllTextAsync(path, text);
                dropped = true;
            }
        };
    });

    [Fact]
    public async Task Pause_present_from_the_start_blocks_every_entry_and_is_shown()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("PAUSE_TRADING.txt", "", _ => true));
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Journal);
        Assert.Contains("trades 0,", run.Output);
        Assert.Contains(run.SignalLines, l => l.Contains("reason=paused (PAUSE_TRADING.txt)", StringComparison.Ordinal));
        Assert.DoesNotContain(run.SignalLines, l => l.Contains("executed=true", StringComparison.Ordinal));
        Assert.Contains(run.Status.GetProperty("controls").EnumerateArray(), c => c.GetProperty("action").GetString() == "Pause");
    }

    [Fact]
    public async Task Adjust_risk_sets_the_default_size_and_is_consumed()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("ADJUST_RISK.txt", "1\n", _ => true));
        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Journal);
        Assert.All(run.Journal, t => Assert.Equal(1, t.GetProperty("size").GetInt32()));
        Assert.Equal(1, run.Status.GetProperty("learning").GetProperty("current_position_size").GetInt32());
        Assert.False(File.Exists(Path.Combine(run.Controls, "ADJUST_RISK.txt")));
    }

    [Fact]
    public async Task A_bad_risk_adjustment_is_rejected_renamed_and_reported()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("ADJUST_RISK.txt", "lots\n", _ => true));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("lots\n", File.ReadAllText(Path.Combine(run.Controls, "ADJUST_RISK.txt.rejected")));
        Assert.Contains(run.Status.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("ADJUST_RISK.txt rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Flatten_all_closes_the_open_trade_and_trading_continues()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("FLATTEN_ALL.txt", "", s => s.Position is { Position: not 0 }));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GoldBot Completed", run.Output);
        var journal = run.Journal;
        var flattened = Assert.Single(journal, t => t.GetProperty("exit_reason").GetString() == "flatten_all");
        Assert.Contains(journal, t => t.GetProperty("timestamp").GetDateTimeOffset() > flattened.GetProperty("exit_time").GetDateTimeOffset());
        Assert.False(File.Exists(Path.Combine(run.Controls, "FLATTEN_ALL.txt")));
        Assert.Equal(run.Status.GetProperty("account").GetProperty("balance").GetDecimal() - 50_000m, journal.Sum(t => t.GetProperty("pnl").GetDecimal()));
    }

    [Fact]
    public async Task Emergency_stop_present_at_start_stops_before_any_trade()
    {
        using var run = await ReplayRun.StartAsync(configure: DropFile("EMERGENCY_STOP.txt", "STOP", _ => true));
        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Journal);
        Assert.True(run.Status.GetProperty("risk").GetProperty("emergency_stop").GetBoolean());
        Assert.False(run.Status.GetProperty("is_alive").GetBoolean());
    }
}
