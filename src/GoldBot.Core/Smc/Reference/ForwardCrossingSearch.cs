using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GoldBot.Smc.Reference;

/// <summary>
/// Answers "first bar j ≥ start whose value crosses a level" in O(log N) instead of the library's
/// linear numpy scans (<c>np.argmax(mask)</c> over <c>arr[start:]</c>, e.g. smc.py#L117-L124,
/// #L339-L345, #L624-L632): a B-tree of block extremes with fan-out 16 over the values (maxima
/// for <see cref="Above"/>, minima for <see cref="Below"/>). A query tests the rest of the start
/// bar's block, climbs to the first block whose extreme crosses, then descends inside it, so the
/// answer is exactly the first crossing bar; the 16 bars from the start are tested first, since
/// most crossings are near. A block of 16 is tested with four 256-bit compares
/// when the hardware has them. The values array is used in place (values must not be NaN); the
/// upper levels (about N/15 doubles) are pooled until <see cref="Dispose"/>. Queries allocate nothing.
/// </summary>
internal sealed class ForwardCrossingSearch : IDisposable
{
    private const int Shift = 4;
    private const int FanOut = 1 << Shift;

    // Level 0 is the caller's values; the upper levels are pooled arrays, of which only the
    // first _lengths[d] values are used.
    private readonly double[][] _levels;
    private readonly int[] _lengths;
    private readonly bool _below;

    private ForwardCrossingSearch(double[] values, bool below)
    {
        _below = below;
        var depth = 1;
        for (var length = values.Length; length > FanOut; length = (length + FanOut - 1) >> Shift)
            depth++;
        _levels = new double[depth][];
        _lengths = new int[depth];
        _levels[0] = values;
        _lengths[0] = values.Length;
        for (var d = 1; d < depth; d++)
        {
            var length = (_lengths[d - 1] + FanOut - 1) >> Shift;
            var level = ArrayPool<double>.Shared.Rent(length);
            for (var block = 0; block < length; block++)
                level[block] = BlockExtreme(_levels[d - 1], _lengths[d - 1], block << Shift, below);
            _levels[d] = level;
            _lengths[d] = length;
        }
    }

    /// <summary>Returns the upper levels to the pool; the search must not be used afterwards.</summary>
    public void Dispose()
    {
        for (var d = 1; d < _levels.Length; d++)
            ArrayPool<double>.Shared.Return(_levels[d]);
    }

    // Extreme of the (up to) 16 values from `from`; values are finite, so the native
    // min/max instructions are exact.
    private static double BlockExtreme(double[] values, int length, int from, bool below)
    {
        if (Vector256.IsHardwareAccelerated && from + FanOut <= length)
        {
            ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), from);
            var a = Vector256.LoadUnsafe(ref first);
            var b = Vector256.LoadUnsafe(ref first, 4);
            var c = Vector256.LoadUnsafe(ref first, 8);
            var d = Vector256.LoadUnsafe(ref first, 12);
            var v = below
                ? Vector256.MinNative(Vector256.MinNative(a, b), Vector256.MinNative(c, d))
                : Vector256.MaxNative(Vector256.MaxNative(a, b), Vector256.MaxNative(c, d));
            var lanes = below
                ? Math.Min(Math.Min(v[0], v[1]), Math.Min(v[2], v[3]))
                : Math.Max(Math.Max(v[0], v[1]), Math.Max(v[2], v[3]));
            return lanes;
        }
        var to = Math.Min(from + FanOut, length);
        var extreme = values[from];
        for (var k = from + 1; k < to; k++)
            extreme = below ? Math.Min(extreme, values[k]) : Math.Max(extreme, values[k]);
        return extreme;
    }

    /// <summary>Searches for values above a level (<c>x &gt; level</c> or <c>x ≥ level</c>); <paramref name="values"/> is used in place, not copied.</summary>
    public static ForwardCrossingSearch Above(double[] values) => new(values, below: false);

    /// <summary>Searches for values below a level (<c>x &lt; level</c> or <c>x ≤ level</c>); <paramref name="values"/> is used in place, not copied.</summary>
    public static ForwardCrossingSearch Below(double[] values) => new(values, below: true);

    /// <summary>First j ≥ <paramref name="start"/> strictly beyond <paramref name="level"/> (&gt; for Above, &lt; for Below), or −1.</summary>
    public int FirstBeyond(int start, double level) =>
        _below ? Find<Less>(start, level) : Find<Greater>(start, level);

    /// <summary>First j ≥ <paramref name="start"/> at or beyond <paramref name="level"/> (≥ for Above, ≤ for Below), or −1.</summary>
    public int FirstAtOrBeyond(int start, double level) =>
        _below ? Find<LessOrEqual>(start, level) : Find<GreaterOrEqual>(start, level);

    private int Find<TTest>(int start, double level)
        where TTest : struct, ICrossingTest
    {
        var depth = 0;
        var position = Math.Max(start, 0);
        // Most crossings are a few bars away: test the next 16 bars directly before the tree.
        var bottom = _levels[0];
        if (Vector256.IsHardwareAccelerated && position + FanOut <= bottom.Length)
        {
            ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bottom), position);
            var mask = Mask<TTest>(ref first, Vector256.Create(level));
            if (mask != 0)
                return position + BitOperations.TrailingZeroCount(mask);
            position += FanOut;
        }
        while (true)
        {
            var length = _lengths[depth];
            if (position >= length)
                return -1;
            var hit = FirstInBlock<TTest>(_levels[depth], length, position, level);
            if (hit >= 0)
                return Descend<TTest>(depth, hit, level);
            var end = ((position >> Shift) + 1) << Shift;
            if (end >= length || depth + 1 == _levels.Length)
                return -1;
            depth++;
            position = end >> Shift;
        }
    }

    private int Descend<TTest>(int depth, int node, double level)
        where TTest : struct, ICrossingTest
    {
        // Each block's extreme crosses, so one of its children does.
        while (depth > 0)
        {
            depth--;
            node = FirstInBlock<TTest>(_levels[depth], _lengths[depth], node << Shift, level);
        }
        return node;
    }

    // First index p in [from, end of from's block of 16) with a crossing value, or −1.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstInBlock<TTest>(double[] values, int length, int from, double level)
        where TTest : struct, ICrossingTest
    {
        var blockStart = from & ~(FanOut - 1);
        if (Vector256.IsHardwareAccelerated && blockStart + FanOut <= length)
        {
            ref var first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), blockStart);
            var mask = Mask<TTest>(ref first, Vector256.Create(level)) & (~0u << (from - blockStart));
            return mask == 0 ? -1 : blockStart + BitOperations.TrailingZeroCount(mask);
        }
        var end = Math.Min(blockStart + FanOut, length);
        for (var p = from; p < end; p++)
        {
            if (TTest.Crosses(values[p], level))
                return p;
        }
        return -1;
    }

    // Bit k set when the k-th of the 16 values from `first` crosses the level.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mask<TTest>(ref double first, Vector256<double> level)
        where TTest : struct, ICrossingTest =>
        TTest.Mask(Vector256.LoadUnsafe(ref first), level).ExtractMostSignificantBits()
        | (TTest.Mask(Vector256.LoadUnsafe(ref first, 4), level).ExtractMostSignificantBits() << 4)
        | (TTest.Mask(Vector256.LoadUnsafe(ref first, 8), level).ExtractMostSignificantBits() << 8)
        | (TTest.Mask(Vector256.LoadUnsafe(ref first, 12), level).ExtractMostSignificantBits() << 12);

    private interface ICrossingTest
    {
        static abstract bool Crosses(double value, double level);

        static abstract Vector256<double> Mask(Vector256<double> values, Vector256<double> level);
    }

    private readonly struct Greater : ICrossingTest
    {
        public static bool Crosses(double value, double level) => value > level;

        public static Vector256<double> Mask(Vector256<double> values, Vector256<double> level) => Vector256.GreaterThan(values, level);
    }

    private readonly struct GreaterOrEqual : ICrossingTest
    {
        public static bool Crosses(double value, double level) => value >= level;

        public static Vector256<double> Mask(Vector256<double> values, Vector256<double> level) => Vector256.GreaterThanOrEqual(values, level);
    }

    private readonly struct Less : ICrossingTest
    {
        public static bool Crosses(double value, double level) => value < level;

        public static Vector256<double> Mask(Vector256<double> values, Vector256<double> level) => Vector256.LessThan(values, level);
    }

    private readonly struct LessOrEqual : ICrossingTest
    {
        public static bool Crosses(double value, double level) => value <= level;

        public static Vector256<double> Mask(Vector256<double> values, Vector256<double> level) => Vector256.LessThanOrEqual(values, level);
    }
}
