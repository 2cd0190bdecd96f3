using Microsoft.Extensions.Logging;

namespace GoldBot.Alerts;

/// <summary>
/// Sends each queued alert to every channel at once (one channel's failure or slowness never holds back another's send, and
/// never a trading stage: they only queue). A failing channel is logged once per outage, with the reason redacted of every
/// secret, and once more when it works again (with the alerts it lost); alerts dropped from a full queue are logged with
/// their count.
/// </summary>
public sealed class AlertDispatcher(IReadOnlyList<IAlertChannel> channels, AlertPublisher publisher, AlertSecrets secrets, ILogger logger)
{
    private readonly Lock _gate = new();
    // The channels in an outage, with the alerts they lost in it.
    private readonly Dictionary<string, int> _failing = [];
    private long _droppedReported;

    /// <summary>The channels alerts go to.</summary>
    public IReadOnlyList<IAlertChannel> Channels => channels;

    /// <summary>Sends the queued alerts until the queue is completed and empty, or <paramref name="cancellationToken"/> ends it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var alert in publisher.Queue.ReadAllAsync(cancellationToken))
            await SendAsync(alert, cancellationToken);
    }

    /// <summary>Sends <paramref name="alert"/> to every channel; never throws for a channel's failure.</summary>
    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ReportDropped();
        var sends = new Task[channels.Count];
        for (var i = 0; i < channels.Count; i++)
            sends[i] = SendAsync(channels[i], alert, cancellationToken);
        await Task.WhenAll(sends);
    }

    private async Task SendAsync(IAlertChannel channel, Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            await channel.SendAsync(alert, cancellationToken);
            lock (_gate)
            {
                if (_failing.Remove(channel.Name, out var lost))
                    logger.LogInformation("Alert channel {Channel} works again ({Lost} alerts lost in the outage)", channel.Name, lost);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is still unsent is lost by design (the stop waits Alerts:StopDrainSeconds at most).
        }
#pragma warning disable CA1031 // Whatever a channel throws (HTTP, Telegram API, timeout, circuit open) is its outage, never the daemon's.
        catch (Exception e)
#pragma warning restore CA1031
        {
            lock (_gate)
            {
                _failing.TryGetValue(channel.Name, out var lost);
                if (lost == 0)
                {
                    logger.LogWarning("Alert channel {Channel} failing: {Reason}; its alerts are lost until it works again (logged once per outage)",
                        channel.Name, secrets.Redact(Describe(e)));
                }
                _failing[channel.Name] = lost + 1;
            }
        }
    }

    private void ReportDropped()
    {
        var dropped = publisher.Dropped;
        if (dropped > _droppedReported)
        {
            logger.LogWarning("{Count} alerts dropped: the queue was full, the oldest went first ({Total} since start)", dropped - _droppedReported, dropped);
            _droppedReported = dropped;
        }
    }

    private static string Describe(Exception e) => e.InnerException is { } inner && inner.Message != e.Message
        ? $"{e.GetType().Name}: {e.Message} ({inner.Message})"
        : $"{e.GetType().Name}: {e.Message}";
}
