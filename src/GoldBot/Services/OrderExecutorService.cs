using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Learning;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// The order executor stage, the single writer of orders and positions: runs plans and
/// flatten requests through the <see cref="OrderExecutor"/>, applies broker events, journals
/// opened and closed trades, feeds the learning tracker and reports the position back to the
/// risk manager. After an emergency flatten it stops the daemon once the account is flat.
/// </summary>
public sealed class OrderExecutorService(
    OrderExecutor executor,
    PipelineChannels channels,
    TradeJournal journal,
    PatternPerformance performance,
    MonitoringState monitoring,
    RunCoordinator coordinator,
    ILogger<OrderExecutorService> logger) : PipelineService(coordinator, logger)
{
    private bool _stopWhenFlat;

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var input in channels.Executor.ReadAllAsync(stoppingToken))
        {
            var update = input switch
            {
                EnterTrade enter => await executor.EnterAsync(enter.Plan, stoppingToken),
                FlattenPosition flatten => await FlattenAsync(flatten, stoppingToken),
                BrokerEventReceived received => await executor.OnBrokerEventAsync(received.Event, stoppingToken),
                _ => null,
            };
            if (update is null)
                continue;

            if (update.Error is { } error)
                logger.LogError("Execution: {Error}", error);
            if (update.Opened is { } opened)
            {
                journal.Opened(opened);
                logger.LogInformation("Opened {Id}: {Side} {Size} {Pattern} at {Entry} (expected {Expected}), stop {Stop}",
                    opened.Id, opened.Side, opened.Size, opened.Pattern, opened.Entry, opened.ExpectedEntry, opened.Stop);
            }
            if (update.Closed is { } closed)
            {
                journal.Closed(closed);
                performance.Record(closed);
                logger.LogInformation("Closed {Id}: {Outcome} {PnL} USD ({R}R) by {Reason}, balance {Balance}",
                    closed.Id, closed.Outcome, closed.PnL, closed.RMultiple, closed.ExitReason, closed.BalanceAfter);
            }
            monitoring.SetPosition(update.Position, executor.OpenTrade, executor.CurrentStop);
            await channels.Risk.WriteAsync(new PositionReport(update.Position, update.Closed), stoppingToken);

            if (_stopWhenFlat && update.Position is { Position: 0, EntryPending: false })
            {
                logger.LogWarning("Emergency stop complete: account flat, stopping");
                Coordinator.Finish(RunOutcome.EmergencyStop);
            }
        }
    }

    private ValueTask<ExecutionUpdate> FlattenAsync(FlattenPosition flatten, CancellationToken cancellationToken)
    {
        _stopWhenFlat |= flatten.StopWhenFlat;
        return executor.FlattenAsync(flatten.Reason, cancellationToken);
    }
}
