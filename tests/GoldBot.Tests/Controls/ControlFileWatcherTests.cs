using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Hosting;
using GoldBot.Pipeline;
using GoldBot.Services;
using GoldBot.Tests.TestDoubles;
using GoldBot.Time;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.Tests.Controls;

/// <summary>Issue 11: control files are checked on the clock in every mode, not only when market time moves.</summary>
public sealed class ControlFileWatcherTests : IDisposable
{
    private static readonly DateTimeOffset MarketNow = new(2025, 12, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WallStart = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-watcher-").FullName;
    private readonly ReplayClock _market = new(MarketNow);
    private readonly ReplayClock _wall = new(WallStart);
    private readonly PipelineChannels _channels = new(new PipelineWork());

    public ControlFileWatcherTests()
    {
        _market.AdvanceTo(MarketNow);
        _wall.AdvanceTo(WallStart);
    }

    private ControlFileWatcherService Watcher(RunMode mode) => new(new ControlFiles(_dir, 1, 50, NullLogger.Instance), new GoldBotSettings { Mode = mode },
        _channels, _market, _wall, new RunCoordinator(new IdleLifetime()), NullLogger<ControlFileWatcherService>.Instance);

    /// <summary>Starts the watcher and returns once its first scan ran (it sends the pause dropped before the start).</summary>
    private async Task<ControlFileWatcherService> StartAsync(RunMode mode)
    {
        File.WriteAllText(Path.Combine(_dir, ControlFiles.PauseTrading), "");
        var watcher = Watcher(mode);
        await watcher.StartAsync(CancellationToken.None);
        await foreach (var input in _channels.Risk.ReadAllAsync(CancellationToken.None))
        {
            Assert.Equal(ControlAction.Pause, ((ControlReceived)input).Command.Action);
            break;
        }
        return watcher;
    }

    /// <summary>The command sent, if one is already waiting in the risk manager's inbox.</summary>
    private async Task<ControlCommand?> SentAsync()
    {
        using var none = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
        try
        {
            await foreach (var input in _channels.Risk.ReadAllAsync(none.Token))
                return ((ControlReceived)input).Command;
        }
        catch (OperationCanceledException)
        {
        }
        return null;
    }

    [Fact]
    public async Task In_sim_an_emergency_stop_is_seen_within_a_second_of_wall_time_while_the_market_clock_stands_still()
    {
        var watcher = await StartAsync(RunMode.Sim);
        File.WriteAllText(Path.Combine(_dir, ControlFiles.EmergencyStop), "");

        _wall.AdvanceTo(WallStart.AddSeconds(1)); // the timer's callback scans before the advance returns

        Assert.Equal(ControlAction.EmergencyStop, (await SentAsync())?.Action);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_replay_scans_on_its_market_clock_only_so_a_control_acts_at_the_same_market_time_on_every_run()
    {
        var watcher = await StartAsync(RunMode.Replay);
        File.WriteAllText(Path.Combine(_dir, ControlFiles.EmergencyStop), "");

        _wall.AdvanceTo(WallStart.AddSeconds(5));
        Assert.Null(await SentAsync());
        _market.AdvanceTo(MarketNow.AddSeconds(1));

        Assert.Equal(ControlAction.EmergencyStop, (await SentAsync())?.Action);
        await watcher.StopAsync(CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
