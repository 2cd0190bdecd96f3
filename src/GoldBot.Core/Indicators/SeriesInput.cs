using GoldBot.Market;

namespace GoldBot.Indicators;

/// <summary>
/// Checks on the arrays given to the batch (<c>Series</c>) forms and conversion of a bar list into
/// the columns those forms read. Prices are converted from decimal to double, as Skender does.
/// </summary>
internal static class SeriesInput
{
    /// <summary>Throws unless every column has <paramref name="length"/> elements.</summary>
    /// <exception cref="ArgumentException">A column's length differs.</exception>
    public static void RequireLength(int length, int actual, string paramName)
    {
        if (actual != length)
            throw new ArgumentException($"expected {length} values (one per bar), got {actual}", paramName);
    }

    /// <summary>High, low and close of every bar, in list order.</summary>
    public static (double[] High, double[] Low, double[] Close) Prices(IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var high = new double[bars.Count];
        var low = new double[bars.Count];
        var close = new double[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            high[i] = (double)bars[i].High;
            low[i] = (double)bars[i].Low;
            close[i] = (double)bars[i].Close;
        }
        return (high, low, close);
    }

    /// <summary>Close of every bar, in list order.</summary>
    public static double[] Closes(IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var close = new double[bars.Count];
        for (var i = 0; i < close.Length; i++)
            close[i] = (double)bars[i].Close;
        return close;
    }

    /// <summary>Open time of every bar, in list order.</summary>
    public static DateTimeOffset[] Times(IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var times = new DateTimeOffset[bars.Count];
        for (var i = 0; i < times.Length; i++)
            times[i] = bars[i].OpenTime;
        return times;
    }
}
