using GoldBot.Controls;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using GoldBot.Reporting;
using GoldBot.Risk;
using GoldBot.Strategy;
using GoldBot.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// The risk manager stage: marks the account at every bar close (trading-day roll, daily loss,
/// maximum loss, end-of-day flatten) and, in the gateway modes, at every clock tick (the same rules
/// marked on the latest trade or quote price, the end-of-day flatten at its time and the hard flat-by
/// check, whether bars arrive or not; a stale feed blocks entries), decides on each signal and sends
/// approved plans to the executor, applies the executor's position reports and the operator's control
/// commands.
/// Every signal and its decision go to signals.log; every action to the log. The rules of the
/// stage (position reports, marking, decisions, one flatten per bar while exposed) live in
/// <see cref="RiskStage"/>, shared with the backtest engine; this service only moves messages, and saves the risk state
/// after each one that changed it (Sim and Live modes, <see cref="RiskStatePersistence"/>).
/// </summary>
public sealed class RiskManagerService(
    RiskStage stage,
    PipelineChannels channels,
    SignalLog signalLog,
    WriteFailures writes,
    MonitoringState monitoring,
    RunStatistics statistics,
    TimeProvider time,
    RunCoordinator coordinator,
    ILogger<RiskManagerService> logger,
    FeedMonitor? feed = null,
    RiskStatePersistence? persistence = null,
    LearningFiles? learningFiles = null,
    ControlLog? controlLog = null,
    Alerts.AlertPublisher? alerts = null) : PipelineService(coordinator, logger)
{
    private readonly RiskManager _risk = stage.Risk;
    private decimal _mark;
    private string? _lastFlatten;
    private bool _flatByReported;
    private TradeSignal? _awaiting;
    private string? _awaitingSize;
    private int _entriesSent;

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (_risk.Learning is { } learning)
            PublishLearning(learning);
        await foreach (var input in channels.Risk.ReadAllAsync(stoppingToken))
        {
            RecordBlocked(writes.EntriesBlockedBy);
            switch (input)
            {
                case BarEvaluated bar:
                    await OnBarAsync(bar, stoppingToken);
                    break;
                case PositionReport report:
                    Learned(stage.OnPosition(report.Position, report.Closed, report.ExecutionBlockedBy), report.Closed);
                    JudgeEntry(report);
                    if (!stage.Exposed)
                        (_lastFlatten, _flatByReported) = (null, false);
                    break;
                case ClockTick tick:
                    await OnTickAsync(tick, stoppingToken);
                    break;
                case ControlReceived control:
                    await OnControlAsync(control.Command, stoppingToken);
                    break;
                case ReplayEnded:
                    if (_awaiting is { } unanswered)
                        Decided(unanswered, executed: false, "entry outcome unknown at the end of the data");
                    await FlattenAsync("end_of_data", null, stoppingToken);
                    break;
            }
            Publish();
            persistence?.Save(_risk.State);
        }
    }

    private async Task OnBarAsync(BarEvaluated evaluated, CancellationToken cancellationToken)
    {
        var closeTime = evaluated.Bar.CloseTime;
        _mark = evaluated.Bar.Bar.Close;
        await channels.Executor.WriteAsync(new ExecutorBar(evaluated.Bar.Bar, closeTime), cancellationToken);
        var flatten = stage.OnBar(closeTime, evaluated.Bar.Bar);
        // Signals are judged at the time it is now (a bar taken from History after a gap closed long ago; a replay's clock is at the close).
        var now = time.GetUtcNow() is var clock && clock > closeTime ? clock : closeTime;
        statistics.AddEquity(_risk.WorstEquity);
        if (flatten is not null)
            await FlattenAsync(flatten, null, cancellationToken);

        foreach (var signal in evaluated.Signals)
        {
            var decision = stage.Evaluate(signal, now);
            // The order first, the files after. An approved signal's line in signals.log waits for the entry's outcome
            // (executed=true only once the broker has filled it, see JudgeEntry); a refused one is written now.
            if (decision.Plan is { } plan)
            {
                await channels.Executor.WriteAsync(new EnterTrade(plan), cancellationToken);
                _entriesSent++;
                if (_awaiting is { } unseen)
                    Decided(unseen, executed: false, "entry outcome not seen before the next entry (see the log)");
                _awaiting = signal;
                _awaitingSize = plan.SizeNote;
                monitoring.SetLastSignal(new LastSignal(signal.Time, $"{signal.Pattern} {signal.Side}", signal.Score, false, "sent to the broker"));
            }
            else
            {
                Decided(signal, executed: false, decision.Reason!);
            }
            statistics.AddSignal(decision.Approved);
            if (decision.Plan is { } approved)
            {
                logger.LogInformation("Signal {Pattern} {Side} score {Score} approved: {Quantity} contracts, stop {StopTicks} ticks, risk {Risk} USD{Size}",
                    signal.Pattern, signal.Side, signal.Score, approved.Quantity, approved.StopTicks, approved.RiskAmount, approved.SizeNote is { } note ? $" ({note})" : "");
            }
            else
            {
                var reason = decision.Reason!;
                // A stale signal is worth a warning: its bar came late (History after a gap), or this machine's clock is off the exchange's.
                logger.Log(reason.StartsWith("stale signal", StringComparison.Ordinal) ? LogLevel.Warning : LogLevel.Debug,
                    "Signal {Pattern} {Side} score {Score} refused: {Reason}", signal.Pattern, signal.Side, signal.Score, reason);
            }
        }
    }

    private void PublishLearning(Learning.LearningSystem learning) =>
        monitoring.SetLearning(new LearningStatus(learning.Policy?.Name ?? "Off", learning.SizeMultiplier, learning.State.SizeReason,
            new SortedDictionary<string, string>(learning.State.Disabled, StringComparer.Ordinal), learning.Decisions.Count));

    /// <summary>Logs and journals the learning system's decisions, and after a closed trade rewrites bot_learning.json.</summary>
    private void Learned(IReadOnlyList<Learning.LearningDecision> decisions, Execution.TradeRecord? closed)
    {
        foreach (var decision in decisions)
            logger.LogWarning("Learning ({Policy}): {Reason}", decision.Policy, decision.Reason);
        if (_risk.Learning is not { } learning)
            return;
        if (closed is not null || decisions.Count > 0)
            PublishLearning(learning);
        if (learningFiles is null)
            return;
        if (decisions.Count > 0)
            learningFiles.Append(decisions);
        if (closed is not null)
            learningFiles.Export(Learning.LearningReport.Of(learning, time.GetUtcNow()));
    }

    /// <summary>
    /// Writes the awaited entry's line once a report made after the executor received it shows its outcome: a trade opened
    /// (executed), or no entry pending any more without one (refused, cancelled or never placed).
    /// </summary>
    private void JudgeEntry(PositionReport report)
    {
        if (_awaiting is not { } signal || report.EntriesReceived < _entriesSent)
            return;
        if (report.Opened)
            Decided(signal, executed: true, _awaitingSize is { } size ? $"traded ({size})" : "traded");
        else if (!report.Position.EntryPending)
            Decided(signal, executed: false, report.EntryCancelled is { } cancelled ? $"limit entry not filled: {cancelled}"
                : "entry not filled: refused, cancelled or never placed by the broker (see the log)");
    }

    private void Decided(TradeSignal signal, bool executed, string reason)
    {
        if (ReferenceEquals(signal, _awaiting))
            _awaiting = null;
        signalLog.Write(signal, executed, reason);
        monitoring.SetLastSignal(new LastSignal(signal.Time, $"{signal.Pattern} {signal.Side}", signal.Score, executed, reason));
    }

    /// <summary>Blocks or allows entries as the files' writes fail or recover (only under <c>Monitoring:OnWriteFailure Stop</c>).</summary>
    private void RecordBlocked(string? blocked)
    {
        if ((blocked is null) != (_risk.RecordBlockedBy is null))
        {
            if (blocked is null)
                logger.LogInformation("Every file written again: entries allowed again");
            else
                logger.LogWarning("New entries blocked: {Reason}", blocked);
        }
        _risk.RecordBlockedBy = blocked;
    }

    private async Task OnTickAsync(ClockTick tick, CancellationToken cancellationToken)
    {
        if (tick.LastPrice is { } price)
            _mark = price;
        if (feed is not null)
        {
            var status = feed.Status(tick.Now);
            var state = status.State.ToString().ToLowerInvariant();
            var blocked = status.State is FeedState.Stale or FeedState.Disconnected ? $"market data {state} (last quote {status.QuoteAgeMs} ms, last trade {status.LastTradeAgeMs} ms ago)" : null;
            if ((blocked is null) != (_risk.FeedBlockedBy is null))
            {
                if (blocked is null)
                    logger.LogInformation("Market data back: entries allowed again");
                else
                    logger.LogWarning("Market data {State}: new entries blocked", state);
            }
            _risk.FeedBlockedBy = blocked;
        }
        var flatten = stage.OnClock(tick.Now, tick.LastPrice);
        if (flatten == "flat_by_deadline" && !_flatByReported)
        {
            _flatByReported = true;
            logger.LogError("Still exposed at the flat-by deadline {FlatBy} CT: flattening again", _risk.TimesAt(tick.Now).FlatBy);
        }
        if (flatten is not null)
            await FlattenAsync(flatten, null, cancellationToken);
        await channels.Executor.WriteAsync(new ExecutorTick(tick.LastPrice), cancellationToken);
    }

    private async Task OnControlAsync(ControlCommand command, CancellationToken cancellationToken)
    {
        var seen = controlLog?.Seen(command);
        string detail;
        switch (command.Action)
        {
            case ControlAction.EmergencyStop:
                _risk.StopForEmergency();
                detail = "entries blocked; cancelling orders and flattening; the daemon stops once flat";
                await FlattenAsync("emergency_stop", RunOutcome.EmergencyStop, cancellationToken, force: true);
                break;
            case ControlAction.Pause:
                _risk.SetPaused(true);
                detail = "new entries blocked while the file exists";
                break;
            case ControlAction.Resume:
                _risk.SetPaused(false);
                detail = "new entries allowed again";
                break;
            case ControlAction.FlattenAll:
                detail = "cancelling orders and flattening; trading continues";
                await FlattenAsync("flatten_all", null, cancellationToken, force: true);
                break;
            case ControlAction.Shutdown:
                _risk.SetPaused(true);
                detail = "entries blocked; cancelling orders and flattening (Execution:OnShutdown Flatten); the daemon stops once flat";
                await FlattenAsync("shutdown", RunOutcome.Completed, cancellationToken, force: true);
                break;
            case ControlAction.AdjustRisk:
                _risk.SetDefaultContracts(command.Contracts!.Value);
                detail = $"default size set to {command.Contracts} contracts";
                break;
            default:
                return;
        }
        logger.LogWarning("Control {File}: {Detail}", command.File, detail);
        if (seen is not null)
            controlLog!.Acted(seen, detail);
        monitoring.AddControl(new ControlRecord(time.GetUtcNow(), command.Action.ToString(), detail));
    }

    private async Task FlattenAsync(string reason, RunOutcome? finishWhenFlat, CancellationToken cancellationToken, bool force = false)
    {
        var now = time.GetUtcNow();
        if (!stage.TryFlatten(now, force))
            return;
        if (reason != _lastFlatten || force)
        {
            if (reason == "eod_flatten" || reason == "end_of_data")
                logger.LogInformation("Flatten: {Reason}", reason);
            else
                logger.LogWarning("Flatten: {Reason}", reason);
            alerts?.Publish(Alerts.DaemonAlerts.Flatten(reason, now));
        }
        _lastFlatten = reason;
        await channels.Executor.WriteAsync(new FlattenPosition(reason, finishWhenFlat), cancellationToken);
    }

    private void Publish() => monitoring.SetRisk(_risk.Status(time.GetUtcNow()), _risk.OpenPnL, _mark);
}
