using GoldBot.Controls;
using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Learning;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// The order executor stage, the single writer of orders and positions: runs plans, flatten requests,
/// broker events, the answers of its own broker calls and clock ticks through the <see cref="OrderExecutor"/>
/// (which never waits on the network), logs what it notes, journals opened and closed trades, feeds the
/// learning tracker, publishes the position and the protection state, and reports the position back to the
/// risk manager. After an emergency flatten it stops the daemon once the broker shows the account flat.
/// </summary>
public sealed class OrderExecutorService(
    OrderExecutor executor,
    PipelineChannels channels,
    TradeJournal journal,
    PatternPerformance performance,
    MonitoringState monitoring,
    ControlFiles controls,
    RunCoordinator coordinator,
    ILogger<OrderExecutorService> logger,
    OpenTradePersistence? persistence = null,
    ControlLog? controlLog = null,
    Alerts.AlertPublisher? alerts = null) : PipelineService(coordinator, logger)
{
    private RunOutcome? _finishWhenFlat;
    private int _entriesReceived;

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var input in channels.Executor.ReadAllAsync(stoppingToken))
        {
            var update = input switch
            {
                EnterTrade enter => await EnterAsync(enter.Plan, stoppingToken),
                FlattenPosition flatten => await FlattenAsync(flatten, stoppingToken),
                BrokerEventsReceived received => await executor.OnBrokerEventsAsync(received.Events, stoppingToken),
                BrokerCallFinished finished => await executor.OnCompletedAsync(finished.Completion, stoppingToken),
                ExecutorTick tick => await executor.OnClockAsync(tick.LastPrice, stoppingToken),
                ExecutorBar bar when executor.FollowsBars => await executor.OnBarAsync(bar.Bar, bar.CloseTime, stoppingToken),
                UserEventsChanged events => await executor.OnEventStreamAsync(events.Flowing, events.Reason, stoppingToken),
                ExecutorStart start => await executor.StartAsync(start.LastPrice, start.Resume, stoppingToken),
                _ => null,
            };
            if (update is null)
                continue;
            await PublishAsync(update, stoppingToken);
        }
    }

    private async Task PublishAsync(ExecutionUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        foreach (var note in update.Notes)
        {
            var level = note.Level switch
            {
                ExecutionNoteLevel.Error => LogLevel.Error,
                ExecutionNoteLevel.Warning => LogLevel.Warning,
                _ => LogLevel.Information,
            };
#pragma warning disable CA2254 // The executor's notes are complete sentences; the level varies per note.
            logger.Log(level, "Execution: {Note}", note.Message);
#pragma warning restore CA2254
        }
        persistence?.RecordFills(update.Fills);
        if (update.Opened is { } opened)
        {
            journal.Opened(opened);
            logger.LogInformation("Opened {Id}: {Side} {Size} {Pattern} at {Entry} (expected {Expected}), stop {Stop}",
                opened.Id, opened.Side, opened.Size, opened.Pattern, opened.Entry, opened.ExpectedEntry, opened.Stop);
            alerts?.Publish(Alerts.DaemonAlerts.Entry(opened, journal.Symbol));
        }
        if (update.Closed is { } closed)
        {
            // Posted before the journal's append and the risk manager's save, and committed in that order: a kill -9 leaves
            // either the open trade saved (the restart books its exit again from the broker's fills; a journal line already
            // written is not repeated) or the close committed (the next start writes a line the journal missed).
            persistence?.Close(closed, journal.RunId, journal.Line(closed));
            journal.Closed(closed);
            performance.Record(closed);
            logger.LogInformation("Closed {Id}: {Outcome} {PnL} USD ({R}R) by {Reason}, balance {Balance}",
                closed.Id, closed.Outcome, closed.PnL, closed.RMultiple, closed.ExitReason, closed.BalanceAfter);
            alerts?.Publish(Alerts.DaemonAlerts.Exit(closed, journal.Symbol));
        }
        // Not before the start-up read: the saved trade is still to be resumed (or found gone, and then cleared).
        if (!executor.IsStarting)
            persistence?.Save(executor.OpenTradeState);
        monitoring.SetPosition(update.Position, executor.OpenTrade, executor.CurrentStop);
        monitoring.SetProtection(executor.Protection, executor.EntryBlockedBy);
        monitoring.SetWorkingOrders(executor.WorkingOrders);
        await channels.Risk.WriteAsync(new PositionReport(update.Position, update.Closed, executor.EntryBlockedBy, update.Opened is not null, _entriesReceived,
            executor.EntryCancelledBecause), cancellationToken);

        if (update.FlattenCompleted is { } reason)
        {
            logger.LogInformation("Flatten ({Reason}) complete: the broker shows no position and no working order", reason);
            controls.FlattenCompleted();
            controlLog?.FlattenConfirmed(update.Position.Position, executor.WorkingOrders.Count);
            if (_finishWhenFlat is { } outcome)
            {
                logger.LogWarning("{What} complete: account flat, stopping", outcome == RunOutcome.EmergencyStop ? "Emergency stop" : "Shutdown flatten");
                Coordinator.Finish(outcome);
            }
        }
    }

    private ValueTask<ExecutionUpdate> EnterAsync(Risk.TradePlan plan, CancellationToken cancellationToken)
    {
        _entriesReceived++;
        return executor.EnterAsync(plan, cancellationToken);
    }

    private ValueTask<ExecutionUpdate> FlattenAsync(FlattenPosition flatten, CancellationToken cancellationToken)
    {
        // An emergency stop (exit code 3) outranks a shutdown's flatten (exit code 0); a flatten that asks for neither keeps what was asked.
        if (_finishWhenFlat is null or RunOutcome.Completed)
            _finishWhenFlat = flatten.FinishWhenFlat ?? _finishWhenFlat;
        return executor.FlattenAsync(flatten.Reason, cancellationToken);
    }
}
