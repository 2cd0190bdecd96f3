using GoldBot.Indicators;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Baselines;

/// <summary>
/// Baseline signal source: a moving-average crossover on the entry time frame. When the fast EMA
/// of closes crosses above the slow one it signals long, below it short (the textbook trend
/// follower, e.g. Murphy, <i>Technical Analysis of the Financial Markets</i>, ch. 9). The stop is
/// <c>max(minStopTicks, ceil(stopAtr × ATR(14, Wilder)))</c> ticks from the entry; a wider stop
/// than <c>maxStopTicks</c>, or a cross before ATR is ready, is a rejected signal. Targets, sizing
/// and every account rule come from the same risk manager and executor as the strategy's trades.
/// </summary>
public sealed class EmaCrossoverSignals : ISignalSource
{
    /// <summary>Pattern name on the signals and trades.</summary>
    public const string Pattern = "ema_crossover";

    private readonly ContractSpec _contract;
    private readonly BarAggregator _entryBars;
    private readonly TimeSpan _entryPeriod;
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly AverageTrueRange _atr = new(14);
    private readonly Bar[] _completed = new Bar[2];
    private readonly decimal _stopAtr;
    private readonly int _minStopTicks;
    private readonly int _maxStopTicks;
    private int _side;

    /// <summary>Creates the source for <paramref name="contract"/> fed with bars of <paramref name="sourcePeriod"/>.</summary>
    /// <param name="entryTimeFrame">Time frame the averages run on, e.g. <c>15m</c>.</param>
    /// <param name="fast">Fast EMA period, entry bars (default 20).</param>
    /// <param name="slow">Slow EMA period, entry bars (default 50), greater than <paramref name="fast"/>.</param>
    /// <param name="stopAtr">Stop distance in ATRs (default 1.5).</param>
    /// <param name="minStopTicks">Smallest stop, ticks.</param>
    /// <param name="maxStopTicks">Largest stop, ticks; wider setups are rejected.</param>
    /// <exception cref="ArgumentException">The time frame is not a multiple of the source period, or the periods are not 0 &lt; fast &lt; slow.</exception>
    public EmaCrossoverSignals(ContractSpec contract, TimeSpan sourcePeriod, string entryTimeFrame = "15m", int fast = 20, int slow = 50,
        decimal stopAtr = 1.5m, int minStopTicks = 20, int maxStopTicks = 200)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (fast <= 0 || slow <= fast)
            throw new ArgumentException($"EMA periods must satisfy 0 < fast < slow, not {fast}/{slow}", nameof(slow));
        _contract = contract;
        var frame = TimeFrame.Parse(entryTimeFrame);
        _entryBars = new BarAggregator(sourcePeriod, frame);
        _entryPeriod = frame.Period;
        _fast = new ExponentialMovingAverage(fast);
        _slow = new ExponentialMovingAverage(slow);
        _stopAtr = stopAtr;
        _minStopTicks = minStopTicks;
        _maxStopTicks = maxStopTicks;
    }

    /// <inheritdoc/>
    public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var n = _entryBars.Add(bar, _completed);
        for (var i = 0; i < n; i++)
            OnEntryBar(_completed[i], signals);
    }

    private void OnEntryBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        var tick = (double)_contract.TickSize;
        var atr = _atr.Add((double)bar.High / tick, (double)bar.Low / tick, (double)bar.Close / tick);
        var fast = _fast.Add((double)bar.Close);
        var slow = _slow.Add((double)bar.Close);
        if (fast is not { } f || slow is not { } s || f == s)
            return;
        var side = f > s ? 1 : -1;
        var previous = _side;
        _side = side;
        if (previous == 0 || previous == side)
            return;

        var stopTicks = atr is { } a ? (int)Math.Max(_minStopTicks, Math.Ceiling((double)_stopAtr * a)) : _minStopTicks;
        string? rejection = atr is null ? "ATR not ready"
            : stopTicks > _maxStopTicks ? $"stop {stopTicks} ticks wider than maximum {_maxStopTicks}"
            : null;
        signals.Add(BaselineSignal.Create(Pattern, bar.OpenTime + _entryPeriod, side, bar.Close, stopTicks, atr ?? 0, rejection));
    }
}
