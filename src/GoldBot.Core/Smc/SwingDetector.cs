namespace GoldBot.Smc;

/// <summary>A confirmed swing point.</summary>
/// <param name="Index">Bar index of the swing's extreme.</param>
/// <param name="Level">The high (swing high) or low (swing low), in ticks.</param>
/// <param name="IsHigh">True for a swing high.</param>
/// <param name="KnownIndex">Bar at whose close the swing was confirmed (Index + n).</param>
internal readonly record struct Swing(int Index, long Level, bool IsHigh, int KnownIndex);

/// <summary>
/// Swing points with the same window as smartmoneyconcepts' <c>swing_highs_lows</c>
/// (<c>smc.py#L151-L163</c>): bar i is a swing high when <c>H[i] == max(H[i−n+1 .. i+n])</c>,
/// otherwise a swing low when <c>L[i] == min(L[i−n+1 .. i+n])</c>. Causal: the swing is
/// confirmed at the close of bar i + n and never revised. Unlike the library there is no
/// de-duplication of consecutive same-type swings (that needs later bars) and no artificial
/// end points. The 2n-bar window's extremes are kept incrementally.
/// </summary>
internal sealed class SwingDetector
{
    private readonly int _n;
    private readonly SlidingExtremes _window;

    public SwingDetector(int length)
    {
        _n = length;
        _window = new SlidingExtremes(2 * length);
    }

    public int Length => _n;

    /// <summary>Checks bar <c>last − n</c> once <paramref name="bar"/>, bar <paramref name="history"/>.Last, has closed.</summary>
    public bool TryConfirm(BarHistory history, in TickBar bar, out Swing swing)
    {
        _window.Add(bar);
        swing = default;
        var last = history.Last;
        var candidate = last - _n;
        if (candidate - _n + 1 < 0)
            return false;

        ref readonly var c = ref history[candidate];
        if (c.High == _window.Highest)
            swing = new Swing(candidate, c.High, true, last);
        else if (c.Low == _window.Lowest)
            swing = new Swing(candidate, c.Low, false, last);
        else
            return false;
        return true;
    }
}
