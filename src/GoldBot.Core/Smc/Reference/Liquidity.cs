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
    /// Finds the equal-highs and equal-lows pools: ungrouped swings bucketed by level (each start
    /// reads only the swings near its level and before its sweep) and O(log N) sweep searches
    /// (the library rescans all later swings and bars).
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
        var pipRange = n > 0 ? (high.Max() - low.Min()) * rangePercent : double.NaN;

        // smc.py#L605-L608, §1.4: all four outputs are float32 arrays pre-filled with NaN. Pools
        // start on swing rows, so the result keeps one value per swing row.
        var entries = swings.EntryCount;
        var outputs = new Outputs(EmptyColumn.Float32(entries), EmptyColumn.Float32(entries), EmptyColumn.Float32(entries), EmptyColumn.Float32(entries));

        // The swings of each type, as entries of the swing rows, in bar order.
        var types = swings.Types;
        var highs = ArrayPool<int>.Shared.Rent(Math.Max(entries, 1));
        var lows = ArrayPool<int>.Shared.Rent(Math.Max(entries, 1));
        int highCount = 0, lowCount = 0;
        for (var e = 0; e < entries; e++)
        {
            if (types[e] == 1)
                highs[highCount++] = e;
            else if (types[e] == -1)
                lows[lowCount++] = e;
        }
        using (var sweeps = ForwardCrossingSearch.Above(high))
            Pass(series, swings, 1, pipRange, highs.AsSpan(0, highCount), sweeps, outputs);
        using (var sweeps = ForwardCrossingSearch.Below(low))
            Pass(series, swings, -1, pipRange, lows.AsSpan(0, lowCount), sweeps, outputs);
        ArrayPool<int>.Shared.Return(highs);
        ArrayPool<int>.Shared.Return(lows);
        return new LiquidityResult(n, swings.RowArray, entries, outputs.Liquidity, outputs.Level, outputs.End, outputs.Swept);
    }

    private readonly record struct Outputs(float[] Liquidity, float[] Level, float[] End, float[] Swept);

    // smc.py#L610-L652 (bullish) and #L654-L690 (bearish, mirrored). `ofType` holds the swing
    // entries of this type in bar order; group members are numbered by their place in it.
    private static void Pass(SmcSeries series, SwingHighsLowsResult swings, int type, double pipRange, ReadOnlySpan<int> ofType, ForwardCrossingSearch sweeps, Outputs outputs)
    {
        var n = series.Count;
        var rows = swings.RowArray;
        var swingLevels = swings.Levels;
        var count = ofType.Length;
        var positions = ArrayPool<int>.Shared.Rent(Math.Max(count, 1));
        var levels = ArrayPool<double>.Shared.Rent(Math.Max(count, 1));
        for (var m = 0; m < count; m++)
        {
            positions[m] = rows[ofType[m]];
            levels[m] = swingLevels[ofType[m]];
        }

        var ungrouped = new UngroupedSwingIndex(levels, count, pipRange);
        var used = new bool[count];
        var claimed = new List<int>();
        for (var m = 0; m < count; m++)
        {
            // smc.py#L613-L615: swings already grouped are not group starts.
            if (used[m] || !ungrouped.RemoveStart(m))
                continue;
            var i = positions[m];
            var start = levels[m];

            // smc.py#L622-L632: Swept = first bar after i whose high ≥ level + tolerance (low ≤
            // level − tolerance for lows), 0 if none. Measured from the first swing, not the mean.
            var sweptBar = i + 1 < n ? sweeps.FirstAtOrBeyond(i + 1, type == 1 ? start + pipRange : start - pipRange) : -1;
            if (sweptBar < 0)
                sweptBar = 0;

            // smc.py#L634-L645: later ungrouped swings with level in [low, high] (inclusive),
            // stopping at the sweep bar (members are those before it); out-of-band swings are
            // skipped, not terminating.
            var limit = sweptBar != 0 ? LowerBound(positions.AsSpan(0, count), sweptBar) : count;
            claimed.Clear();
            ungrouped.Claim(m, limit, claimed);
            if (claimed.Count == 0)
                continue;

            // smc.py#L646-L652: sum(group_levels) adds left to right in bar order (Python 3.11
            // float addition from the int 0, so a first level of −0.0 sums as 0.0; claimed is in
            // bar order), then divides; the mean is stored as float32 (§1.4).
            var sum = 0.0 + start;
            foreach (var member in claimed)
            {
                sum += levels[member];
                used[member] = true;
            }
            var mean = sum / (claimed.Count + 1);
            var entry = ofType[m];
            outputs.Liquidity[entry] = type;
            outputs.Level[entry] = (float)mean;
            outputs.End[entry] = positions[claimed[^1]];
            outputs.Swept[entry] = sweptBar;
        }
        ArrayPool<int>.Shared.Return(positions);
        ArrayPool<double>.Shared.Return(levels);
    }

    // Number of values below `value` in the ascending `values`.
    private static int LowerBound(ReadOnlySpan<int> values, int value)
    {
        var index = values.BinarySearch(value);
        return index >= 0 ? index : ~index;
    }
}
