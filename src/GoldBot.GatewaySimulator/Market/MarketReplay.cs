using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// Replays a bars file as a market: each bar becomes four trades along <see cref="PricePath"/>, at
/// bar open + k × period / 4 (k = 0…3). Bars before <c>warmupBars</c> are history from the start.
/// The replay never moves the market clock: its callers do (step mode, paced mode, or the external driver of
/// a driven clock), using <see cref="NextPointTime"/>; it only reads the clock to stamp quotes.
/// Not thread-safe; the caller serialises access.
/// </summary>
public sealed class MarketReplay
{
    private readonly IReadOnlyList<Bar> _bars;
    private readonly TimeProvider _clock;
    private int _next;
    private int _step;
    private decimal? _last;
    private DateOnly _tradingDay;
    private decimal _previousDayClose;
    private decimal _dayOpen;
    private decimal _dayHigh;
    private decimal _dayLow;
    private long _dayVolume;
    private Bar _partial;

    /// <summary>Creates a replay of <paramref name="bars"/> (time ascending) for one contract.</summary>
    /// <param name="period">Bar period of the file.</param>
    /// <param name="warmupBars">Bars already in the past at start (history); the market starts at this index.</param>
    /// <param name="clock">The market clock, read (never moved) for quote timestamps.</param>
    /// <exception cref="ArgumentException">No bars, or <paramref name="warmupBars"/> is not in [0, bar count).</exception>
    public MarketReplay(string contractId, string symbolId, decimal tickSize, IReadOnlyList<Bar> bars, TimeSpan period, int warmupBars, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count == 0)
            throw new ArgumentException("the bars file holds no bars", nameof(bars));
        if (warmupBars < 0 || warmupBars >= bars.Count)
            throw new ArgumentException($"warmup of {warmupBars} bars must be in [0, {bars.Count}) for this file", nameof(warmupBars));
        ContractId = contractId;
        SymbolId = symbolId;
        TickSize = tickSize;
        _bars = bars;
        Period = period;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _next = warmupBars;
        StartTime = bars[warmupBars].OpenTime;
        if (warmupBars > 0)
        {
            var previous = bars[warmupBars - 1];
            _last = previous.Close;
            _previousDayClose = previous.Close;
            StartDay(CmeSession.TradingDayOf(previous.OpenTime), previous.Close);
        }
    }

    /// <summary>Contract replayed.</summary>
    public string ContractId { get; }

    /// <summary>Bars in the file, the warm-up bars included.</summary>
    public int BarCount => _bars.Count;

    /// <summary>ProjectX symbol id of the contract.</summary>
    public string SymbolId { get; }

    /// <summary>Tick size (points).</summary>
    public decimal TickSize { get; }

    /// <summary>Bar period of the file.</summary>
    public TimeSpan Period { get; }

    /// <summary>True when every bar has been replayed.</summary>
    public bool Finished => _next >= _bars.Count;

    /// <summary>Index of the bar being (or next to be) replayed.</summary>
    public int NextBarIndex => _next;

    /// <summary>Market time (UTC) of the first point played: the open of the first bar after the warm-up.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>Market time (UTC) at which the file ends: the last bar's open + period.</summary>
    public DateTimeOffset EndTime => _bars[^1].OpenTime + Period;

    /// <summary>Market time (UTC) of the next point to play (bar open + step × period / 4), null when the file is finished.</summary>
    public DateTimeOffset? NextPointTime => Finished ? null : _bars[_next].OpenTime + Period * _step / PricePath.PointsPerBar;

    /// <summary>True when the next point is the close of its bar (the fourth point).</summary>
    public bool NextPointClosesBar => !Finished && _step == PricePath.PointsPerBar - 1;

    /// <summary>End (UTC) of the bar the next point belongs to (its open + period), null when the file is finished.</summary>
    public DateTimeOffset? NextPointBarEnd => Finished ? null : _bars[_next].OpenTime + Period;

    /// <summary>Last trade price (points), null before any.</summary>
    public decimal? LastPrice => _last;

    /// <summary>Bars completely in the past, oldest first.</summary>
    public IEnumerable<Bar> ClosedBars => _bars.Take(_next);

    /// <summary>The bar being replayed, built from the points played so far; null between bars.</summary>
    public Bar? PartialBar => _step > 0 ? _partial : null;

    /// <summary>The quote after the last trade, null before any trade.</summary>
    public Quote? CurrentQuote => _last is { } last
        ? new Quote(ContractId, SymbolId, last, last, last + TickSize, last - _previousDayClose,
            _previousDayClose == 0 ? 0 : decimal.Round((last - _previousDayClose) / _previousDayClose * 100m, 4),
            _dayOpen, _dayHigh, _dayLow, _dayVolume, _clock.GetUtcNow())
        : null;

    /// <summary>Plays the next trade; false when the file is finished.</summary>
    public bool TryNext(out MarketTick tick)
    {
        tick = null!;
        if (Finished)
            return false;
        var bar = _bars[_next];
        var time = bar.OpenTime + Period * _step / PricePath.PointsPerBar;
        var price = PricePath.At(bar, _step);
        var quarter = bar.Volume / PricePath.PointsPerBar;
        var volume = _step == PricePath.PointsPerBar - 1 ? bar.Volume - 3 * quarter : quarter;

        var day = CmeSession.TradingDayOf(time);
        if (day != _tradingDay)
        {
            _previousDayClose = _last ?? price;
            StartDay(day, price);
        }
        _dayHigh = Math.Max(_dayHigh, price);
        _dayLow = Math.Min(_dayLow, price);
        _dayVolume += volume;

        var aggressor = _last is { } previous && price < previous ? 1 : 0;
        tick = new MarketTick(ContractId, time, price, volume, _step == 0, aggressor);
        _last = price;
        _partial = _step == 0
            ? new Bar(bar.OpenTime, price, price, price, price, volume)
            : new Bar(bar.OpenTime, _partial.Open, Math.Max(_partial.High, price), Math.Min(_partial.Low, price), price, _partial.Volume + volume);

        if (++_step == PricePath.PointsPerBar)
        {
            _step = 0;
            _next++;
        }
        return true;
    }

    private void StartDay(DateOnly day, decimal open)
    {
        _tradingDay = day;
        _dayOpen = open;
        _dayHigh = open;
        _dayLow = open;
        _dayVolume = 0;
    }
}
