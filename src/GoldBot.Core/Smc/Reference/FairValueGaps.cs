namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.fvg(ohlc, join_consecutive)</c> of <c>smartmoneyconcepts</c> 0.0.27 (smc.py#L55-L134;
/// spec shared/research/smc.md §2.1): three-candle fair value gaps stamped on the middle candle,
/// with no size threshold, optional merging of adjacent same-direction gaps, and "mitigated" =
/// first touch of the near edge from two bars after the middle candle on.
/// </summary>
public static class FairValueGaps
{
    /// <summary>
    /// Finds the gaps. O(N), plus O(log N) per gap for its mitigation bar (the library scans
    /// linearly).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    public static FairValueGapsResult Compute(SmcSeries series, bool joinConsecutive = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var open = series.OpenArray;
        var high = series.HighArray;
        var low = series.LowArray;
        var close = series.CloseArray;
        var fvg = EmptyColumn.Float64(n);
        var top = EmptyColumn.Float64(n);
        var bottom = EmptyColumn.Float64(n);
        var mitigated = EmptyColumn.Float64(n);

        // smc.py#L72-L103: rows 0 and N−1 never qualify (a shifted neighbour is NaN). Only the
        // middle candle's colour is tested and the inequalities are strict; a doji never qualifies.
        for (var i = 1; i < n - 1; i++)
        {
            var bullish = close[i] > open[i];
            if (bullish ? high[i - 1] < low[i + 1] : close[i] < open[i] && low[i - 1] > high[i + 1])
            {
                fvg[i] = bullish ? 1 : -1;
                top[i] = bullish ? low[i + 1] : low[i - 1];
                bottom[i] = bullish ? high[i - 1] : high[i + 1];
            }
        }

        // smc.py#L106-L111: a run of adjacent same-direction gaps collapses onto its last row with
        // the highest top and the lowest bottom (Python max/min keep the first on ties).
        if (joinConsecutive)
        {
            for (var i = 0; i < n - 1; i++)
            {
                if (fvg[i] == fvg[i + 1])
                {
                    top[i + 1] = top[i + 1] > top[i] ? top[i + 1] : top[i];
                    bottom[i + 1] = bottom[i + 1] < bottom[i] ? bottom[i + 1] : bottom[i];
                    fvg[i] = top[i] = bottom[i] = double.NaN;
                }
            }
        }

        // smc.py#L113-L124: mitigation is the first j ≥ i+2 with low ≤ Top (bullish) or
        // high ≥ Bottom (bearish); 0 when none. Bar i+1 is skipped (its low is the bullish Top).
        ForwardCrossingSearch? lows = null;
        ForwardCrossingSearch? highs = null;
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(fvg[i]))
                continue;
            int j;
            if (fvg[i] == 1)
                j = (lows ??= ForwardCrossingSearch.Below(low)).FirstAtOrBeyond(i + 2, top[i]);
            else
                j = (highs ??= ForwardCrossingSearch.Above(high)).FirstAtOrBeyond(i + 2, bottom[i]);
            mitigated[i] = j < 0 ? 0 : j;
        }
        return new FairValueGapsResult(fvg, top, bottom, mitigated);
    }
}
