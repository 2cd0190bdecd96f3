using GoldBot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// Base of the daemon's hosted services: runs the stage loop and, if it throws, logs the failure
/// once and ends the run as <see cref="RunOutcome.Failed"/> with the reason, instead of leaving
/// the other stages waiting on a dead one.
/// </summary>
public abstract class PipelineService(RunCoordinator coordinator, ILogger logger) : BackgroundService
{
    /// <summary>Ends the run.</summary>
    protected RunCoordinator Coordinator { get; } = coordinator;

    /// <summary>The stage loop.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    /// <inheritdoc/>
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
#pragma warning disable CA1031 // Any failure of a stage must end the run cleanly and be reported once.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogCritical(e, "{Service} failed: {Message}", GetType().Name, e.Message);
            Coordinator.Finish(RunOutcome.Failed, $"{GetType().Name} failed: {e.Message}");
        }
    }
}
