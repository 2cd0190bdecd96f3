using GoldBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Alerts;

/// <summary>
/// Polls Telegram for commands (<see cref="TelegramCommands"/>, long polling of <see cref="WaitSeconds"/>) while the daemon
/// runs; registered only with <c>Alerts:Telegram:Commands</c>. A failing poll is logged once per outage (redacted) and tried
/// again after <see cref="RetryAfter"/> of wall time; it never stops the daemon.
/// </summary>
public sealed class TelegramCommandService(TelegramCommands commands, AlertSecrets secrets, [FromKeyedServices(DaemonHost.WallClock)] TimeProvider wall,
    ILogger<TelegramCommandService> logger) : BackgroundService
{
    /// <summary>Seconds a poll waits for a message at Telegram (under the alerts' attempt timeout).</summary>
    public const int WaitSeconds = 5;

    /// <summary>The wait after a failed poll.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var skipped = false;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!skipped)
                {
                    if (await commands.SkipOldAsync(stoppingToken) > 0)
                        logger.LogInformation("Telegram commands sent while the daemon was not running are skipped");
                    skipped = true;
                }
                await commands.PollAsync(WaitSeconds, stoppingToken);
                if (failing)
                    logger.LogInformation("Telegram commands: polling works again");
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Telegram being unreachable never stops the daemon.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (!failing)
                    logger.LogWarning("Telegram commands: polling failed ({Reason}); trying again every {Seconds} s (logged once per outage)",
                        secrets.Redact($"{e.GetType().Name}: {e.Message}"), RetryAfter.TotalSeconds);
                failing = true;
                try
                {
                    await Task.Delay(RetryAfter, wall, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
