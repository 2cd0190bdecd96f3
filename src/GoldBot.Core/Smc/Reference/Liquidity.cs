using System.Buffers;

namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.liquidity(ohlc, swing_highs_lows, range_percent)</c> of <c>smartmoneyconcepts</c>
/// 0.0.27 (smc.py#L572-L698; spec shared/research/smc.md §2.5): groups of two or more swing highs
/// (lows) within ± tolerance of the group's first swing, before that swing is swept.
/// The tolerance is <c>range_percent</c> × the high−low range of the whole input (B9).
/// </summary>
public static class Liquidity
{
    /// <summary>
    /// Finds the equal-highs and equal-lows pools. O(S log S + N) with a level-sorted segment
    /// tree of ungrouped swings and O(log N) sweep searches (the library rescans all later
    /// swings and bars).
    /// </summary>
    /// <param name="rangePercent">Tolerance as a fraction of the global range (0.01 = 1 %).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The swings do not have one row per bar.</exception>
    public static LiquidityResult Compute(SmcSeries series, SwingHighsLowsResult swings, double rangePercent = 0.01)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        if (swings.RowCount != n)
            throw new ArgumentException($"swings have {swings.RowCount} rows, the series has {n} bars.", nameof(swings));
        var high = series.HighArray;
        var low = series.LowArray;

        // smc.py#L595, B1/B9: look-ahead through the global range of the entire input.
        var maxHigh = double.NaN;
        var minLow = double.NaN;
        for (var i = 0; i < n; i++)
        {
            if (high[i] > maxHigh || double.IsNaN(maxHigh))
                maxHigh = high[i];
            if (low[i] < minLow || double.IsNaN(minLow))
                minLow = low[i];
        }
        var pipRange = (maxHigh - minLow) * rangePercent;

        // smc.py#L605-L608, §1.4: all four outputs are float32 arrays pre-filled with NaN.
        var liquidity = EmptyColumn.Float32(n);
        var level = EmptyColumn.Float32(n);
        var end = EmptyColumn.Float32(n);
        var swept = EmptyColumn.Float32(n);

        var outputs = new Outputs(liquidity, level, end, swept);
        Pass(series, swings, 1, pipRange, ForwardCrossingSearch.Above(high), outputs);
        Pass(series, swings, -1, pipRange, ForwardCrossingSearch.Below(low), outputs);
        return new LiquidityResult(liquidity, level, end, swept);
    }

    private readonly record struct Outputs(float[] Liquidity, float[] Level, float[] End, float[] Swept);

    // smc.py#L610-L652 (bullish) and #L654-L690 (bearish, mirrored).
    private static void Pass(SmcSeries series, SwingHighsLowsResult swings, int type, double pipRange, ForwardCrossingSearch sweeps, Outputs outputs)
    {
        var n = series.Count;
        var highLow = swings.HighLowArray;
        var swingLevel = swings.LevelArray;
        // positions[e] = bar of the e-th swing of this type; before[j] = swings before bar j.
        var positions = ArrayPool<int>.Shared.Rent(n + 1);
        var before = ArrayPool<int>.Shared.Rent(n + 1);
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            before[i] = count;
            if (highLow[i] == type)
                positions[count++] = i;
        }
        before[n] = count;
        var levels = new double[count];
        for (var e = 0; e < count; e++)
            levels[e] = swingLevel[positions[e]];

        var ungrouped = new UngroupedSwingIndex(levels);
        var used = new bool[count];
        var claimed = new List<int>();
        for (var e = 0; e < count; e++)
        {
            // smc.py#L613-L615: swings already grouped are not group starts.
            if (used[e])
                continue;
            ungrouped.Remove(e);
            var i = positions[e];
            var start = levels[e];
            var rangeLow = start - pipRange;
            var rangeHigh = start + pipRange;

            // smc.py#L622-L632: Swept = first bar after i whose high ≥ level + tolerance (low ≤
            // level − tolerance for lows), 0 if none. Measured from the first swing, not the mean.
            var sweptBar = i + 1 < n ? sweeps.FirstAtOrBeyond(i + 1, type == 1 ? rangeHigh : rangeLow) : -1;
            if (sweptBar < 0)
                sweptBar = 0;

            // smc.py#L634-L645: later ungrouped swings with level in [low, high] (inclusive),
            // stopping at the sweep bar; out-of-band swings are skipped, not terminating.
            var limit = sweptBar != 0 ? before[sweptBar] : count;
            if (limit <= e + 1)
                continue;
            claimed.Clear();
            ungrouped.Claim(rangeLow, rangeHigh, limit, claimed);
            if (claimed.Count == 0)
                continue;

            // smc.py#L646-L652: sum(group_levels) adds left to right in bar order (Python 3.11
            // float addition; claimed is in bar order), then divides; the mean is stored as
            // float32 (§1.4).
            var sum = start;
            foreach (var member in claimed)
            {
                sum += levels[member];
                used[member] = true;
            }
            var mean = sum / (claimed.Count + 1);
            outputs.Liquidity[i] = type;
            outputs.Level[i] = (float)mean;
            outputs.End[i] = positions[claimed[^1]];
            outputs.Swept[i] = sweptBar;
        }
        ArrayPool<int>.Shared.Return(positions);
        ArrayPool<int>.Shared.Return(before);
    }
}
