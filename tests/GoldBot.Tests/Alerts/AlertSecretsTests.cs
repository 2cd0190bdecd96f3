using GoldBot.Alerts;
using GoldBot.Configuration;

namespace GoldBot.Tests.Alerts;

/// <summary>The secrets' checks name the variable, never the value, and redaction removes every secret from a message.</summary>
public sealed class AlertSecretsTests
{
    private const string SlackUrl = "https://hooks.slack.example/services/T0/B0/slack-secret";

    [Fact]
    public void An_enabled_channel_without_its_secret_is_one_line_naming_the_variable_and_never_the_value()
    {
        var settings = new AlertSettings
        {
            Telegram = new TelegramAlertSettings { Enabled = true, Commands = true },
            Slack = new AlertChannelSettings { Enabled = true },
            Webhook = new AlertChannelSettings { Enabled = true },
        };
        var problems = new AlertSecrets("no-colon-secret", "not-a-number", null, null, "ftp://host/webhook-secret").Problems(settings);
        Assert.Equal(
        [
            "Alerts:Telegram:Enabled needs GOLDBOT_TELEGRAM_BOT_TOKEN, the bot token BotFather gave (digits, a colon, then letters)",
            "Alerts:Telegram:Enabled needs GOLDBOT_TELEGRAM_CHAT_ID, the chat's numeric id",
            "Alerts:Slack:Enabled needs GOLDBOT_SLACK_WEBHOOK_URL, an absolute http(s) URL (it is not set)",
            "Alerts:Webhook:Enabled needs GOLDBOT_ALERT_WEBHOOK_URL, an absolute http(s) URL (the value set is not one)",
        ], problems);
        Assert.Empty(new AlertSecrets(null, null, null, null, null).Problems(new AlertSettings())); // all off: nothing needed
        Assert.Equal(["Alerts:Telegram:Commands needs Alerts:Telegram:Enabled"],
            new AlertSecrets(null, null, null, null, null).Problems(new AlertSettings { Telegram = new TelegramAlertSettings { Commands = true } }));
    }

    [Fact]
    public void The_configuration_check_reports_a_channel_switched_on_without_its_environment_variable()
    {
        Assert.Null(Environment.GetEnvironmentVariable(AlertSecrets.DiscordVariable));
        var errors = SettingsValidator.Validate(new GoldBotSettings { Alerts = new AlertSettings { Discord = new AlertChannelSettings { Enabled = true } } });
        Assert.Contains("Alerts:Discord:Enabled needs GOLDBOT_DISCORD_WEBHOOK_URL, an absolute http(s) URL (it is not set)", errors);
    }

    [Fact]
    public void Redaction_removes_the_token_the_urls_and_a_url_path_alone()
    {
        var secrets = new AlertSecrets("123:tok-secret", "1", null, SlackUrl, null);
        Assert.Equal("bad /bot*** and *** and POST /*** failed",
            secrets.Redact("bad /bot123:tok-secret and " + SlackUrl + " and POST /services/T0/B0/slack-secret failed"));
        Assert.DoesNotContain("secret", secrets.ToString(), StringComparison.Ordinal);
    }
}
