using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GoldBot.Alerts;

/// <summary>
/// An alert posted as JSON to an incoming webhook: Discord (<c>{"content": text}</c>, discord.com/developers/docs/resources/webhook),
/// Slack (<c>{"text": text}</c>, api.slack.com/messaging/webhooks) or a generic receiver (every field of the alert, snake_case).
/// </summary>
public sealed class WebhookAlertChannel : IAlertChannel
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly Func<Alert, JsonObject> _payload;

    private WebhookAlertChannel(string name, HttpClient http, Uri url, Func<Alert, JsonObject> payload)
    {
        Name = name;
        _http = http;
        _url = url;
        _payload = payload;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Discord: the rendered alert as the message content (at most 2,000 characters).</summary>
    public static WebhookAlertChannel Discord(HttpClient http, Uri url) =>
        new("Discord", http, url, alert => new JsonObject { ["content"] = Cut(alert.Render(), 2_000) });

    /// <summary>Slack: the rendered alert as the message text.</summary>
    public static WebhookAlertChannel Slack(HttpClient http, Uri url) =>
        new("Slack", http, url, alert => new JsonObject { ["text"] = alert.Render() });

    /// <summary>
    /// A generic receiver: <c>{"kind", "key", "severity", "title", "text", "time" (ISO-8601 UTC), "held_back", "message"}</c>.
    /// </summary>
    public static WebhookAlertChannel Json(HttpClient http, Uri url) =>
        new("Webhook", http, url, alert => new JsonObject
        {
            ["kind"] = alert.Kind.ToString(),
            ["key"] = alert.Key,
            ["severity"] = alert.Severity.ToString(),
            ["title"] = alert.Title,
            ["text"] = alert.Text,
            ["time"] = alert.Time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["held_back"] = alert.Suppressed,
            ["message"] = alert.Render(),
        });

    /// <inheritdoc/>
    public async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(_url, _payload(alert), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string Cut(string text, int most) => text.Length <= most ? text : text[..(most - 1)] + "…";
}
