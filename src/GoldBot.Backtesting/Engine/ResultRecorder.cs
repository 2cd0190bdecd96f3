using System.Runtime.CompilerServices;
using GoldBot.Backtesting.Statistics;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Engine;

/// <summary>
/// Builds the equity curve, its maximum drawdown, the CME trading days and the time in market of a run from one call
/// per bar, allocating nothing per bar (the equity curve's array is sized for the run's bars up front). Days run 17:00–17:00
/// CT and are named by the date they end on (<see cref="CmeSession.TradingDayOf"/>); a bar belongs
/// to the day of its open time, and a day starts from the equity at its first bar's open.
/// </summary>
internal sealed class ResultRecorder
{
    private readonly bool _recordEquity;
    private EquityPoint[] _equity;
    private int _equityCount;
    private readonly List<TradingDay> _days = [];
    private readonly List<TradeRecord> _trades = [];
    private readonly List<SignalRefusal> _refusals = [];
    private DateTimeOffset _dayOpen = DateTimeOffset.MaxValue;
    private DateTimeOffset _dayEnd = DateTimeOffset.MinValue;
    private DateOnly _day;
    private bool _inDay;
    private decimal _dayStart;
    private decimal _dayLow;
    private int _dayTrades;
    private decimal _last;
    private decimal _peak;
    private bool _marked;
    // True when the last bar repeated the one before it exactly (see EndBar), and no day started or amendment came since.
    private bool _steady;
    private decimal _lastDrawdown;
    private EquityDrawdown.Running _drawdown;
    private int _ambiguousTrades;
    private decimal _ambiguousGain;

    public ResultRecorder(decimal startingBalance, bool recordEquity, int bars)
    {
        _recordEquity = recordEquity;
        _equity = recordEquity ? LargeArray.Uninitialized<EquityPoint>(bars) : [];
        _last = _peak = startingBalance;
    }

    /// <summary>Bars during which a position was open.</summary>
    public long BarsInMarket { get; private set; }

    /// <summary>Closed trades so far, in order.</summary>
    public IReadOnlyList<TradeRecord> Trades => _trades;

    /// <summary>True when a bar opening at <paramref name="openTime"/> (UTC) starts a new trading day: call <see cref="StartDay"/> before the bar.</summary>
    public bool StartsDay(DateTimeOffset openTime) => openTime >= _dayEnd || openTime < _dayOpen;

    /// <summary>
    /// Closes the current day and starts the one of <paramref name="openTime"/> (UTC), so trades closing in
    /// this bar count towards it; <paramref name="equityAtOpen"/> is the equity at the bar's open, USD.
    /// </summary>
    public void StartDay(DateTimeOffset openTime, decimal equityAtOpen)
    {
        if (_inDay)
            _days.Add(new TradingDay(_day, _dayStart, _last, _dayLow, _dayTrades));
        _inDay = true;
        _day = CmeSession.TradingDayOf(openTime);
        _dayOpen = CmeSession.TradingDayOpen(_day);
        _dayEnd = CmeSession.TradingDayOpen(_day.AddDays(1));
        _dayStart = _dayLow = equityAtOpen;
        _dayTrades = 0;
        _steady = false;
    }

    /// <summary>Ends the bar begun last: its close (UTC), equity at its close and at its worst price for the position (USD).</summary>
    public void EndBar(DateTimeOffset closeTime, decimal equity, decimal worstEquity, bool inMarket)
    {
        if (inMarket)
            BarsInMarket++;
        var repeats = _marked && Same(equity, _last) && Same(worstEquity, equity);
        if (repeats && _steady)
        {
            // The same equity and worst equity, to the bit, as the bar before, which repeated its own predecessor: adding the
            // last equity again leaves the drawdown as it is, and the day's low, the peak and the point's drawdown are those of
            // the bar before (a flat account's bars, most of a backtest).
            if (_recordEquity)
                AddPoint(new EquityPoint(closeTime, equity, _lastDrawdown));
            return;
        }
        _steady = repeats;
        // The drawdown takes each bar's equity when the next bar ends, as the last bar's can still be amended (AmendLast).
        if (_marked)
            _drawdown.Add(_last);
        _marked = true;
        _dayLow = Math.Min(_dayLow, Math.Min(equity, worstEquity));
        _last = equity;
        _peak = Math.Max(_peak, equity);
        _lastDrawdown = _peak - equity;
        if (_recordEquity)
            AddPoint(new EquityPoint(closeTime, equity, _lastDrawdown));
    }

    private void AddPoint(in EquityPoint point)
    {
        if (_equityCount == _equity.Length)
            Array.Resize(ref _equity, Math.Max(16, 2 * _equity.Length));
        _equity[_equityCount++] = point;
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same decimal to the bit (value, scale and sign).</summary>
    private static bool Same(decimal a, decimal b) => Unsafe.BitCast<decimal, UInt128>(a) == Unsafe.BitCast<decimal, UInt128>(b);

    /// <summary>Adds a closed trade to the current day; <paramref name="targetFirstGain"/> (USD) is non-null when one of its exits was ambiguous.</summary>
    public void OnTradeClosed(TradeRecord trade, decimal? targetFirstGain)
    {
        _trades.Add(trade);
        _dayTrades++;
        if (targetFirstGain is { } gain)
        {
            _ambiguousTrades++;
            _ambiguousGain += gain;
        }
    }

    /// <summary>Records a signal that was not traded and why (<see cref="RiskDecision.Reason"/>).</summary>
    public void OnRefused(TradeSignal signal, string reason) =>
        _refusals.Add(new SignalRefusal(signal.Time, signal.Pattern, signal.Side, signal.Score, signal.Rejection is not null, reason));

    /// <summary>Replaces the last bar's equity (USD) after fills stamped at the last close (end-of-data flatten).</summary>
    public void AmendLast(decimal equity)
    {
        _steady = false;
        _last = equity;
        _peak = Math.Max(_peak, equity);
        _dayLow = Math.Min(_dayLow, equity);
        if (_recordEquity && _equityCount > 0)
            _equity[_equityCount - 1] = _equity[_equityCount - 1] with { Equity = equity, Drawdown = _peak - equity };
    }

    /// <summary>The result, closing the last day; <paramref name="finalRisk"/> is the risk manager's state after the last bar (null without one).</summary>
    public BacktestResult Finish(BacktestRunInfo run, RiskState? finalRisk = null)
    {
        if (_inDay)
            _days.Add(new TradingDay(_day, _dayStart, _last, _dayLow, _dayTrades));
        _inDay = false;
        EquityDrawdown? drawdown = null;
        if (_marked)
        {
            _drawdown.Add(_last);
            drawdown = _drawdown.Drawdown;
        }
        _marked = false;
        var booked = 0m;
        foreach (var t in _trades)
            booked += t.PnL ?? 0;
        return new BacktestResult(run, _trades, _days, new ArraySegment<EquityPoint>(_equity, 0, _equityCount), BarsInMarket, new ExitAmbiguity(_ambiguousTrades, booked, booked + _ambiguousGain))
        {
            Refusals = _refusals,
            FinalRisk = finalRisk,
            BarDrawdown = drawdown,
        };
    }
}
