using System.Runtime.InteropServices;
using GoldBot.Controls;
using GoldBot.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace GoldBot.Hosting;

/// <summary>
/// The host's lifetime when <c>Execution:OnShutdown</c> is <c>Flatten</c> (gateway modes), in place of the console
/// lifetime: the first stop signal (SIGINT from Ctrl-C, SIGTERM from a service stop, SIGQUIT) is turned into a
/// <see cref="ControlAction.Shutdown"/> for the risk manager, which blocks entries and flattens; the run ends once
/// the broker shows the account flat (exit code 0). A second signal, or no flat account after
/// <c>Execution:ShutdownFlattenSeconds</c> of wall time, stops at once and leaves any position with its stop. Under systemd it
/// also tells the service manager that the daemon is ready and stopping, as the systemd lifetime it replaces does (a
/// <c>Type=notify</c> unit would otherwise time out); a Windows service keeps the service lifetime (see <c>GatewayRun</c>).
/// </summary>
/// <param name="systemd">The service manager's notifier when running under systemd (registered by <c>AddSystemd</c>), else null.</param>
public sealed class FlattenOnShutdownLifetime(IHostApplicationLifetime application, PipelineChannels channels, TimeSpan deadline, TimeProvider wall,
    ILogger<FlattenOnShutdownLifetime> logger, ISystemdNotifier? systemd = null) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _requests;
    private ITimer? _deadline;

    /// <inheritdoc/>
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in (PosixSignal[])[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT])
            _signals.Add(PosixSignalRegistration.Create(signal, OnSignal));
        if (systemd is { IsEnabled: true } notifier)
        {
            application.ApplicationStarted.Register(() => notifier.Notify(ServiceState.Ready));
            application.ApplicationStopping.Register(() => notifier.Notify(ServiceState.Stopping));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Request(context.Signal.ToString());
    }

    /// <summary>A stop request (a signal's name): the first flattens then stops, a second one stops at once.</summary>
    public void Request(string signal)
    {
        if (Interlocked.Increment(ref _requests) > 1)
        {
            logger.LogWarning("{Signal} again: stopping now; an open position stays at the broker with its stop", signal);
            application.StopApplication();
            return;
        }
        logger.LogWarning("{Signal}: Execution:OnShutdown is Flatten: flattening, then stopping (at most {Seconds} s; again to stop at once)",
            signal, deadline.TotalSeconds);
        _deadline = wall.CreateTimer(_ =>
        {
            logger.LogError("The account was not flat {Seconds} s after {Signal}: stopping anyway; check the account at the broker", deadline.TotalSeconds, signal);
            application.StopApplication();
        }, null, deadline, Timeout.InfiniteTimeSpan);
        if (!channels.Risk.TryWrite(new ControlReceived(new ControlCommand(ControlAction.Shutdown, null, signal))))
        {
            logger.LogError("{Signal}: the risk manager cannot take the shutdown (its inbox is full): stopping now", signal);
            application.StopApplication();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var signal in _signals)
            signal.Dispose();
        _deadline?.Dispose();
    }
}
