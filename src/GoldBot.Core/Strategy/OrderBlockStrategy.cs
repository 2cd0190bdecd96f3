using GoldBot.Analysis;
using GoldBot.Indicators;
using GoldBot.Market;
using GoldBot.Smc;

namespace GoldBot.Strategy;

/// <summary>
/// The GoldBot block strategy. Source bars (e.g. 3-minute) are aggregated to the entry
/// time frame (15 minutes) and the trend time frame (1 hour); a causal <see cref="SmcEngine"/>
/// runs on the entry frame, and a <see cref="SwingTrend"/> (the same engine's swing structure alone) on the trend frame. An <c>order_block</c> signal is a fresh order block touched for the first time by an entry bar that
/// does not also close beyond it, in the direction of the trend frame's swing structure, with a
/// score of at least <see cref="StrategyOptions.MinScore"/> (<c>design/000</c>, "Core Philosophy"
/// and "Pattern Trading Priority"). A <c>breaker_block</c> signal is the same for a breaker block (a failed order block
/// whose leg had swept liquidity, flipped to the other side: <c>docs/smc.md</c>), scored by the block it was, with at least
/// <see cref="StrategyOptions.BreakerMinScore"/>; it is looked for only when <c>breaker_block</c> is enabled (the plan's
/// second pattern, week 4). <c>fair_value_gap</c> (a gap's first touch), <c>liquidity_sweep</c> (a wick through a pool that
/// closes back, traded the other way) and <c>ote</c> (an order block or gap touched inside the 62–79 % retracement band of the
/// latest leg) are likewise looked for only when enabled; their scores are in <c>docs/smc.md</c>. Every order-block touch becomes a <see cref="TradeSignal"/>; those the
/// strategy does not want carry a <see cref="TradeSignal.Rejection"/> so signals.log shows why.
/// The stop goes beyond the block's far edge plus a buffer, at least <see cref="StrategyOptions.MinStopTicks"/>
/// and <see cref="StrategyOptions.MinStopAtr"/> × ATR away, and a setup needing more than
/// <see cref="StrategyOptions.MaxStopTicks"/> is refused.
/// </summary>
public sealed class OrderBlockStrategy : ISignalSource
{
    private const string OrderBlock = "order_block";
    private const string BreakerBlock = "breaker_block";
    private const string FairValueGap = "fair_value_gap";
    private const string LiquiditySweep = "liquidity_sweep";
    private const string OptimalTradeEntry = "ote";
    private readonly StrategyOptions _options;
    private readonly ContractSpec _contract;
    private readonly TickRounding.Grid _tickGrid;
    private readonly BarAggregator _entryBars;
    private readonly BarAggregator _trendBars;
    private readonly SmcEngine _entry;
    // The trend frame is read only for its swing structure's trend: no zones, liquidity or events there.
    private readonly SwingTrend _trend;
    private readonly AverageTrueRange _atr = new(14);
    private readonly MarketRegimeClassifier _regime = new();
    private readonly VolumeMovingAverage _volume = new(20);
    private readonly Bar[] _completed = new Bar[2];
    // Which patterns are enabled (decided once: the event loop runs at every entry bar, and every signal asks).
    private readonly bool _orderBlocks, _breakerBlocks, _fairValueGaps, _liquiditySweeps, _optimalTradeEntries;
    // Breaker blocks alive on the entry frame (not mitigation blocks, which are touched the same way).
    private readonly HashSet<int> _breakers = [];
    // Unfilled fair value gaps on the entry frame: their score parts known at formation, and the entry bar they formed on.
    private readonly Dictionary<int, (OrderBlockScore Score, int Formed)> _gaps = [];
    private const int MaxGaps = 256;
    // Weekday names as recorded in MarketConditions.Weekday, by DayOfWeek (one string each, not one per signal).
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    // Price zone names as recorded in MarketConditions.Zone, by PriceZone.
    private static readonly string[] ZoneNames = [.. Enum.GetValues<PriceZone>().Select(z => z.ToString().ToLowerInvariant())];
    // Clock times as recorded in MarketConditions.TimeOfDay (HH:mm), by minute of the day.
    private static readonly string[] ClockTimes =
        [.. Enumerable.Range(0, 24 * 60).Select(m => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))];
    // The signals' exchange (CT) and session (New York) clocks, each converting time zones twice a week.
    private readonly ZoneClock _chicago = new(CmeSession.Chicago);
    private readonly ZoneClock _newYork = new(ExchangeTimeZones.NewYork);
    // The rejections that repeat, written once: by pattern when disabled, by score and minimum, by stop width and maximum (one
    // per width seen), and against the trend.
    private readonly Dictionary<string, string> _disabledRejections = [];
    private readonly Dictionary<(int Score, int Minimum), string> _scoreRejections = [];
    private readonly Dictionary<(int Stop, int Maximum), string> _stopRejections = [];
    private readonly string _noTrendRejection;
    private readonly string[] _againstTrendRejections;
    // The previous entry bar (the middle bar of a gap formed now) and its volume ÷ the 20-bar average.
    private Bar _previous;
    private double _previousVolumeRatio;
    // Entry bar index of the last break of structure or change of character, per scope (internal, swing) and direction.
    private readonly int[] _lastBreak = [int.MinValue, int.MinValue, int.MinValue, int.MinValue];
    private int _entryIndex = -1;
    // Mode B (limit entries at a zone's formation) and the exit profile, decided once.
    private readonly bool _limitEntries;
    private readonly ExitProfile _exitProfile;
    private readonly TimeSpan _entryPeriod;

    /// <summary>Creates the strategy for <paramref name="contract"/> fed with bars of <paramref name="sourcePeriod"/>.</summary>
    /// <exception cref="ArgumentException">A time frame is not a multiple of the source period, or an option is invalid.</exception>
    public OrderBlockStrategy(StrategyOptions options, ContractSpec contract, TimeSpan sourcePeriod)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var enabled = options.EnabledPatterns;
        (_orderBlocks, _breakerBlocks, _fairValueGaps, _liquiditySweeps, _optimalTradeEntries) = (enabled.Contains(OrderBlock),
            enabled.Contains(BreakerBlock), enabled.Contains(FairValueGap), enabled.Contains(LiquiditySweep), enabled.Contains(OptimalTradeEntry));
        _contract = contract;
        _tickGrid = new TickRounding.Grid(contract.TickSize);
        _limitEntries = options.EntryMode == "limit";
        _exitProfile = ExitRule.Parse(options.ExitProfile);
        var entryFrame = TimeFrame.Parse(options.EntryTimeFrame);
        _entryPeriod = entryFrame.Period;
        var trendFrame = TimeFrame.Parse(options.TrendTimeFrame);
        _entryBars = new BarAggregator(sourcePeriod, entryFrame);
        _trendBars = new BarAggregator(sourcePeriod, trendFrame);
        _entry = new SmcEngine(options.Entry, entryFrame.Period);
        _trend = new SwingTrend(options.Trend);
        _noTrendRejection = $"no {options.TrendTimeFrame} trend yet";
        _againstTrendRejections = [$"against the {options.TrendTimeFrame} trend (bearish)", $"against the {options.TrendTimeFrame} trend (bullish)"];
    }

    /// <summary>Current trend of the trend frame's swing structure: +1, −1 or 0.</summary>
    public int Trend => _trend.Trend;

    /// <summary>The entry time frame's market regime after its latest bar, with its measures.</summary>
    public MarketRegimeClassifier Regime => _regime;

    /// <summary>
    /// Processes one closed source bar. Trend bars complete before entry bars that close at the
    /// same instant, so an entry signal always sees the trend as of its own close.
    /// Appends any signals to <paramref name="signals"/>; allocates only when a signal is found (and, with <c>fair_value_gap</c>
    /// or <c>ote</c> enabled, to remember the open gaps' scores).
    /// </summary>
    public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var n = _trendBars.Add(bar, _completed);
        for (var i = 0; i < n; i++)
            _trend.OnBar(TickBar.FromBar(_completed[i], _tickGrid));

        n = _entryBars.Add(bar, _completed);
        for (var i = 0; i < n; i++)
            OnEntryBar(_completed[i], signals);
    }

    private void OnEntryBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        _entryIndex++;
        var tickBar = TickBar.FromBar(bar, _tickGrid);
        var atr = _atr.Add((double)tickBar.High, tickBar.Low, tickBar.Close) ?? 0;
        var averageVolume = _volume.Add(bar.Volume) ?? 0;
        _regime.Add(bar);
        var events = _entry.OnBar(tickBar);
        foreach (ref readonly var e in events)
        {
            if (e.Kind is SmcEventKind.BreakOfStructure or SmcEventKind.ChangeOfCharacter && e.Scope != StructureScope.None)
                _lastBreak[BreakSlot(e.Scope, e.Direction)] = _entryIndex;
        }
        foreach (ref readonly var e in events)
        {
            switch (e.Kind)
            {
                case SmcEventKind.OrderBlockFormed when _limitEntries:
                    signals.Add(CreateSignal(e, OrderBlock, e.Score, _options.MinScore, bar, tickBar, atr, averageVolume, limit: true));
                    break;
                case SmcEventKind.OrderBlockTouched when !In(events, SmcEventKind.OrderBlockInvalidated, e.Id):
                    if (!_limitEntries)
                        signals.Add(CreateSignal(e, OrderBlock, e.Score, _options.MinScore, bar, tickBar, atr, averageVolume));
                    if (InOptimalTradeEntry(e, tickBar))
                        signals.Add(CreateSignal(e, OptimalTradeEntry, e.Score, _options.OteMinScore, bar, tickBar, atr, averageVolume));
                    break;
                case SmcEventKind.BreakerBlockFormed when _breakerBlocks:
                    _breakers.Add(e.Id);
                    if (_limitEntries)
                        signals.Add(CreateSignal(e, BreakerBlock, e.Score, _options.BreakerMinScore, bar, tickBar, atr, averageVolume, limit: true));
                    break;
                case SmcEventKind.BreakerBlockTouched when !_limitEntries && _breakers.Contains(e.Id) && !In(events, SmcEventKind.BreakerBlockInvalidated, e.Id):
                    signals.Add(CreateSignal(e, BreakerBlock, e.Score, _options.BreakerMinScore, bar, tickBar, atr, averageVolume));
                    break;
                case SmcEventKind.BreakerBlockInvalidated or SmcEventKind.OrderBlockExpired:
                    _breakers.Remove(e.Id);
                    break;
                case SmcEventKind.FairValueGapFormed when _fairValueGaps || _optimalTradeEntries:
                    var formedScore = RememberGap(e);
                    if (_limitEntries && _fairValueGaps)
                        signals.Add(CreateSignal(e, FairValueGap, formedScore, _options.FairValueGapMinScore, bar, tickBar, atr, averageVolume, limit: true));
                    break;
                case SmcEventKind.FairValueGapMitigated when _gaps.Remove(e.Id, out var gap) && !In(events, SmcEventKind.FairValueGapFilled, e.Id):
                    var gapScore = gap.Score with { CleanMove = (byte)(_entryIndex - gap.Formed >= 3 ? 2 : 1) };
                    if (_fairValueGaps && !_limitEntries)
                        signals.Add(CreateSignal(e, FairValueGap, gapScore, _options.FairValueGapMinScore, bar, tickBar, atr, averageVolume));
                    if (InOptimalTradeEntry(e, tickBar))
                        signals.Add(CreateSignal(e, OptimalTradeEntry, gapScore, _options.OteMinScore, bar, tickBar, atr, averageVolume));
                    break;
                case SmcEventKind.FairValueGapFilled:
                    _gaps.Remove(e.Id);
                    break;
                case SmcEventKind.LiquiditySweep when _liquiditySweeps:
                    var (sweep, sweepScore) = Sweep(e, tickBar, bar, averageVolume);
                    signals.Add(CreateSignal(sweep, LiquiditySweep, sweepScore, _options.LiquiditySweepMinScore, bar, tickBar, atr, averageVolume));
                    break;
            }
        }
        (_previous, _previousVolumeRatio) = (bar, averageVolume > 0 ? bar.Volume / averageVolume : 0);
    }

    /// <summary>
    /// A sweep of a pool as a setup against the swept side (<c>docs/smc.md</c>): the zone runs from the pool's level to the
    /// wick's extreme, so the stop goes beyond the wick; scored from the close back, the bar's volume, a break of structure
    /// the other way at this bar, how far the wick went and how long it is.
    /// </summary>
    private (SmcEvent Setup, OrderBlockScore Score) Sweep(in SmcEvent e, in TickBar bar, in Bar source, double averageVolume)
    {
        var direction = (sbyte)-e.Direction;
        var extreme = direction < 0 ? bar.High : bar.Low;
        var closedBack = direction < 0 ? e.Level - bar.Close : bar.Close - e.Level;
        var beyond = direction < 0 ? bar.High - e.Level : e.Level - bar.Low;
        var range = bar.High - bar.Low;
        var wick = direction < 0 ? bar.High - Math.Max(bar.Open, bar.Close) : Math.Min(bar.Open, bar.Close) - bar.Low;
        var minDisplacement = _options.Entry.MinDisplacementTicks;
        var volumeRatio = averageVolume > 0 ? source.Volume / averageVolume : 0;
        var score = new OrderBlockScore(
            Displacement: OrderBlockScore.DisplacementPoints(closedBack, minDisplacement),
            Volume: (byte)(volumeRatio >= _options.Entry.VolumeRatio ? 2 : volumeRatio >= 1 ? 1 : 0),
            Structure: (byte)(_lastBreak[BreakSlot(StructureScope.Swing, direction)] == _entryIndex ? 2
                : _lastBreak[BreakSlot(StructureScope.Internal, direction)] == _entryIndex ? 1 : 0),
            CleanMove: (byte)(2 * beyond <= minDisplacement ? 2 : beyond <= minDisplacement ? 1 : 0),
            BodyToWick: (byte)(range > 0 && 2 * wick >= range ? 2 : range > 0 && 3 * wick >= range ? 1 : 0));
        var setup = e with { Direction = direction, Top = Math.Max(e.Level, extreme), Bottom = Math.Min(e.Level, extreme) };
        return (setup, score);
    }

    /// <summary>
    /// True when <c>ote</c> is enabled and a zone touched now lies in the optimal trade entry band of the latest swing leg
    /// (62–79 % retracement, <see cref="DealingRange"/>) on the zone's side (an up-leg for a long), overlapping it, and the
    /// touching bar traded into the band: the plan's "OTE into a block or gap" confluence.
    /// </summary>
    private bool InOptimalTradeEntry(in SmcEvent zone, in TickBar bar) =>
        _optimalTradeEntries && _entry.DealingRange is { } range && range.LegDirection == zone.Direction
        && zone.Bottom <= range.OteTop && zone.Top >= range.OteBottom
        && (zone.Direction > 0 ? bar.Low <= range.OteTop : bar.High >= range.OteBottom);

    /// <summary>True when <paramref name="pattern"/>, one of the strategy's five, is in <see cref="StrategyOptions.EnabledPatterns"/>.</summary>
    private bool Enabled(string pattern) => pattern switch
    {
        OrderBlock => _orderBlocks,
        BreakerBlock => _breakerBlocks,
        FairValueGap => _fairValueGaps,
        LiquiditySweep => _liquiditySweeps,
        OptimalTradeEntry => _optimalTradeEntries,
        _ => false,
    };

    private static int BreakSlot(StructureScope scope, int direction) => (scope == StructureScope.Swing ? 2 : 0) + (direction > 0 ? 1 : 0);

    /// <summary>
    /// Scores a gap formed at this bar's close from what is known now (<c>docs/smc.md</c>, "What the strategy trades"): its
    /// height, its middle bar's volume and body, and a break of structure in its direction at this bar or the middle one.
    /// </summary>
    private OrderBlockScore RememberGap(in SmcEvent e)
    {
        var height = e.Top - e.Bottom;
        var minDisplacement = _options.Entry.MinDisplacementTicks;
        var range = (double)(_previous.High - _previous.Low);
        var body = range > 0 ? (double)Math.Abs(_previous.Close - _previous.Open) / range : 0;
        var swingBreak = _entryIndex - _lastBreak[BreakSlot(StructureScope.Swing, e.Direction)] <= 1;
        var internalBreak = _entryIndex - _lastBreak[BreakSlot(StructureScope.Internal, e.Direction)] <= 1;
        var score = new OrderBlockScore(
            Displacement: OrderBlockScore.DisplacementPoints(height, minDisplacement),
            Volume: (byte)(_previousVolumeRatio >= _options.Entry.VolumeRatio ? 2 : _previousVolumeRatio >= 1 ? 1 : 0),
            Structure: (byte)(swingBreak ? 2 : internalBreak ? 1 : 0),
            CleanMove: 0,
            BodyToWick: (byte)(body >= 0.7 ? 2 : body >= 0.5 ? 1 : 0));
        if (_gaps.Count >= MaxGaps)
            _gaps.Remove(_gaps.MinBy(g => g.Value.Formed).Key);
        _gaps[e.Id] = (score, _entryIndex);
        return score;
    }

    /// <summary>True when zone <paramref name="id"/> also had a <paramref name="kind"/> event in the same bar (a block that failed as it was touched: no entry).</summary>
    private static bool In(ReadOnlySpan<SmcEvent> events, SmcEventKind kind, int id)
    {
        foreach (ref readonly var e in events)
        {
            if (e.Kind == kind && e.Id == id)
                return true;
        }
        return false;
    }

    /// <summary>The text <paramref name="write"/> gives for <paramref name="key"/>, written at its first use and remembered.</summary>
    private static string Remembered<TKey>(Dictionary<TKey, string> texts, TKey key, Func<TKey, string> write) where TKey : notnull
    {
        if (!texts.TryGetValue(key, out var text))
            texts[key] = text = write(key);
        return text;
    }

    /// <summary>
    /// The signal for zone <paramref name="e"/>: entered at market from this bar's close, or, with <paramref name="limit"/>
    /// (Mode B, at the zone's formation), by a limit order at its near edge; the stop measured from that entry price.
    /// </summary>
    private TradeSignal CreateSignal(in SmcEvent e, string pattern, OrderBlockScore components, int minScore, in Bar bar, in TickBar tickBar, double atr,
        double averageVolume, bool limit = false)
    {
        var entry = limit ? (e.Direction > 0 ? e.Top : e.Bottom) : tickBar.Close;
        var stopLevel = e.Direction > 0 ? e.Bottom - _options.StopBufferTicks : e.Top + _options.StopBufferTicks;
        var structural = Math.Max(_options.MinStopTicks, e.Direction > 0 ? entry - stopLevel : stopLevel - entry);
        var stopTicks = (int)Math.Max(structural, (long)Math.Ceiling((double)_options.MinStopAtr * atr));
        var trend = Trend;
        var score = components.Total;
        var regime = MarketRegimeClassifier.Name(_regime.Regime);
        string? rejection =
            !Enabled(pattern) ? Remembered(_disabledRejections, pattern, p => $"pattern {p} disabled")
            : _options.PatternRegimes?.TryGetValue(pattern, out var regimes) == true && regimes.Count > 0 && !regimes.Contains(regime)
                ? $"{pattern} not traded in a {regime} regime (Strategy:PatternRegimes: {string.Join(", ", regimes)})"
            : score < minScore ? Remembered(_scoreRejections, (Score: score, Minimum: minScore), s => $"score {s.Score} below minimum {s.Minimum}")
            : trend == 0 ? _noTrendRejection
            : trend != e.Direction ? _againstTrendRejections[trend > 0 ? 1 : 0]
            : stopTicks > _options.MaxStopTicks ? Remembered(_stopRejections, (Stop: stopTicks, Maximum: _options.MaxStopTicks), s => $"stop {s.Stop} ticks wider than maximum {s.Maximum}")
            : null;

        var zone = _entry.DealingRange?.Classify(tickBar.Close) ?? PriceZone.Unknown;
        var known = _chicago.ToLocal(e.KnownTime);
        var conditions = new MarketConditions(
            TradingSession.OfNewYorkHour(_newYork.ToLocal(bar.OpenTime).Hour),
            Math.Round(atr, 1),
            averageVolume > 0 ? Math.Round(bar.Volume / averageVolume, 2) : 0,
            ClockTimes[known.Hour * 60 + known.Minute],
            ZoneNames[(int)zone])
        {
            Regime = regime,
            AtrPercentile = Math.Round(_regime.AtrPercentile ?? 0, 2),
            Weekday = Weekdays[(int)known.DayOfWeek],
            EntryMode = limit ? "limit" : "market",
            ExitProfile = _options.ExitProfile,
        };

        // ATR in ticks sizes the atr_trail exits; before ATR's warm-up ends, the stop distance stands in for it.
        var atrTicks = atr > 0 ? atr : stopTicks;
        var exit = _exitProfile == ExitProfile.AtrTrail
            ? new ExitRule(ExitProfile.AtrTrail, (int)Math.Ceiling((double)_options.FirstTargetAtr * atrTicks), (int)Math.Ceiling((double)_options.TrailAtr * atrTicks))
            : _exitProfile == ExitProfile.Structure ? ExitRule.Structure : ExitRule.FixedR;
        var limitPrice = _contract.ToPrice(entry);
        return new TradeSignal(e.KnownTime, pattern, e.Direction, score, components, _contract.ToPrice(e.Top), _contract.ToPrice(e.Bottom),
            limit ? limitPrice : bar.Close, stopTicks, trend, conditions, rejection)
        {
            Entry = limit ? new EntryRule(true, limitPrice, _options.LimitExpiryBars * _entryPeriod) : EntryRule.Market,
            Exit = exit,
            Frame = _entryPeriod,
        };
    }
}
