using GoldBot.Hosting;
using GoldBot.MarketData;
using GoldBot.Pipeline;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// The clock that drives the rules in the gateway modes (sim, paper, live): every second of market time
/// it sends a <see cref="ClockTick"/> with the latest trade or quote price to the risk manager, which marks
/// the loss limits, runs the end-of-day flatten and the flat-by check, and passes the tick on to the order
/// executor (protection grace, retries, reconciliation). Nothing here waits for a bar or for the market hub.
/// </summary>
public sealed class ClockTickService(TimeProvider time, FeedMonitor feed, PipelineChannels channels, RunCoordinator coordinator,
    ILogger<ClockTickService> logger) : PipelineService(coordinator, logger)
{
    /// <summary>Time between ticks, market time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            await channels.Risk.WriteAsync(new ClockTick(time.GetUtcNow(), feed.LastPrice), stoppingToken);
    }
}
