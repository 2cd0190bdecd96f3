using GoldBot.Configuration;
using GoldBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Alerts;

/// <summary>
/// Sends the queued alerts (<see cref="AlertDispatcher"/>) from the daemon's start to its stop, and raises the start and
/// stop alerts. Registered first, so it starts first and stops last: the stop alert carries how the run ended, and the stop
/// waits at most <c>Alerts:StopDrainSeconds</c> of wall time for what is still queued (registered only when a channel is on).
/// </summary>
public sealed class AlertDispatcherService(AlertDispatcher dispatcher, AlertPublisher alerts, GoldBotSettings settings, RunCoordinator coordinator, TimeProvider time,
    [FromKeyedServices(DaemonHost.WallClock)] TimeProvider wall, ILogger<AlertDispatcherService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _sending = Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        alerts.Publish(DaemonAlerts.Started(settings.Mode.ToString(), settings.Contract().Symbol, dispatcher.Channels.Select(c => c.Name), time.GetUtcNow()));
        _sending = dispatcher.RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var outcome = coordinator.Outcome == RunOutcome.Running ? "Stopped" : coordinator.Outcome.ToString();
        alerts.Publish(DaemonAlerts.Stopped(settings.Mode.ToString(), outcome, coordinator.FailureReason, time.GetUtcNow()));
        alerts.Complete();
        try
        {
            await _sending.WaitAsync(TimeSpan.FromSeconds(settings.Alerts.StopDrainSeconds), wall, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Alerts still queued at the stop were not sent within {Seconds} s", settings.Alerts.StopDrainSeconds);
        }
        finally
        {
            await _stopping.CancelAsync();
        }
        await _sending.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <inheritdoc/>
    public void Dispose() => _stopping.Dispose();
}
