namespace GoldBot.Smc;

/// <summary>
/// Highest high and lowest low of the last <c>window</c> bars (fewer before that many were added), by the van Herk / Gil–Werman
/// method (M. van Herk, "A fast algorithm for local minimum and maximum filters on rectangular and octagonal kernels",
/// Pattern Recognition Letters 13, 1992; J. Gil and M. Werman, IEEE PAMI 15, 1993): the bars are cut into blocks of
/// <c>window</c>, so the window ending at a bar covers the tail of the previous block and the head of the current one, and
/// its extreme is that of the previous block's suffix (computed once, when the block completes) and the current block's
/// running extreme. Three comparisons per bar and price, amortised, none of them a data-dependent branch; no allocation
/// after construction. Exact: the prices are whole ticks.
/// </summary>
internal sealed class SlidingExtremes
{
    // The current block's highs and lows so far, and the previous block's suffix extremes: index j holds the extreme of its
    // positions j..window−1 (before the first block completes, the identity of max or min, so only added bars count).
    private readonly long[] _blockHighs;
    private readonly long[] _blockLows;
    private readonly long[] _suffixHighs;
    private readonly long[] _suffixLows;
    private int _position;
    private long _runningHigh;
    private long _runningLow;

    public SlidingExtremes(int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        _blockHighs = new long[window];
        _blockLows = new long[window];
        _suffixHighs = new long[window];
        _suffixLows = new long[window];
        Array.Fill(_suffixHighs, long.MinValue);
        Array.Fill(_suffixLows, long.MaxValue);
    }

    /// <summary>Adds bar <paramref name="history"/>.Last, the bar after the one added last; bars that left the window no longer count.</summary>
    public void Add(BarHistory history)
    {
        ref readonly var bar = ref history[history.Last];
        var p = _position;
        _blockHighs[p] = bar.High;
        _blockLows[p] = bar.Low;
        _runningHigh = p == 0 ? bar.High : Math.Max(_runningHigh, bar.High);
        _runningLow = p == 0 ? bar.Low : Math.Min(_runningLow, bar.Low);
        var last = _blockHighs.Length - 1;
        if (p < last)
        {
            Highest = Math.Max(_runningHigh, _suffixHighs[p + 1]);
            Lowest = Math.Min(_runningLow, _suffixLows[p + 1]);
            _position = p + 1;
            return;
        }

        // The block is complete: the window is exactly this block, and its suffix extremes serve the next block's windows.
        (Highest, Lowest) = (_runningHigh, _runningLow);
        _suffixHighs[last] = bar.High;
        _suffixLows[last] = bar.Low;
        for (var j = last - 1; j >= 0; j--)
        {
            _suffixHighs[j] = Math.Max(_blockHighs[j], _suffixHighs[j + 1]);
            _suffixLows[j] = Math.Min(_blockLows[j], _suffixLows[j + 1]);
        }
        _position = 0;
    }

    /// <summary>The window's highest high, in ticks (<see cref="long.MinValue"/> before the first bar).</summary>
    public long Highest { get; private set; } = long.MinValue;

    /// <summary>The window's lowest low, in ticks (<see cref="long.MaxValue"/> before the first bar).</summary>
    public long Lowest { get; private set; } = long.MaxValue;
}
