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
    private readonly Gap[] _gaps;
    private int _count;

    // Exact quick-reject bounds: nothing can happen to a gap on a bar that does not reach the level its next event needs (a
    // bullish gap's top until it is mitigated, then its bottom, where it fills; the mirror for bearish gaps), so no gap
    // changes on a bar whose low is above every bullish gap's level and whose high is below every bearish gap's level.
    private long _bullishTop = long.MinValue;
    private long _bearishBottom = long.MaxValue;

    public FairValueGapTracker(SmcOptions options, ZoneIds ids)
    {
        _options = options;
        _ids = ids;
        _gaps = new Gap[options.MaxActiveGaps];
    }

    private struct Gap
    {
        public int Id;
        public sbyte Direction;
        public bool Mitigated;
        public long Top;
        public long Bottom;
        public int StampIndex;
    }

    public void Update(in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        if (bar.Low > _bullishTop && bar.High < _bearishBottom)
            return;
        // The bounds are rebuilt from the gaps that stay, in the same pass.
        _bullishTop = long.MinValue;
        _bearishBottom = long.MaxValue;
        var write = 0;
        for (var read = 0; read < _count; read++)
        {
            ref var g = ref _gaps[read];
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
            Include(g);
            if (write != read)
                _gaps[write] = g;
            write++;
        }
        _count = write;
    }

    private void Include(in Gap g)
    {
        if (g.Direction > 0)
            _bullishTop = Math.Max(_bullishTop, g.Mitigated ? g.Bottom : g.Top);
        else
            _bearishBottom = Math.Min(_bearishBottom, g.Mitigated ? g.Top : g.Bottom);
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
        if (_count == _gaps.Length)
        {
            Array.Copy(_gaps, 1, _gaps, 0, _count - 1);
            _count--;
        }
        _gaps[_count++] = gap;
        Include(gap);
        Emit(events, SmcEventKind.FairValueGapFormed, gap, at);
    }

    private static void Emit(SmcEventBuffer events, SmcEventKind kind, in Gap g, in BarContext at) =>
        events.Add(new SmcEvent(kind, g.Direction, StructureScope.None, g.Id, g.StampIndex, at.Index, at.KnownTime,
            g.Top, g.Bottom, (g.Top + g.Bottom) / 2, 0, 0, default, SwingLabel.None));
}
