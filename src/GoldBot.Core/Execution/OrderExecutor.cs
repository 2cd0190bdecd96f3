using System.Globalization;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Execution;

/// <summary>
/// The single writer of orders and positions, and their protection supervisor. It turns an approved
/// <see cref="TradePlan"/> into a market entry, then keeps the position protected by orders it manages
/// itself (a daemon-managed bracket, <c>research/topstepx-api.md</c> §12.3): one stop for the whole
/// position, sized and priced from the entry's size-weighted average fill, placed at the first fill and
/// resized on every fill; the plan's take-profit limits once the entry is complete; the stop moved to the
/// entry price after the first target. It flattens on request and verifies the result with the broker.
/// <para>
/// It works level-triggered, like a controller: every input (a broker event, the answer to one of its own
/// calls, a clock tick, a command) updates its copy of the account (<see cref="AccountView"/>), then one
/// pass (<c>Step</c>) compares what the account should hold with what it holds and starts the calls that
/// close the gap. Calls never block it: a call that does not complete at once is answered later through
/// <see cref="IExecutionCallbacks"/> and <see cref="OnCompletedAsync"/>, so a fill is protected even while
/// another request waits on a slow gateway. The broker is the truth: its account is read every
/// <see cref="ExecutionOptions.ReconcileIntervalSeconds"/> (with clock ticks), after a refused cancel (the order
/// may have filled; no further order goes out until the read), after a reconnect, and to verify a flatten;
/// a difference is reported once, the broker's position is taken, and new entries wait until a read agrees.
/// </para>
/// <para>Invariants it restores (each failure is noted and counted in <see cref="Protection"/>):</para>
/// <list type="bullet">
/// <item>every open contract is covered by exactly one working stop on the exit side whose size equals the
/// position, on the tick grid, rounded away from the market; a stop that cannot be placed is retried every
/// <see cref="ExecutionOptions.RetrySeconds"/>, and after <see cref="ExecutionOptions.ProtectionGraceSeconds"/>
/// without one the position is flattened;</item>
/// <item>no exit order is larger than the position (take-profits beyond it are cancelled, farthest first);
/// no order works on a flat account; no order on the entry side works while a position is open;</item>
/// <item>a stop that cannot be changed is cancelled and replaced; every change sends every price;</item>
/// <item>an order whose answer was lost is uncertain, never rejected: it is looked up by its tag until found
/// or for <see cref="ExecutionOptions.UncertainOrderSeconds"/>; a fill of it is booked and protected like any;</item>
/// <item>a position the executor did not open is adopted and protected (or flattened, per <see cref="AdoptionPolicy"/>).</item>
/// </list>
/// Trades are booked from the broker's fills, de-duplicated by fill id, so the journal's P&amp;L is the
/// broker's balance change. Not thread-safe: one caller (the order executor service, or a backtest loop) owns it.
/// </summary>
public sealed class OrderExecutor
{
    private const string ReadCall = "read account";
    private const string CloseCall = "close position";
    private const string PositionCall = "check position";
    private const string MarketExit = "market exit";

    private readonly IBroker _broker;
    private readonly ContractSpec _contract;
    private readonly TimeProvider _clock;
    private readonly string _tagPrefix;
    private readonly ExecutionOptions _options;
    private readonly AdoptionPolicy _adoption;
    private readonly IExecutionCallbacks? _callbacks;
    private readonly IEntryOutbox? _outbox;
    private readonly AccountView _account;
    private readonly Dictionary<string, OrderIntent> _intents = new(StringComparer.Ordinal);
    private readonly Dictionary<long, OrderIntent> _intentsById = [];
    /// <summary>Broker calls in flight, by key, with the time each was sent.</summary>
    private readonly Dictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly Queue<Action> _inline = new();
    private readonly List<Task<Action>> _awaiting = [];
    private readonly HashSet<long> _replaceStop = [];
    private readonly Dictionary<string, string> _violations = new(StringComparer.Ordinal);
    private readonly List<ExecutionNote> _notes = [];
    private readonly List<BookedFill> _booked = [];
    private CancellationToken _cancellation;
    private ManagedTrade? _trade;
    private OpenTradeState? _resume;
    private FlattenProcedure? _flatten;
    private string? _flattenDone;
    private TradeRecord? _opened;
    private TradeRecord? _closed;
    private string? _readWanted;
    private DateTimeOffset? _lastRead;
    private DateTimeOffset? _lastReadFailure;
    private bool _ticking;
    private bool _starting;
    private bool _holdOrders;
    private long _holdUntilRead;
    private long _readsStarted;
    private long _readsApplied;
    private readonly List<BrokerEvent> _startupEvents = [];
    private string? _blockedBy;
    private DateTimeOffset? _lastStopAttempt;
    private bool _stopExpected;
    private decimal? _lastPrice;
    private DateTimeOffset? _nakedSince;
    private DateTimeOffset? _exposedAt;
    private ITimer? _wake;
    private DateTimeOffset? _wakeAt;
    private string? _eventsDown;
    private DateTimeOffset? _lastPositionCheck;
    private (int Position, long FillVersion, long ReadMark)? _brokerFlat;
    private DateOnly _nakedDay;
    private double _secondsNakedToday;
    private int _repairs;
    private int _violationCount;
    private string? _lastViolation;
    private DateTimeOffset? _lastViolationTime;
    private int _sequence;
    private int _callsOut;

    /// <summary>Creates the executor for one account and contract.</summary>
    /// <param name="startingBalance">Account balance at start, USD (replaced by the broker's at the first read).</param>
    /// <param name="clock">Market time (a replay's bar clock, or the wall clock live): timestamps and every timing rule.</param>
    /// <param name="tagPrefix">
    /// Start of every client order tag (ProjectX <c>customTag</c> must be unique per account): include something
    /// unique to the run, so tags never repeat across restarts. Default <c>gb</c>.
    /// </param>
    /// <param name="options">Protection timings; null for the defaults.</param>
    /// <param name="adoption">What to do with a position the executor did not open; null for the defaults (protect, 100 ticks).</param>
    /// <param name="callbacks">Where answers to calls that complete later go; null to wait for them inside each call (tests).</param>
    /// <param name="outbox">Where each entry is committed before it is sent (the state store), or null (backtests).</param>
    public OrderExecutor(IBroker broker, ContractSpec contract, decimal startingBalance, TimeProvider clock, string tagPrefix = "gb",
        ExecutionOptions? options = null, AdoptionPolicy? adoption = null, IExecutionCallbacks? callbacks = null, IEntryOutbox? outbox = null)
    {
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(clock);
        _broker = broker;
        _contract = contract;
        _clock = clock;
        _tagPrefix = tagPrefix;
        _options = options ?? new ExecutionOptions();
        _adoption = adoption ?? new AdoptionPolicy();
        _callbacks = callbacks;
        _outbox = outbox;
        _account = new AccountView(contract, startingBalance);
    }

    /// <summary>The position as the executor last saw it.</summary>
    public PositionState Position => new(_account.Position, _account.AveragePrice, EntryPending, _account.Balance);

    /// <summary>The trade in progress (entry filled, not yet flat), or null.</summary>
    public TradeRecord? OpenTrade => _trade is { EntryFilled: > 0 } t ? t.Record(_contract, null, _account.Balance) : null;

    /// <summary>True from <see cref="StartAsync(decimal?, CancellationToken)"/> until the start-up read of the broker's account is applied.</summary>
    public bool IsStarting => _starting;

    /// <summary>
    /// The open trade as the state store keeps it (to resume it after a restart): one with a fill, or one whose entry is out
    /// (sent or being sent, nothing filled yet: <c>EntryFilled</c> 0); null when there is none.
    /// </summary>
    public OpenTradeState? OpenTradeState =>
        _trade is { } t && (t.EntryFilled > 0 || _intents.GetValueOrDefault(t.Tag) is { State: not IntentState.Done }) ? t.ToState() : null;

    /// <summary>Stop price of the open position's working stop, points, or null.</summary>
    public decimal? CurrentStop => _account.Position == 0 ? null
        : _account.Orders.FirstOrDefault(o => o.Type == OrderType.Stop && o.Side == ExitSide(_account.Position))?.StopPrice;

    /// <summary>The orders the executor last saw working at the broker (its own and any it adopted), by order id.</summary>
    public IReadOnlyList<WorkingOrder> WorkingOrders => [.. _account.Orders];

    /// <summary>The protection supervisor's state for status.json.</summary>
    public ProtectionStatus Protection => new(ProtectionState(), _lastViolation, _lastViolationTime, _repairs, _violationCount,
        Math.Round(_secondsNakedToday + (_nakedSince is { } since ? (_clock.GetUtcNow() - since).TotalSeconds : 0), 3));

    /// <summary>Why new entries are refused now (a flatten, an order whose outcome is unknown, a disagreement with the broker), or null.</summary>
    public string? EntryBlockedBy =>
        _starting ? "starting: reading the broker's account"
        : _flatten is not null ? $"flattening ({_flatten.Reason})"
        : _blockedBy is not null ? _blockedBy
        : _holdOrders ? "waiting for the broker's account after a refused cancel"
        : _intents.Values.FirstOrDefault(i => i.State == IntentState.Uncertain) is { } u ? $"order {u.Tag} outcome unknown"
        : null;

    private bool EntryPending => _trade is { EntryComplete: false };

    /// <summary>
    /// Broker calls started that did not complete at once and whose answers have not yet been handed back
    /// through <see cref="IExecutionCallbacks"/> (an in-process driver waits for them before it moves a virtual clock). Thread-safe.
    /// </summary>
    public int CallsOutstanding => Volatile.Read(ref _callsOut);

    /// <summary>
    /// Start-up (crash-only recovery, the same path on every start): reads the broker's account and acts on
    /// it: a position is adopted and protected (its working exit stop kept, resized if needed) or flattened,
    /// per the <see cref="AdoptionPolicy"/>; orders not needed for it are cancelled; fills the broker lists from
    /// before the start are taken as already in its position. Entries are refused until that read is done.
    /// </summary>
    /// <param name="lastPrice">Latest traded price, points, or null when unknown: a stop already through it is not placed; the position is flattened instead.</param>
    public ValueTask<ExecutionUpdate> StartAsync(decimal? lastPrice, CancellationToken cancellationToken) =>
        StartAsync(lastPrice, null, cancellationToken);

    /// <summary>
    /// Start-up as <see cref="StartAsync(decimal?, CancellationToken)"/>, with the trade the state store saved: when the
    /// broker holds its open quantity on its side, it is resumed exactly (its plan and attribution, fills, costs, exits,
    /// breakeven state; its stop and take-profit orders at the broker, recognised by their tags, kept and managed as its own)
    /// instead of adopted; otherwise the position is adopted as usual and the saved trade is dropped, with a warning.
    /// </summary>
    /// <param name="resume">The saved open trade, or null.</param>
    public ValueTask<ExecutionUpdate> StartAsync(decimal? lastPrice, OpenTradeState? resume, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            _resume = resume;
            _lastPrice = lastPrice ?? _lastPrice;
            _starting = true;
            RequestRead("start-up", start: true);
        }, cancellationToken);

    /// <summary>
    /// Sends the entry of an approved plan: a market order, or for Mode B (<see cref="EntryRule.Limit"/>) a limit order at the
    /// plan's limit price that works until it fills, expires (<see cref="TradePlan.EntryExpiresAt"/>) or is invalidated
    /// (<see cref="OnBarAsync"/>). Its stop and targets follow its fills, from the first contract. A refusal is an error note.
    /// </summary>
    public ValueTask<ExecutionUpdate> EnterAsync(TradePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunAsync(() =>
        {
            var tag = string.Create(CultureInfo.InvariantCulture, $"{_tagPrefix}-{plan.Signal.Time:yyyyMMdd-HHmm}-{++_sequence}");
            if ((EntryBlockedBy ?? (_trade is not null || _account.Position != 0 ? "a position or an entry is already open" : null)) is { } blocked)
            {
                Note(ExecutionNoteLevel.Error, $"entry {tag} not sent: {blocked}");
                return;
            }
            var trade = ManagedTrade.ForPlan(plan, tag);
            _trade = trade;
            EntryCancelledBecause = null;
            var entry = plan.Signal.Entry;
            var request = entry.Limit
                ? new OrderRequest(tag, trade.EntrySide, OrderType.Limit, plan.Quantity, LimitPrice: entry.LimitPrice)
                : new OrderRequest(tag, trade.EntrySide, OrderType.Market, plan.Quantity);
            Place(request, OrderRole.Entry, null,
                _outbox is null ? null : trade.ToState() with { EntryTime = _clock.GetUtcNow() });
        }, cancellationToken);
    }

    /// <summary>
    /// Flattens: cancels entries and targets, closes what the broker holds (the stop stays until the position
    /// is gone), and repeats at every tick until a read of the broker shows no position and no working order;
    /// <see cref="ExecutionUpdate.FlattenCompleted"/> then names it. Asking again while one runs keeps the first reason.
    /// </summary>
    /// <param name="reason">Recorded as the trade's exit reason, e.g. <c>eod_flatten</c>.</param>
    public ValueTask<ExecutionUpdate> FlattenAsync(string reason, CancellationToken cancellationToken) =>
        RunAsync(() => BeginFlatten(reason), cancellationToken);

    /// <summary>Applies one broker event.</summary>
    public ValueTask<ExecutionUpdate> OnBrokerEventAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brokerEvent);
        return RunAsync(() => Apply(brokerEvent), cancellationToken);
    }

    /// <summary>Applies events that arrived together (one broker call's, one bar's), then acts once on the result.</summary>
    public ValueTask<ExecutionUpdate> OnBrokerEventsAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        return RunAsync(() =>
        {
            foreach (var e in events)
                Apply(e);
        }, cancellationToken);
    }

    /// <summary>
    /// A clock tick (every second in the gateway modes): time-driven rules run (the protection grace, retries,
    /// lookups of uncertain orders, flatten verification, the periodic reconciliation).
    /// </summary>
    /// <param name="lastPrice">Latest traded or quoted price, points, or null when unknown (a stop through it is not sent).</param>
    public ValueTask<ExecutionUpdate> OnClockAsync(decimal? lastPrice, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            _ticking = true;
            _lastPrice = lastPrice ?? _lastPrice;
            _lastRead ??= _clock.GetUtcNow();
        }, cancellationToken);

    /// <summary>
    /// Why the latest Mode B limit entry that ended without a fill was cancelled (<c>expired at …</c>, <c>invalidated: …</c>),
    /// or null; cleared by the next entry. The risk stage writes it to signals.log as the signal's outcome.
    /// </summary>
    public string? EntryCancelledBecause { get; private set; }

    /// <summary>
    /// True when <see cref="OnBarAsync"/> has something to follow: a trade of this run under <c>atr_trail</c> or <c>structure</c>,
    /// or a Mode B entry still working. Callers may skip the call (and its step and report) otherwise.
    /// </summary>
    public bool FollowsBars => _trade is { Adopted: false } t && (t.Plan.Signal.Exit.Profile != ExitProfile.FixedR || (t.Plan.Signal.Entry.Limit && !t.EntryComplete));

    /// <summary>
    /// A closed bar (prices in points, open time UTC; <paramref name="closeTime"/> its close, UTC): the open trade's exit rule
    /// follows it (<see cref="ExitRule"/>: the best price since the entry and the <c>atr_trail</c> stop, which Protect then moves;
    /// the <c>structure</c> exit, a flatten with reason <c>structure</c>, when an entry-time-frame bar closes beyond the zone's
    /// far edge), and a Mode B limit entry is cancelled when such a close invalidates its zone or its working time has ended.
    /// </summary>
    public ValueTask<ExecutionUpdate> OnBarAsync(Bar bar, DateTimeOffset closeTime, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            if (_trade is not { Adopted: false } trade || _flatten is not null)
                return;
            var invalidated = trade.OnBar(bar, closeTime, _contract);
            if (!trade.EntryComplete && trade.Plan.Signal.Entry.Limit)
            {
                if (invalidated)
                    CancelEntry(trade, $"invalidated: a bar closed at {bar.Close}, beyond the zone's far edge {trade.Plan.Signal.FarEdge}");
                else if (trade.Plan.EntryExpiresAt is { } expires && closeTime >= expires)
                    CancelEntry(trade, $"expired at {expires:yyyy-MM-dd HH:mm}Z");
            }
            if (invalidated && trade.EntryFilled > 0 && trade.Plan.Signal.Exit.Profile == ExitProfile.Structure)
            {
                Note(ExecutionNoteLevel.Information, $"trade {trade.Tag}: a bar closed at {bar.Close}, beyond the zone's far edge {trade.Plan.Signal.FarEdge}: structure exit");
                BeginFlatten("structure");
            }
        }, cancellationToken);

    /// <summary>Cancels the working limit entry of <paramref name="trade"/> (Mode B) for <paramref name="why"/>; what filled is traded.</summary>
    private void CancelEntry(ManagedTrade trade, string why)
    {
        if (_account.Orders.FirstOrDefault(o => o.OrderId == WorkingEntryId()) is not { } order)
            return; // not acknowledged yet: the next bar or tick tries again
        if (trade.EntryCancelledBecause is null)
            Note(ExecutionNoteLevel.Information, $"limit entry {trade.Tag} {why}: cancelling it{(trade.EntryFilled > 0 ? $", {trade.EntryFilled} of {trade.Plan.Quantity} contracts filled" : "")}");
        trade.EntryCancelledBecause = why;
        Cancel(order, null);
    }

    /// <summary>Applies the answer of a broker call that completed later (see <see cref="IExecutionCallbacks"/>).</summary>
    public ValueTask<ExecutionUpdate> OnCompletedAsync(BrokerCallCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return RunAsync(completion.Apply, cancellationToken);
    }

    /// <summary>
    /// The broker's event stream (the user hub) went down or came back. While it is down and the account holds a position
    /// or working orders, the broker's position is checked every <see cref="ExecutionOptions.PositionCheckSeconds"/> and the
    /// whole account read when it differs, so a stop or target filled meanwhile is acted on within seconds. When it comes
    /// back the account is read at once: events missed meanwhile are not replayed (<c>research/topstepx-api.md</c> §12.5).
    /// </summary>
    /// <param name="flowing">True when the events flow again (connected), false when they stopped.</param>
    /// <param name="reason">For the log, e.g. <c>user hub reconnected</c>.</param>
    public ValueTask<ExecutionUpdate> OnEventStreamAsync(bool flowing, string reason, CancellationToken cancellationToken) =>
        RunAsync(() =>
        {
            if (!flowing)
            {
                _eventsDown = reason;
                return;
            }
            _eventsDown = null;
            RequestRead(reason);
        }, cancellationToken);

    private async ValueTask<ExecutionUpdate> RunAsync(Action apply, CancellationToken cancellationToken)
    {
        _cancellation = cancellationToken;
        apply();
        while (true)
        {
            Step();
            if (_inline.TryDequeue(out var next))
            {
                next();
                continue;
            }
            if (_awaiting.Count == 0)
                break;
            var done = await Task.WhenAny(_awaiting).ConfigureAwait(false);
            _awaiting.Remove(done);
            (await done.ConfigureAwait(false))();
        }
        return TakeUpdate();
    }

    private ExecutionUpdate TakeUpdate()
    {
        var update = new ExecutionUpdate(Position, _opened, _closed, [.. _notes], _flattenDone, _booked.Count == 0 ? null : [.. _booked]);
        _notes.Clear();
        _booked.Clear();
        _opened = _closed = null;
        _flattenDone = null;
        return update;
    }

    // ---------------------------------------------------------------- what the broker reports

    private void Apply(BrokerEvent brokerEvent)
    {
        if (_starting)
        {
            // Against an empty copy of the account these would cancel live orders or book fills onto nothing: they are
            // applied on top of the start-up read, de-duplicated by fill id.
            _startupEvents.Add(brokerEvent);
            return;
        }
        switch (brokerEvent)
        {
            case OrderAccepted accepted:
                OnWorking(accepted.Order);
                break;
            case OrderFilled filled:
                Book(filled.Fill, learned: false);
                break;
            case OrderCancelled cancelled:
                OnGone(cancelled.OrderId, cancelled.Tag, $"cancelled ({cancelled.Reason})");
                break;
            case OrderRejected rejected:
                OnGone(rejected.OrderId, rejected.Tag, $"rejected ({rejected.Reason})");
                break;
        }
    }

    private void OnWorking(WorkingOrder order)
    {
        var intent = IntentFor(order.OrderId, order.Tag);
        if (intent is { State: IntentState.Done })
            return;
        if (intent is not null)
        {
            if (intent.Unsettled)
                intent.Set(IntentState.Working, _clock.GetUtcNow());
            // A report from before a fill of it (events reorder) must not bring back filled contracts.
            if (intent.Filled > 0)
                order = order with { Quantity = Math.Min(order.Quantity, intent.Quantity - intent.Filled) };
        }
        _account.Upsert(order);
    }

    private void OnGone(long orderId, string tag, string how)
    {
        _account.Remove(orderId);
        var intent = IntentFor(orderId, tag);
        if (intent is null || intent.State == IntentState.Done)
            return;
        intent.Set(IntentState.Done, _clock.GetUtcNow());
        if (intent.Role == OrderRole.Entry)
            EntryEnded(intent, how);
    }

    /// <summary>The entry can fill no more: the trade goes on with what filled, or ends if nothing did.</summary>
    private void EntryEnded(OrderIntent entry, string how)
    {
        if (_trade is not { } trade || trade.Tag != entry.Tag)
            return;
        if (trade.EntryFilled > 0)
        {
            if (!trade.EntryComplete)
            {
                trade.EntryComplete = true;
                trade.InitialStop = StopFor(trade, _account.Position);
                Note(ExecutionNoteLevel.Warning, $"entry {entry.Tag} {how} after {trade.EntryFilled} of {trade.Plan.Quantity} contracts filled: trading the filled part");
                _opened = trade.Record(_contract, null, _account.Balance);
            }
            return;
        }
        _trade = null;
        EntryCancelledBecause = trade.EntryCancelledBecause;
        if (trade.FlattenReason is null && trade.EntryCancelledBecause is null)
            Note(ExecutionNoteLevel.Error, $"entry {entry.Tag} {how}");
    }

    private void Book(BrokerFill fill, bool learned)
    {
        var before = _account.Position;
        if (!_account.Book(fill, out var realised))
            return;
        _account.ReduceByFill(fill.OrderId, fill.Quantity);
        var now = _clock.GetUtcNow();
        // A fill found by a read was made before GoldBot knew of it: its time without a stop counts from the fill. (An event's
        // own timestamp is the gateway's clock, which may run behind this one: arrival is the measure for those.)
        if (learned && Math.Abs(_account.Position) > Math.Abs(before))
            _exposedAt = fill.Time;
        var intent = IntentFor(fill.OrderId, fill.Tag);
        var trade = _trade;
        if (learned)
            Note(ExecutionNoteLevel.Information, $"fill {fill.FillId} of order {fill.OrderId} ({fill.Side} {fill.Quantity} at {fill.Price}) booked from the broker's account read: its event has not arrived");

        if (trade is not null && intent is null && fill.Side == trade.EntrySide && !trade.EntryComplete
            && _intents.GetValueOrDefault(trade.Tag) is { } entryIntent && entryIntent.Id == 0)
        {
            // The entry's answer has not arrived (or was lost): a fill on its side is the entry's.
            intent = entryIntent;
            Bind(entryIntent, fill.OrderId);
        }
        if (intent is not null)
        {
            intent.Filled += fill.Quantity;
            if (intent.Unsettled)
                intent.Set(IntentState.Working, now);
        }
        _booked.Add(new BookedFill(fill with { Tag = intent?.Tag ?? fill.Tag }, trade?.Tag, intent?.Role.ToString().ToLowerInvariant() ?? "unknown"));

        if (trade is null)
        {
            if (_account.Position != 0)
            {
                AdoptPosition(now, fill);
                Note(ExecutionNoteLevel.Error, $"fill of order {fill.OrderId} ({fill.Side} {fill.Quantity} at {fill.Price}) not placed by GoldBot: position {_account.Position} adopted");
            }
            else
            {
                Note(ExecutionNoteLevel.Warning, $"fill of order {fill.OrderId} ({fill.Side} {fill.Quantity} at {fill.Price}) with no trade in progress");
            }
            return;
        }

        if (fill.Side == trade.EntrySide)
        {
            trade.AddEntryFill(fill);
            if (intent is null || intent.Role != OrderRole.Entry)
                Note(ExecutionNoteLevel.Error, $"fill of order {fill.OrderId} ({fill.Side} {fill.Quantity} at {fill.Price}) adds to the position: {_account.Position}");
            if (trade.EntryComplete)
            {
                trade.InitialStop ??= StopFor(trade, _account.Position);
                if (intent is { Role: OrderRole.Entry })
                    intent.Set(IntentState.Done, now);
            }
            _stopExpected = true;
            _opened = trade.Record(_contract, null, _account.Balance);
            return;
        }

        // An exit: the part that closes the position is the trade's; anything beyond opened the other way.
        var closing = Math.Min(fill.Quantity, Math.Abs(before));
        var opening = fill.Quantity - closing;
        var closingCommission = opening == 0 ? fill.Commission : decimal.Round(fill.Commission * closing / fill.Quantity, 2);
        var reason = intent?.Role switch
        {
            OrderRole.Stop => trade.TrailStop is { } trail && trade.Direction * (trail - trade.EntryPrice) > 0 ? "trailing_stop" : trade.AtBreakeven ? "breakeven_stop" : "stop",
            OrderRole.Target => intent.Leg!,
            _ => trade.FlattenReason ?? "unknown_order",
        };
        trade.AddExit(fill with { Quantity = closing, Commission = closingCommission }, reason, realised);
        if (reason == "tp1")
            trade.AtBreakeven = true;
        _stopExpected = true;
        if (_account.Position != 0 && Math.Sign(_account.Position) == trade.Direction)
            return;

        _closed = trade.Record(_contract, fill.Time, _account.Balance - (fill.Commission - closingCommission));
        _trade = null;
        PruneIntents();
        if (opening > 0)
        {
            // A position GoldBot never meant to hold: protected at once, and closed whatever the adoption policy says.
            Violation("flip", $"exit {fill.OrderId} ({fill.Side} {fill.Quantity}) turned position {before} into {_account.Position}: flattening it", now);
            AdoptPosition(now, fill with { Quantity = opening, Commission = fill.Commission - closingCommission });
            BeginFlatten("flip");
        }
    }

    // ---------------------------------------------------------------- one pass of decisions

    private void Step()
    {
        var now = _clock.GetUtcNow();
        RollDay(now);
        if (_pending.ContainsKey(ReadCall) is false)
        {
            if (_readWanted is not null && RetryDue(_lastReadFailure, now))
                StartRead();
            else if (_ticking && now - (_lastRead ?? now) >= TimeSpan.FromSeconds(_options.ReconcileIntervalSeconds))
                RequestRead("periodic reconciliation", start: true);
        }
        // Also while a read is out: a read can be held for its whole timeout, and the position check is one short request.
        if (_eventsDown is not null && _ticking && !_starting && (_account.Position != 0 || _account.OrderCount > 0))
            CheckPosition(now);
        if (_starting)
            return;
        foreach (var intent in _intents.Values)
        {
            if (intent.State == IntentState.Uncertain)
                LookUp(intent, now);
            else if (intent is { Role: OrderRole.Entry, State: IntentState.Working, Filled: 0, Checked: false } && _ticking && _trade?.Plan.Signal.Entry.Limit != true
                && now - intent.Since >= TimeSpan.FromSeconds(_options.RetrySeconds))
            {
                // A market entry fills at once: no fill seen a moment after the gateway took it means its events are not reaching us.
                // (A Mode B limit entry rests: no fill is expected.)
                intent.Checked = true;
                RequestRead($"entry {intent.Tag} taken by the broker, no fill seen", start: true);
            }
        }
        if (_holdOrders)
        {
            Observe(now);
            return;
        }
        // A Mode B entry's working time ends on the clock too, not only at a bar's close.
        if (_trade is { EntryComplete: false, Plan.EntryExpiresAt: { } expires } pending && now > expires && _flatten is null)
            CancelEntry(pending, $"expired at {expires:yyyy-MM-dd HH:mm}Z");
        var brokerFlat = BrokerFlat;
        if (_account.Position != 0 && _trade is null && !brokerFlat)
            AdoptPosition(now, null);
        if (_resume is { } unmatched && _account.Position == 0)
            Note(ExecutionNoteLevel.Warning, $"the saved trade {unmatched.Tag} ({unmatched.Plan.Signal.Side} {unmatched.OpenQuantity}) is not at the broker, which holds no position, " +
                "and its exits are not among the fills the start-up read found: dropped, not journaled; the broker's trade history has its end");
        _resume = null; // only the start-up read's position can be the saved trade
        if (_flatten is not null)
            Flatten(now);
        if (_account.Position != 0 && !brokerFlat)
            Protect(now);
        else if (_flatten is null)
            CleanUp();
        if (_flatten is null)
            PlaceTargets();
        Observe(now);
    }

    private void AdoptPosition(DateTimeOffset now, BrokerFill? fill)
    {
        var position = _account.Position;
        var direction = Math.Sign(position);
        if (_resume is { } saved)
        {
            _resume = null;
            // The same side and size, and one of its orders still working or the same average price: a stale saved trade is
            // never bound to a position opened since.
            if (fill is null && direction == saved.Plan.Signal.Direction && Math.Abs(position) == saved.OpenQuantity
                && (_account.Orders.Any(o => o.Tag.StartsWith(saved.Tag + "-", StringComparison.Ordinal))
                    || Math.Abs(_account.AveragePrice - saved.EntryPrice) <= _contract.TickSize))
            {
                Resume(saved, now);
                return;
            }
            Note(ExecutionNoteLevel.Warning, $"the saved trade {saved.Tag} ({saved.Plan.Signal.Side} {saved.OpenQuantity}) does not match the broker's position {position}: adopting the position instead");
        }
        var working = _account.Orders.FirstOrDefault(o => o.Type == OrderType.Stop && o.Side == ExitSide(position));
        var stop = working?.StopPrice ?? RoundAway(_account.AveragePrice - direction * _contract.ToPrice(_adoption.StopTicks), direction);
        var tag = string.Create(CultureInfo.InvariantCulture, $"{_tagPrefix}-adopt-{++_sequence}");
        var trade = ManagedTrade.Adopt(tag, fill?.Time ?? now, position, _account.AveragePrice, stop, _contract);
        if (fill is not null)
            trade.Commission += fill.Commission;
        _trade = trade;
        _opened = trade.Record(_contract, null, _account.Balance);
        if (_adoption.Flatten)
        {
            Note(ExecutionNoteLevel.Warning, $"position {position} at {_account.AveragePrice} not opened by this run: flattening it (UnknownPosition Flatten)");
            BeginFlatten("unknown_position");
            return;
        }
        Note(ExecutionNoteLevel.Warning, $"position {position} at {_account.AveragePrice} not opened by this run: adopted, protected by a stop at {stop}");
        if (_lastPrice is { } last && direction * (last - stop) <= 0)
        {
            Note(ExecutionNoteLevel.Error, $"the adopted position's stop {stop} is already through the market ({last}): flattening");
            BeginFlatten("adopted_stop_through_market");
        }
    }

    /// <summary>Takes the saved trade back as the one in progress, with its orders still working at the broker.</summary>
    private void Resume(OpenTradeState saved, DateTimeOffset now)
    {
        var trade = ManagedTrade.FromState(saved, $"{saved.Tag}-{_tagPrefix}");
        _trade = trade;
        // Its entry can fill no more (this run has no order for it); its stop is the one it had.
        trade.EntryComplete = true;
        trade.InitialStop ??= StopFor(trade, _account.Position);
        var kept = 0;
        foreach (var order in _account.Orders.Where(o => o.Tag.StartsWith(saved.Tag + "-", StringComparison.Ordinal)))
        {
            var leg = saved.Plan.Targets.FirstOrDefault(l => order.Tag.EndsWith("-" + l.Name, StringComparison.Ordinal))?.Name;
            OrderRole? role = order.Type == OrderType.Stop ? OrderRole.Stop : order.Type == OrderType.Limit && leg is not null ? OrderRole.Target : null;
            if (role is not { } known)
                continue;
            var intent = new OrderIntent(order.Tag, known, known == OrderRole.Target ? leg : null, now) { Quantity = order.Quantity };
            intent.Set(IntentState.Working, now);
            _intents[order.Tag] = intent;
            Bind(intent, order.OrderId);
            kept++;
            if (known == OrderRole.Target)
                trade.TargetsPlaced = true; // sent before the restart, whatever the saved state had time to record
        }
        _opened = trade.Record(_contract, null, _account.Balance);
        Note(ExecutionNoteLevel.Information, $"resumed trade {saved.Tag}: {saved.Plan.Signal.Side} {saved.OpenQuantity} {saved.Plan.Signal.Pattern} score {saved.Plan.Signal.Score} " +
            $"at {decimal.Round(saved.EntryPrice, 4)}, {kept} of its orders kept at the broker{(saved.AtBreakeven ? ", stop at breakeven" : "")}");
    }

    /// <summary>
    /// The saved trade whose entry was out (committed to the outbox, maybe sent) when GoldBot went down, as the broker has
    /// it: filled by the fills of its order (found by its tag), so that it is resumed with its plan and attribution like any
    /// saved trade; or null, with a note, when nothing of it filled (never placed, rejected or cancelled).
    /// </summary>
    private OpenTradeState? EnteredWhileDown(OpenTradeState pending, AccountSnapshot snapshot, OrderLookup? found)
    {
        var side = pending.Plan.Signal.Direction > 0 ? OrderSide.Buy : OrderSide.Sell;
        var fills = found is null ? []
            : (snapshot.Fills ?? []).Where(f => f.OrderId == found.OrderId && f.Side == side).OrderBy(f => f.Time).ThenBy(f => f.FillId).ToList();
        var what = $"the entry {pending.Tag} ({pending.Plan.Signal.Side} {pending.Plan.Quantity} {pending.Plan.Signal.Pattern} score {pending.Plan.Signal.Score}), out when GoldBot went down,";
        if (fills.Count == 0)
        {
            Note(ExecutionNoteLevel.Warning, found is null ? $"{what} never reached the broker: no trade"
                : $"{what} is order {found.OrderId} at the broker, {found.Status} with nothing filled{(found.Working ? ": cancelled as an order this run did not send" : ": no trade")}");
            return null;
        }
        var quantity = fills.Sum(f => f.Quantity);
        _booked.AddRange(fills.Select(f => new BookedFill(f with { Tag = pending.Tag }, pending.Tag, "entry")));
        Note(ExecutionNoteLevel.Warning, $"{what} filled {quantity} at the broker (order {found!.OrderId}, {found.Status}): resuming it as its trade");
        return pending with
        {
            EntryFilled = quantity,
            EntryPrice = fills.Sum(f => f.Price * f.Quantity) / quantity,
            EntryTime = fills[0].Time,
            EntryComplete = true,
            Commission = fills.Sum(f => f.Commission),
            LastFillTime = fills[^1].Time,
        };
    }

    /// <summary>
    /// The saved trade's exits made while GoldBot was down (its stop or targets filled at the gateway): the exit-side fills
    /// of the start-up read after the saved trade's last known fill, when they take the saved position exactly to the
    /// broker's and nothing traded on the entry side meanwhile; otherwise none (the position is then resumed or adopted as
    /// it stands).
    /// </summary>
    private static List<BrokerFill> ExitsWhileDown(OpenTradeState saved, AccountSnapshot snapshot)
    {
        var direction = saved.Plan.Signal.Direction;
        var exitSide = direction > 0 ? OrderSide.Sell : OrderSide.Buy;
        var lastKnown = saved.Exits.Select(e => e.Time).Append(saved.LastFillTime ?? saved.EntryTime).Max();
        var since = (snapshot.Fills ?? []).Where(f => f.Time > lastKnown).OrderBy(f => f.Time).ThenBy(f => f.FillId).ToList();
        var exits = since.Where(f => f.Side == exitSide).ToList();
        var left = saved.OpenQuantity - exits.Sum(f => f.Quantity);
        return exits.Count > 0 && since.Count == exits.Count && left >= 0 && snapshot.Position == direction * left ? exits : [];
    }

    /// <summary>
    /// Resumes the saved trade as it stood when GoldBot went down, then books its exits made meanwhile as fills found by a
    /// read (the journal, the risk manager's consecutive losses and the learning records get the trade as if GoldBot had
    /// watched). Each exit's reason comes from its price, the filled orders' tags being unknown to a new run: at or through
    /// the stop is the stop, at a take-profit's price that leg, anything else <c>exit_while_down</c>.
    /// </summary>
    private void ResumeWithExitsWhileDown(OpenTradeState saved, AccountSnapshot snapshot, List<BrokerFill> exits)
    {
        var now = _clock.GetUtcNow();
        var direction = saved.Plan.Signal.Direction;
        var realised = exits.Sum(f => _contract.PnL(direction, saved.EntryPrice, f.Price, f.Quantity) - f.Commission);
        _account.Adopt(snapshot with { Position = direction * saved.OpenQuantity, AveragePrice = saved.EntryPrice, Balance = snapshot.Balance - realised },
            _account.Version);
        _resume = null;
        Resume(saved, now);
        var trade = _trade!;
        // Nobody moved the stop while GoldBot was down: it filled where the saved trade had it, whatever filled before it.
        var stop = StopFor(trade, direction);
        var reachedBreakeven = saved.AtBreakeven;
        foreach (var fill in exits)
        {
            // A limit fills at its price or better: the farthest leg the fill reached (a gap through a target fills beyond it).
            var leg = trade.Targets().LastOrDefault(l => !l.Trailing && direction * (fill.Price - TargetPrice(trade, l)) >= 0);
            var (role, name) = direction * (fill.Price - stop) <= 0 ? (OrderRole.Stop, null) : leg is not null ? (OrderRole.Target, leg.Name) : (OrderRole.Close, null);
            var intent = new OrderIntent(string.Create(CultureInfo.InvariantCulture, $"{saved.Tag}-while-down-{fill.OrderId}"), role, name, now) { Quantity = fill.Quantity };
            intent.Set(IntentState.Done, now);
            Bind(intent, fill.OrderId);
            Note(ExecutionNoteLevel.Warning, $"trade {saved.Tag}: {fill.Side} {fill.Quantity} at {fill.Price} filled at the broker at {fill.Time:HH:mm:ss} UTC while GoldBot was down: booked as its {name ?? (role == OrderRole.Stop ? "stop" : "exit")}");
            (trade.AtBreakeven, trade.FlattenReason) = (saved.AtBreakeven, role == OrderRole.Close ? "exit_while_down" : null);
            Book(fill, learned: true);
            reachedBreakeven |= trade.AtBreakeven;
        }
        (trade.AtBreakeven, trade.FlattenReason) = (reachedBreakeven, null);
    }

    /// <summary>A take-profit leg's limit price: its distance from the entry, rounded towards the entry onto the tick grid.</summary>
    private decimal TargetPrice(ManagedTrade trade, TargetLeg leg)
    {
        var exact = trade.EntryPrice + trade.Direction * _contract.ToPrice(leg.Ticks);
        return trade.Direction > 0 ? _contract.CeilingToTick(exact) : _contract.FloorToTick(exact);
    }

    private void BeginFlatten(string reason)
    {
        if (_flatten is not null)
            return;
        _flatten = new FlattenProcedure(reason, _clock.GetUtcNow());
        if (_trade is not null)
            _trade.FlattenReason = reason;
    }

    private void Flatten(DateTimeOffset now)
    {
        var flatten = _flatten!;
        var position = BrokerFlat ? 0 : _account.Position;
        foreach (var order in _account.Orders.ToList())
        {
            var protective = position != 0 && order.Type == OrderType.Stop && order.Side == ExitSide(position);
            if (!protective && !IsCloseOrder(order))
                Cancel(order, null);
        }
        if (position != 0)
        {
            // A market exit whose answer was lost is looked up by its tag before anything else goes out.
            if (_pending.ContainsKey(CloseCall) || _intents.Values.Any(i => i is { Role: OrderRole.Close, State: IntentState.Uncertain })
                || !(flatten.CloseRefused || RetryDue(flatten.LastClose, now)))
                return;
            // An accepted close whose fill has not been seen may still be working: a second one could sell twice.
            // Close again only after a read started since shows the position still there and no close order working.
            if (flatten.CloseAcceptedAtRead is not null || _account.Orders.Any(IsCloseOrder))
            {
                if (RetryDue(flatten.LastVerify, now))
                {
                    flatten.LastVerify = now;
                    RequestRead($"close of {position} ({flatten.Reason}) accepted, no fill seen", start: true);
                }
                return;
            }
            // The stop is moved out to the guard first (Protect sends the change), so that it cannot fill in the same instant
            // as the close and turn the position over; a change refused, or unanswered past the grace, does not hold the close.
            var direction = Math.Sign(position);
            if (_account.Orders.FirstOrDefault(o => o.Type == OrderType.Stop && o.Side == ExitSide(position)) is { StopPrice: { } stopPrice }
                && GuardFor(flatten, direction) is { } guard && Farther(stopPrice, guard, direction) != stopPrice
                && !flatten.GuardRefused && now - flatten.Started < TimeSpan.FromSeconds(_options.ProtectionGraceSeconds))
                return;
            if (flatten.CloseRefused && _readsApplied > flatten.CloseRefusedAtRead)
            {
                // A second way out as soon as a read begun after the refusal shows the position still there (a close is refused
                // when the gateway holds nothing, and a stop fill may not have been reported): a market order of exactly that
                // position, when no other exit order could fill with it.
                flatten.CloseRefused = false;
                if (!_account.Orders.Any(o => o.Side == ExitSide(position) && o.Type != OrderType.Stop) && !_pending.Keys.Any(k => k.StartsWith("cancel ", StringComparison.Ordinal)))
                {
                    ExitAtMarket(flatten, position, now);
                    return;
                }
            }
            if (RetryDue(flatten.LastClose, now))
                Close(flatten, now);
            return;
        }
        if (PlacementUnsettled || _account.OrderCount > 0 || _pending.ContainsKey(ReadCall) || !RetryDue(flatten.LastVerify, now))
            return;
        flatten.LastVerify = now;
        RequestRead($"verifying the flatten ({flatten.Reason})", start: true);
    }

    private void Protect(DateTimeOffset now)
    {
        var position = _account.Position;
        var direction = Math.Sign(position);
        var size = Math.Abs(position);
        var exit = ExitSide(position);
        var trade = _trade!;
        var desired = StopFor(trade, position);
        var entryId = WorkingEntryId();

        foreach (var order in _account.Orders.Where(o => o.Side != exit && o.Type != OrderType.Market && o.OrderId != entryId).ToList())
            Cancel(order, ("entry_side_order", $"order {Describe(order)} on the entry side while position {position} is open"));

        var stops = _account.Orders.Where(o => o.Type == OrderType.Stop && o.Side == exit)
            .OrderByDescending(o => o.Quantity == size).ThenByDescending(o => _intentsById.ContainsKey(o.OrderId)).ThenByDescending(o => o.OrderId).ToList();
        var guard = _flatten is { } flattening ? GuardFor(flattening, direction) : null;
        if (stops.Count == 0)
        {
            if (guard is { } g)
                desired = Farther(desired, g, direction);
            var placing = _intents.Values.Any(i => i.Role == OrderRole.Stop && i.Unsettled);
            if (!placing && RetryDue(_lastStopAttempt, now))
                PlaceStop(trade, size, exit, desired, now);
            _stopExpected = false;
            return;
        }

        var keep = stops[0];
        foreach (var extra in stops.Skip(1))
            Cancel(extra, ("extra_stop", $"a second stop {Describe(extra)} besides {Describe(keep)}"));
        // While flattening the stop only guards the position until the close: its size follows the position, and its price
        // is moved out to the flatten's guard, never towards the market.
        if (_flatten is not null && keep.StopPrice is { } current)
            desired = guard is { } g && !_flatten.GuardRefused ? Farther(current, g, direction) : current;
        if (keep.Quantity == size && keep.StopPrice == desired)
        {
            _stopExpected = false;
            _replaceStop.Remove(keep.OrderId);
            ClearViolation("stop_size");
        }
        else if (_replaceStop.Contains(keep.OrderId))
        {
            Cancel(keep, ("stop_replace", $"stop {Describe(keep)} could not be changed to {size} at {desired}: cancelling it to place a new one"));
        }
        else if (_pending.TryGetValue(ModifyCall(keep.OrderId), out var sent))
        {
            // A resize that goes unanswered leaves a stop of the wrong size: past the grace it is cancelled and replaced.
            if (keep.Quantity != size && now - sent >= TimeSpan.FromSeconds(_options.ProtectionGraceSeconds) && _replaceStop.Add(keep.OrderId))
                Cancel(keep, ("stop_replace", $"change of {Describe(keep)} to {size} unanswered for {(now - sent).TotalSeconds:0.###} s: cancelling it to place a new one"));
        }
        else
        {
            if (keep.Quantity != size && !_stopExpected)
                Violation("stop_size", $"stop {Describe(keep)} does not match position {position}", now);
            Modify(keep, size, desired, repair: keep.Quantity != size && !_stopExpected);
        }
        _stopExpected = false;

        if (trade.Adopted)
        {
            // An adopted position keeps only its stop: take-profits the executor did not place are not adopted.
            foreach (var order in _account.Orders.Where(o => o.Type == OrderType.Limit && o.Side == exit && !_intentsById.ContainsKey(o.OrderId)).ToList())
            {
                if (!_pending.ContainsKey($"cancel {order.OrderId}"))
                    Note(ExecutionNoteLevel.Information, $"cancelling {Describe(order)}: take-profits of an adopted position are not kept");
                Cancel(order, null);
            }
        }
        var targets = _account.Orders.Where(o => o.Type == OrderType.Limit && o.Side == exit)
            .OrderByDescending(o => Math.Abs((o.LimitPrice ?? 0) - _account.AveragePrice)).ToList();
        var total = targets.Sum(o => o.Quantity);
        foreach (var target in targets)
        {
            if (total <= size)
                break;
            Cancel(target, ("targets_exceed", $"take-profits of {total} contracts exceed position {position}: cancelling {Describe(target)}"));
            total -= target.Quantity;
        }
    }

    private void PlaceStop(ManagedTrade trade, int size, OrderSide exit, decimal price, DateTimeOffset now)
    {
        var direction = exit == OrderSide.Sell ? 1 : -1;
        if (_lastPrice is { } last && direction * (last - price) <= 0)
        {
            // The market has traded through the stop (a stop that filled in part, a gap): the trade is over and the position
            // is closed; meanwhile a stop FlattenStopTicks beyond the last trade guards it, too far to fill with the close.
            if (_flatten is null)
            {
                Note(ExecutionNoteLevel.Error, $"stop {price} for position {direction * size} is already through the market ({last}): flattening, guarded by a stop {_options.FlattenStopTicks} ticks away");
                BeginFlatten("stop_through_market");
                Flatten(now);
            }
            price = GuardFor(_flatten!, direction) is { } g && direction * (last - g) > 0 ? g : GuardBeyond(last, direction);
        }
        if (!_stopExpected)
        {
            Violation("naked", $"position {direction * size} has no working stop", now);
            _repairs++;
        }
        _lastStopAttempt = now;
        var tag = NextTag(trade.ExitStem + "-stop");
        Place(new OrderRequest(tag, exit, OrderType.Stop, size, StopPrice: price, ReduceOnly: true), OrderRole.Stop, null);
    }

    private void CleanUp()
    {
        var entryId = WorkingEntryId();
        foreach (var order in _account.Orders.ToList())
        {
            if (order.OrderId == entryId || order.Type == OrderType.Market)
                continue;
            // The executor's own exits of a trade that just went flat are its one-cancels-other; anything else is a repair.
            var ours = _intentsById.TryGetValue(order.OrderId, out var intent) && intent.Role is OrderRole.Stop or OrderRole.Target;
            Cancel(order, ours ? null : ("working_on_flat", $"order {Describe(order)} working on a flat account"));
        }
    }

    private void PlaceTargets()
    {
        if (_trade is not { EntryComplete: true, TargetsPlaced: false } trade || _account.Position == 0 || BrokerFlat)
            return;
        trade.TargetsPlaced = true;
        var exit = trade.ExitSide;
        foreach (var leg in trade.Targets())
        {
            if (leg.Trailing)
                continue; // atr_trail: these contracts leave under the trailing stop
            Place(new OrderRequest(NextTag($"{trade.ExitStem}-{leg.Name}"), exit, OrderType.Limit, leg.Quantity, LimitPrice: TargetPrice(trade, leg), ReduceOnly: true),
                OrderRole.Target, leg.Name);
        }
    }

    /// <summary>Measures time without a full stop, flattens past the grace, and keeps the state for <see cref="Protection"/>.</summary>
    private void Observe(DateTimeOffset now)
    {
        var position = BrokerFlat ? 0 : _account.Position;
        var covered = position == 0 || _account.Orders.Any(o => o.Type == OrderType.Stop && o.Side == ExitSide(position) && o.Quantity >= Math.Abs(position));
        if (covered)
        {
            if (_nakedSince is { } since)
                _secondsNakedToday += (now - since).TotalSeconds;
            _nakedSince = null;
            _exposedAt = null;
            _lastStopAttempt = null;
            _wake?.Dispose();
            _wake = null;
            _wakeAt = null;
            ClearViolation("naked");
            if (position == 0)
            {
                ClearViolation("stop_size");
                ClearViolation("flip");
            }
            return;
        }
        _nakedSince ??= NakedStart(now);
        var due = _nakedSince.Value + TimeSpan.FromSeconds(_options.ProtectionGraceSeconds);
        if (_flatten is null && now < due)
            WakeAt(due, now);
        else if (_flatten is null)
        {
            Violation("naked", $"position {position} without a full working stop", now);
            Note(ExecutionNoteLevel.Error, $"position {position} has had no full working stop for {(now - _nakedSince.Value).TotalSeconds:0.###} s (grace {_options.ProtectionGraceSeconds} s): flattening");
            BeginFlatten("protection_failure");
            if (!_holdOrders)
                Flatten(now);
        }
    }

    // ---------------------------------------------------------------- calls to the broker

    /// <param name="record">For an entry: the trade to commit to the outbox before the order goes out (not sent when that fails).</param>
    private void Place(OrderRequest request, OrderRole role, string? leg, OpenTradeState? record = null)
    {
        var now = _clock.GetUtcNow();
        var intent = new OrderIntent(request.Tag, role, leg, now) { Quantity = request.Quantity };
        _intents[request.Tag] = intent;
        Call($"place {request.Tag}", record is null ? ct => _broker.PlaceAsync(request, ct) : ct => RecordThenPlaceAsync(record, request, ct), ack =>
        {
            var at = _clock.GetUtcNow();
            switch (ack.Outcome)
            {
                case AckOutcome.Accepted:
                    Bind(intent, ack.OrderId);
                    if (intent.State == IntentState.Done)
                        return;
                    intent.Set(IntentState.Working, at);
                    var left = request.Quantity - intent.Filled;
                    if (left > 0 && _account.Order(ack.OrderId) is null)
                        OnWorking(new WorkingOrder(ack.OrderId, request.Tag, request.Side, request.Type, left, request.LimitPrice, request.StopPrice));
                    break;
                case AckOutcome.Rejected:
                    if (ack.OrderId != 0)
                        Bind(intent, ack.OrderId);
                    if (intent.Filled > 0)
                        return;
                    intent.Set(IntentState.Done, at);
                    Note(role == OrderRole.Target ? ExecutionNoteLevel.Warning : ExecutionNoteLevel.Error, $"{Name(role, leg)} {request.Tag} rejected: {ack.Error}");
                    if (role == OrderRole.Entry && _trade is { } trade && trade.Tag == request.Tag && trade.EntryFilled == 0)
                        _trade = null;
                    break;
                default:
                    if (intent.State is IntentState.Sending)
                    {
                        intent.Set(IntentState.Uncertain, at);
                        Note(ExecutionNoteLevel.Warning, $"{Name(role, leg)} {request.Tag}: outcome unknown ({ack.Error}); looking it up by its tag before anything else is sent");
                    }
                    break;
            }
        }, error => OrderAck.Uncertain(0, error.Message));
    }

    /// <summary>The outbox: the entry goes out only once its trade is committed; when the commit fails it is refused, unsent.</summary>
    private async ValueTask<OrderAck> RecordThenPlaceAsync(OpenTradeState record, OrderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _outbox!.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return OrderAck.Rejected(0, $"not sent: the state store did not record it ({e.Message})");
        }
        return await _broker.PlaceAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private void Modify(WorkingOrder order, int size, decimal stopPrice, bool repair)
    {
        if (repair)
            _repairs++;
        var change = new OrderChange(order.OrderId, size, order.Type == OrderType.Stop ? stopPrice : null, order.Type == OrderType.Limit ? order.LimitPrice : null);
        Call(ModifyCall(order.OrderId), ct => _broker.ModifyAsync(change, ct), ack =>
        {
            if (ack.Success)
            {
                if (_intentsById.GetValueOrDefault(order.OrderId) is { } intent)
                    intent.Quantity = intent.Filled + size;
                if (_account.Order(order.OrderId) is { } current)
                    _account.Upsert(current with { Quantity = size, StopPrice = change.StopPrice ?? current.StopPrice, LimitPrice = change.LimitPrice ?? current.LimitPrice });
                return;
            }
            if (_flatten is { } flatten && size == order.Quantity)
            {
                // Moving the stop out before a close: the close goes ahead with the stop where it is.
                flatten.GuardRefused = true;
                Note(ExecutionNoteLevel.Warning, $"moving {Describe(order)} out to {stopPrice} before the close {(ack.Outcome == AckOutcome.Uncertain ? "has an unknown outcome" : "was refused")} ({ack.Error}): closing with the stop where it is");
                return;
            }
            _replaceStop.Add(order.OrderId);
            Note(ExecutionNoteLevel.Warning, $"change of {Describe(order)} to {size} at {stopPrice} {(ack.Outcome == AckOutcome.Uncertain ? "has an unknown outcome" : "was refused")} ({ack.Error}): cancelling and replacing it");
            if (ack.Outcome == AckOutcome.Uncertain)
                RequestRead("a stop change with an unknown outcome");
        }, error => OrderAck.Uncertain(order.OrderId, error.Message));
    }

    private void Cancel(WorkingOrder order, (string Kind, string Message)? repair)
    {
        var call = $"cancel {order.OrderId}";
        if (_pending.ContainsKey(call))
            return;
        if (repair is { } r)
        {
            Violation(r.Kind, r.Message, _clock.GetUtcNow());
            _repairs++;
        }
        Call(call, ct => _broker.CancelAsync(order.OrderId, ct), ack =>
        {
            if (ack.Success)
            {
                OnGone(order.OrderId, order.Tag, "cancelled on request");
                _replaceStop.Remove(order.OrderId);
                return;
            }
            // Refused or unknown: the order may have just filled. Nothing more is sent until an account read started from now on.
            Note(ExecutionNoteLevel.Warning, $"cancel of {Describe(order)} {(ack.Outcome == AckOutcome.Uncertain ? "has an unknown outcome" : "was refused")} ({ack.Error}): it may have filled; reading the account before any further order");
            _holdOrders = true;
            _holdUntilRead = _readsStarted;
            RequestRead($"cancel of {order.OrderId} refused");
        }, error => OrderAck.Uncertain(order.OrderId, error.Message));
    }

    private void Close(FlattenProcedure flatten, DateTimeOffset now)
    {
        var intent = CloseIntent(flatten, now, Math.Abs(_account.Position));
        Call(CloseCall, ct => _broker.ClosePositionAsync(intent.Tag, ct), ack => OnCloseAnswer(flatten, intent, ack, "close"),
            error => OrderAck.Uncertain(0, error.Message));
    }

    /// <summary>Closes with a market order of exactly <paramref name="position"/>'s size (after <c>Position/closeContract</c> was refused).</summary>
    private void ExitAtMarket(FlattenProcedure flatten, int position, DateTimeOffset now)
    {
        var intent = CloseIntent(flatten, now, Math.Abs(position));
        var request = new OrderRequest(intent.Tag, ExitSide(position), OrderType.Market, Math.Abs(position), ReduceOnly: true);
        Note(ExecutionNoteLevel.Warning, $"closing position {position} ({flatten.Reason}) with a market order of {Math.Abs(position)}: the close was refused");
        Call(CloseCall, ct => _broker.PlaceAsync(request, ct), ack => OnCloseAnswer(flatten, intent, ack, MarketExit),
            error => OrderAck.Uncertain(0, error.Message));
    }

    private OrderIntent CloseIntent(FlattenProcedure flatten, DateTimeOffset now, int quantity)
    {
        flatten.LastClose = now;
        flatten.Closes++;
        var tag = string.Create(CultureInfo.InvariantCulture, $"{_tagPrefix}-close-{++_sequence}");
        var intent = new OrderIntent(tag, OrderRole.Close, null, now) { Quantity = quantity };
        _intents[tag] = intent;
        return intent;
    }

    /// <summary>
    /// An accepted close, or one whose answer was lost, may be working: no other goes out before a read started after it
    /// shows the position still there. A refused <c>Position/closeContract</c> is followed at once by a market order.
    /// </summary>
    private void OnCloseAnswer(FlattenProcedure flatten, OrderIntent intent, OrderAck ack, string how)
    {
        var at = _clock.GetUtcNow();
        if (ack.OrderId != 0)
            Bind(intent, ack.OrderId);
        if (ack.Outcome == AckOutcome.Uncertain && how == MarketExit)
        {
            // A market order sized by GoldBot: found by its tag before any other close, which could fill with it.
            intent.Set(IntentState.Uncertain, at);
            Note(ExecutionNoteLevel.Warning, $"{how} of position {_account.Position} ({flatten.Reason}): outcome unknown ({ack.Error}); looking it up by its tag before anything else is sent");
            return;
        }
        if (ack.Outcome != AckOutcome.Rejected)
        {
            intent.Set(IntentState.Working, at);
            flatten.CloseAcceptedAtRead = _readsStarted;
            if (ack.Outcome == AckOutcome.Uncertain)
            {
                Note(ExecutionNoteLevel.Warning, $"{how} of position {_account.Position} ({flatten.Reason}) has an unknown outcome ({ack.Error}); reading the account");
                RequestRead($"{how} outcome unknown", start: true);
            }
            return;
        }
        intent.Set(IntentState.Done, at);
        flatten.CloseRefused = how == "close";
        flatten.CloseRefusedAtRead = _readsStarted;
        Note(ExecutionNoteLevel.Warning, $"{how} of position {_account.Position} ({flatten.Reason}) was refused ({ack.Error}); reading the account");
        RequestRead($"{how} refused", start: true);
    }

    private void LookUp(OrderIntent intent, DateTimeOffset now)
    {
        var call = $"find {intent.Tag}";
        if (_pending.ContainsKey(call) || !RetryDue(intent.LastLookup, now))
            return;
        intent.LastLookup = now;
        Call<(OrderLookup? Found, string? Error)>(call, async ct => (await _broker.FindOrderAsync(intent.Tag, ct).ConfigureAwait(false), null), result =>
        {
            var at = _clock.GetUtcNow();
            if (intent.State != IntentState.Uncertain)
                return;
            if (result.Error is { } error)
            {
                // Not an answer: the order may exist. Only searches the broker answered count towards giving up.
                Note(ExecutionNoteLevel.Warning, $"{Name(intent.Role, intent.Leg)} {intent.Tag}: search by its tag failed ({error}); searching again");
                return;
            }
            var found = result.Found;
            if (found is null)
            {
                intent.MissingSince ??= at;
                if (at - intent.MissingSince.Value < TimeSpan.FromSeconds(_options.UncertainOrderSeconds))
                    return;
                intent.Set(IntentState.Done, at);
                Note(ExecutionNoteLevel.Warning, $"{Name(intent.Role, intent.Leg)} {intent.Tag} not found by its tag for {_options.UncertainOrderSeconds} s: it was never placed");
                if (intent.Role == OrderRole.Entry)
                    EntryEnded(intent, "was never placed");
                return;
            }
            Bind(intent, found.OrderId);
            if (found.Working && found.Order is { } order)
            {
                Note(ExecutionNoteLevel.Information, $"{Name(intent.Role, intent.Leg)} {intent.Tag} found by its tag: working as order {found.OrderId}");
                OnWorking(order);
                return;
            }
            Note(ExecutionNoteLevel.Information, $"{Name(intent.Role, intent.Leg)} {intent.Tag} found by its tag: order {found.OrderId} {found.Status}, {found.FilledQuantity} filled");
            if (found.FilledQuantity > intent.Filled)
            {
                // Its fills come with the read; the read then finds it no longer working and ends it (an entry with what filled).
                intent.Set(IntentState.Working, at);
                RequestRead($"fills of {intent.Tag}", start: true);
                return;
            }
            intent.Set(IntentState.Done, at);
            if (intent.Role == OrderRole.Entry)
                EntryEnded(intent, found.Status.ToLowerInvariant());
        }, error => (null, error.Message));
    }

    /// <summary>
    /// While the broker's events are not arriving: the broker's position (one request), and a full read when it differs.
    /// A flat answer to a check begun while the view already held its position means the position was closed (a stop,
    /// target or close filled unseen): the exit orders are cancelled at once (<see cref="BrokerFlat"/>), since each could
    /// now only open a position, without waiting for the read that books the fill.
    /// </summary>
    private void CheckPosition(DateTimeOffset now)
    {
        if (_lastPositionCheck is { } last && now - last < TimeSpan.FromSeconds(_options.PositionCheckSeconds))
            return;
        _lastPositionCheck = now;
        var viewed = (_account.Position, _account.FillVersion);
        var readMark = _readsStarted;
        Call<int?>(PositionCall, async ct => await _broker.GetPositionAsync(ct).ConfigureAwait(false), position =>
        {
            if (position is not { } held || held == _account.Position)
                return;
            if (held == 0 && viewed == (_account.Position, _account.FillVersion) && _readsApplied <= readMark && !BrokerFlat)
            {
                _brokerFlat = (viewed.Position, viewed.FillVersion, readMark);
                Note(ExecutionNoteLevel.Warning, $"the broker holds no position where {viewed.Position} was expected: cancelling its exit orders before the read that books the fill");
            }
            RequestRead($"the broker holds {held} where {_account.Position} was expected, while its events are not arriving ({_eventsDown})", start: true);
        }, _ => null);
    }

    /// <summary>
    /// True while the last position check found the broker flat and nothing since contradicts it: the view still holds
    /// the position it held when that check began, no fill has been booked since (a fill, the close's or a new trade's, ends
    /// it for good) and no read begun after it has been applied (the read is the truth).
    /// </summary>
    private bool BrokerFlat => _brokerFlat is { } flat && flat.Position == _account.Position && flat.FillVersion == _account.FillVersion
        && _readsApplied <= flat.ReadMark;

    private void RequestRead(string reason, bool start = false)
    {
        _readWanted ??= reason;
        if (start && !_pending.ContainsKey(ReadCall))
            StartRead();
    }

    private void StartRead()
    {
        var reason = _readWanted ?? "reconciliation";
        _readWanted = null;
        var version = _account.Version;
        var sequence = ++_readsStarted;
        // A saved trade whose entry was out when GoldBot went down: its order is looked up by its tag after the read, so that
        // the read's fills of it are the trade's (one the read missed is booked to the trade by the next read, with a warning;
        // an entry whose fills the read missed altogether leaves a position that is adopted).
        var entry = _starting && _resume is { EntryFilled: 0 } pending ? pending.Tag : null;
        Call<(AccountSnapshot? Account, OrderLookup? Entry, string? Error)>(ReadCall, async ct =>
        {
            var account = await _broker.GetAccountAsync(ct).ConfigureAwait(false);
            return (account, entry is null ? null : await _broker.FindOrderAsync(entry, ct).ConfigureAwait(false), null);
        }, result =>
        {
            var at = _clock.GetUtcNow();
            if (result.Account is not { } snapshot)
            {
                _lastReadFailure = at;
                _readWanted ??= reason;
                Note(ExecutionNoteLevel.Warning, $"could not read the account ({reason}): {result.Error}; retrying");
                return;
            }
            _lastRead = at;
            _lastReadFailure = null;
            if (entry is not null && _starting)
                _resume = EnteredWhileDown(_resume!, snapshot, result.Entry);
            Reconcile(snapshot, version, sequence, reason);
        }, error => (null, null, error.Message));
    }

    /// <param name="sequence">Number of the read (reads are numbered as they start): a hold or a close waits for a read started after it.</param>
    private void Reconcile(AccountSnapshot snapshot, long version, long sequence, string reason)
    {
        _readsApplied = Math.Max(_readsApplied, sequence);
        if (_starting)
        {
            _starting = false;
            var whileDown = _resume is { } saved ? ExitsWhileDown(saved, snapshot) : [];
            foreach (var fill in (snapshot.Fills ?? []).Except(whileDown))
                _account.MarkBooked(fill.FillId);
            if (whileDown.Count == 0)
                _account.Adopt(snapshot, _account.Version);
            else
                ResumeWithExitsWhileDown(_resume!, snapshot, whileDown);
            foreach (var e in _startupEvents)
                Apply(e);
            _startupEvents.Clear();
            // A fill between the position's read and the fills' read is listed but not in the position: read again to be sure.
            RequestRead("confirming the start-up read");
            return;
        }
        if (snapshot.Fills is { } fills)
        {
            foreach (var fill in fills.OrderBy(f => f.Time).ThenBy(f => f.FillId))
                Book(fill, learned: true);
        }
        var mismatch = _account.Adopt(snapshot, version);
        var now = _clock.GetUtcNow();
        foreach (var intent in _intents.Values)
        {
            if (intent.State == IntentState.Working && intent.Id != 0 && _account.Order(intent.Id) is null && intent.Role != OrderRole.Close)
            {
                intent.Set(IntentState.Done, now);
                if (intent.Role == OrderRole.Entry)
                    EntryEnded(intent, "no longer working at the broker");
            }
        }
        if (sequence > _holdUntilRead)
            _holdOrders = false;
        if (_flatten is { CloseAcceptedAtRead: { } closedAt } pendingClose && sequence > closedAt)
            pendingClose.CloseAcceptedAtRead = null;
        if (mismatch is not null)
        {
            Violation("mismatch", $"reconciliation ({reason}): {mismatch}; the broker's position is taken and new entries wait until a read agrees", now);
            _blockedBy = "reconciling with the broker";
            if (_account.Position == 0 && _trade is { EntryFilled: > 0 } trade && !EntryUnsettled)
            {
                _closed = trade.Record(_contract, now, _account.Balance) with { ExitReason = "reconciled_flat" };
                _trade = null;
                PruneIntents();
            }
        }
        else if (_blockedBy is not null && _account.FillVersion <= version)
        {
            _blockedBy = null;
            ClearViolation("mismatch");
            Note(ExecutionNoteLevel.Information, "reconciliation: the account agrees with the broker again; entries allowed");
        }
        if (_flatten is { } flatten && snapshot.Position == 0 && snapshot.WorkingOrders.Count == 0 && _account.Position == 0 && !PlacementUnsettled)
        {
            _flattenDone = flatten.Reason;
            _flatten = null;
            if (_trade is { EntryFilled: 0 })
                _trade = null;
            foreach (var close in _intents.Values.Where(i => i.Role == OrderRole.Close))
                close.Set(IntentState.Done, now);
            PruneIntents();
        }
    }

    /// <summary>
    /// Starts a broker call. An answer available at once is applied after the current pass; a later one comes
    /// back through the callbacks (or is awaited inside this input when there are none). One call per key at a time.
    /// </summary>
    private void Call<T>(string key, Func<CancellationToken, ValueTask<T>> call, Action<T> onResult, Func<Exception, T> onFailure)
    {
        if (!_pending.TryAdd(key, _clock.GetUtcNow()))
            return;
        ValueTask<T> task;
        try
        {
            task = call(_cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            task = ValueTask.FromResult(onFailure(e));
        }
        Action Finish(T result) => () =>
        {
            _pending.Remove(key);
            onResult(result);
        };
        if (task.IsCompleted)
        {
            T result;
            try
            {
                result = task.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = onFailure(e);
            }
            _inline.Enqueue(Finish(result));
            return;
        }
        var completion = Complete(task);
        if (_callbacks is null)
        {
            _awaiting.Add(completion);
            return;
        }
        Interlocked.Increment(ref _callsOut);
        _ = Forward(completion);

        async Task<Action> Complete(ValueTask<T> pending)
        {
            try
            {
                return Finish(await pending.ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException || !_cancellation.IsCancellationRequested)
            {
                return Finish(onFailure(e));
            }
        }

        async Task Forward(Task<Action> completed)
        {
            try
            {
                var apply = await completed.ConfigureAwait(false);
                _callbacks.Post(new BrokerCallCompletion(key, apply));
            }
            catch (OperationCanceledException)
            {
                // Shutting down: nobody is left to apply it.
            }
            finally
            {
                Interlocked.Decrement(ref _callsOut);
            }
        }
    }

    // ---------------------------------------------------------------- small rules

    private decimal StopFor(ManagedTrade trade, int position)
    {
        var direction = position != 0 ? Math.Sign(position) : trade.Direction;
        return RoundAway(trade.StopPrice(_contract), direction);
    }

    /// <summary>A stop price on the tick grid, away from the market: down for a long's sell stop, up for a short's buy stop.</summary>
    private decimal RoundAway(decimal price, int direction) => direction > 0 ? _contract.FloorToTick(price) : _contract.CeilingToTick(price);

    private static OrderSide ExitSide(int position) => position > 0 ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>Of two stop prices for a position of <paramref name="direction"/>, the one farther from the market.</summary>
    private static decimal Farther(decimal a, decimal b, int direction) => direction > 0 ? Math.Min(a, b) : Math.Max(a, b);

    /// <summary>A stop <see cref="ExecutionOptions.FlattenStopTicks"/> beyond <paramref name="last"/>, on the tick grid, away from the market.</summary>
    private decimal GuardBeyond(decimal last, int direction) => RoundAway(last - direction * _contract.ToPrice(_options.FlattenStopTicks), direction);

    /// <summary>The flatten's guard price for a position of <paramref name="direction"/> (fixed when first asked), or null while no trade price is known.</summary>
    private decimal? GuardFor(FlattenProcedure flatten, int direction)
    {
        if (flatten.Guard is { } guard && guard.Direction == direction)
            return guard.Price;
        if (_lastPrice is not { } last)
            return null;
        var price = GuardBeyond(last, direction);
        flatten.Guard = (direction, price);
        return price;
    }

    /// <summary>
    /// When the position lost its full stop: now, or, for a position enlarged by a fill the executor learned of late (a delayed
    /// event, a fill found by a read), the fill's time, but no earlier than leaves one retry of the stop before the grace ends.
    /// </summary>
    private DateTimeOffset NakedStart(DateTimeOffset now)
    {
        if (_exposedAt is not { } fill || fill >= now)
            return now;
        var latest = now - TimeSpan.FromSeconds(Math.Max(0, _options.ProtectionGraceSeconds - _options.RetrySeconds));
        return fill > latest ? fill : latest;
    }

    /// <summary>Wakes the executor at <paramref name="due"/> (the protection grace's end), not at the next clock tick after it.</summary>
    private void WakeAt(DateTimeOffset due, DateTimeOffset now)
    {
        if (_callbacks is not { } callbacks || _wakeAt == due)
            return;
        _wake?.Dispose();
        _wakeAt = due;
        // A timer may fire a moment early by this clock: the wake-up forgets its due time, so the next pass arms it again if so.
        _wake = _clock.CreateTimer(_ => callbacks.Post(new BrokerCallCompletion("protection grace", () => _wakeAt = null)), null, due - now, Timeout.InfiniteTimeSpan);
    }

    /// <summary>A market order closing the position (ours, or the one a broker creates for a close request): never cancelled.</summary>
    private bool IsCloseOrder(WorkingOrder order) =>
        order.Type == OrderType.Market && IntentFor(order.OrderId, order.Tag) is null or { Role: OrderRole.Close };

    /// <summary>Forgets finished orders once the account is flat (their late events are then treated as foreign and change nothing).</summary>
    private void PruneIntents()
    {
        foreach (var intent in _intents.Values.Where(i => i.State == IntentState.Done).ToList())
        {
            _intents.Remove(intent.Tag);
            _intentsById.Remove(intent.Id);
        }
    }

    private bool EntryUnsettled => _trade is { } t && _intents.GetValueOrDefault(t.Tag) is { Unsettled: true };

    /// <summary>An order of any role still being placed or looked up: it may yet appear at the broker.</summary>
    private bool PlacementUnsettled => _intents.Values.Any(i => i.Unsettled);

    private long WorkingEntryId() => _trade is { EntryComplete: false } t && _intents.GetValueOrDefault(t.Tag) is { Id: not 0 } entry ? entry.Id : -1;

    private bool RetryDue(DateTimeOffset? last, DateTimeOffset now) => last is null || now - last.Value >= TimeSpan.FromSeconds(_options.RetrySeconds);

    private OrderIntent? IntentFor(long orderId, string tag)
    {
        if (_intentsById.TryGetValue(orderId, out var byId))
            return byId;
        if (!string.IsNullOrEmpty(tag) && _intents.TryGetValue(tag, out var byTag) && byTag.Id == 0)
        {
            Bind(byTag, orderId);
            return byTag;
        }
        return null;
    }

    private void Bind(OrderIntent intent, long orderId)
    {
        if (orderId == 0 || intent.Id == orderId)
            return;
        intent.Id = orderId;
        _intentsById[orderId] = intent;
    }

    private string NextTag(string stem)
    {
        if (!_intents.ContainsKey(stem))
            return stem;
        for (var n = 2; ; n++)
        {
            var tag = string.Create(CultureInfo.InvariantCulture, $"{stem}{n}");
            if (!_intents.ContainsKey(tag))
                return tag;
        }
    }

    private static string ModifyCall(long orderId) => string.Create(CultureInfo.InvariantCulture, $"modify {orderId}");

    private static string Name(OrderRole role, string? leg) => role switch
    {
        OrderRole.Entry => "entry",
        OrderRole.Stop => "stop",
        OrderRole.Target => leg ?? "target",
        _ => "close",
    };

    private static string Describe(WorkingOrder o) => string.Create(CultureInfo.InvariantCulture,
        $"{(o.Tag.Length > 0 ? o.Tag : "order " + o.OrderId)} ({o.Side} {o.Type} {o.Quantity}{(o.StopPrice is { } s ? " stop " + s : "")}{(o.LimitPrice is { } l ? " limit " + l : "")})");

    private string ProtectionState()
    {
        var position = _account.Position;
        if (_flatten is not null)
            return "flattening";
        if (position == 0)
            return "flat";
        if (_nakedSince is not null)
            return "naked";
        return _pending.Count > 0 || _violations.Count > 0 ? "repairing" : "protected";
    }

    private void RollDay(DateTimeOffset now)
    {
        var day = CmeSession.TradingDayOf(now);
        if (day == _nakedDay)
            return;
        _nakedDay = day;
        _secondsNakedToday = 0;
        if (_nakedSince is not null)
            _nakedSince = now;
    }

    private void Violation(string kind, string message, DateTimeOffset now)
    {
        if (_violations.ContainsKey(kind))
            return;
        _violations[kind] = message;
        _violationCount++;
        _lastViolation = message;
        _lastViolationTime = now;
        Note(ExecutionNoteLevel.Error, "protection: " + message);
    }

    private void ClearViolation(string kind)
    {
        if (_violations.Remove(kind, out var message))
            Note(ExecutionNoteLevel.Information, "protection restored: " + message);
    }

    private void Note(ExecutionNoteLevel level, string message) => _notes.Add(new ExecutionNote(level, message));
}
