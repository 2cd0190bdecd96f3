using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Pipeline;
using GoldBot.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// Scans the control files at start and then every <c>Controls:PollIntervalMilliseconds</c> of
/// market time (at least once a second; in a fast replay, at every bar) and sends each new
/// command to the risk manager. The scan runs in the timer's own callback, so a replay's or an
/// in-process run's clock has queued the commands by the time its advance returns (a control
/// file acts at the same market time on every run).
/// </summary>
public sealed class ControlFileWatcherService(ControlFiles files, ControlSettings settings, PipelineChannels channels, TimeProvider time,
    RunCoordinator coordinator, ILogger<ControlFileWatcherService> logger) : PipelineService(coordinator, logger)
{
    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        Scan();
        var every = TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds);
        using var timer = time.CreateTimer(_ => Scan(), null, every, every);
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private readonly Lock _scanning = new();

    private void Scan()
    {
        lock (_scanning)
        {
            foreach (var command in files.Scan())
            {
                if (!channels.Risk.TryWrite(new ControlReceived(command)))
                    logger.LogError("Control {File} was lost: the risk manager's inbox is full or closed", command.File);
            }
        }
    }
}
