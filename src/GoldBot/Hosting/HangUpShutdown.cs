using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Hosting;

/// <summary>
/// SIGHUP (the terminal or SSH session that started the daemon closed) stops the daemon as SIGTERM does, through the
/// host's lifetime: with <c>Execution:OnShutdown</c> <c>Flatten</c> it flattens first (<see cref="FlattenOnShutdownLifetime"/>),
/// otherwise it stops with the position left protected; either way <c>status.json</c> ends with <c>is_alive: false</c>. A
/// repeated SIGHUP changes nothing (SIGINT or SIGTERM again still stops at once).
/// Without this handler the runtime's default action for SIGHUP ends the process with no shutdown at all.
/// </summary>
public sealed class HangUpShutdown(IHostApplicationLifetime application, IHostLifetime lifetime, ILogger<HangUpShutdown> logger) : IHostedService, IDisposable
{
    private PosixSignalRegistration? _registration;
    private int _received;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            // A closing SSH session often sends two (the shell passes one on, the kernel sends another): only the first counts,
            // so a repeat never turns a flatten on shutdown into a stop at once.
            if (Interlocked.Exchange(ref _received, 1) == 1)
                return;
            if (lifetime is FlattenOnShutdownLifetime flatten)
            {
                flatten.Request("SIGHUP");
                return;
            }
            logger.LogWarning("SIGHUP: stopping as for SIGTERM");
            application.StopApplication();
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose() => _registration?.Dispose();
}
