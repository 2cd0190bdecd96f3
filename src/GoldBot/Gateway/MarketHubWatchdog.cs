using GoldBot.Hosting;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Services;
using GoldBot.TopstepX.Realtime;
using Microsoft.Extensions.Logging;

namespace GoldBot.Gateway;

/// <summary>
/// The stale-feed watchdog's remedy: every second of market time it asks the <see cref="FeedMonitor"/>; while the market is
/// open and no quote or trade has arrived for the stale threshold (<c>TopstepX:StaleFeedSeconds</c>) on a connected market hub,
/// the hub connection is rebuilt (dropped, connected again, subscribed again; bars missed meanwhile come from History), at
/// most once per threshold. Entries are blocked meanwhile by the risk manager, which reads the same monitor. The check runs
/// in the timer's own callback, so a virtual clock's advance has started the rebuild before it returns.
/// </summary>
public sealed class MarketHubWatchdog(FeedMonitor feed, MarketHub hub, TimeProvider time, RunCoordinator coordinator, ILogger<MarketHubWatchdog> logger)
    : PipelineService(coordinator, logger)
{
    private DateTimeOffset? _lastRebuild;
    private int _rebuilds;
    private int _episodeRebuilds;

    /// <summary>Connections rebuilt since start.</summary>
    public int Rebuilds => Volatile.Read(ref _rebuilds);

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = time.CreateTimer(_ => Check(stoppingToken), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private void Check(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var status = feed.Status(now);
        if (status.State != FeedState.Stale)
        {
            _episodeRebuilds = 0;
            return;
        }
        if (now - _lastRebuild < feed.StaleAfter || cancellationToken.IsCancellationRequested)
            return;
        _lastRebuild = now;
        Interlocked.Increment(ref _rebuilds);
        // A market without prints (a halt the calendar does not know) stays stale: one warning per episode, then debug lines.
        logger.Log(_episodeRebuilds++ == 0 ? LogLevel.Warning : LogLevel.Debug,
            "Market data stale (last quote {QuoteAgeMs} ms, last trade {TradeAgeMs} ms ago) on a connected market hub: rebuilding the connection",
            status.QuoteAgeMs, status.LastTradeAgeMs);
        _ = RebuildAsync(cancellationToken);
    }

    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        try
        {
            await hub.RebuildAsync($"no quote or trade for {feed.StaleAfter.TotalSeconds:0} s", cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            // The hub's own connect loop goes on; the next check tries again after the threshold.
            logger.LogWarning("Market hub rebuild failed: {Error}", e.Message);
        }
    }
}
