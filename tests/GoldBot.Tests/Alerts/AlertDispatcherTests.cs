using GoldBot.Alerts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using static GoldBot.Tests.Alerts.AlertTestSettings;

namespace GoldBot.Tests.Alerts;

/// <summary>The dispatcher against a real local server that fails, recovers or hangs: one log line per outage, no secret in any log, no wait for the caller.</summary>
public sealed class AlertDispatcherTests : CaptureServerTests
{
    private readonly FakeLogger _log = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero));

    private (AlertDispatcher Dispatcher, AlertPublisher Publisher, AlertSecrets Secrets) Create(int capacity = 100)
    {
        var secrets = new AlertSecrets(AlertChannelTests.Token, "4242", null, new Uri(Server.BaseUrl, "/services/T0/B0/slack-secret").ToString(),
            new Uri(Server.BaseUrl, "/hook/webhook-secret").ToString());
        var publisher = new AlertPublisher(WebhookOn(capacity: capacity), _time);
        var bot = new TelegramBotClient(new TelegramBotClientOptions(AlertChannelTests.Token, Server.BaseUrl.ToString()), Http.CreateClient());
        IAlertChannel[] channels =
        [
            new TelegramAlertChannel(bot, AlertChannelTests.ChatId),
            WebhookAlertChannel.Slack(Http.CreateClient(), new Uri(secrets.SlackUrl!)),
            WebhookAlertChannel.Json(Http.CreateClient(), new Uri(secrets.WebhookUrl!)),
        ];
        return (new AlertDispatcher(channels, publisher, secrets, _log), publisher, secrets);
    }

    [Fact]
    public async Task A_failing_channel_is_logged_once_per_outage_and_once_when_it_works_again()
    {
        var (dispatcher, _, _) = Create();
        var slackDown = true;
        Server.Respond = r => Task.FromResult(r.Path.Contains("slack", StringComparison.Ordinal) && Volatile.Read(ref slackDown) ? (500, "{}")
            : r.Path.Contains("/bot", StringComparison.Ordinal) ? (200, AlertChannelTests.SentMessage) : (200, "{}"));

        for (var i = 0; i < 3; i++)
            await dispatcher.SendAsync(Make(key: $"k{i}"), CancellationToken.None);
        Volatile.Write(ref slackDown, false);
        await dispatcher.SendAsync(Make(key: "k3"), CancellationToken.None);
        slackDown = true;
        await dispatcher.SendAsync(Make(key: "k4"), CancellationToken.None);

        var lines = _log.Collector.GetSnapshot();
        Assert.Equal(2, lines.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Alert channel Slack failing", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Level == LogLevel.Information && l.Message == "Alert channel Slack works again (3 alerts lost in the outage)");
        Assert.DoesNotContain(lines, l => l.Message.Contains("Telegram", StringComparison.Ordinal) || l.Message.Contains("Webhook", StringComparison.Ordinal));
        // Telegram and the webhook got all five; Slack was asked each time (twice when refused: one retry).
        Assert.Equal(5, Server.Received.Count(r => r.Path.EndsWith("/sendMessage", StringComparison.Ordinal)));
        Assert.Equal(5, Server.Received.Count(r => r.Path == "/hook/webhook-secret"));
    }

    [Fact]
    public async Task No_secret_reaches_the_log_whatever_the_failure()
    {
        var (dispatcher, _, secrets) = Create();
        // Every endpoint refuses, with the request's own address echoed in the answer (as some servers do).
        Server.Respond = r => Task.FromResult((r.Path.Contains("/bot", StringComparison.Ordinal) ? 401 : 404,
            $$"""{"ok":false,"error_code":401,"description":"Unauthorized {{r.Path}}"}"""));
        await dispatcher.SendAsync(Make(key: "refused"), CancellationToken.None);
        // And then nothing listens at all.
        var closed = new AlertSecrets(AlertChannelTests.Token, "4242", null, "http://127.0.0.1:1/services/T0/B0/slack-secret", "http://127.0.0.1:1/hook/webhook-secret");
        var down = new AlertDispatcher([WebhookAlertChannel.Slack(Http.CreateClient(), new Uri(closed.SlackUrl!)), WebhookAlertChannel.Json(Http.CreateClient(), new Uri(closed.WebhookUrl!))],
            new AlertPublisher(WebhookOn(), _time), closed, _log);
        await down.SendAsync(Make(key: "unreachable"), CancellationToken.None);

        var lines = _log.Collector.GetSnapshot();
        Assert.Equal(5, lines.Count(l => l.Message.Contains("failing", StringComparison.Ordinal)));
        foreach (var line in lines)
        {
            var text = line.Message + line.Exception;
            Assert.DoesNotContain(AlertChannelTests.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("TEST-token-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("slack-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("webhook-secret", text, StringComparison.Ordinal);
        }
        Assert.Equal("AlertSecrets (redacted)", secrets.ToString());
    }

    [Fact]
    public async Task A_hung_endpoint_never_blocks_the_publisher_the_queue_drops_its_oldest()
    {
        var (dispatcher, publisher, _) = Create(capacity: 3);
        var release = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Respond = _ => release.Task;
        using var stop = new CancellationTokenSource();
        var sending = dispatcher.RunAsync(stop.Token);

        Assert.True(publisher.Publish(Make(key: "first")));
        await Server.NextAsync(); // the dispatcher holds "first", waiting on the hung server
        for (var i = 0; i < 10; i++)
            Assert.True(publisher.Publish(Make(key: $"k{i}"))); // returns at once: a trading stage never waits
        Assert.Equal(7, publisher.Dropped);

        release.SetResult((200, AlertChannelTests.SentMessage));
        publisher.Complete();
        await sending;
        Assert.Single(_log.Collector.GetSnapshot(), l => l.Message == "7 alerts dropped: the queue was full, the oldest went first (7 since start)");
        Assert.Equal(4 * 3, Server.Received.Count); // "first" and the three kept, to each of the three channels
    }
}
