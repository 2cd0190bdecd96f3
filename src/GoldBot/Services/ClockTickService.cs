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
/// The tick is written from the timer's own callback, so a virtual clock's advance has queued it before it
/// returns; ticks that find the risk manager's inbox full are skipped (the next one comes a second later).
/// </summary>
public sealed class ClockTickService(TimeProvider time, FeedMonitor feed, PipelineChannels channels, RunCoordinator coordinator,
    ILogger<ClockTickService> logger) : PipelineService(coordinator, logger)
{
    /// <summary>Time between ticks, market time.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private int _skipped;

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = time.CreateTimer(_ => Tick(), null, Interval, Interval);
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private void Tick()
    {
        if (channels.Risk.TryWrite(new ClockTick(time.GetUtcNow(), feed.LastPrice)))
            return;
        if (Interlocked.Increment(ref _skipped) == 1)
            logger.LogWarning("Clock tick skipped: the risk manager is behind (its inbox is full)");
    }
}
