using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;

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
    /// O(N log n): window extremes by doubling (log₂ 2n vectorised passes), then one dedup pass
    /// over the candidates.
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

        // smc.py#L151-L163, B2: the window is shift(-n).rolling(2n), i.e. bars i−n+1 .. i+n
        // (n−1 before, n after), and rolling needs 2n shifted values, so only
        // 2n−1 ≤ i ≤ N−1−n can be candidates. Ties (==) mark every tied bar; a bar that is both
        // the window's max high and min low is a high.
        var window = 2 * swingLength;
        var firstCandidate = window - 1;
        var lastCandidate = n - 1 - swingLength;
        var words = (n >> 6) + 2;
        var highCandidates = ArrayPool<ulong>.Shared.Rent(words);
        var lowCandidates = ArrayPool<ulong>.Shared.Rent(words);
        Array.Clear(highCandidates, 0, words);
        Array.Clear(lowCandidates, 0, words);
        if (firstCandidate <= lastCandidate)
        {
            var scratch = ArrayPool<double>.Shared.Rent(n);
            MarkWindowExtremes<Highest>(high, swingLength, firstCandidate, lastCandidate, scratch, highCandidates);
            MarkWindowExtremes<Lowest>(low, swingLength, firstCandidate, lastCandidate, scratch, lowCandidates);
            ArrayPool<double>.Shared.Return(scratch);
        }

        // Dedup (smc.py#L165-L193): the repeated pairwise passes keep, in each maximal run of
        // same-type candidates, the most extreme one, the earliest on ties. The last kept row
        // is the current run's survivor; row 0 is left free for the artificial endpoint.
        var kept = ArrayPool<int>.Shared.Rent(n + 2);
        var count = 1;
        var firstType = 0;
        var lastType = 0;
        for (var w = 0; w < words; w++)
        {
            var highBits = highCandidates[w];
            var bits = highBits | lowCandidates[w];
            for (; bits != 0; bits &= bits - 1)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                var i = (w << 6) + bit;
                var type = ((highBits >> bit) & 1) != 0 ? 1 : -1;
                if (lastType == type)
                {
                    var best = kept[count - 1];
                    if (type == 1 ? high[i] > high[best] : low[i] < low[best])
                        kept[count - 1] = i;
                }
                else
                {
                    if (lastType == 0)
                        firstType = type;
                    kept[count++] = i;
                    lastType = type;
                }
            }
        }
        ArrayPool<ulong>.Shared.Return(highCandidates);
        ArrayPool<ulong>.Shared.Return(lowCandidates);

        // smc.py#L195-L205, B2: artificial endpoints. Row 0 gets the type opposite to the first
        // swing, row N−1 the type opposite to the last one, whatever the prices there (rows 0
        // and N−1 are never candidates). Kept swings alternate in type, so row 0 continues the
        // alternation and row N−1 breaks it.
        int[] rows = [];
        double[] types = [], levels = [];
        if (count > 1)
        {
            kept[0] = 0;
            kept[count++] = n - 1;
            rows = kept.AsSpan(0, count).ToArray();
            types = new double[count];
            levels = new double[count];
            for (var k = 0; k < count; k++)
            {
                var type = k == count - 1 ? -lastType : k % 2 == 1 ? firstType : -firstType;
                types[k] = type;
                // smc.py#L207-L211: Level is the bar's high for +1 and its low for −1.
                levels[k] = type == 1 ? high[rows[k]] : low[rows[k]];
            }
        }
        ArrayPool<int>.Shared.Return(kept);
        return new SwingHighsLowsResult(n, rows, types, levels, rows.Length);
    }

    // Sets bit i of `marks` for every candidate i whose value equals the extreme of its window
    // [i−n+1, i+n] (2n bars). Window extremes by doubling (a sparse table kept in one buffer):
    // after the pass for span p, scratch[j] is the extreme of values[j .. j+2p−1], each pass one
    // vectorised sweep; with p the largest power of two ≤ 2n, the extreme of [a, a+2n) is
    // extreme(scratch[a], scratch[a+2n−p]). Values are finite, so native min/max are exact here
    // (a ±0 tie may pick either zero, which compares equal anyway).
    private static void MarkWindowExtremes<TExtreme>(double[] values, int swingLength, int firstCandidate, int lastCandidate, double[] scratch, ulong[] marks)
        where TExtreme : struct, IExtreme
    {
        var n = values.Length;
        var window = 2 * swingLength;
        values.CopyTo(scratch, 0);
        var span = 1;
        for (; 2 * span <= window; span *= 2)
        {
            var count = n - (2 * span) + 1;
            var j = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                // In place, front to back: both loads happen before the store, and later
                // iterations read only indices not yet stored.
                for (; j + 4 <= count; j += 4)
                    TExtreme.Of(Vector256.Create(scratch.AsSpan(j)), Vector256.Create(scratch.AsSpan(j + span))).CopyTo(scratch.AsSpan(j));
            }
            for (; j < count; j++)
                scratch[j] = TExtreme.Of(scratch[j], scratch[j + span]);
        }

        var reach = window - span; // from a window's first bar to its second half-span
        var i = firstCandidate;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 3 <= lastCandidate; i += 4)
            {
                var a = i - swingLength + 1;
                var extreme = TExtreme.Of(Vector256.Create(scratch.AsSpan(a)), Vector256.Create(scratch.AsSpan(a + reach)));
                Mark(marks, i, Vector256.Equals(Vector256.Create(values.AsSpan(i)), extreme).ExtractMostSignificantBits());
            }
        }
        for (; i <= lastCandidate; i++)
        {
            var a = i - swingLength + 1;
            if (values[i] == TExtreme.Of(scratch[a], scratch[a + reach]))
                Mark(marks, i, 1);
        }
    }

    // ORs the (up to 4) low bits of `bits` into `marks` from bit i on.
    private static void Mark(ulong[] marks, int i, ulong bits)
    {
        var shift = i & 63;
        marks[i >> 6] |= bits << shift;
        if (shift > 60)
            marks[(i >> 6) + 1] |= bits >> (64 - shift);
    }

    private interface IExtreme
    {
        static abstract double Of(double a, double b);

        static abstract Vector256<double> Of(Vector256<double> a, Vector256<double> b);
    }

    private readonly struct Highest : IExtreme
    {
        public static double Of(double a, double b) => a > b ? a : b;

        public static Vector256<double> Of(Vector256<double> a, Vector256<double> b) => Vector256.MaxNative(a, b);
    }

    private readonly struct Lowest : IExtreme
    {
        public static double Of(double a, double b) => a < b ? a : b;

        public static Vector256<double> Of(Vector256<double> a, Vector256<double> b) => Vector256.MinNative(a, b);
    }
}
