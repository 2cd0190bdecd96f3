using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GoldBot.Market;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.MarketData;

/// <summary>
/// Closed bars built from live trade prints (the market hub's <c>GatewayTrade</c>) with a
/// <see cref="TradeBarBuilder"/>, merged with History so the strategy sees every bar once, complete
/// and in order. The hub pump calls <see cref="OnTrade"/> and <see cref="MarkGap"/>, which never block.
/// <para>
/// <b>Cutting.</b> Bars are cut by the prints' exchange timestamps. A bar is published when the
/// first print of a later bar arrives or, with a close clock, once the exchange time estimated from
/// the local clock (<see cref="ExchangeClockEstimate"/>: local time minus the smallest
/// receive-minus-print delay of the last 5 minutes) passes the bar's close plus the grace period, so
/// a quiet market still gets its bar and a local clock seconds ahead or behind closes nothing early
/// or late. Prints of a published bar are late: dropped and counted (<see cref="LateTrades"/>).
/// </para>
/// <para>
/// <b>Coverage and History.</b> Prints are known to be complete from the first print after the
/// subscription or after a gap (<see cref="MarkGap"/>) on (its exchange time, or the estimated
/// exchange time when it was received, whichever is later). A bar built from prints is published as
/// is when coverage began no later than the end of what was already accounted for (the history
/// loaded at start, or the previous bar); otherwise bars may be missing or partial, and once that
/// bar has closed the source fetches from History every bar from the last bar published (at start,
/// <see cref="HistoryBackfill.LoadedUntil"/>) up to and including it, and publishes History's bars
/// instead (<see cref="BarsBackfilled"/>). History's answer is used only if it holds a bar for every
/// bar built from prints in that range (they had trades); otherwise it is not ready yet. Bars built
/// meanwhile wait (<see cref="BarsAwaitingHistory"/>) and follow in order. A period without trades
/// makes no bar, from prints or History.
/// </para>
/// <para>
/// <b>History failing.</b> The fetch is retried on the heartbeat at most every
/// <see cref="HistoryBackfill.RetryInterval"/> and whenever another bar is completed; the first
/// failure of a range is logged as a warning, later ones at debug. Once
/// <see cref="HistoryBackfill.MaxBarsAwaitingHistory"/> more bars have been completed after the
/// first that needed History (or the stream ends), the source gives up on it and logs a warning: it publishes, in order, the bars History
/// did give (its last answer, when it answered without some bar) and, for the other periods, the
/// waiting bars whose prints were all received; it leaves out the partial bars
/// (<see cref="PartialBarsDropped"/>: a bar with missing prints has a wrong open, high or low, while
/// a missing bar looks like a period without trades) and any bar only History has. Later bars
/// follow as usual; a range given up is never published afterwards. Without a
/// <see cref="HistoryBackfill"/> it gives up at once, which is the old behaviour (the partial first
/// bar is dropped).
/// </para>
/// <para>
/// A bar is never published twice or out of order. The bar in progress when the stream completes is
/// not published. Read once.
/// </para>
/// </summary>
public sealed class TradeStreamBarSource : IMarketDataSource, IDisposable
{
    private const long NoTime = long.MinValue;
    private static readonly TimeSpan HeartbeatPeriod = TimeSpan.FromSeconds(1);

    private readonly Channel<InboxItem> _inbox = Channel.CreateUnbounded<InboxItem>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;
    private bool _waitingForHistory;
    private readonly TimeProvider? _localClock;
    private readonly TimeSpan _grace;
    private readonly bool _closeQuietBars;
    private readonly HistoryBackfill? _history;
    private readonly ILogger _logger;
    private readonly ITimer? _heartbeat;
    private readonly ExchangeClockEstimate _exchangeClock = new();
    private readonly TradeBarBuilder _builder;
    private readonly List<HeldBar> _held = [];
    private int _reading;

    // Monitoring, readable from any thread.
    private long _lastPrintTicks = NoTime;
    private long _lastReceivedTicks = NoTime;
    private long _offsetTicks = NoTime;
    private long _publishedUntilTicks = NoTime;
    private long _lateTrades;
    private long _barsBackfilled;
    private long _partialBarsDropped;
    private int _barsAwaitingHistory;

    // Reader state.
    private DateTimeOffset? _publishedUntil;
    private DateTimeOffset? _accountedUntil;
    private DateTimeOffset? _coveredFrom;
    private DateTimeOffset? _localNow;
    private bool _gapMarked;
    private Repair? _repair;

    /// <summary>Creates the source.</summary>
    /// <param name="period">Bar length; must divide a day.</param>
    /// <param name="description">Origin, for logs (e.g. the contract id and hub).</param>
    /// <param name="closeClock">
    /// The receiver's clock (live and paper: the wall clock; sim: the simulator's market time): it stamps when prints
    /// arrive, and quiet bars are closed on the exchange time estimated from it; null to close bars only on the next print.
    /// </param>
    /// <param name="grace">Time after a bar's close (exchange time) to wait for its last prints before a quiet bar is published.</param>
    /// <param name="history">Where to fetch the bars prints cannot give completely, and the end of the history already loaded; null to drop partial bars instead.</param>
    /// <param name="logger">Logs backfills, History failures and bars given up; none when null.</param>
    /// <param name="receiveClock">Only when <paramref name="closeClock"/> is null: a clock to stamp print arrivals with (monitoring).</param>
    /// <exception cref="ArgumentOutOfRangeException">The period does not divide a day, the grace is negative, or the history's limits are negative.</exception>
    public TradeStreamBarSource(TimeSpan period, string description, TimeProvider? closeClock, TimeSpan grace,
        HistoryBackfill? history = null, ILogger? logger = null, TimeProvider? receiveClock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        if (history is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(history.MaxBarsAwaitingHistory, nameof(history));
            ArgumentOutOfRangeException.ThrowIfLessThan(history.RetryInterval, TimeSpan.Zero, nameof(history));
        }
        _builder = new TradeBarBuilder(period);
        Period = period;
        Description = description;
        _localClock = closeClock ?? receiveClock;
        _closeQuietBars = closeClock is not null;
        _grace = grace;
        _history = history;
        _logger = logger ?? NullLogger.Instance;
        _publishedUntil = history?.LoadedUntil;
        _accountedUntil = history?.LoadedUntil;
        if (_publishedUntil is { } loaded)
            _publishedUntilTicks = loaded.UtcTicks;
        _heartbeat = closeClock?.CreateTimer(_ => Enqueue(InboxItem.Tick(closeClock.GetUtcNow())), null, HeartbeatPeriod, HeartbeatPeriod);
    }

    /// <summary>
    /// Prints, heartbeats and gap marks received and not yet fully handled: each counts until the reader has
    /// taken every bar it produced and asked for the next (so an in-process driver can tell when the source is idle).
    /// </summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>True while a History request to repair missing bars is outstanding (an in-process driver: it may be waiting for the rate limiter, on the clock).</summary>
    public bool WaitingForHistory => Volatile.Read(ref _waitingForHistory);

    /// <inheritdoc/>
    public TimeSpan Period { get; }

    /// <inheritdoc/>
    public bool IsReplay => false;

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Exchange timestamp (UTC) of the last print received, or null before the first.</summary>
    public DateTimeOffset? LastPrintTime => FromTicks(Volatile.Read(ref _lastPrintTicks));

    /// <summary>When the last print was received, on the local clock (UTC), or null before the first or without a local clock.</summary>
    public DateTimeOffset? LastPrintReceivedAt => FromTicks(Volatile.Read(ref _lastReceivedTicks));

    /// <summary>
    /// Estimated local clock minus exchange clock, latency included (<see cref="ExchangeClockEstimate.Offset"/>;
    /// positive when the local clock is ahead), or null before the first print or without a local clock.
    /// Updated as the prints are processed.
    /// </summary>
    public TimeSpan? ClockOffset => Volatile.Read(ref _offsetTicks) is var ticks && ticks != NoTime ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Close time (UTC) of the last bar published or given up (at start, the end of the loaded history), or null.</summary>
    public DateTimeOffset? PublishedUntil => FromTicks(Volatile.Read(ref _publishedUntilTicks));

    /// <summary>Bars published from History instead of (or besides) bars built from prints.</summary>
    public long BarsBackfilled => Volatile.Read(ref _barsBackfilled);

    /// <summary>Prints dropped because their bar had already been published (<see cref="TradeBarBuilder.LateTrades"/>).</summary>
    public long LateTrades => Volatile.Read(ref _lateTrades);

    /// <summary>Bars built from incomplete prints that were left out because History could not replace them.</summary>
    public long PartialBarsDropped => Volatile.Read(ref _partialBarsDropped);

    /// <summary>Bars completed from prints that wait for History before they can be published (0 normally).</summary>
    public int BarsAwaitingHistory => Volatile.Read(ref _barsAwaitingHistory);

    /// <summary>One trade print. Thread-safe, never blocks.</summary>
    /// <param name="time">The print's exchange timestamp, UTC.</param>
    /// <param name="price">Trade price, points.</param>
    /// <param name="volume">Contracts, ≥ 0.</param>
    /// <param name="receivedAt">When it was received on the local clock, UTC; null to stamp it now with the source's local clock.</param>
    public void OnTrade(DateTimeOffset time, decimal price, long volume, DateTimeOffset? receivedAt = null)
    {
        var received = receivedAt ?? _localClock?.GetUtcNow();
        Volatile.Write(ref _lastPrintTicks, time.UtcTicks);
        Volatile.Write(ref _lastReceivedTicks, received?.UtcTicks ?? NoTime);
        Enqueue(InboxItem.Print(time, price, volume, received));
    }

    /// <summary>
    /// The market hub lost its connection: prints from now until the first print after the reconnect
    /// are missing, so the bar in progress and the bars up to the first complete bar after the gap
    /// are taken from History. Call it when the hub reports the connection lost; nothing is needed
    /// on the reconnect (the first print after it restarts coverage), and calling it again then is
    /// harmless. Thread-safe, never blocks; ordered with <see cref="OnTrade"/>.
    /// </summary>
    public void MarkGap() => Enqueue(InboxItem.Gap());

    /// <summary>No more prints: the bar stream ends (after a last History attempt for a missing range); the bar in progress is not published.</summary>
    public void Complete() => _inbox.Writer.TryComplete();

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The source is already being read.</exception>
    public async IAsyncEnumerable<Bar> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
            throw new InvalidOperationException("a trade stream bar source is read once");
        var ready = new List<Bar>();
        await foreach (var item in _inbox.Reader.ReadAllAsync(cancellationToken))
        {
            var attempt = false;
            switch (item.Kind)
            {
                case InboxKind.Print:
                    attempt = OnPrint(item, ready);
                    break;
                case InboxKind.Tick:
                    _localNow = item.Time;
                    attempt = _closeQuietBars && OnTick(item.Time, ready);
                    break;
                case InboxKind.Gap:
                    _coveredFrom = null;
                    _gapMarked = true;
                    break;
            }
            Volatile.Write(ref _lateTrades, _builder.LateTrades);
            if (attempt && _repair is not null)
                await TryRepairAsync(ready, cancellationToken);
            foreach (var bar in ready)
                yield return bar;
            ready.Clear();
            Interlocked.Decrement(ref _pending);
        }
        if (_repair is not null)
        {
            await TryRepairAsync(ready, cancellationToken);
            if (_repair is not null)
                GiveUp(ready, "the bar stream ended");
        }
        foreach (var bar in ready)
            yield return bar;
    }

    /// <inheritdoc/>
    public void Dispose() => _heartbeat?.Dispose();

    private void Enqueue(InboxItem item)
    {
        Interlocked.Increment(ref _pending);
        if (!_inbox.Writer.TryWrite(item))
            Interlocked.Decrement(ref _pending);
    }

    /// <summary>Handles one print; true when a History attempt is due (a bar was completed).</summary>
    private bool OnPrint(InboxItem print, List<Bar> ready)
    {
        if (print.ReceivedAt is { } received)
        {
            _localNow = received;
            _exchangeClock.Add(print.Time, received);
            Volatile.Write(ref _offsetTicks, _exchangeClock.Offset!.Value.Ticks);
        }
        // Coverage restarts no earlier than the exchange time at which this first print was received.
        _coveredFrom ??= print.ReceivedAt is { } at && _exchangeClock.ExchangeTime(at) is { } exchange && exchange > print.Time ? exchange : print.Time;

        // Prints of bars the loaded history already holds (start-up overlap) are not late.
        if (_builder.PublishedUntil is null && print.Time < _history?.LoadedUntil)
            return false;
        if (!_builder.Add(print.Time, print.Price, print.Volume, out var completed))
            return false;
        OnCompleted(completed, ready);
        return true;
    }

    /// <summary>Closes a quiet bar on the estimated exchange time; true when a History attempt is due.</summary>
    private bool OnTick(DateTimeOffset localNow, List<Bar> ready)
    {
        var exchangeNow = _exchangeClock.ExchangeTime(localNow) ?? localNow;
        if (_builder.TryClose(exchangeNow, _grace, out var completed))
        {
            OnCompleted(completed, ready);
            return true;
        }
        return _repair is { } repair && (repair.LastAttempt is not { } last || localNow - last >= _history!.RetryInterval);
    }

    /// <summary>A bar left the builder: publish it, or hold it until History has filled what precedes it.</summary>
    private void OnCompleted(Bar bar, List<Bar> ready)
    {
        var accounted = _accountedUntil ?? bar.OpenTime;
        _accountedUntil = bar.OpenTime + Period;
        var complete = _coveredFrom is { } covered && covered <= bar.OpenTime;
        if (_coveredFrom is not { } from || from > accounted)
        {
            // Prints may be missing from this bar or from bars before it: History must supply them.
            _repair ??= new Repair(_publishedUntil ?? accounted, _gapMarked ? "market hub gap" : "start-up");
            _repair.Until = bar.OpenTime + Period;
            Hold(bar, complete);
            if (_history is null)
                GiveUp(ready, "no History is configured");
            return;
        }
        if (_repair is not null)
        {
            Hold(bar, complete: true);
            return;
        }
        Publish(bar, ready);
    }

    private void Hold(Bar bar, bool complete)
    {
        _held.Add(new HeldBar(bar, complete));
        Volatile.Write(ref _barsAwaitingHistory, _held.Count);
    }

    private async Task TryRepairAsync(List<Bar> ready, CancellationToken cancellationToken)
    {
        var repair = _repair!;
        if (_history is null)
            return; // given up at once in OnCompleted
        repair.LastAttempt = _localNow;
        repair.Attempts++;
        string problem;
        try
        {
            Volatile.Write(ref _waitingForHistory, true);
            IReadOnlyList<Bar> answer;
            try
            {
                answer = await _history.Fetch(repair.From, repair.Until, cancellationToken);
            }
            finally
            {
                Volatile.Write(ref _waitingForHistory, false);
            }
            var bars = answer.Where(b => b.OpenTime >= repair.From && b.OpenTime < repair.Until).DistinctBy(b => b.OpenTime).OrderBy(b => b.OpenTime).ToList();
            repair.LastAnswer = bars;
            var missing = _held.FindIndex(h => h.Bar.OpenTime < repair.Until && bars.FindIndex(b => b.OpenTime == h.Bar.OpenTime) < 0);
            if (missing < 0)
            {
                Backfill(repair, bars, ready);
                return;
            }
            problem = string.Create(CultureInfo.InvariantCulture, $"History has no bar at {_held[missing].Bar.OpenTime:yyyy-MM-dd HH:mm} UTC yet, though it had trades");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            problem = e.Message;
        }

        if (!repair.Warned)
        {
            repair.Warned = true;
            _logger.LogWarning("{Source}: History unavailable for the bars from {From:yyyy-MM-dd HH:mm} to {Until:HH:mm} UTC ({Reason}): {Problem}; bars wait and History is asked again",
                Description, repair.From, repair.Until, repair.Reason, problem);
        }
        else
        {
            _logger.LogDebug("{Source}: History still unavailable (attempt {Attempts}): {Problem}", Description, repair.Attempts, problem);
        }
        if (_held.Count - 1 >= _history.MaxBarsAwaitingHistory)
            GiveUp(ready, string.Create(CultureInfo.InvariantCulture, $"{_held.Count - 1} bars completed after it waited"));
    }

    /// <summary>History's bars replace every bar of the range; the bars completed after the range follow.</summary>
    private void Backfill(Repair repair, List<Bar> bars, List<Bar> ready)
    {
        foreach (var bar in bars)
            Publish(bar, ready);
        Interlocked.Add(ref _barsBackfilled, bars.Count);
        foreach (var held in _held)
        {
            if (held.Bar.OpenTime >= repair.Until)
                Publish(held.Bar, ready);
        }
        _logger.LogInformation("{Source}: {Bars} bars from {From:yyyy-MM-dd HH:mm} to {Until:HH:mm} UTC taken from History ({Reason}) after {Attempts} attempts",
            Description, bars.Count, repair.From, repair.Until, repair.Reason, repair.Attempts);
        EndRepair();
    }

    /// <summary>
    /// Gives up on the range: publishes, in order, the bars History did give (its last answer, if
    /// any) and, for the other periods, the waiting bars whose prints were all received; the partial
    /// bars without a History bar are left out.
    /// </summary>
    private void GiveUp(List<Bar> ready, string why)
    {
        var repair = _repair!;
        var fromHistory = repair.LastAnswer ?? [];
        var merged = new List<Bar>(fromHistory);
        var fromPrints = 0;
        var dropped = 0;
        foreach (var held in _held)
        {
            if (fromHistory.FindIndex(b => b.OpenTime == held.Bar.OpenTime) >= 0)
                continue;
            if (held.Complete)
            {
                merged.Add(held.Bar);
                fromPrints++;
            }
            else
            {
                dropped++;
            }
        }
        merged.Sort(static (a, b) => a.OpenTime.CompareTo(b.OpenTime));
        foreach (var bar in merged)
            Publish(bar, ready);
        Interlocked.Add(ref _barsBackfilled, fromHistory.Count);
        Interlocked.Add(ref _partialBarsDropped, dropped);
        var end = _held.Count > 0 ? _held[^1].Bar.OpenTime + Period : repair.Until;
        SetPublishedUntil(_publishedUntil is { } published && published > end ? published : end);
        if (_history is null)
        {
            _logger.LogInformation("{Source}: {Dropped} partial bars before {Until:yyyy-MM-dd HH:mm} UTC left out ({Reason}; {Why})", Description, dropped, repair.Until, repair.Reason, why);
        }
        else
        {
            _logger.LogWarning("{Source}: gave up taking the bars from {From:yyyy-MM-dd HH:mm} to {Until:HH:mm} UTC from History after {Attempts} attempts ({Why}): published {FromHistory} bars History gave and {FromPrints} bars built from prints, left out {Dropped} partial bars and any other bar only History has",
                Description, repair.From, repair.Until, repair.Attempts, why, fromHistory.Count, fromPrints, dropped);
        }
        EndRepair();
    }

    private void EndRepair()
    {
        _repair = null;
        _held.Clear();
        Volatile.Write(ref _barsAwaitingHistory, 0);
    }

    private void Publish(Bar bar, List<Bar> ready)
    {
        if (bar.OpenTime < _publishedUntil)
            return;
        ready.Add(bar);
        SetPublishedUntil(bar.OpenTime + Period);
    }

    private void SetPublishedUntil(DateTimeOffset until)
    {
        _publishedUntil = until;
        Volatile.Write(ref _publishedUntilTicks, until.UtcTicks);
    }

    private static DateTimeOffset? FromTicks(long ticks) => ticks == NoTime ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private enum InboxKind
    {
        Print,
        Tick,
        Gap,
    }

    /// <summary>One inbox entry: a print (exchange time, price, contracts, local receive time), a heartbeat (local time) or a gap mark.</summary>
    private readonly record struct InboxItem(InboxKind Kind, DateTimeOffset Time, decimal Price, long Volume, DateTimeOffset? ReceivedAt)
    {
        public static InboxItem Print(DateTimeOffset time, decimal price, long volume, DateTimeOffset? receivedAt) => new(InboxKind.Print, time, price, volume, receivedAt);

        public static InboxItem Tick(DateTimeOffset localNow) => new(InboxKind.Tick, localNow, 0m, 0, null);

        public static InboxItem Gap() => new(InboxKind.Gap, default, 0m, 0, null);
    }

    /// <summary>A bar completed from prints that waits for History; <c>Complete</c> when all its prints were received.</summary>
    private readonly record struct HeldBar(Bar Bar, bool Complete);

    /// <summary>A range [From, Until) of bars to take from History.</summary>
    private sealed class Repair(DateTimeOffset from, string reason)
    {
        public DateTimeOffset From { get; } = from;

        public string Reason { get; } = reason;

        public DateTimeOffset Until { get; set; }

        public DateTimeOffset? LastAttempt { get; set; }

        public int Attempts { get; set; }

        public bool Warned { get; set; }

        /// <summary>History's last answer that lacked a bar (bars in range, in order), used when giving up.</summary>
        public List<Bar>? LastAnswer { get; set; }
    }
}
