using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Hosting;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace GoldBot.Alerts;

/// <summary>
/// Registers the alerts in the daemon's container: the <see cref="AlertPublisher"/> always (it does nothing with every channel
/// off, the default); with a channel on, the channels on their resilient HTTP client, the dispatcher (first among the hosted
/// services, so it stops last), the watch, and with <c>Alerts:Telegram:Commands</c> the command poller. The secrets come from
/// <see cref="AlertSecrets"/> (the environment; a test registers its own after this).
/// </summary>
public static class AlertRegistration
{
    /// <summary>Adds the registrations; call before any other hosted service.</summary>
    public static void Add(IServiceCollection services, GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var alerts = settings.Alerts;
        services.AddSingleton(sp => new AlertPublisher(alerts, sp.GetRequiredService<TimeProvider>()));
        if (!alerts.AnyChannel)
            return;
        services.AddSingleton(_ => AlertSecrets.FromEnvironment());
        services.AddSingleton(sp => new AlertHttp(alerts, sp.GetRequiredKeyedService<TimeProvider>(DaemonHost.WallClock)));
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            new TelegramBotClientOptions(sp.GetRequiredService<AlertSecrets>().TelegramToken!, alerts.Telegram.BaseUrl) { RetryCount = 0 },
            sp.GetRequiredService<AlertHttp>().CreateClient()));
        services.AddSingleton(sp => new AlertDispatcher(Channels(sp, alerts), sp.GetRequiredService<AlertPublisher>(), sp.GetRequiredService<AlertSecrets>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<AlertDispatcher>()));
        services.AddHostedService<AlertDispatcherService>();
        services.AddSingleton(sp => new AlertWatch(sp.GetRequiredService<AlertPublisher>(), alerts, settings.Risk, sp.GetRequiredService<MonitoringState>(),
            sp.GetRequiredService<TradeJournal>(), sp.GetService<FeedMonitor>()));
        services.AddHostedService<AlertWatchService>();
        if (alerts.Telegram.Commands)
        {
            services.AddSingleton(sp => new TelegramCommands(sp.GetRequiredService<ITelegramBotClient>(), sp.GetRequiredService<AlertSecrets>().ChatId,
                Path.GetFullPath(settings.Controls.Directory), sp.GetRequiredService<ControlLog>(), sp.GetRequiredService<MonitoringState>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<TelegramCommands>()));
            services.AddHostedService<TelegramCommandService>();
        }
    }

    private static List<IAlertChannel> Channels(IServiceProvider services, AlertSettings alerts)
    {
        var secrets = services.GetRequiredService<AlertSecrets>();
        var http = services.GetRequiredService<AlertHttp>();
        var channels = new List<IAlertChannel>();
        if (alerts.Telegram.Enabled)
            channels.Add(new TelegramAlertChannel(services.GetRequiredService<ITelegramBotClient>(), secrets.ChatId));
        if (alerts.Discord.Enabled)
            channels.Add(WebhookAlertChannel.Discord(http.CreateClient(), new Uri(secrets.DiscordUrl!)));
        if (alerts.Slack.Enabled)
            channels.Add(WebhookAlertChannel.Slack(http.CreateClient(), new Uri(secrets.SlackUrl!)));
        if (alerts.Webhook.Enabled)
            channels.Add(WebhookAlertChannel.Json(http.CreateClient(), new Uri(secrets.WebhookUrl!)));
        return channels;
    }
}
