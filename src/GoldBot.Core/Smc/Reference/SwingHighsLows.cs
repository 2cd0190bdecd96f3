namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.swing_highs_lows(ohlc, swing_length)</c> of <c>smartmoneyconcepts</c> 0.0.27
/// (smc.py#L136-L219; spec shared/research/smc.md §2.2), reproduced exactly, look-ahead included:
/// a swing at bar i is only known n bars later, and rows 0 and N−1 are artificial.
/// </summary>
public static class SwingHighsLows
{
    /// <summary>
    /// Marks swing highs and lows with swing length n = <paramref name="swingLength"/> bars.
    /// O(N): sliding-window extremes with monotonic deques, then one pass over the candidates.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="swingLength"/> is below 1.</exception>
    public static SwingHighsLowsResult Compute(SmcSeries series, int swingLength = 50)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(swingLength, 1);
        var n = series.Count;
        var high = series.HighArray;
        var low = series.LowArray;
        var highLow = new double[n];
        var level = new double[n];
        Array.Fill(highLow, double.NaN);
        Array.Fill(level, double.NaN);

        // smc.py#L151-L163, B2: the window is shift(-n).rolling(2n), i.e. bars i−n+1 .. i+n
        // (n−1 before, n after), and rolling needs 2n shifted values, so only
        // 2n−1 ≤ i ≤ N−1−n can be candidates. Ties (==) mark every tied bar; a bar that is both
        // the window's max high and min low is a high.
        var window = 2 * swingLength;
        var maxQueue = new int[n];
        var minQueue = new int[n];
        int maxHead = 0, maxTail = 0, minHead = 0, minTail = 0;

        // Dedup (smc.py#L165-L193): the repeated pairwise passes keep, in each maximal run of
        // same-type candidates, the most extreme one, the earliest on ties; done in one pass.
        var kept = new int[n];
        var keptCount = 0;
        var lastType = 0;
        var firstType = 0;

        for (var end = 0; end < n; end++)
        {
            while (maxTail > maxHead && high[maxQueue[maxTail - 1]] <= high[end])
                maxTail--;
            maxQueue[maxTail++] = end;
            while (minTail > minHead && low[minQueue[minTail - 1]] >= low[end])
                minTail--;
            minQueue[minTail++] = end;
            var first = end - window + 1;
            if (maxQueue[maxHead] < first)
                maxHead++;
            if (minQueue[minHead] < first)
                minHead++;

            var i = end - swingLength;
            if (i < window - 1)
                continue;
            int type;
            if (high[i] == high[maxQueue[maxHead]])
                type = 1;
            else if (low[i] == low[minQueue[minHead]])
                type = -1;
            else
                continue;

            if (keptCount > 0 && lastType == type)
            {
                var best = kept[keptCount - 1];
                if (type == 1 ? high[i] > high[best] : low[i] < low[best])
                    kept[keptCount - 1] = i;
            }
            else
            {
                if (keptCount == 0)
                    firstType = type;
                kept[keptCount++] = i;
                lastType = type;
            }
        }

        // Runs alternate, so the kept swings' types alternate starting from firstType.
        var t = firstType;
        for (var k = 0; k < keptCount; k++)
        {
            highLow[kept[k]] = t;
            t = -t;
        }

        // smc.py#L195-L205, B2: artificial endpoints. Row 0 gets the type opposite to the first
        // swing, row N−1 the type opposite to the last one, whatever the prices there.
        if (keptCount > 0)
        {
            highLow[0] = -firstType;
            highLow[n - 1] = -lastType;
        }

        // smc.py#L207-L211: Level is the bar's high for +1 and its low for −1.
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNaN(highLow[i]))
                level[i] = highLow[i] == 1 ? high[i] : low[i];
        }

        return new SwingHighsLowsResult(highLow, level);
    }
}
