using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Pipeline;
using GoldBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// Scans the control files at start and then every <c>Controls:PollIntervalMilliseconds</c> of
/// market time (at least once a second; in a fast replay, at every bar) and, in the gateway modes, also of wall time (a
/// simulator in step mode or a paused market clock must not hold back an emergency stop), and sends each new
/// command to the risk manager, in order; a command its inbox cannot take yet is sent at the next scan. The scan runs in the timer's own callback, so a replay's or an
/// in-process run's clock has queued the commands by the time its advance returns (a control
/// file acts at the same market time on every run).
/// </summary>
public sealed class ControlFileWatcherService(ControlFiles files, GoldBotSettings settings, PipelineChannels channels, TimeProvider time,
    [FromKeyedServices(DaemonHost.WallClock)] TimeProvider wall, RunCoordinator coordinator, ILogger<ControlFileWatcherService> logger)
    : PipelineService(coordinator, logger)
{
    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMilliseconds(settings.Controls.PollIntervalMilliseconds);
        using var timer = time.CreateTimer(_ => Scan(), null, every, every);
        // A replay's controls act at the same market time on every run: its clock alone drives them.
        using var wallTimer = settings.Mode == RunMode.Replay ? null : wall.CreateTimer(_ => Scan(), null, every, every);
        Scan(); // after the timers exist: what the first scan sends shows they run
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private readonly Lock _scanning = new();
    private readonly Queue<ControlCommand> _waiting = new();
    private bool _delayReported;

    private void Scan()
    {
        lock (_scanning)
        {
            foreach (var command in files.Scan())
                _waiting.Enqueue(command);
            // A command the risk manager's inbox cannot take now (it is full) waits for the next scan: an emergency stop is never dropped.
            while (_waiting.TryPeek(out var next))
            {
                if (!channels.Risk.TryWrite(new ControlReceived(next)))
                {
                    if (!_delayReported)
                        logger.LogWarning("Control {File} waits: the risk manager's inbox is full; sending it again at each scan", next.File);
                    _delayReported = true;
                    return;
                }
                _waiting.Dequeue();
                _delayReported = false;
            }
        }
    }
}
