namespace GoldBot.Smc.Reference;

/// <summary>
/// Answers "first bar j ≥ start whose value crosses a level" in O(log N) instead of the library's
/// linear numpy scans (<c>np.argmax(mask)</c> over <c>arr[start:]</c>, e.g. smc.py#L117-L124,
/// #L337-L346, #L621-L627): a B-tree of block extremes with fan-out 16 over the values (their
/// maxima for <see cref="Above"/>, the maxima of the negated values for <see cref="Below"/>).
/// A query scans up from the start bar to the first block whose extreme crosses, then down
/// inside it, so the answer is exactly the first crossing bar. Building costs about 1.07·N reads;
/// the structure allocates nothing per query.
/// </summary>
internal sealed class ForwardCrossingSearch
{
    private const int Shift = 4;
    private const int FanOut = 1 << Shift;

    private readonly double[][] _levels;
    private readonly bool _negated;

    private ForwardCrossingSearch(double[] values, bool negated)
    {
        _negated = negated;
        var depth = 1;
        for (var length = values.Length; length > FanOut; length = (length + FanOut - 1) >> Shift)
            depth++;
        _levels = new double[depth][];
        _levels[0] = values;
        for (var d = 1; d < depth; d++)
        {
            var below = _levels[d - 1];
            var level = new double[(below.Length + FanOut - 1) >> Shift];
            for (var block = 0; block < level.Length; block++)
            {
                var from = block << Shift;
                var to = Math.Min(from + FanOut, below.Length);
                // NaN never crosses (as in numpy comparisons), so it is left out of the extremes.
                var max = double.NaN;
                for (var k = from; k < to; k++)
                {
                    if (below[k] > max || (double.IsNaN(max) && !double.IsNaN(below[k])))
                        max = below[k];
                }
                level[block] = max;
            }
            _levels[d] = level;
        }
    }

    /// <summary>Searches for values above a level (<c>x &gt; level</c> or <c>x ≥ level</c>); <paramref name="values"/> is used in place, not copied.</summary>
    public static ForwardCrossingSearch Above(double[] values) => new(values, negated: false);

    /// <summary>Searches for values below a level (<c>x &lt; level</c> or <c>x ≤ level</c>).</summary>
    public static ForwardCrossingSearch Below(ReadOnlySpan<double> values)
    {
        // Negation is exact in IEEE arithmetic, so x < level ⇔ −x > −level.
        var negated = new double[values.Length];
        for (var i = 0; i < negated.Length; i++)
            negated[i] = -values[i];
        return new ForwardCrossingSearch(negated, negated: true);
    }

    /// <summary>Number of values searched.</summary>
    public int Length => _levels[0].Length;

    /// <summary>First j ≥ <paramref name="start"/> strictly beyond <paramref name="level"/> (&gt; for Above, &lt; for Below), or −1.</summary>
    public int FirstBeyond(int start, double level) =>
        Find<Strict>(start, _negated ? -level : level);

    /// <summary>First j ≥ <paramref name="start"/> at or beyond <paramref name="level"/> (≥ for Above, ≤ for Below), or −1.</summary>
    public int FirstAtOrBeyond(int start, double level) =>
        Find<Inclusive>(start, _negated ? -level : level);

    private int Find<TTest>(int start, double level)
        where TTest : struct, ICrossingTest
    {
        if (start < 0)
            start = 0;
        var depth = 0;
        var position = start;
        while (true)
        {
            var values = _levels[depth];
            if (position >= values.Length)
                return -1;
            var end = Math.Min(((position >> Shift) + 1) << Shift, values.Length);
            for (var p = position; p < end; p++)
            {
                if (TTest.Crosses(values[p], level))
                    return Descend<TTest>(depth, p, level);
            }
            if (end >= values.Length || depth + 1 == _levels.Length)
                return -1;
            depth++;
            position = end >> Shift;
        }
    }

    private int Descend<TTest>(int depth, int node, double level)
        where TTest : struct, ICrossingTest
    {
        while (depth > 0)
        {
            depth--;
            var values = _levels[depth];
            var from = node << Shift;
            var to = Math.Min(from + FanOut, values.Length);
            node = -1;
            for (var p = from; p < to; p++)
            {
                if (TTest.Crosses(values[p], level))
                {
                    node = p;
                    break;
                }
            }
            if (node < 0)
                throw new InvalidOperationException("block extreme without a crossing child");
        }
        return node;
    }

    private interface ICrossingTest
    {
        static abstract bool Crosses(double value, double level);
    }

    private readonly struct Strict : ICrossingTest
    {
        public static bool Crosses(double value, double level) => value > level;
    }

    private readonly struct Inclusive : ICrossingTest
    {
        public static bool Crosses(double value, double level) => value >= level;
    }
}
