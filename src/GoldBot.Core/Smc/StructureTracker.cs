namespace GoldBot.Smc;

/// <summary>A close beyond a swing level.</summary>
/// <param name="Direction">+1 close above a swing high, −1 close below a swing low.</param>
/// <param name="IsChangeOfCharacter">True when the break went against the trend held before it.</param>
/// <param name="Level">The broken swing level, in ticks.</param>
/// <param name="SwingIndex">Bar index of the broken swing.</param>
/// <param name="Scope">Structure level of the broken swing.</param>
internal readonly record struct StructureBreak(sbyte Direction, bool IsChangeOfCharacter, long Level, int SwingIndex, StructureScope Scope);

/// <summary>
/// Market structure for one swing length, as a trend state machine in the manner of LuxAlgo's
/// "Smart Money Concepts": a close above the last unbroken swing high is a change of character
/// when the trend was bearish, otherwise a break of structure; then the trend is bullish and
/// that high is spent. Mirror for lows. Stamped at the break bar (causal). Swings are labelled
/// HH/LH/HL/LL against the previous swing of the same type.
/// </summary>
internal sealed class StructureTracker
{
    private const int Recent = 8;
    private readonly Swing[] _highs = new Swing[Recent];
    private readonly Swing[] _lows = new Swing[Recent];
    private int _highCount;
    private int _lowCount;
    // The closes that break structure: above the last unspent swing high, below the last unspent swing low. A spent swing's
    // level is the type's extreme value, which no close passes.
    private long _breakAbove = long.MaxValue;
    private long _breakBelow = long.MinValue;

    public StructureTracker(StructureScope scope) => Scope = scope;

    public StructureScope Scope { get; }

    /// <summary>+1 bullish, −1 bearish, 0 before the first break.</summary>
    public sbyte Trend { get; private set; }

    public bool HasHigh => _highCount > 0;

    public bool HasLow => _lowCount > 0;

    public Swing LastHigh => _highs[(_highCount - 1) % Recent];

    public Swing LastLow => _lows[(_lowCount - 1) % Recent];

    /// <summary>Records a confirmed swing and returns its label against the previous one of its type.</summary>
    public SwingLabel OnSwing(in Swing swing)
    {
        SwingLabel label;
        if (swing.IsHigh)
        {
            label = !HasHigh || LastHigh.Level == swing.Level ? SwingLabel.None
                : swing.Level > LastHigh.Level ? SwingLabel.HigherHigh : SwingLabel.LowerHigh;
            _highs[_highCount++ % Recent] = swing;
            _breakAbove = swing.Level;
        }
        else
        {
            label = !HasLow || LastLow.Level == swing.Level ? SwingLabel.None
                : swing.Level > LastLow.Level ? SwingLabel.HigherLow : SwingLabel.LowerLow;
            _lows[_lowCount++ % Recent] = swing;
            _breakBelow = swing.Level;
        }
        return label;
    }

    /// <summary>True when a bar closing at <paramref name="close"/> (ticks) breaks structure: <see cref="CheckBreaks"/> has work.</summary>
    public bool BrokenBy(long close) => close > _breakAbove || close < _breakBelow;

    /// <summary>Checks the bar's close against the last unspent swing high and low.</summary>
    /// <returns>Number of breaks written (0, 1, or rarely 2: bullish first).</returns>
    public int CheckBreaks(in TickBar bar, Span<StructureBreak> breaks)
    {
        var count = 0;
        if (bar.Close > _breakAbove)
        {
            breaks[count++] = new StructureBreak(1, Trend == -1, LastHigh.Level, LastHigh.Index, Scope);
            Trend = 1;
            _breakAbove = long.MaxValue;
        }
        if (bar.Close < _breakBelow)
        {
            breaks[count++] = new StructureBreak(-1, Trend == 1, LastLow.Level, LastLow.Index, Scope);
            Trend = -1;
            _breakBelow = long.MinValue;
        }
        return count;
    }

    /// <summary>True when a confirmed swing of this scope has its extreme at bar <paramref name="index"/>.</summary>
    public bool HasSwingAt(int index, bool high)
    {
        var swings = high ? _highs : _lows;
        var count = Math.Min(high ? _highCount : _lowCount, Recent);
        for (var i = 0; i < count; i++)
        {
            if (swings[i].Index == index)
                return true;
        }
        return false;
    }

    /// <summary>The latest confirmed swing of the given type whose extreme is before <paramref name="index"/>.</summary>
    public bool TryGetSwingBefore(int index, bool high, out Swing swing)
    {
        var swings = high ? _highs : _lows;
        var total = high ? _highCount : _lowCount;
        for (var k = total - 1; k >= Math.Max(0, total - Recent); k--)
        {
            swing = swings[k % Recent];
            if (swing.Index < index)
                return true;
        }
        swing = default;
        return false;
    }
}
