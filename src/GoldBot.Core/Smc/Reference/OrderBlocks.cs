namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.ob(ohlc, swing_highs_lows, close_mitigation)</c> of <c>smartmoneyconcepts</c> 0.0.27
/// (smc.py#L375-L570; spec shared/research/smc.md §2.4): when a close crosses the last uncrossed
/// swing high (low), the lowest-low (highest-high) candle between the swing and the break becomes
/// a bullish (bearish) order block; it turns into a breaker when price trades through its far side
/// and disappears when a breaker is traded back through. Quirks B5–B8 and B13 are reproduced.
/// </summary>
public static class OrderBlocks
{
    /// <summary>
    /// Finds the order blocks that survive to the end of the data. Creation is O(N) per pass; each
    /// block's fate is two O(log N) searches instead of the library's per-bar loop over all active
    /// blocks. If some candle is chosen twice (the library then shares its state between the two
    /// entries), the literal per-bar simulation is used instead so the result stays exact.
    /// </summary>
    /// <param name="closeMitigation">Use min/max(open, close) instead of the wick to make a breaker.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The swings do not have one row per bar.</exception>
    public static OrderBlocksResult Compute(SmcSeries series, SwingHighsLowsResult swings, bool closeMitigation = false)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(swings);
        var n = series.Count;
        if (swings.RowCount != n)
            throw new ArgumentException($"swings have {swings.RowCount} rows, the series has {n} bars.", nameof(swings));

        var bullish = FindCreations(series, swings, 1);
        var bearish = FindCreations(series, swings, -1);
        if (SharesCandles(bullish, bearish))
        {
            var state = new State(n);
            RunLiteral(series, bullish, 1, closeMitigation, state);
            RunLiteral(series, bearish, -1, closeMitigation, state);
            return state.ToResult();
        }
        return RunIndependent(series, bullish, bearish, closeMitigation);
    }

    /// <summary>The literal per-bar simulation of smc.py#L419-L543 (exposed for equivalence tests).</summary>
    internal static OrderBlocksResult ComputeLiteral(SmcSeries series, SwingHighsLowsResult swings, bool closeMitigation = false)
    {
        var state = new State(series.Count);
        RunLiteral(series, FindCreations(series, swings, 1), 1, closeMitigation, state);
        RunLiteral(series, FindCreations(series, swings, -1), -1, closeMitigation, state);
        return state.ToResult();
    }

    /// <summary>True when some candle is chosen twice, so <see cref="Compute"/> falls back to the literal simulation (for tests).</summary>
    internal static bool NeedsLiteralSimulation(SmcSeries series, SwingHighsLowsResult swings) =>
        SharesCandles(FindCreations(series, swings, 1), FindCreations(series, swings, -1));

    // A new order block: made at break bar Bar on candle Candle.
    private readonly record struct Creation(int Bar, int Candle, float Top, float Bottom, float Volume, float Percentage);

    private static List<Creation> FindCreations(SmcSeries series, SwingHighsLowsResult swings, int type)
    {
        var n = series.Count;
        var high = series.HighArray;
        var low = series.LowArray;
        var close = series.CloseArray;
        var rows = swings.RowArray;
        var types = swings.Types;
        var creations = new List<Creation>();
        using var closes = type == 1 ? ForwardCrossingSearch.Above(close) : ForwardCrossingSearch.Below(close);

        // The swings of this type in bar order, then N as the end.
        var previous = -1;
        for (var e = 0; e <= types.Length; e++)
        {
            if (e < types.Length && types[e] != type)
                continue;
            var next = e < types.Length ? rows[e] : n;
            if (previous >= 0)
            {
                // smc.py#L446-L452 / #L509-L515: swing s is "the last swing strictly before i" for
                // s < i ≤ next swing of the same type, and it is crossed at most once
                // (crossed[]), so its break is the first close beyond it in that range.
                // The test uses the bar's high/low, not the swing Level.
                var s = previous;
                var limit = next < n ? next : n - 1;
                var i = closes.FirstBeyond(s + 1, type == 1 ? high[s] : low[s]);
                if (i >= 0 && i <= limit)
                    creations.Add(Create(series, type, s, i));
            }
            previous = next;
        }
        return creations;

        static Creation Create(SmcSeries series, int type, int s, int i)
        {
            var high = series.HighArray;
            var low = series.LowArray;
            var volume = series.VolumeArray;
            var candle = i - 1;
            double top, bottom;
            if (type == 1)
            {
                // smc.py#L455-L456, B6: the bullish default candle has Top = low and
                // Bottom = high (swapped); only reachable when i − s == 1 (artificial row 0).
                top = low[candle];
                bottom = high[candle];
            }
            else
            {
                top = high[candle];
                bottom = low[candle];
            }
            if (i - s > 1)
            {
                // smc.py#L458-L471 / #L520-L531: extreme candle strictly between swing and break,
                // the last one on ties (np.nonzero(segment == extreme)[0][-1]).
                candle = s + 1;
                for (var j = s + 2; j < i; j++)
                {
                    if (type == 1 ? low[j] <= low[candle] : high[j] >= high[candle])
                        candle = j;
                }
                top = high[candle];
                bottom = low[candle];
            }

            // smc.py#L476-L483 / #L535-L542, B8: volumes of the break bar and the two bars before it (0 before
            // the data starts), not of the order-block candle. §1.4: all stored as float32.
            var current = volume[i];
            var previous1 = i >= 1 ? volume[i - 1] : 0.0;
            var previous2 = i >= 2 ? volume[i - 2] : 0.0;
            var obVolume = (float)(current + previous1 + previous2);
            var recent = (float)(current + previous1);
            var older = (float)previous2;
            var highVolume = type == 1 ? recent : older;
            var lowVolume = type == 1 ? older : recent;
            var max = lowVolume > highVolume ? lowVolume : highVolume;
            var min = lowVolume < highVolume ? lowVolume : highVolume;
            // smc.py#L482-L483, §1.4: float32 / float32, then × 100.0 in float64 and stored as float32. The float64
            // product of a float32 and 100 is exact, so this equals a float32 multiply.
            var percentage = max != 0 ? (float)((double)(min / max) * 100.0) : 100f;
            return new Creation(i, candle, (float)top, (float)bottom, obVolume, percentage);
        }
    }

    // Within one pass the candles strictly increase (each lies in its own swing-to-break range),
    // so a candle can only repeat across the two passes: merge the two sorted lists.
    private static bool SharesCandles(List<Creation> bullish, List<Creation> bearish)
    {
        int a = 0, b = 0;
        while (a < bullish.Count && b < bearish.Count)
        {
            var x = bullish[a].Candle;
            var y = bearish[b].Candle;
            if (x == y)
                return true;
            if (x < y)
                a++;
            else
                b++;
        }
        for (var k = 1; k < bullish.Count; k++)
        {
            if (bullish[k].Candle <= bullish[k - 1].Candle)
                return true;
        }
        for (var k = 1; k < bearish.Count; k++)
        {
            if (bearish[k].Candle <= bearish[k - 1].Candle)
                return true;
        }
        return false;
    }

    // With every candle used once, each block's life depends only on its own fields: it becomes
    // a breaker at the first bar after creation that trades through its far side, and is deleted
    // at the first later bar that trades back through the other side.
    private static OrderBlocksResult RunIndependent(SmcSeries series, List<Creation> bullish, List<Creation> bearish, bool closeMitigation)
    {
        var n = series.Count;
        var survivors = new List<(Creation Block, int Type, int MitigatedIndex)>();
        if (bullish.Count > 0 || bearish.Count > 0)
        {
            var open = series.OpenArray;
            var close = series.CloseArray;
            using var lows = ForwardCrossingSearch.Below(series.LowArray);
            using var highs = ForwardCrossingSearch.Above(series.HighArray);
            ForwardCrossingSearch? bodyLowSearch = null, bodyHighSearch = null;
            if (closeMitigation)
            {
                var bodyLow = new double[n];
                var bodyHigh = new double[n];
                for (var i = 0; i < n; i++)
                {
                    bodyLow[i] = close[i] < open[i] ? close[i] : open[i];
                    bodyHigh[i] = close[i] > open[i] ? close[i] : open[i];
                }
                bodyLowSearch = ForwardCrossingSearch.Below(bodyLow);
                bodyHighSearch = ForwardCrossingSearch.Above(bodyHigh);
            }
            using var ownedBodyLows = bodyLowSearch;
            using var ownedBodyHighs = bodyHighSearch;
            var bodyLows = bodyLowSearch ?? lows;
            var bodyHighs = bodyHighSearch ?? highs;

            foreach (var c in bullish)
            {
                // smc.py#L440-L444: breaker when low (or min(open, close)) < Bottom, compared with
                // the float32 Bottom (§1.4). B5: MitigatedIndex = i − 1 (the bearish pass uses i).
                var breakerBar = bodyLows.FirstBeyond(c.Bar + 1, c.Bottom);
                // smc.py#L428-L439, B7: a breaker whose Top is exceeded by a later high is deleted.
                if (breakerBar >= 0 && highs.FirstBeyond(breakerBar + 1, c.Top) >= 0)
                    continue;
                survivors.Add((c, 1, breakerBar >= 0 ? breakerBar - 1 : 0));
            }
            foreach (var c in bearish)
            {
                // smc.py#L503-L507: breaker when high (or max(open, close)) > Top; MitigatedIndex = i.
                var breakerBar = bodyHighs.FirstBeyond(c.Bar + 1, c.Top);
                // smc.py#L492-L502, B7: a breaker whose Bottom is undercut later is deleted.
                if (breakerBar >= 0 && lows.FirstBeyond(breakerBar + 1, c.Bottom) >= 0)
                    continue;
                survivors.Add((c, -1, breakerBar >= 0 ? breakerBar : 0));
            }
        }

        // Every candle holds at most one block here; the result lists them in row order.
        survivors.Sort((a, b) => a.Block.Candle.CompareTo(b.Block.Candle));
        var count = survivors.Count;
        var result = new Columns(count);
        for (var k = 0; k < count; k++)
        {
            var (c, type, mitigatedIndex) = survivors[k];
            result.Set(k, c.Candle, type, c.Top, c.Bottom, c.Volume, mitigatedIndex, c.Percentage);
        }
        return result.ToResult(n);
    }

    // The result's values per order-block row.
    private sealed class Columns(int count)
    {
        private readonly int[] _rows = new int[count];
        private readonly double[] _ob = new double[count];
        private readonly float[] _top = new float[count];
        private readonly float[] _bottom = new float[count];
        private readonly float[] _volume = new float[count];
        private readonly double[] _mitigated = new double[count];
        private readonly float[] _percentage = new float[count];

        public void Set(int k, int row, int type, float top, float bottom, float volume, int mitigatedIndex, float percentage)
        {
            _rows[k] = row;
            _ob[k] = type;
            _top[k] = top;
            _bottom[k] = bottom;
            _volume[k] = volume;
            _mitigated[k] = mitigatedIndex;
            _percentage[k] = percentage;
        }

        public OrderBlocksResult ToResult(int length) =>
            new(length, _rows, _rows.Length, _ob, _top, _bottom, _volume, _mitigated, _percentage);
    }

    private static void RunLiteral(SmcSeries series, List<Creation> creations, int type, bool closeMitigation, State state)
    {
        var open = series.OpenArray;
        var high = series.HighArray;
        var low = series.LowArray;
        var close = series.CloseArray;
        var active = new List<int>();
        var snapshot = new List<int>();
        var next = 0;
        for (var i = 0; i < series.Count; i++)
        {
            // `for idx in active.copy()`: entries removed during the bar are still visited.
            snapshot.Clear();
            snapshot.AddRange(active);
            foreach (var idx in snapshot)
            {
                if (state.Breaker[idx])
                {
                    if (type == 1 ? high[i] > state.Top[idx] : low[i] < state.Bottom[idx])
                    {
                        state.Clear(idx);
                        active.Remove(idx);
                    }
                }
                else if (type == 1
                    ? (closeMitigation ? (close[i] < open[i] ? close[i] : open[i]) : low[i]) < state.Bottom[idx]
                    : (closeMitigation ? (close[i] > open[i] ? close[i] : open[i]) : high[i]) > state.Top[idx])
                {
                    state.Breaker[idx] = true;
                    // B5: smc.py#L444 (bullish, i − 1) vs #L507 (bearish, i).
                    state.Mitigated[idx] = type == 1 ? i - 1 : i;
                }
            }
            if (next < creations.Count && creations[next].Bar == i)
            {
                var c = creations[next++];
                state.Set(c, type);
                active.Add(c.Candle);
            }
        }
    }

    // The library's shared per-row arrays (smc.py#L407-L416).
    private sealed class State(int n)
    {
        public int[] Ob { get; } = new int[n];

        public float[] Top { get; } = new float[n];

        public float[] Bottom { get; } = new float[n];

        public float[] Volume { get; } = new float[n];

        public float[] Percentage { get; } = new float[n];

        public int[] Mitigated { get; } = new int[n];

        public bool[] Breaker { get; } = new bool[n];

        // smc.py#L472-L484 / #L532-L543: creation writes these fields only; mitigated_index and breaker keep
        // whatever an earlier block on the same candle left there.
        public void Set(in Creation c, int type)
        {
            Ob[c.Candle] = type;
            Top[c.Candle] = c.Top;
            Bottom[c.Candle] = c.Bottom;
            Volume[c.Candle] = c.Volume;
            Percentage[c.Candle] = c.Percentage;
        }

        // smc.py#L430-L439 / #L494-L502: deletion zeroes every field but leaves breaker[idx] set.
        public void Clear(int idx)
        {
            Ob[idx] = 0;
            Top[idx] = 0;
            Bottom[idx] = 0;
            Volume[idx] = 0;
            Percentage[idx] = 0;
            Mitigated[idx] = 0;
        }

        // smc.py#L545-L551: rows with ob == 0 become NaN in every column.
        public OrderBlocksResult ToResult()
        {
            var count = Ob.Count(type => type != 0);
            var result = new Columns(count);
            var k = 0;
            for (var i = 0; i < Ob.Length; i++)
            {
                if (Ob[i] != 0)
                    result.Set(k++, i, Ob[i], Top[i], Bottom[i], Volume[i], Mitigated[i], Percentage[i]);
            }
            return result.ToResult(Ob.Length);
        }
    }
}
