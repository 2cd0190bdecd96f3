using System.Buffers;

namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.swing_highs_lows(ohlc, swing_length)</c> of <c>smartmoneyconcepts</c> 0.0.27
/// (smc.py#L136-L219; spec shared/research/smc.md §2.2), reproduced exactly, look-ahead (B1) included:
/// a swing at bar i is only known n bars later, and rows 0 and N−1 are artificial.
/// </summary>
public static class SwingHighsLows
{
    /// <summary>
    /// Marks swing highs and lows with swing length n = <paramref name="swingLength"/> bars.
    /// O(N): block running extremes (van Herk / Gil-Werman) for the windows, then one dedup pass.
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
        var highLow = EmptyColumn.Float64(n);
        var level = EmptyColumn.Float64(n);

        // smc.py#L151-L163, B2: the window is shift(-n).rolling(2n), i.e. bars i−n+1 .. i+n
        // (n−1 before, n after), and rolling needs 2n shifted values, so only
        // 2n−1 ≤ i ≤ N−1−n can be candidates. Ties (==) mark every tied bar; a bar that is both
        // the window's max high and min low is a high. Window extremes in O(N) by van Herk /
        // Gil-Werman: blocks of 2n with running extremes from the left and from the right.
        var window = 2 * swingLength;
        var prefix = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        var suffix = ArrayPool<double>.Shared.Rent(Math.Max(n, 1));
        var candidates = ArrayPool<sbyte>.Shared.Rent(Math.Max(n, 1));
        var firstCandidate = window - 1;
        var lastCandidate = n - 1 - swingLength;
        BlockExtremes(high, window, max: true, prefix, suffix);
        for (var i = firstCandidate; i <= lastCandidate; i++)
            candidates[i] = high[i] == Math.Max(suffix[i - swingLength + 1], prefix[i + swingLength]) ? (sbyte)1 : (sbyte)0;
        BlockExtremes(low, window, max: false, prefix, suffix);
        for (var i = firstCandidate; i <= lastCandidate; i++)
        {
            if (candidates[i] == 0 && low[i] == Math.Min(suffix[i - swingLength + 1], prefix[i + swingLength]))
                candidates[i] = -1;
        }
        ArrayPool<double>.Shared.Return(prefix);
        ArrayPool<double>.Shared.Return(suffix);

        // Dedup (smc.py#L165-L193): the repeated pairwise passes keep, in each maximal run of
        // same-type candidates, the most extreme one, the earliest on ties. `best` is the
        // current run's survivor.
        var best = -1;
        var firstType = 0;
        var lastType = 0;
        for (var i = firstCandidate; i <= lastCandidate; i++)
        {
            int type = candidates[i];
            if (type == 0)
                continue;
            if (best >= 0 && lastType == type)
            {
                if (type == 1 ? high[i] > high[best] : low[i] < low[best])
                {
                    highLow[best] = double.NaN;
                    highLow[i] = type;
                    best = i;
                }
            }
            else
            {
                if (best < 0)
                    firstType = type;
                highLow[i] = type;
                best = i;
                lastType = type;
            }
        }
        ArrayPool<sbyte>.Shared.Return(candidates);

        // smc.py#L195-L205, B2: artificial endpoints. Row 0 gets the type opposite to the first
        // swing, row N−1 the type opposite to the last one, whatever the prices there.
        if (best >= 0)
        {
            highLow[0] = -firstType;
            highLow[n - 1] = -lastType;
        }

        // smc.py#L207-L211: Level is the bar's high for +1 and its low for −1.
        for (var i = 0; i < n; i++)
        {
            var t = highLow[i];
            if (t == 1)
                level[i] = high[i];
            else if (t == -1)
                level[i] = low[i];
        }
        return new SwingHighsLowsResult(highLow, level);
    }

    // Running extremes of `values` inside consecutive blocks of `window` bars: prefix[i] over
    // [block start, i], suffix[i] over [i, block end]. The extreme of any window-long range
    // [a, a+window−1] is then extreme(suffix[a], prefix[a+window−1]).
    private static void BlockExtremes(double[] values, int window, bool max, double[] prefix, double[] suffix)
    {
        var n = values.Length;
        for (var blockStart = 0; blockStart < n; blockStart += window)
        {
            var blockEnd = Math.Min(blockStart + window, n);
            var running = values[blockStart];
            prefix[blockStart] = running;
            for (var i = blockStart + 1; i < blockEnd; i++)
            {
                running = max ? Math.Max(running, values[i]) : Math.Min(running, values[i]);
                prefix[i] = running;
            }
            running = values[blockEnd - 1];
            suffix[blockEnd - 1] = running;
            for (var i = blockEnd - 2; i >= blockStart; i--)
            {
                running = max ? Math.Max(running, values[i]) : Math.Min(running, values[i]);
                suffix[i] = running;
            }
        }
    }
}
