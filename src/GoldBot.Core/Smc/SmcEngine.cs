namespace GoldBot.Smc;

/// <summary>
/// The causal Smart Money Concepts detector that the strategy trades on. It sees one closed
/// bar at a time (<see cref="OnBar"/>) and reports what became known at that bar's close as
/// <see cref="SmcEvent"/>s: swing points of two lengths (internal and swing structure), breaks
/// of structure and changes of character, order blocks with their 1–10 score and lifecycle,
/// breaker and mitigation blocks, fair value gaps, liquidity pools and sweeps, inducement, and
/// the dealing range with premium/discount and the OTE band. No event is ever revised, so the
/// events known after bar t are the same whether or not later bars are processed (tested as
/// prefix invariance on the real MGC bars). Definitions and sources: <c>docs/smc.md</c>.
/// Allocation-free per bar in steady state: all state lives in preallocated arrays.
/// </summary>
public sealed class SmcEngine
{
    private readonly SmcOptions _options;
    private readonly TimeSpan _barPeriod;
    private readonly BarHistory _history;
    private readonly SmcEventBuffer _events = new();
    private readonly SwingDetector _internalSwings;
    private readonly SwingDetector _swingSwings;
    private readonly StructureTracker _internal = new(StructureScope.Internal);
    private readonly StructureTracker _swing = new(StructureScope.Swing);
    private readonly OrderBlockTracker _orderBlocks;
    private readonly FairValueGapTracker _gaps;
    private readonly LiquidityTracker _liquidity;
    private readonly InducementTracker _inducement;
    private readonly StructureBreak[] _breaks = new StructureBreak[2];

    /// <summary>Creates an engine for bars of length <paramref name="barPeriod"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="SmcOptions.Validate"/>).</exception>
    public SmcEngine(SmcOptions options, TimeSpan barPeriod)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _barPeriod = barPeriod;
        _history = new BarHistory(options.HistoryCapacity);
        _internalSwings = new SwingDetector(options.InternalSwingLength);
        _swingSwings = new SwingDetector(options.SwingLength);
        var ids = new ZoneIds();
        _orderBlocks = new OrderBlockTracker(options, ids);
        _gaps = new FairValueGapTracker(options, ids);
        _liquidity = new LiquidityTracker(options, ids);
        _inducement = new InducementTracker(ids);
    }

    /// <summary>Index of the last bar processed (0-based), −1 before the first.</summary>
    public int BarIndex => _history.Last;

    /// <summary>Events learned at the close of the last bar, in the order they happened.</summary>
    public ReadOnlySpan<SmcEvent> Events => _events.Span;

    /// <summary>Trend of a structure level: +1 after a bullish break, −1 after a bearish one, 0 before any.</summary>
    public sbyte Trend(StructureScope scope) => scope == StructureScope.Swing ? _swing.Trend : _internal.Trend;

    /// <summary>The current swing dealing range, or null before one swing high and one swing low exist.</summary>
    public DealingRange? DealingRange { get; private set; }

    /// <summary>Processes one closed bar and replaces <see cref="Events"/> with what it revealed.</summary>
    public ReadOnlySpan<SmcEvent> OnBar(in TickBar bar)
    {
        _events.Clear();
        _history.Add(bar);
        var at = new BarContext(_history.Last, bar.OpenTime + _barPeriod);

        // Zones formed on earlier bars meet this bar first; zones formed now start next bar.
        _orderBlocks.Update(bar, at, _events);
        _gaps.Update(bar, at, _events);
        _liquidity.Update(bar, at, _events);
        _inducement.Update(bar, at, _events);

        if (_internalSwings.TryConfirm(_history, bar, out var minor))
        {
            AddSwing(_internal, minor, at);
            _liquidity.OnSwing(minor, at, _events);
            _inducement.OnInternalSwing(minor, at, _events);
        }
        if (_swingSwings.TryConfirm(_history, bar, out var major))
        {
            AddSwing(_swing, major, at);
            if (_swing.HasHigh && _swing.HasLow)
            {
                var range = Smc.DealingRange.From(_swing.LastHigh, _swing.LastLow, _options.OteStart, _options.OteEnd);
                DealingRange = range;
                _events.Add(new SmcEvent(SmcEventKind.DealingRangeUpdated, range.LegDirection, StructureScope.Swing, 0, major.Index,
                    at.Index, at.KnownTime, range.High, range.Low, range.Equilibrium, range.OteTop, range.OteBottom, default, SwingLabel.None));
            }
        }

        if (_internal.BrokenBy(bar.Close))
            Breaks(_internal, bar, at);
        if (_swing.BrokenBy(bar.Close))
            Breaks(_swing, bar, at);
        _gaps.Detect(_history, at, _events);
        return _events.Span;
    }

    private void AddSwing(StructureTracker tracker, in Swing swing, in BarContext at)
    {
        var label = tracker.OnSwing(swing);
        _events.Add(new SmcEvent(swing.IsHigh ? SmcEventKind.SwingHigh : SmcEventKind.SwingLow, swing.IsHigh ? (sbyte)1 : (sbyte)-1,
            tracker.Scope, 0, swing.Index, at.Index, at.KnownTime, 0, 0, swing.Level, 0, 0, default, label));
    }

    private void Breaks(StructureTracker tracker, in TickBar bar, in BarContext at)
    {
        var n = tracker.CheckBreaks(bar, _breaks);
        for (var i = 0; i < n; i++)
        {
            var brk = _breaks[i];
            _events.Add(new SmcEvent(brk.IsChangeOfCharacter ? SmcEventKind.ChangeOfCharacter : SmcEventKind.BreakOfStructure, brk.Direction,
                brk.Scope, 0, brk.SwingIndex, at.Index, at.KnownTime, 0, 0, brk.Level, 0, 0, default, SwingLabel.None));
            _orderBlocks.OnBreak(brk, _history, _swing, _internal, at, _events);
            if (brk.Scope == StructureScope.Swing)
                _inducement.OnSwingBreak(brk, at.Index);
        }
    }
}
