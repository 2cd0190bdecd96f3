namespace GoldBot.Smc;

/// <summary>
/// Liquidity pools and sweeps from internal swings. Swing highs whose levels lie within the
/// equal-level tolerance of an earlier, still intact swing high join it; at two members the
/// group is a buy-side liquidity pool at its highest level (mirror: sell-side below equal lows).
/// A bar whose wick goes beyond the pool level and whose close comes back to the near side is a
/// sweep (a stop hunt); a close beyond the level means the liquidity was taken. Either way the
/// pool is spent and removed. A single swing stays a candidate until price trades beyond it by
/// more than the tolerance (so a second high a tick above the first still makes equal highs).
/// Unlike smartmoneyconcepts' <c>liquidity</c> (<c>smc.py#L572-L698</c>) the tolerance is a fixed
/// number of ticks, not a share of the whole series' range, so it is causal.
/// </summary>
internal sealed class LiquidityTracker
{
    private readonly SmcOptions _options;
    private readonly ZoneIds _ids;
    private readonly Level[] _highs;
    private readonly Level[] _lows;
    private int _highCount;
    private int _lowCount;

    // Exact quick-reject bounds: the lowest high (highest low) that would sweep, take or drop a level.
    private long _highReach = long.MaxValue;
    private long _lowReach = long.MinValue;

    public LiquidityTracker(SmcOptions options, ZoneIds ids)
    {
        _options = options;
        _ids = ids;
        _highs = new Level[options.MaxLiquidityLevels];
        _lows = new Level[options.MaxLiquidityLevels];
    }

    private struct Level
    {
        public int Id;
        public long Price;
        public long Other;
        public int Members;
        public int FirstIndex;
    }

    public void OnSwing(in Swing swing, in BarContext at, SmcEventBuffer events)
    {
        var levels = swing.IsHigh ? _highs : _lows;
        ref var count = ref swing.IsHigh ? ref _highCount : ref _lowCount;
        for (var i = 0; i < count; i++)
        {
            ref var l = ref levels[i];
            if (Math.Abs(l.Price - swing.Level) > _options.EqualLevelToleranceTicks)
                continue;
            l.Members++;
            if (swing.IsHigh ? swing.Level > l.Price : swing.Level < l.Price)
            {
                l.Other = l.Price;
                l.Price = swing.Level;
            }
            else if (swing.IsHigh ? swing.Level < l.Other : swing.Level > l.Other)
            {
                l.Other = swing.Level;
            }
            if (l.Members == 2)
            {
                l.Id = _ids.Next();
                Emit(events, SmcEventKind.LiquidityPoolFormed, l, swing.IsHigh, at);
            }
            Recompute(swing.IsHigh);
            return;
        }

        var dropped = count == levels.Length;
        if (dropped)
        {
            Array.Copy(levels, 1, levels, 0, count - 1);
            count--;
        }
        levels[count++] = new Level { Price = swing.Level, Other = swing.Level, Members = 1, FirstIndex = swing.Index };
        // A new candidate adds its own reach to the others'; the dropped level may have held the side's reach.
        if (dropped)
            Recompute(swing.IsHigh);
        else if (swing.IsHigh)
            _highReach = Math.Min(_highReach, swing.Level + _options.EqualLevelToleranceTicks);
        else
            _lowReach = Math.Max(_lowReach, swing.Level - _options.EqualLevelToleranceTicks);
    }

    public void Update(in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        if (bar.High > _highReach)
        {
            _highCount = Sweep(_highs, _highCount, true, bar, at, events);
            Recompute(highs: true);
        }
        if (bar.Low < _lowReach)
        {
            _lowCount = Sweep(_lows, _lowCount, false, bar, at, events);
            Recompute(highs: false);
        }
    }

    private void Recompute(bool highs)
    {
        var tolerance = _options.EqualLevelToleranceTicks;
        if (highs)
        {
            _highReach = long.MaxValue;
            for (var i = 0; i < _highCount; i++)
                _highReach = Math.Min(_highReach, _highs[i].Price + (_highs[i].Members < 2 ? tolerance : 0));
        }
        else
        {
            _lowReach = long.MinValue;
            for (var i = 0; i < _lowCount; i++)
                _lowReach = Math.Max(_lowReach, _lows[i].Price - (_lows[i].Members < 2 ? tolerance : 0));
        }
    }

    private int Sweep(Level[] levels, int count, bool highs, in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        var write = 0;
        for (var read = 0; read < count; read++)
        {
            ref var l = ref levels[read];
            var beyond = highs ? bar.High - l.Price : l.Price - bar.Low;
            if (l.Members >= 2 && beyond > 0)
            {
                var closedBack = highs ? bar.Close < l.Price : bar.Close > l.Price;
                Emit(events, closedBack ? SmcEventKind.LiquiditySweep : SmcEventKind.LiquidityPoolTaken, l, highs, at);
                continue;
            }
            if (l.Members < 2 && beyond > _options.EqualLevelToleranceTicks)
                continue;
            if (write != read)
                levels[write] = l;
            write++;
        }
        return write;
    }

    private static void Emit(SmcEventBuffer events, SmcEventKind kind, in Level l, bool highs, in BarContext at) =>
        events.Add(new SmcEvent(kind, highs ? (sbyte)1 : (sbyte)-1, StructureScope.Internal, l.Id, l.FirstIndex, at.Index, at.KnownTime,
            Math.Max(l.Price, l.Other), Math.Min(l.Price, l.Other), l.Price, 0, 0, default, SwingLabel.None));
}
