using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;

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

        // smc.py#L72-L103: rows 0 and N−1 never qualify (a shifted neighbour is NaN). Only the
        // middle candle's colour is tested and the inequalities are strict; a doji never qualifies.
        var found = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        var count = 0;
        var i = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four middle candles at a time; the colour and the gap are coin flips a branch
            // would mispredict, so only the (sparse) gaps found are visited one by one.
            for (; i + 4 < n; i += 4)
            {
                var o = Vector256.Create(open.AsSpan(i));
                var c = Vector256.Create(close.AsSpan(i));
                var bullish = Vector256.GreaterThan(c, o) & Vector256.LessThan(Vector256.Create(high.AsSpan(i - 1)), Vector256.Create(low.AsSpan(i + 1)));
                var bearish = Vector256.LessThan(c, o) & Vector256.GreaterThan(Vector256.Create(low.AsSpan(i - 1)), Vector256.Create(high.AsSpan(i + 1)));
                for (var bits = (bullish | bearish).ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
                    found[count++] = i + BitOperations.TrailingZeroCount(bits);
            }
        }
        for (; i < n - 1; i++)
        {
            var gap = (close[i] > open[i] & high[i - 1] < low[i + 1]) | (close[i] < open[i] & low[i - 1] > high[i + 1]);
            found[count] = i;
            count += gap ? 1 : 0;
        }
        var rows = found.AsSpan(0, count).ToArray();
        ArrayPool<int>.Shared.Return(found);
        var fvg = new double[count];
        var top = new double[count];
        var bottom = new double[count];
        var mitigated = new double[count];
        for (var k = 0; k < count; k++)
        {
            var row = rows[k];
            var bullish = close[row] > open[row];
            fvg[k] = bullish ? 1 : -1;
            top[k] = bullish ? low[row + 1] : low[row - 1];
            bottom[k] = bullish ? high[row - 1] : high[row + 1];
        }

        // smc.py#L106-L111: a run of adjacent same-direction gaps collapses onto its last row with
        // the highest top and the lowest bottom (Python max/min keep the first on ties). The
        // emptied rows stay in the row list with NaN values.
        if (joinConsecutive)
        {
            for (var k = 0; k + 1 < count; k++)
            {
                if (rows[k + 1] == rows[k] + 1 && fvg[k] == fvg[k + 1])
                {
                    top[k + 1] = top[k + 1] > top[k] ? top[k + 1] : top[k];
                    bottom[k + 1] = bottom[k + 1] < bottom[k] ? bottom[k + 1] : bottom[k];
                    fvg[k] = top[k] = bottom[k] = double.NaN;
                }
            }
        }

        // smc.py#L113-L124: mitigation is the first j ≥ i+2 with low ≤ Top (bullish) or
        // high ≥ Bottom (bearish); 0 when none. Bar i+1 is skipped (its low is the bullish Top).
        ForwardCrossingSearch? lows = null;
        ForwardCrossingSearch? highs = null;
        for (var k = 0; k < count; k++)
        {
            if (double.IsNaN(fvg[k]))
            {
                mitigated[k] = double.NaN;
                continue;
            }
            int j;
            if (fvg[k] == 1)
                j = (lows ??= ForwardCrossingSearch.Below(low)).FirstAtOrBeyond(rows[k] + 2, top[k]);
            else
                j = (highs ??= ForwardCrossingSearch.Above(high)).FirstAtOrBeyond(rows[k] + 2, bottom[k]);
            mitigated[k] = j < 0 ? 0 : j;
        }
        lows?.Dispose();
        highs?.Dispose();
        return new FairValueGapsResult(n, rows, count, fvg, top, bottom, mitigated);
    }
}
