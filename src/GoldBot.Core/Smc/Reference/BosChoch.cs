using System.Buffers;

namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.bos_choch(ohlc, swing_highs_lows, close_break)</c> of <c>smartmoneyconcepts</c> 0.0.27
/// (smc.py#L221-L373; spec shared/research/smc.md §2.3): 4-swing break-of-structure and
/// change-of-character patterns, stamped on the broken swing, kept only if a later bar breaks
/// the level, reproduced exactly including quirks B3, B4 and B13.
/// </summary>
public static class BosChoch
{
    /// <summary>
    /// Finds BOS/CHOCH signals over <paramref name="swings"/> (normally
    /// <see cref="SwingHighsLows.Compute"/> of the same series). With
    /// <paramref name="closeBreak"/> the break needs a close beyond the level, otherwise a wick.
    /// O(S) pattern pass over the S swings plus O(log N) per signal for its break (the library
    /// scans linearly) and an amortised O(1) stack for the supersede step (the library's loop is
    /// quadratic).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The swings do not have one row per bar.</exception>
    public static BosChochResult Compute(SmcSeries series, SwingHighsLowsResult swings, bool closeBreak = true)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        if (swings.RowCount != n)
            throw new ArgumentException($"swings have {swings.RowCount} rows, the series has {n} bars.", nameof(swings));
        var rows = swings.RowArray;
        var highLow = swings.Types;
        var swingLevel = swings.Levels;
        var entries = highLow.Length;

        // Signals are stamped on swing rows, so the result keeps one value per swing row. The
        // library's int/float32 arrays hold 0 for "none" and turn 0 into NaN at the end
        // (smc.py#L362-L366); here entries hold NaN from the start and signals are written as found.
        var bos = EmptyColumn.Float64(entries);
        var choch = EmptyColumn.Float64(entries);
        var level = EmptyColumn.Float32(entries);
        var broken = EmptyColumn.Float64(entries);
        var signals = ArrayPool<int>.Shared.Rent(Math.Max(entries, 1));
        var signalCount = 0;

        // smc.py#L252-L333: every row with a non-NaN HighLow (artificial endpoints included)
        // joins the swing sequence; on the k-th swing (k ≥ 3) the last four decide the signal
        // stamped on the row of swing k−2. Comparisons are float64 and strict (chained `<`).
        // B4: the signal needs swing k, the next swing of the broken type, so it is known late.
        double t0 = 0, t1 = 0, t2 = 0, l0 = 0, l1 = 0, l2 = 0;
        int p1 = 0, p2 = 0; // entries of swings k−2 and k−1
        var swingCount = 0;
        for (var e = 0; e < entries; e++)
        {
            var t3 = highLow[e];
            if (double.IsNaN(t3))
                continue;
            var l3 = swingLevel[e];
            if (swingCount >= 3)
            {
                var bullishShape = t0 == -1 && t1 == 1 && t2 == -1 && t3 == 1;
                var bearishShape = t0 == 1 && t1 == -1 && t2 == 1 && t3 == -1;
                var b = 0;
                var c = 0;
                if (bullishShape && l0 < l2 && l2 < l1 && l1 < l3)
                    b = 1;
                if (bearishShape && l0 > l2 && l2 > l1 && l1 > l3)
                    b = -1;
                if (bullishShape && l3 > l1 && l1 > l0 && l0 > l2)
                    c = 1;
                if (bearishShape && l3 < l1 && l1 < l0 && l0 < l2)
                    c = -1;
                if (b != 0 || c != 0)
                {
                    if (b != 0)
                        bos[p1] = b;
                    if (c != 0)
                        choch[p1] = c;
                    // smc.py#L248, §1.4/B13: the level array is float32; 0 would print as NaN.
                    var f = (float)l1;
                    if (f != 0)
                        level[p1] = f;
                    signals[signalCount++] = p1;
                }
            }
            t0 = t1;
            t1 = t2;
            t2 = t3;
            l0 = l1;
            l1 = l2;
            l2 = l3;
            p1 = p2;
            p2 = e;
            swingCount++;
        }

        // smc.py#L335-L352: for each signal s in row order, the break is the first j ≥ s+2 whose
        // close (or high/low without close_break) is beyond the float32 level (§1.4, B13).
        using var above = ForwardCrossingSearch.Above(closeBreak ? series.CloseArray : series.HighArray);
        using var below = ForwardCrossingSearch.Below(closeBreak ? series.CloseArray : series.LowArray);
        // Earlier signals that broke and are still alive have strictly increasing BrokenIndex in
        // row order (each break removed the earlier ones with BrokenIndex ≥ it), so the library's
        // "remove every earlier k with broken[k] ≥ j" pops a suffix of this stack.
        var alive = ArrayPool<int>.Shared.Rent(Math.Max(signalCount, 1));
        var aliveCount = 0;
        for (var k = 0; k < signalCount; k++)
        {
            var s = signals[k];
            // The stamped level is the swing's own level on row s.
            var threshold = (double)(float)swingLevel[s];
            var j = bos[s] == 1 || choch[s] == 1
                ? above.FirstBeyond(rows[s] + 2, threshold)
                : below.FirstBeyond(rows[s] + 2, threshold);
            if (j < 0)
            {
                // smc.py#L354-L360: signals that never break are removed.
                bos[s] = choch[s] = double.NaN;
                level[s] = float.NaN;
                continue;
            }
            broken[s] = j;
            while (aliveCount > 0 && broken[alive[aliveCount - 1]] >= j)
            {
                var superseded = alive[--aliveCount];
                // smc.py#L348-L352, B3: the superseded signal is cleared but keeps its
                // BrokenIndex, which later shows as an orphan BrokenIndex row.
                bos[superseded] = choch[superseded] = double.NaN;
                level[superseded] = float.NaN;
            }
            alive[aliveCount++] = s;
        }
        ArrayPool<int>.Shared.Return(signals);
        ArrayPool<int>.Shared.Return(alive);
        return new BosChochResult(n, rows, entries, bos, choch, level, broken);
    }
}
