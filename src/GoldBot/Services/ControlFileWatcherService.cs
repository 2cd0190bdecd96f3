using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Pipeline;
using Microsoft.Extensions.Hosting;

namespace GoldBot.Services;

/// <summary>
/// Scans the control files at start and then every <c>Controls:PollIntervalMilliseconds</c> of
/// market time (at least once a second; in a fast replay, at every bar) and sends each new
/// command to the risk manager.
/// </summary>
public sealed class ControlFileWatcherService(ControlFiles files, ControlSettings settings, PipelineChannels channels, TimeProvider time) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
