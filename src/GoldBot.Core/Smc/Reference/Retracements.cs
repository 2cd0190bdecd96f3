namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.retracements(ohlc, swing_highs_lows)</c> of <c>smartmoneyconcepts</c> 0.0.27
/// (smc.py#L900-L987; spec shared/research/smc.md §2.8): how far each bar's low (high) has
/// retraced the last bottom→top (top→bottom) swing leg, in percent, with quirk B12 (branch
/// asymmetry, <c>np.roll</c> wrap-around and the three-change warm-up).
/// </summary>
public static class Retracements
{
    /// <summary>Computes the retracements over <paramref name="swings"/>. O(N).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The swings do not have one row per bar.</exception>
    public static RetracementsResult Compute(SmcSeries series, SwingHighsLowsResult swings)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        if (swings.RowCount != n)
            throw new ArgumentException($"swings have {swings.RowCount} rows, the series has {n} bars.", nameof(swings));
        var high = series.HighArray;
        var low = series.LowArray;
        var highLow = swings.HighLow;
        var swingLevel = swings.Level;

        var direction = new int[n];
        var current = new double[n];
        var deepest = new double[n];
        double top = 0, bottom = 0;
        for (var i = 0; i < n; i++)
        {
            if (highLow[i] == 1)
            {
                direction[i] = 1;
                top = swingLevel[i];
            }
            else if (highLow[i] == -1)
            {
                direction[i] = -1;
                bottom = swingLevel[i];
            }
            else
            {
                direction[i] = i > 0 ? direction[i - 1] : 0;
            }

            // B12: smc.py#L935 tests direction[i − 1] (Python index −1 at i = 0, i.e. the last
            // element, still 0 unless N = 1), while #L948 tests direction[i]; on a swing-high bar
            // after a down-leg neither branch runs.
            var previous = direction[i > 0 ? i - 1 : n - 1];
            if (previous == 1)
            {
                var divisor = top - bottom;
                // smc.py#L937-L939: round() of a numpy.float64 is np.around (see NumpyRounding).
                current[i] = NumpyRounding.Around(divisor != 0 ? 100 - ((low[i] - bottom) / divisor * 100) : 0, 1);
                // Python max(a, b) returns b only if b > a, which keeps the sign of a zero a.
                var floor = i > 0 && direction[i - 1] == 1 ? deepest[i - 1] : 0;
                deepest[i] = current[i] > floor ? current[i] : floor;
            }
            if (direction[i] == -1)
            {
                var divisor = bottom - top;
                current[i] = NumpyRounding.Around(divisor != 0 ? 100 - ((high[i] - top) / divisor * 100) : 0, 1);
                var floor = i > 0 && direction[i - 1] == -1 ? deepest[i - 1] : 0;
                deepest[i] = current[i] > floor ? current[i] : floor;
            }
        }

        // smc.py#L963-L965, B12: np.roll(…, 1) shifts right with wrap-around (row 0 gets row N−1).
        Roll(direction);
        Roll(current);
        Roll(deepest);

        // smc.py#L968-L981, B12: zero rows until the third direction change, plus the row after it.
        var changes = 0;
        for (var i = 0; i + 1 < n; i++)
        {
            if (direction[i] != direction[i + 1])
                changes++;
            direction[i] = 0;
            current[i] = 0;
            deepest[i] = 0;
            if (changes == 3)
            {
                direction[i + 1] = 0;
                current[i + 1] = 0;
                deepest[i + 1] = 0;
                break;
            }
        }
        return new RetracementsResult(direction, current, deepest);
    }

    private static void Roll<T>(T[] values)
    {
        if (values.Length < 2)
            return;
        var last = values[^1];
        Array.Copy(values, 0, values, 1, values.Length - 1);
        values[0] = last;
    }
}
