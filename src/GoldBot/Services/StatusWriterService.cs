using System.Globalization;
using System.Text.Json;
using GoldBot.Configuration;
using GoldBot.Learning;
using GoldBot.Monitoring;
using GoldBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoldBot.Services;

/// <summary>
/// Writes <c>logs/status.json</c> atomically at start, at once on every change <see cref="MonitoringState"/>
/// signals (position, stop, protection, risk decision, control, signal, a new bar), every <c>Monitoring:StatusIntervalSeconds</c>
/// of market time, and at shutdown (then with <c>is_alive: false</c>); rolls trades_today.json
/// at the trading-day boundary. Reads published snapshots (and the thread-safe learning tracker),
/// never a pipeline stage's working state.
/// In a fast replay market time outruns any reader, so periodic rewrites are also spaced at
/// least <c>Monitoring:MinRealIntervalMilliseconds</c> apart on the wall clock; a change that comes
/// sooner is written when that spacing has passed.
/// </summary>
public sealed class StatusWriterService(
    MonitoringState monitoring,
    PatternPerformance performance,
    RecentErrors errors,
    TradeJournal journal,
    SignalLog signals,
    WriteFailures writes,
    GoldBotSettings settings,
    TimeProvider time,
    [FromKeyedServices(DaemonHost.WallClock)] TimeProvider wall,
    RunCoordinator coordinator,
    ILogger<StatusWriterService> logger,
    MarketData.FeedMonitor? feed = null,
    Intermarket.DollarFilterGate? dollarFilter = null) : PipelineService(coordinator, logger)
{
    private long _lastWrite;
    private readonly object _gate = new();
    private readonly string _path = Path.Combine(settings.Monitoring.LogDirectory, "status.json");
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(settings.Monitoring.StatusIntervalSeconds);

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        Write(alive: true);
        var heartbeat = settings.Mode == RunMode.Replay ? Task.CompletedTask : HeartbeatAsync(stoppingToken);
        var changes = WriteChangesAsync(stoppingToken);
        try
        {
            using var timer = new PeriodicTimer(_interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                journal.Roll(time.GetUtcNow());
                signals.Flush();
                if (wall.GetElapsedTime(_lastWrite).TotalMilliseconds >= settings.Monitoring.MinRealIntervalMilliseconds)
                    Write(alive: true);
            }
        }
        finally
        {
            // Both end with the stop; awaited so that no rewrite can follow the last one (is_alive false).
            await Task.WhenAll(heartbeat, changes).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Rewrites the file on every signalled change, no sooner than the minimum wall-clock spacing after the last write.</summary>
    private async Task WriteChangesAsync(CancellationToken stoppingToken)
    {
        var spacing = TimeSpan.FromMilliseconds(settings.Monitoring.MinRealIntervalMilliseconds);
        await foreach (var _ in monitoring.Changes.ReadAllAsync(stoppingToken))
        {
            var wait = spacing - wall.GetElapsedTime(Volatile.Read(ref _lastWrite));
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, wall, stoppingToken);
            Write(alive: true);
        }
    }

    /// <summary>
    /// The gateway modes' heartbeat: a rewrite every <see cref="HeartbeatPeriod"/> of wall time, market data or not, and every
    /// <see cref="ConsoleHeartbeatPeriod"/> one log line (<see cref="HeartbeatLine"/>), so the console shows the daemon alive between trades.
    /// </summary>
    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(HeartbeatPeriod, wall);
        var ticks = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Write(alive: true);
            if (++ticks % (int)(ConsoleHeartbeatPeriod / HeartbeatPeriod) == 0)
                logger.LogInformation("{Heartbeat}", HeartbeatLine(monitoring.Snapshot(), time.GetUtcNow()));
        }
    }

    /// <summary>Wall time between the console's heartbeat lines in the gateway modes.</summary>
    public static readonly TimeSpan ConsoleHeartbeatPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The console's heartbeat: market time (CT), the last price, the position with its stop, the day's P&amp;L and the loss
    /// limits' headroom (USD), e.g. <c>alive 10:33 CT, MGC 4201.3, long 2 stop 4195.0, day -120.50, headroom 679.50 daily, 1879.50 maximum</c>.
    /// </summary>
    public string HeartbeatLine(MonitoringSnapshot s, DateTimeOffset marketNow)
    {
        ArgumentNullException.ThrowIfNull(s);
        var position = s.Position is { Position: not 0 } p
            ? string.Create(CultureInfo.InvariantCulture, $"{(p.Position > 0 ? "long" : "short")} {Math.Abs(p.Position)} stop {s.CurrentStop?.ToString(CultureInfo.InvariantCulture) ?? "NONE"}")
            : "flat";
        var price = s.LastBar is { } bar ? bar.Close.ToString(CultureInfo.InvariantCulture) : "no bar yet";
        var headroom = s.Risk is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"day {r.DailyPnL:+0.00;-0.00;0.00}, headroom {r.DailyLossRemaining:0.00} daily, {r.Balance - r.MaxLossFloor:0.00} maximum")
            : "risk not yet known";
        return string.Create(CultureInfo.InvariantCulture,
            $"alive {Market.CmeSession.ToExchangeTime(marketNow):HH:mm} CT, {settings.Contract().Symbol} {price}, {position}, {headroom}");
    }

    /// <summary>Wall time between status.json rewrites in the gateway modes, at most (issue 10: a heartbeat every 5 s).</summary>
    public static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(5);

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A last chance for what a failing disk refused; what still fails is in the exit summary.
        journal.Roll(time.GetUtcNow());
        signals.Flush();
        Write(alive: false);
    }

    /// <summary>Builds the document from the published snapshots.</summary>
    public StatusDocument Build(bool alive)
    {
        var now = time.GetUtcNow();
        var s = monitoring.Snapshot();
        var contract = settings.Contract();
        var risk = s.Risk;
        var positions = new List<StatusPosition>();
        if (s.OpenTrade is { } t && s.Position is { Position: not 0 } p)
            positions.Add(new StatusPosition(contract.Symbol, t.Side, Math.Abs(p.Position), t.Entry, s.OpenPnL, s.CurrentStop, t.Target));

        return new StatusDocument(
            now,
            alive,
            settings.Mode.ToString().ToLowerInvariant(),
            contract.Symbol,
            s.LastBarTime,
            new StatusAccount(s.Position?.Balance ?? risk?.Balance ?? settings.Risk.StartingBalance, risk?.DailyPnL ?? 0, positions.Count, risk?.DailyTrades ?? 0),
            new StatusRisk(alive && (risk?.CanTrade ?? false), !alive ? "daemon stopped" : risk is null ? "starting: no market data yet" : risk.BlockedBy ?? s.ExecutionBlockedBy, risk?.ConsecutiveLosses ?? 0,
                risk?.DailyLossRemaining ?? settings.Risk.DailyLossLimit, risk?.MaxLossFloor ?? settings.Risk.StartingBalance - settings.Risk.MaxLossLimit,
                risk?.EmergencyStop ?? false, risk?.Paused ?? false, settings.Risk.DailyLossLimit, settings.Risk.MaxLossLimit),
            positions,
            s.LastSignal,
            new StatusLearning(performance.EnabledPatterns, risk?.DefaultContracts ?? settings.Risk.DefaultContracts,
                Math.Round(performance.WinRateLast20, 4), performance.TotalTrades, performance.ByPattern, performance.ByCondition, s.Learning),
            s.Controls,
            errors.Messages,
            alive ? now + _interval : null,
            s.Protection,
            feed?.Status(now),
            s.LastBar,
            wall.GetUtcNow(),
            writes.Status(),
            s.Regime,
            [.. (s.WorkingOrders ?? []).Select(StatusOrder.From)],
            dollarFilter?.Status(now));
    }

    private void Write(bool alive)
    {
        lock (_gate)
        {
            // The document first: a failure to build it is a failed write too, reported the same way.
            if (writes.Attempt(_path, () => AtomicFile.Write(_path, JsonSerializer.Serialize(Build(alive), MonitoringJson.Indented)), "it is rewritten at the next change or heartbeat"))
                _lastWrite = wall.GetTimestamp();
        }
    }
}
