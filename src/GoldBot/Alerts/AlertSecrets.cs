using System.Globalization;

namespace GoldBot.Alerts;

/// <summary>
/// The alert channels' secrets, from the environment only (never configuration files, never logged): the Telegram bot
/// token and chat id, and the webhook URLs (a Discord or Slack webhook URL is itself the credential).
/// </summary>
/// <param name="TelegramToken">The bot's token (<see cref="TelegramTokenVariable"/>), or null.</param>
/// <param name="TelegramChatId">The chat alerts go to and commands are accepted from (<see cref="TelegramChatVariable"/>), or null.</param>
/// <param name="DiscordUrl">Discord incoming webhook (<see cref="DiscordVariable"/>), or null.</param>
/// <param name="SlackUrl">Slack incoming webhook (<see cref="SlackVariable"/>), or null.</param>
/// <param name="WebhookUrl">Generic JSON webhook (<see cref="WebhookVariable"/>), or null.</param>
public sealed record AlertSecrets(string? TelegramToken, string? TelegramChatId, string? DiscordUrl, string? SlackUrl, string? WebhookUrl)
{
    /// <summary>The Telegram bot token's environment variable.</summary>
    public const string TelegramTokenVariable = "GOLDBOT_TELEGRAM_BOT_TOKEN";

    /// <summary>The Telegram chat id's environment variable (a number; negative for a group).</summary>
    public const string TelegramChatVariable = "GOLDBOT_TELEGRAM_CHAT_ID";

    /// <summary>The Discord webhook URL's environment variable.</summary>
    public const string DiscordVariable = "GOLDBOT_DISCORD_WEBHOOK_URL";

    /// <summary>The Slack webhook URL's environment variable.</summary>
    public const string SlackVariable = "GOLDBOT_SLACK_WEBHOOK_URL";

    /// <summary>The generic JSON webhook URL's environment variable.</summary>
    public const string WebhookVariable = "GOLDBOT_ALERT_WEBHOOK_URL";

    /// <summary>Reads the five variables (blank counts as unset).</summary>
    public static AlertSecrets FromEnvironment() => new(Read(TelegramTokenVariable), Read(TelegramChatVariable), Read(DiscordVariable),
        Read(SlackVariable), Read(WebhookVariable));

    /// <summary>The Telegram chat id as a number; valid once <see cref="Problems"/> found none for an enabled Telegram.</summary>
    public long ChatId => long.Parse(TelegramChatId!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    /// <summary>
    /// One line per enabled channel whose secret is missing or malformed, naming the variable; never the value (a webhook URL
    /// is a credential).
    /// </summary>
    public IReadOnlyList<string> Problems(AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        if (settings.Telegram.Enabled)
        {
            if (TelegramToken is null || !TelegramToken.Contains(':', StringComparison.Ordinal))
                problems.Add($"Alerts:Telegram:Enabled needs {TelegramTokenVariable}, the bot token BotFather gave (digits, a colon, then letters)");
            if (!long.TryParse(TelegramChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                problems.Add($"Alerts:Telegram:Enabled needs {TelegramChatVariable}, the chat's numeric id");
        }
        if (settings.Telegram.Commands && !settings.Telegram.Enabled)
            problems.Add("Alerts:Telegram:Commands needs Alerts:Telegram:Enabled");
        if (!Uri.TryCreate(settings.Telegram.BaseUrl, UriKind.Absolute, out var bot) || (bot.Scheme != Uri.UriSchemeHttp && bot.Scheme != Uri.UriSchemeHttps))
            problems.Add($"Alerts:Telegram:BaseUrl must be an absolute http(s) address, not '{settings.Telegram.BaseUrl}'");
        foreach (var (key, enabled, variable, url) in new[]
                 {
                     ("Discord", settings.Discord.Enabled, DiscordVariable, DiscordUrl),
                     ("Slack", settings.Slack.Enabled, SlackVariable, SlackUrl),
                     ("Webhook", settings.Webhook.Enabled, WebhookVariable, WebhookUrl),
                 })
        {
            if (enabled && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
                problems.Add($"Alerts:{key}:Enabled needs {variable}, an absolute http(s) URL ({(url is null ? "it is not set" : "the value set is not one")})");
        }
        return problems;
    }

    /// <summary><paramref name="text"/> with every secret replaced by <c>***</c>: for any message that reaches a log.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in new[] { TelegramToken, DiscordUrl, SlackUrl, WebhookUrl })
        {
            if (!string.IsNullOrEmpty(secret))
                text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        // A URL's path is its credential (Discord's and Slack's webhooks): also redact it where the message shows only the path.
        foreach (var url in new[] { DiscordUrl, SlackUrl, WebhookUrl })
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1)
                text = text.Replace(uri.PathAndQuery, "/***", StringComparison.Ordinal);
        }
        return text;
    }

    /// <inheritdoc/>
    public override string ToString() => "AlertSecrets (redacted)";

    private static string? Read(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
        ? value.Trim() : null;
}
