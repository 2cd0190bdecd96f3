using System.Runtime.CompilerServices;

namespace GoldBot.Smc;

/// <summary>
/// Fair value gaps: three bars a, m, c where the gap between a's high and c's low (bullish,
/// with m closing up) or a's low and c's high (bearish, m closing down) is at least the minimum
/// size. The same test as smartmoneyconcepts' <c>fvg</c> (<c>smc.py#L72-L103</c>), plus the size
/// threshold; known at the close of c and stamped on m. Mitigated on the first touch of the near
/// edge from the bar after c (the library's <c>MitigatedIndex</c>), filled and removed when price
/// trades through the far edge.
/// </summary>
internal sealed class FairValueGapTracker
{
    private readonly SmcOptions _options;
    private readonly ZoneIds _ids;

    // The open gaps in two queues ordered by the level their next event needs (Gap.NextLevel): bullish gaps ascending, bearish
    // gaps descending. A bar changes exactly the gaps whose level it reaches (a bullish level at or above its low, a bearish one
    // at or below its high), which are the ends of the queues: a bar looks at those and one more per side, not at every gap.
    private readonly Gap[] _bullish;
    private readonly Gap[] _bearish;
    private int _bullishCount;
    private int _bearishCount;
    // The queues' ends: the highest bullish level and the lowest bearish one (the type's extreme value when a queue is empty, so
    // no bar reaches it). A bar whose low is above the first and whose high is below the second changes no gap.
    private long _bullishReach = long.MinValue;
    private long _bearishReach = long.MaxValue;
    // The gaps the current bar reaches, put back in formation order (ids increase with it) to report their events in that order.
    private readonly Gap[] _reached;

    public FairValueGapTracker(SmcOptions options, ZoneIds ids)
    {
        _options = options;
        _ids = ids;
        _bullish = new Gap[options.MaxActiveGaps];
        _bearish = new Gap[options.MaxActiveGaps];
        _reached = new Gap[options.MaxActiveGaps];
    }

    private struct Gap
    {
        public int Id;
        public sbyte Direction;
        public bool Mitigated;
        public long Top;
        public long Bottom;
        public int StampIndex;

        /// <summary>Where the gap's next event happens: a bullish gap's top until it is mitigated, then its bottom (where it fills); the mirror for a bearish gap.</summary>
        public readonly long NextLevel => Direction > 0 ? (Mitigated ? Bottom : Top) : (Mitigated ? Top : Bottom);
    }

    /// <remarks>Inlined where it is called, so a bar that reaches no gap costs two comparisons.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        if (bar.Low <= _bullishReach || bar.High >= _bearishReach)
            UpdateReached(bar, at, events);
    }

    private void UpdateReached(in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        var reached = 0;
        while (_bullishCount > 0 && _bullish[_bullishCount - 1].NextLevel >= bar.Low)
            _reached[reached++] = _bullish[--_bullishCount];
        while (_bearishCount > 0 && _bearish[_bearishCount - 1].NextLevel <= bar.High)
            _reached[reached++] = _bearish[--_bearishCount];
        var gaps = _reached.AsSpan(0, reached);
        gaps.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        foreach (ref var g in gaps)
        {
            var bullish = g.Direction > 0;
            if (!g.Mitigated && (bullish ? bar.Low <= g.Top : bar.High >= g.Bottom))
            {
                g.Mitigated = true;
                Emit(events, SmcEventKind.FairValueGapMitigated, g, at);
            }
            if (bullish ? bar.Low <= g.Bottom : bar.High >= g.Top)
            {
                Emit(events, SmcEventKind.FairValueGapFilled, g, at);
                continue;
            }
            Enqueue(g);
        }
        FindReach();
    }

    public void Detect(BarHistory history, in BarContext at, SmcEventBuffer events)
    {
        var t = history.Last;
        if (t < 2)
            return;
        ref readonly var a = ref history[t - 2];
        ref readonly var m = ref history[t - 1];
        ref readonly var c = ref history[t];
        Gap gap;
        if (a.High < c.Low && m.Close > m.Open && c.Low - a.High >= _options.MinFairValueGapTicks)
            gap = new Gap { Direction = 1, Top = c.Low, Bottom = a.High };
        else if (a.Low > c.High && m.Close < m.Open && a.Low - c.High >= _options.MinFairValueGapTicks)
            gap = new Gap { Direction = -1, Top = a.Low, Bottom = c.High };
        else
            return;
        gap.Id = _ids.Next();
        gap.StampIndex = t - 1;
        if (_bullishCount + _bearishCount == _options.MaxActiveGaps)
            DropOldest();
        Enqueue(gap);
        FindReach();
        Emit(events, SmcEventKind.FairValueGapFormed, gap, at);
    }

    private void FindReach()
    {
        _bullishReach = _bullishCount > 0 ? _bullish[_bullishCount - 1].NextLevel : long.MinValue;
        _bearishReach = _bearishCount > 0 ? _bearish[_bearishCount - 1].NextLevel : long.MaxValue;
    }

    /// <summary>Puts <paramref name="gap"/> in its side's queue at its <see cref="Gap.NextLevel"/>.</summary>
    private void Enqueue(in Gap gap)
    {
        var bullish = gap.Direction > 0;
        var queue = bullish ? _bullish : _bearish;
        ref var count = ref bullish ? ref _bullishCount : ref _bearishCount;
        var level = gap.NextLevel;
        var i = count;
        for (; i > 0 && (bullish ? queue[i - 1].NextLevel > level : queue[i - 1].NextLevel < level); i--)
            queue[i] = queue[i - 1];
        queue[i] = gap;
        count++;
    }

    /// <summary>Forgets the gap formed first (the lowest id) to make room for a new one.</summary>
    private void DropOldest()
    {
        var bullish = Oldest(_bullish, _bullishCount);
        var bearish = Oldest(_bearish, _bearishCount);
        if (bearish < 0 || (bullish >= 0 && _bullish[bullish].Id < _bearish[bearish].Id))
            RemoveAt(_bullish, ref _bullishCount, bullish);
        else
            RemoveAt(_bearish, ref _bearishCount, bearish);
    }

    /// <summary>Index of the gap with the lowest id in the first <paramref name="count"/> of <paramref name="queue"/>, or −1 when empty.</summary>
    private static int Oldest(Gap[] queue, int count)
    {
        var oldest = -1;
        for (var i = 0; i < count; i++)
        {
            if (oldest < 0 || queue[i].Id < queue[oldest].Id)
                oldest = i;
        }
        return oldest;
    }

    private static void RemoveAt(Gap[] queue, ref int count, int index)
    {
        Array.Copy(queue, index + 1, queue, index, count - index - 1);
        count--;
    }

    private static void Emit(SmcEventBuffer events, SmcEventKind kind, in Gap g, in BarContext at) =>
        events.Add(new SmcEvent(kind, g.Direction, StructureScope.None, g.Id, g.StampIndex, at.Index, at.KnownTime,
            g.Top, g.Bottom, (g.Top + g.Bottom) / 2, 0, 0, default, SwingLabel.None));
}
