using System.Threading.Channels;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Monitoring;

/// <summary>The last signal and what was decided about it.</summary>
/// <param name="Time">Signal time, UTC.</param>
/// <param name="Pattern">Pattern and side, e.g. <c>order_block long</c>.</param>
/// <param name="Score">Score 1–10.</param>
/// <param name="Executed">True once the broker filled the entry (an approved signal is false, <c>sent to the broker</c>, until then).</param>
/// <param name="Reason"><c>traded</c>, <c>sent to the broker</c> while the entry's outcome is unknown, or why not.</param>
public sealed record LastSignal(DateTimeOffset Time, string Pattern, int Score, bool Executed, string Reason);

/// <summary>An operator control action and its result.</summary>
/// <param name="Time">Market time it was handled, UTC.</param>
/// <param name="Action">Action name.</param>
/// <param name="Detail">What was done.</param>
public sealed record ControlRecord(DateTimeOffset Time, string Action, string Detail);

/// <summary>
/// The latest state each stage published, for the status writer (cache, then publish: a stage
/// updates its entry here before it writes downstream). Replaced as whole immutable values
/// under a lock, so the status writer always reads a consistent set. A change an operator watches for
/// (the position, its stop, the protection state, a halt or other risk decision, a control, a signal;
/// not the open P&amp;L's every tick) is signalled on <see cref="Changes"/> so status.json is rewritten at once.
/// Thread-safe.
/// </summary>
public sealed class MonitoringState
{
    private readonly object _gate = new();
    private readonly Queue<ControlRecord> _controls = new();
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private RiskStatus? _risk;
    private decimal _openPnL;
    private decimal _markPrice;
    private PositionState? _position;
    private TradeRecord? _openTrade;
    private decimal? _currentStop;
    private LastSignal? _lastSignal;
    private DateTimeOffset? _lastBarTime;
    private Bar? _lastBar;
    private ProtectionStatus? _protection;
    private string? _executionBlockedBy;
    private MarketRegimeStatus? _regime;
    private LearningStatus? _learning;
    private IReadOnlyList<WorkingOrder> _orders = [];

    /// <summary>Holds a value when something changed since the status writer last took it (one pending signal at most).</summary>
    public ChannelReader<bool> Changes => _changes.Reader;

    /// <summary>Publishes the risk manager's view after a bar or report.</summary>
    public void SetRisk(RiskStatus status, decimal openPnL, decimal markPrice)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_gate)
        {
            // The day's P&L moves with every price: only the rules' decisions count as a change.
            if (_risk is null || _risk with { DailyPnL = 0, DailyLossRemaining = 0 } != status with { DailyPnL = 0, DailyLossRemaining = 0 })
                Changed();
            _risk = status;
            _openPnL = openPnL;
            _markPrice = markPrice;
        }
    }

    /// <summary>Publishes the executor's position and the open trade.</summary>
    public void SetPosition(PositionState position, TradeRecord? openTrade, decimal? currentStop)
    {
        lock (_gate)
        {
            if (_position != position || _currentStop != currentStop || _openTrade?.Id != openTrade?.Id)
                Changed();
            _position = position;
            _openTrade = openTrade;
            _currentStop = currentStop;
        }
    }

    /// <summary>Publishes the protection supervisor's state and why the executor refuses entries (or null).</summary>
    public void SetProtection(ProtectionStatus protection, string? executionBlockedBy)
    {
        lock (_gate)
        {
            if (_protection?.State != protection.State || _protection?.Violations != protection.Violations || _executionBlockedBy != executionBlockedBy)
                Changed();
            _protection = protection;
            _executionBlockedBy = executionBlockedBy;
        }
    }

    /// <summary>Publishes the orders working at the broker (the executor's view); a different set is a change.</summary>
    public void SetWorkingOrders(IReadOnlyList<WorkingOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        lock (_gate)
        {
            if (!_orders.SequenceEqual(orders))
                Changed();
            _orders = orders;
        }
    }

    /// <summary>Publishes the last signal decision.</summary>
    public void SetLastSignal(LastSignal signal)
    {
        lock (_gate)
        {
            _lastSignal = signal;
            Changed();
        }
    }

    /// <summary>Publishes the last bar processed and its close time (UTC): status.json shows it at once (within the writer's spacing).</summary>
    public void SetLastBar(Bar bar, DateTimeOffset closeTime)
    {
        lock (_gate)
        {
            (_lastBar, _lastBarTime) = (bar, closeTime);
            Changed();
        }
    }

    /// <summary>Publishes the entry time frame's market regime after a bar (the detector stage).</summary>
    public void SetRegime(MarketRegimeStatus regime)
    {
        lock (_gate)
        {
            if (_regime?.Regime != regime.Regime)
                Changed();
            _regime = regime;
        }
    }

    /// <summary>Publishes what the learning system has changed (the risk stage, after a closed trade).</summary>
    public void SetLearning(LearningStatus learning)
    {
        lock (_gate)
        {
            _learning = learning;
            Changed();
        }
    }

    /// <summary>Records an operator control action (the last ten are kept).</summary>
    public void AddControl(ControlRecord record)
    {
        lock (_gate)
        {
            _controls.Enqueue(record);
            Changed();
            if (_controls.Count > 10)
                _controls.Dequeue();
        }
    }

    private void Changed() => _changes.Writer.TryWrite(true);

    /// <summary>A consistent copy of everything.</summary>
    public MonitoringSnapshot Snapshot()
    {
        lock (_gate)
            return new MonitoringSnapshot(_risk, _openPnL, _markPrice, _position, _openTrade, _currentStop, _lastSignal, _lastBarTime, [.. _controls], _protection, _executionBlockedBy, _lastBar,
                _regime, _learning, _orders);
    }
}

/// <summary>A consistent copy of <see cref="MonitoringState"/>.</summary>
public sealed record MonitoringSnapshot(
    RiskStatus? Risk,
    decimal OpenPnL,
    decimal MarkPrice,
    PositionState? Position,
    TradeRecord? OpenTrade,
    decimal? CurrentStop,
    LastSignal? LastSignal,
    DateTimeOffset? LastBarTime,
    IReadOnlyList<ControlRecord> Controls,
    ProtectionStatus? Protection,
    string? ExecutionBlockedBy,
    Bar? LastBar = null,
    MarketRegimeStatus? Regime = null,
    LearningStatus? Learning = null,
    IReadOnlyList<WorkingOrder>? WorkingOrders = null);

/// <summary>status.json "market_regime": the entry time frame's regime after its latest bar and the measures behind it (<c>docs/learning.md</c>).</summary>
/// <param name="Regime"><c>trending_up</c>, <c>trending_down</c>, <c>ranging</c>, <c>volatile</c> or <c>unknown</c>.</param>
/// <param name="Adx">ADX(14), or null in warm-up.</param>
/// <param name="EmaSlope">EMA(50) change over 5 bars, in ATRs, or null.</param>
/// <param name="AtrPercentile">Mid-rank percentile (0–1) of ATR(14) among the last 100 bars, or null.</param>
/// <param name="BandwidthPercentile">Mid-rank percentile (0–1) of the Bollinger bandwidth among the last 100 bars, or null.</param>
public sealed record MarketRegimeStatus(string Regime, double? Adx, double? EmaSlope, double? AtrPercentile, double? BandwidthPercentile);

/// <summary>status.json "learning" additions: the policy, the size multiplier and why, what is disabled and why, and the decision count.</summary>
/// <param name="Policy"><c>Evidence</c>, <c>Plan</c> or <c>Off</c>.</param>
/// <param name="SizeMultiplier">Multiplier of the default size.</param>
/// <param name="SizeReason">The latest size decision, or null.</param>
/// <param name="Disabled">Disabled patterns and pattern cells, with the decision's reason.</param>
/// <param name="Decisions">Decisions so far (logs/learning.jsonl has them).</param>
public sealed record LearningStatus(string Policy, decimal SizeMultiplier, string? SizeReason, IReadOnlyDictionary<string, string> Disabled, int Decisions);
