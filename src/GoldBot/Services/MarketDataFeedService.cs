using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Time;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using GoldBot.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// The market-data feed: reads closed bars from the source, moves market time to each bar's
/// close, lets a bar-driven venue (the simulated broker) fill orders on the bar (market orders at
/// its open, then, once the executor has reacted to those fills, the rest of the bar), then publishes
/// the bar to the SMC detector. In a replay it waits for the pipeline to go idle after each of
/// those steps (lockstep), so runs are deterministic; with <c>Replay:Speed</c> N it also paces
/// market time at N× real time, without waiting out halts and weekends.
/// </summary>
public sealed class MarketDataFeedService(
    IMarketDataSource source,
    TimeProvider time,
    PipelineChannels channels,
    ReplaySettings replay,
    RunStatistics statistics,
    MonitoringState monitoring,
    RunCoordinator coordinator,
    [FromKeyedServices(DaemonHost.WallClock)] TimeProvider wall,
    ILogger<MarketDataFeedService> logger,
    IBarDrivenVenue? venue = null,
    FeedMonitor? feed = null) : PipelineService(coordinator, logger)
{
    private static readonly TimeSpan PacingStep = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Market data: {Source}", source.Description);
        var lockstep = source.IsReplay;
        DateTimeOffset? previousClose = null;
        await foreach (var bar in source.ReadAsync(stoppingToken))
        {
            var message = new MarketBar(bar, source.Period);
            if (time is ReplayClock clock)
            {
                await PaceAsync(clock, previousClose, message.CloseTime, stoppingToken);
                clock.AdvanceTo(message.CloseTime);
            }
            previousClose = message.CloseTime;
            statistics.AddBar();
            monitoring.SetLastBar(bar, message.CloseTime);

            if (venue is not null)
            {
                await venue.OnBarOpenAsync(bar, stoppingToken);
                await IdleAsync(lockstep, stoppingToken);
                await venue.OnBarAsync(bar, stoppingToken);
                await IdleAsync(lockstep, stoppingToken);
                await venue.OnBarCloseAsync(bar, stoppingToken);
                await IdleAsync(lockstep, stoppingToken);
            }
            feed?.OnBar(message.CloseTime);
            await channels.Detector.WriteAsync(new BarClosed(message), stoppingToken);
            await IdleAsync(lockstep, stoppingToken);
        }

        logger.LogInformation("Market data ended after {Bars} bars", statistics.Bars);
        await channels.Detector.WriteAsync(new EndOfData(), stoppingToken);
        await IdleAsync(lockstep, stoppingToken);
        if (venue is not null)
        {
            await venue.CompleteAsync(stoppingToken);
            await IdleAsync(lockstep, stoppingToken);
        }
        channels.Detector.Complete();
        Coordinator.Finish(RunOutcome.Completed);
    }

    private Task IdleAsync(bool lockstep, CancellationToken cancellationToken) =>
        lockstep ? channels.Work.WhenIdleAsync(cancellationToken) : Task.CompletedTask;

    private async Task PaceAsync(ReplayClock clock, DateTimeOffset? previous, DateTimeOffset next, CancellationToken cancellationToken)
    {
        if (replay.Speed <= 0 || previous is not { } from)
            return;
        // Gaps longer than one bar (halts, weekends, holidays) are not waited out.
        var market = next - from > source.Period ? source.Period : next - from;
        var real = market / replay.Speed;
        var steps = Math.Max(1, (int)Math.Ceiling(real / PacingStep));
        for (var i = 1; i <= steps; i++)
        {
            await Task.Delay(real / steps, wall, cancellationToken);
            clock.AdvanceTo(from + market * i / steps);
        }
    }
}
