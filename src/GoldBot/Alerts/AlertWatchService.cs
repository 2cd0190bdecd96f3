using GoldBot.Hosting;
using GoldBot.Services;
using Microsoft.Extensions.Logging;

namespace GoldBot.Alerts;

/// <summary>Runs <see cref="AlertWatch"/> every second of market time, in the timer's own callback (registered only when a channel is on).</summary>
public sealed class AlertWatchService(AlertWatch watch, TimeProvider time, RunCoordinator coordinator, ILogger<AlertWatchService> logger)
    : PipelineService(coordinator, logger)
{
    private readonly Lock _checking = new();

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = time.CreateTimer(_ => Check(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private void Check()
    {
        // A timer callback may overlap the previous one on a loaded machine; the watch is not thread-safe.
        lock (_checking)
            watch.Check(time.GetUtcNow());
    }
}
