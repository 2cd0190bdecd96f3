namespace GoldBot.Smc.Reference;

/// <summary>
/// The swings of one type that <see cref="Liquidity"/> has not yet grouped (nor used as a group
/// start), searchable by level band and by position: a segment tree over the swings sorted by
/// level whose nodes hold the smallest entry number below them (entries are numbered in bar
/// order). <see cref="Claim"/> reports and removes every remaining swing with
/// low ≤ level ≤ high and entry &lt; limit in O((1 + k) log S), which replaces the library's
/// quadratic rescans of all later swings (smc.py#L629-L638).
/// </summary>
internal sealed class UngroupedSwingIndex
{
    private const int Removed = int.MaxValue;

    private readonly double[] _sortedLevels;
    private readonly int[] _rankOfEntry;
    private readonly int[] _tree;
    private readonly int _leaves;

    /// <summary>Indexes entries 0..count−1 with the given levels; NaN levels are never claimed.</summary>
    public UngroupedSwingIndex(ReadOnlySpan<double> levels)
    {
        var count = levels.Length;
        var keys = new double[count];
        var entries = new int[count];
        var ranked = 0;
        for (var e = 0; e < count; e++)
        {
            if (double.IsNaN(levels[e]))
                continue;
            keys[ranked] = levels[e];
            entries[ranked++] = e;
        }
        Array.Sort(keys, entries, 0, ranked);
        _sortedLevels = keys[..ranked];
        _rankOfEntry = new int[count];
        Array.Fill(_rankOfEntry, -1);
        _leaves = 1;
        while (_leaves < ranked)
            _leaves <<= 1;
        _tree = new int[2 * _leaves];
        Array.Fill(_tree, Removed);
        for (var r = 0; r < ranked; r++)
        {
            _rankOfEntry[entries[r]] = r;
            _tree[_leaves + r] = entries[r];
        }
        for (var node = _leaves - 1; node >= 1; node--)
            _tree[node] = Math.Min(_tree[2 * node], _tree[(2 * node) + 1]);
    }

    /// <summary>Removes <paramref name="entry"/> (no-op if already removed or never indexed).</summary>
    public void Remove(int entry)
    {
        var rank = _rankOfEntry[entry];
        if (rank < 0)
            return;
        var node = _leaves + rank;
        _tree[node] = Removed;
        for (node >>= 1; node >= 1; node >>= 1)
            _tree[node] = Math.Min(_tree[2 * node], _tree[(2 * node) + 1]);
    }

    /// <summary>
    /// Appends to <paramref name="claimed"/> (in level order) and removes every remaining entry
    /// with <paramref name="low"/> ≤ level ≤ <paramref name="high"/> (float64, inclusive) and
    /// entry number below <paramref name="limit"/>.
    /// </summary>
    public void Claim(double low, double high, int limit, List<int> claimed)
    {
        if (_sortedLevels.Length == 0 || !(low <= high))
            return;
        var first = LowerBound(low);
        var last = UpperBound(high) - 1;
        if (first > last)
            return;
        Collect(1, 0, _leaves - 1, first, last, limit, claimed);
    }

    private void Collect(int node, int nodeFirst, int nodeLast, int first, int last, int limit, List<int> claimed)
    {
        if (nodeLast < first || nodeFirst > last || _tree[node] >= limit)
            return;
        if (nodeFirst == nodeLast)
        {
            claimed.Add(_tree[node]);
            _tree[node] = Removed;
            return;
        }
        var middle = (nodeFirst + nodeLast) >> 1;
        Collect(2 * node, nodeFirst, middle, first, last, limit, claimed);
        Collect((2 * node) + 1, middle + 1, nodeLast, first, last, limit, claimed);
        _tree[node] = Math.Min(_tree[2 * node], _tree[(2 * node) + 1]);
    }

    // First rank whose level is ≥ value.
    private int LowerBound(double value)
    {
        int lo = 0, hi = _sortedLevels.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_sortedLevels[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    // First rank whose level is > value.
    private int UpperBound(double value)
    {
        int lo = 0, hi = _sortedLevels.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_sortedLevels[mid] <= value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
