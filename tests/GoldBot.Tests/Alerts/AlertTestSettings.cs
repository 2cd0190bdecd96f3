using GoldBot.Alerts;

namespace GoldBot.Tests.Alerts;

/// <summary>Alert settings for tests: the generic webhook on, no retry delay, the other values as given.</summary>
internal static class AlertTestSettings
{
    public static AlertSettings WebhookOn(AlertSeverity minimum = AlertSeverity.Info, int cooldownSeconds = 300, int duplicateMinutes = 60, int capacity = 100,
        int requestTimeoutSeconds = 120) => new()
    {
        Webhook = new AlertChannelSettings { Enabled = true },
        MinimumSeverity = minimum,
        CooldownSeconds = cooldownSeconds,
        DuplicateWindowMinutes = duplicateMinutes,
        QueueCapacity = capacity,
        Retries = 1,
        RetryDelayMilliseconds = 0,
        // Long, so that a request held open on purpose never times out on a loaded machine.
        RequestTimeoutSeconds = requestTimeoutSeconds,
    };

    public static Alert Make(AlertKind kind = AlertKind.StaleFeed, string key = "k", AlertSeverity severity = AlertSeverity.Warning, string text = "t") =>
        new(kind, key, severity, $"{kind} {key}", text, new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero));

    public static List<Alert> Drain(AlertPublisher publisher)
    {
        var alerts = new List<Alert>();
        while (publisher.Queue.TryRead(out var alert))
            alerts.Add(alert);
        return alerts;
    }
}
