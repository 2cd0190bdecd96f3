using System.ComponentModel.DataAnnotations;

namespace GoldBot.Alerts;

/// <summary>
/// <c>Alerts</c>: which channels are on, what goes out and when. Every channel is off by default, so the default run sends
/// nothing. The secrets (bot token, chat id, webhook URLs) are never configuration: they come from the environment only
/// (<see cref="AlertSecrets"/>).
/// </summary>
public sealed class AlertSettings
{
    /// <summary>Alerts below this severity are dropped: Info (the default), Warning or Critical.</summary>
    public AlertSeverity MinimumSeverity { get; init; } = AlertSeverity.Info;

    /// <summary>Least seconds of market time between two alerts of one kind and key (a Critical one is never held back).</summary>
    [Range(0, 86_400)]
    public int CooldownSeconds { get; init; } = 300;

    /// <summary>Minutes of market time during which an alert identical to the last one of its kind and key is dropped.</summary>
    [Range(0, 1_440)]
    public int DuplicateWindowMinutes { get; init; } = 60;

    /// <summary>Alerts waiting to be sent; when full the oldest is dropped (and counted), so trading never waits for a channel.</summary>
    [Range(1, 10_000)]
    public int QueueCapacity { get; init; } = 100;

    /// <summary>Alert when the daily loss limit's headroom (limit minus today's loss, open P&amp;L included) is under this many USD; 0 turns it off.</summary>
    [Range(0, 1_000_000)]
    public decimal DailyLossHeadroomUsd { get; init; } = 200m;

    /// <summary>Alert when equity (balance plus open P&amp;L) is less than this many USD above the maximum-loss floor; 0 turns it off.</summary>
    [Range(0, 1_000_000)]
    public decimal MaxLossHeadroomUsd { get; init; } = 500m;

    /// <summary>Exchange time (CT) after which the day's report goes out, once per trading day (after the 15:10 CT session close by default).</summary>
    public TimeOnly DailyReportAt { get; init; } = new(15, 10);

    /// <summary>The Combine's profit target over <c>Risk:StartingBalance</c>, USD (TopstepX 50K: 3,000; <c>research/topstepx-api.md</c> §11.1).</summary>
    [Range(0.01, 10_000_000)]
    public decimal ProfitTarget { get; init; } = 3_000m;

    /// <summary>The Combine's consistency rule (§11.4): the best day's profit must be under this fraction of the total profit (0.5).</summary>
    [Range(0.01, 1)]
    public decimal ConsistencyFraction { get; init; } = 0.5m;

    /// <summary>Market-hub reconnects within <see cref="ReconnectStormMinutes"/> that make a reconnect storm.</summary>
    [Range(2, 1_000)]
    public int ReconnectStormCount { get; init; } = 3;

    /// <summary>The reconnect storm's window, minutes of market time.</summary>
    [Range(1, 1_440)]
    public int ReconnectStormMinutes { get; init; } = 10;

    /// <summary>Seconds one HTTP attempt may take (the resilience handler's attempt timeout).</summary>
    [Range(1, 120)]
    public int RequestTimeoutSeconds { get; init; } = 10;

    /// <summary>Retries of a failed send (the resilience handler's exponential backoff with jitter).</summary>
    [Range(1, 10)]
    public int Retries { get; init; } = 2;

    /// <summary>The first retry's delay, milliseconds (doubling after).</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; init; } = 1_000;

    /// <summary>Wall-clock seconds the daemon's stop waits for the alerts still queued (the stop alert among them).</summary>
    [Range(0, 60)]
    public int StopDrainSeconds { get; init; } = 5;

    /// <summary>Telegram: alerts to one chat, and optionally commands from it.</summary>
    public TelegramAlertSettings Telegram { get; init; } = new();

    /// <summary>A Discord incoming webhook (<c>GOLDBOT_DISCORD_WEBHOOK_URL</c>).</summary>
    public AlertChannelSettings Discord { get; init; } = new();

    /// <summary>A Slack incoming webhook (<c>GOLDBOT_SLACK_WEBHOOK_URL</c>).</summary>
    public AlertChannelSettings Slack { get; init; } = new();

    /// <summary>A generic JSON webhook (<c>GOLDBOT_ALERT_WEBHOOK_URL</c>).</summary>
    public AlertChannelSettings Webhook { get; init; } = new();

    /// <summary>True when any channel is on.</summary>
    public bool AnyChannel => Telegram.Enabled || Discord.Enabled || Slack.Enabled || Webhook.Enabled;
}

/// <summary>One alert channel's switch.</summary>
public class AlertChannelSettings
{
    /// <summary>True to send alerts to it (off by default).</summary>
    public bool Enabled { get; init; }
}

/// <summary>The Telegram channel (<c>GOLDBOT_TELEGRAM_BOT_TOKEN</c>, <c>GOLDBOT_TELEGRAM_CHAT_ID</c>).</summary>
public sealed class TelegramAlertSettings : AlertChannelSettings
{
    /// <summary>
    /// True to accept <c>/status</c>, <c>/pause</c>, <c>/resume</c>, <c>/flatten</c> and <c>/stop</c> from the allow-listed chat
    /// (<c>GOLDBOT_TELEGRAM_CHAT_ID</c>); they write the control files. Off by default; needs <see cref="AlertChannelSettings.Enabled"/>.
    /// </summary>
    public bool Commands { get; init; }

    /// <summary>The Bot API server, <c>https://api.telegram.org</c> unless a local Bot API server is used.</summary>
    [Required]
    public string BaseUrl { get; init; } = "https://api.telegram.org";
}
