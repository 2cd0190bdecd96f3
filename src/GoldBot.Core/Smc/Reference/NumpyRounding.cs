namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>round(x, d)</c> as it runs inside the library. The argument there is a <c>numpy.float64</c>
/// (prices come from <c>Series.iloc</c> and swing levels from a float64 column), and numpy
/// scalars implement <c>__round__</c> with <c>np.around</c>: <c>rint(x · 10^d) / 10^d</c> in
/// float64 (round half to even, sign kept, so <c>round(-0.04, 1)</c> is <c>-0.0</c>). That is
/// not CPython's correctly rounded <c>float.__round__</c>; the two differ for rare values whose
/// product with 10^d rounds onto a half.
/// </summary>
public static class NumpyRounding
{
    /// <summary>np.around(<paramref name="value"/>, <paramref name="decimals"/>) for 0 ≤ decimals ≤ 22.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0..22.</exception>
    public static double Around(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 22);
        var scale = 1.0;
        for (var d = 0; d < decimals; d++)
            scale *= 10;
        return Math.Round(value * scale, MidpointRounding.ToEven) / scale;
    }
}
