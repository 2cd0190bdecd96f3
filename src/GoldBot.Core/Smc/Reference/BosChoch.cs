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
    /// O(S) pattern pass plus O(log N) per signal for its break (the library scans linearly)
    /// and an amortised O(1) stack for the supersede step (the library's loop is quadratic).
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
        var highLow = swings.HighLowArray;
        var swingLevel = swings.LevelArray;

        var bos = new int[n];
        var choch = new int[n];
        // smc.py#L248, §1.4/B13: the level array is float32; the break test below compares the
        // float64 prices with this rounded value.
        var level = new float[n];
        var signals = new int[n];
        var signalCount = 0;

        // smc.py#L252-L333: every row with a non-NaN HighLow (artificial endpoints included)
        // joins the swing sequence; on the k-th swing (k ≥ 3) the last four decide the signal
        // stamped on the row of swing k−2. Comparisons are float64 and strict (chained `<`).
        double t0 = 0, t1 = 0, t2 = 0, l0 = 0, l1 = 0, l2 = 0;
        int p1 = 0, p2 = 0; // rows of swings k−2 and k−1
        var swingCount = 0;
        for (var i = 0; i < n; i++)
        {
            var t3 = highLow[i];
            if (double.IsNaN(t3))
                continue;
            var l3 = swingLevel[i];
            if (swingCount >= 3)
            {
                var row = p1;
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
                bos[row] = b;
                choch[row] = c;
                level[row] = b != 0 || c != 0 ? (float)l1 : 0f;
                if (b != 0 || c != 0)
                    signals[signalCount++] = row;
            }
            t0 = t1;
            t1 = t2;
            t2 = t3;
            l0 = l1;
            l1 = l2;
            l2 = l3;
            p1 = p2;
            p2 = i;
            swingCount++;
        }

        // smc.py#L335-L352: for each signal s in row order, the break is the first j ≥ s+2 whose
        // close (or high/low without close_break) is beyond the float32 level (§1.4).
        var bullishSource = closeBreak ? series.CloseArray : series.HighArray;
        var bearishSource = closeBreak ? series.CloseArray : series.LowArray;
        var above = ForwardCrossingSearch.Above(bullishSource);
        var below = ForwardCrossingSearch.Below(bearishSource);
        var broken = new int[n];
        // Earlier signals that broke and are still alive have strictly increasing BrokenIndex in
        // row order (each break removed the earlier ones with BrokenIndex ≥ it), so the library's
        // "remove every earlier k with broken[k] ≥ j" pops a suffix of this stack.
        var alive = new int[signalCount];
        var aliveCount = 0;
        for (var k = 0; k < signalCount; k++)
        {
            var s = signals[k];
            int j;
            if (bos[s] == 1 || choch[s] == 1)
                j = above.FirstBeyond(s + 2, level[s]);
            else
                j = below.FirstBeyond(s + 2, level[s]);
            if (j < 0)
                continue;
            broken[s] = j;
            while (aliveCount > 0 && broken[alive[aliveCount - 1]] >= j)
            {
                var superseded = alive[--aliveCount];
                // smc.py#L348-L352, B3: the superseded signal is cleared but keeps its
                // BrokenIndex, which later shows as an orphan BrokenIndex row.
                bos[superseded] = 0;
                choch[superseded] = 0;
                level[superseded] = 0;
            }
            alive[aliveCount++] = s;
        }

        // smc.py#L354-L366: unbroken signals are dropped, then zeros become NaN.
        var bosOut = new double[n];
        var chochOut = new double[n];
        var levelOut = new float[n];
        var brokenOut = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (broken[i] == 0)
            {
                bos[i] = 0;
                choch[i] = 0;
                level[i] = 0;
            }
            bosOut[i] = bos[i] != 0 ? bos[i] : double.NaN;
            chochOut[i] = choch[i] != 0 ? choch[i] : double.NaN;
            levelOut[i] = level[i] != 0 ? level[i] : float.NaN;
            brokenOut[i] = broken[i] != 0 ? broken[i] : double.NaN;
        }
        return new BosChochResult(bosOut, chochOut, levelOut, brokenOut);
    }
}
