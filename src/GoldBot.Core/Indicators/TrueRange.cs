using GoldBot.Market;

namespace GoldBot.Indicators;

/// <summary>
/// True range (Wilder, <i>New Concepts in Technical Trading Systems</i>, 1978):
/// <c>TR = max(H − L, |H − prevC|, |L − prevC|)</c>, the bar's range widened to include a gap
/// from the previous close. Undefined (null) on the first bar, which has no previous close
/// (Skender.Stock.Indicators <c>ToTr</c> convention). Units are those of the prices given
/// (USD per ounce for MGC, or points). The incremental form allocates nothing after construction.
/// </summary>
public sealed class TrueRange
{
    private double _previousClose;
    private bool _hasPreviousClose;

    /// <summary>The latest true range, or null before the second bar (or when the prices are NaN).</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next bar and returns its true range (null on the first bar).</summary>
    /// <param name="high">Bar high.</param>
    /// <param name="low">Bar low.</param>
    /// <param name="close">Bar close (becomes the previous close for the next bar).</param>
    public double? Add(double high, double low, double close)
    {
        double? tr = _hasPreviousClose ? MissingValue.FromNaN(Of(high, low, _previousClose)) : null;
        _previousClose = close;
        _hasPreviousClose = true;
        return Value = tr;
    }

    /// <summary>
    /// The true range of one bar: <c>max(high − low, |high − previousClose|, |low − previousClose|)</c>.
    /// NaN if any input is NaN.
    /// </summary>
    public static double Of(double high, double low, double previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));

    /// <summary>
    /// True range of every bar, one result per bar in input order; element 0 is null.
    /// </summary>
    /// <param name="high">Bar highs, oldest first.</param>
    /// <param name="low">Bar lows, same length.</param>
    /// <param name="close">Bar closes, same length.</param>
    /// <exception cref="ArgumentException">The three columns differ in length.</exception>
    public static double?[] Series(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close)
    {
        SeriesInput.RequireLength(high.Length, low.Length, nameof(low));
        SeriesInput.RequireLength(high.Length, close.Length, nameof(close));
        var result = new double?[high.Length];
        for (var i = 1; i < high.Length; i++)
            result[i] = MissingValue.FromNaN(Of(high[i], low[i], close[i - 1]));
        return result;
    }

    /// <summary>True range of every bar (prices converted to double); element 0 is null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bars"/> is null.</exception>
    public static double?[] Series(IReadOnlyList<Bar> bars)
    {
        var (high, low, close) = SeriesInput.Prices(bars);
        return Series(high, low, close);
    }
}
