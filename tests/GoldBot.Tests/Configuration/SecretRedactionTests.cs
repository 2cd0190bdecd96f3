using System.Text.Json.Nodes;
using GoldBot.Configuration;

namespace GoldBot.Tests.Configuration;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("ApiKey", "abc")]
    [InlineData("BotToken", "123:AAH")]
    [InlineData("ClientSecret", "s")]
    [InlineData("Password", "p")]
    [InlineData("Authorization", "Bearer x")]
    [InlineData("WebhookUrl", "https://discord.com/api/webhooks/1/abc")]
    [InlineData("SlackWebhook", "https://hooks.slack.com/services/T/B/X")]
    public void Credentials_and_webhook_addresses_are_redacted_whole(string name, string value) =>
        Assert.Equal(SecretRedaction.Redacted, SecretRedaction.Value(name, value));

    [Theory]
    [InlineData("ApiBaseUrl", "https://api.topstepx.com", "https://api.topstepx.com")]
    [InlineData("MarketHubUrl", "https://rtc.topstepx.com/hubs/market", "https://rtc.topstepx.com/hubs/market")]
    [InlineData("ProxyUrl", "http://me:pw@proxy:8080/", "http://(redacted)@proxy:8080/")]
    [InlineData("FeedUrl", "https://x.test/feed?token=abc&q=1", "https://x.test/feed?(redacted)")]
    [InlineData("ApiKey", "", "")]
    [InlineData("Symbol", "MGC", "MGC")]
    public void Addresses_keep_their_host_and_path_but_lose_user_information_and_query(string name, string value, string shown) =>
        Assert.Equal(shown, SecretRedaction.Value(name, value));

    [Fact]
    public void Secrets_are_found_in_nested_sections_and_lists()
    {
        var node = JsonNode.Parse("""{ "Alerts": { "Telegram": { "BotToken": "t", "ChatId": 5 }, "Webhooks": [ { "Url": "https://h.test/?key=k", "Name": "ops" } ] } }""")!;
        SecretRedaction.Redact(node);
        Assert.Equal("""{"Alerts":{"Telegram":{"BotToken":"(redacted)","ChatId":5},"Webhooks":[{"Url":"https://h.test/?(redacted)","Name":"ops"}]}}""", node.ToJsonString());
    }
}
