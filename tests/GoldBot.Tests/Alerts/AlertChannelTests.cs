using System.Text.Json;
using GoldBot.Alerts;
using Telegram.Bot;
using static GoldBot.Tests.Alerts.AlertTestSettings;

namespace GoldBot.Tests.Alerts;

/// <summary>Each channel against a real local HTTP server: the request it would send, through the resilience handler.</summary>
public sealed class AlertChannelTests : CaptureServerTests
{
    internal const string Token = "123456:TEST-token-secret-AbC";
    internal const long ChatId = 4242;

    /// <summary>The Bot API's answer to sendMessage.</summary>
    internal const string SentMessage = """{"ok":true,"result":{"message_id":1,"date":1764601200,"chat":{"id":4242,"type":"private"},"text":"x"}}""";


    private static readonly Alert Sample = Make(AlertKind.Exit, "gb-1", AlertSeverity.Info, "balance 50100.00 USD") with { Title = "Exit: long 2 MGC win +100.00 USD" };

    [Fact]
    public async Task Telegram_posts_sendMessage_for_the_chat_to_the_bot_api_base_url()
    {
        Server.Respond = _ => Task.FromResult((200, SentMessage));
        var bot = new TelegramBotClient(new TelegramBotClientOptions(Token, Server.BaseUrl.ToString()), Http.CreateClient());
        await new TelegramAlertChannel(bot, ChatId).SendAsync(Sample, CancellationToken.None);

        var request = await Server.NextAsync();
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/bot{Token}/sendMessage", request.Path);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(ChatId, body.GetProperty("chat_id").GetInt64());
        Assert.Equal(Sample.Render(), body.GetProperty("text").GetString());
        Assert.StartsWith("[INFO] Exit: long 2 MGC win +100.00 USD\nbalance 50100.00 USD\n2025-12-01 15:00:00 UTC", Sample.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discord_posts_the_message_as_content()
    {
        await WebhookAlertChannel.Discord(Http.CreateClient(), new Uri(Server.BaseUrl, "/api/webhooks/1/secret")).SendAsync(Sample, CancellationToken.None);
        var request = await Server.NextAsync();
        Assert.Equal("/api/webhooks/1/secret", request.Path);
        Assert.Equal(Sample.Render(), JsonDocument.Parse(request.Body).RootElement.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Slack_posts_the_message_as_text()
    {
        await WebhookAlertChannel.Slack(Http.CreateClient(), new Uri(Server.BaseUrl, "/services/T0/B0/secret")).SendAsync(Sample, CancellationToken.None);
        var request = await Server.NextAsync();
        Assert.Equal("/services/T0/B0/secret", request.Path);
        Assert.Equal(Sample.Render(), JsonDocument.Parse(request.Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_json_webhook_posts_every_field()
    {
        await WebhookAlertChannel.Json(Http.CreateClient(), new Uri(Server.BaseUrl, "/hook")).SendAsync(Sample with { Suppressed = 3 }, CancellationToken.None);
        var body = JsonDocument.Parse((await Server.NextAsync()).Body).RootElement;
        Assert.Equal("Exit", body.GetProperty("kind").GetString());
        Assert.Equal("gb-1", body.GetProperty("key").GetString());
        Assert.Equal("Info", body.GetProperty("severity").GetString());
        Assert.Equal("Exit: long 2 MGC win +100.00 USD", body.GetProperty("title").GetString());
        Assert.Equal("balance 50100.00 USD", body.GetProperty("text").GetString());
        Assert.Equal("2025-12-01T15:00:00Z", body.GetProperty("time").GetString());
        Assert.Equal(3, body.GetProperty("held_back").GetInt32());
    }

    [Fact]
    public async Task A_transient_failure_is_retried_by_the_resilience_handler()
    {
        var calls = 0;
        Server.Respond = _ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? (503, "{}") : (200, "{}"));
        await WebhookAlertChannel.Json(Http.CreateClient(), new Uri(Server.BaseUrl, "/hook")).SendAsync(Sample, CancellationToken.None);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_refusal_after_the_retries_throws_for_the_dispatcher_to_report()
    {
        Server.Respond = _ => Task.FromResult((500, "{}"));
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            WebhookAlertChannel.Json(Http.CreateClient(), new Uri(Server.BaseUrl, "/hook")).SendAsync(Sample, CancellationToken.None));
        Assert.Equal(2, Server.Received.Count); // the first attempt and one retry (Alerts:Retries 1)
    }
}
