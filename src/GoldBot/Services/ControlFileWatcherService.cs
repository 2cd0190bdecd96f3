using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Pipeline;
using GoldBot.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// Scans the control files at start and then every <c>Controls:PollIntervalMilliseconds</c> of
/// market time (at least once a second; in a fast replay, at every bar) and sends each new
/// command to the risk manager.
/// </summary>
public sealed class ControlFileWatcherService(ControlFiles files, ControlSettings settings, PipelineChannels channels, TimeProvider time,
    RunCoordinator coordinator, ILogger<ControlFileWatcherService> logger) : PipelineService(coordinator, logger)
{
    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await ScanAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(settings.PollIntervalMilliseconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await ScanAsync(stoppingToken);
    }

    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        foreach (var command in files.Scan())
            await channels.Risk.WriteAsync(new ControlReceived(command), cancellationToken);
    }
}
