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
        // (pandas max/min of an empty column is NaN; the series holds finite values only.)
        var maxHigh = n > 0 ? high[0] : double.NaN;
        var minLow = n > 0 ? low[0] : double.NaN;
        for (var i = 1; i < n; i++)
        {
            maxHigh = Math.Max(maxHigh, high[i]);
            minLow = Math.Min(minLow, low[i]);
        }
        var pipRange = (maxHigh - minLow) * rangePercent;

        // smc.py#L605-L608, §1.4: all four outputs are float32 arrays pre-filled with NaN.
        var liquidity = EmptyColumn.Float32(n);
        var level = EmptyColumn.Float32(n);
        var end = EmptyColumn.Float32(n);
        var swept = EmptyColumn.Float32(n);

        // One scan collects both swing types: positions in bar order, and for every bar j the
        // number of swings of each type before it (to turn the sweep bar into an entry limit).
        var highLow = swings.HighLowArray;
        var highs = new Swings(ArrayPool<int>.Shared.Rent(n + 1), ArrayPool<int>.Shared.Rent(n + 1));
        var lows = new Swings(ArrayPool<int>.Shared.Rent(n + 1), ArrayPool<int>.Shared.Rent(n + 1));
        for (var i = 0; i < n; i++)
        {
            highs.Before[i] = highs.Count;
            lows.Before[i] = lows.Count;
            var t = highLow[i];
            if (t == 1)
                highs.Positions[highs.Count++] = i;
            else if (t == -1)
                lows.Positions[lows.Count++] = i;
        }
        highs.Before[n] = highs.Count;
        lows.Before[n] = lows.Count;

        var outputs = new Outputs(liquidity, level, end, swept);
        Pass(series, swings, 1, pipRange, highs, ForwardCrossingSearch.Above(high), outputs);
        Pass(series, swings, -1, pipRange, lows, ForwardCrossingSearch.Below(low), outputs);
        highs.Return();
        lows.Return();
        return new LiquidityResult(liquidity, level, end, swept);
    }

    // The swings of one type: bars in order (Positions[0..Count)) and Before[j] = swings before bar j.
    private sealed class Swings(int[] positions, int[] before)
    {
        public int[] Positions { get; } = positions;

        public int[] Before { get; } = before;

        public int Count { get; set; }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Positions);
            ArrayPool<int>.Shared.Return(Before);
        }
    }

    private readonly record struct Outputs(float[] Liquidity, float[] Level, float[] End, float[] Swept);

    // smc.py#L610-L652 (bullish) and #L654-L690 (bearish, mirrored).
    private static void Pass(SmcSeries series, SwingHighsLowsResult swings, int type, double pipRange, Swings swingsOfType, ForwardCrossingSearch sweeps, Outputs outputs)
    {
        var n = series.Count;
        var swingLevel = swings.LevelArray;
        var positions = swingsOfType.Positions;
        var before = swingsOfType.Before;
        var count = swingsOfType.Count;
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
            ungrouped.Claim(rangeLow, rangeHigh, e, limit, claimed);
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
    }
}
