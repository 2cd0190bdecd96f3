namespace GoldBot.Smc;

/// <summary>
/// Order blocks, breaker blocks and mitigation blocks: formation at a structure break,
/// scoring, and the fresh → touched → mitigated → invalidated lifecycle. Definitions and
/// sources are in <c>docs/smc.md</c> ("Order blocks").
/// </summary>
internal sealed class OrderBlockTracker
{
    private readonly SmcOptions _options;
    private readonly ZoneIds _ids;
    private readonly Zone[] _zones;
    private int _count;

    // Exact quick-reject bounds: no zone can change state on a bar whose low is above every
    // bullish zone's next level (NextLevel) and whose high is below every bearish zone's, while
    // none is old enough to expire.
    private long _bullishReach = long.MinValue;
    private long _bearishReach = long.MaxValue;
    private int _oldestFormed = int.MaxValue;

    public OrderBlockTracker(SmcOptions options, ZoneIds ids)
    {
        _options = options;
        _ids = ids;
        _zones = new Zone[options.MaxActiveZones];
    }

    private enum ZoneKind : byte { OrderBlock, Breaker, Mitigation }

    private enum ZoneState : byte { Fresh, Touched, Mitigated }

    private struct Zone
    {
        public int Id;
        public sbyte Direction;
        public ZoneKind Kind;
        public ZoneState State;
        public long Top;
        public long Bottom;
        public int StampIndex;
        public int FormedIndex;
        public bool SweptLiquidity;
        public StructureScope Scope;
        public OrderBlockScore Score;
        // NextLevel of the zone as it stands: a bar that does not reach it leaves the zone as it is, unless it expires.
        public long Next;
    }

    /// <summary>Advances every zone formed before this bar through its lifecycle.</summary>
    public void Update(in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        if (bar.Low > _bullishReach && bar.High < _bearishReach && at.Index - _oldestFormed <= _options.MaxOrderBlockAge)
            return;
        // The bounds are rebuilt from the zones that stay, in the same pass.
        _bullishReach = long.MinValue;
        _bearishReach = long.MaxValue;
        _oldestFormed = int.MaxValue;
        var write = 0;
        for (var read = 0; read < _count; read++)
        {
            ref var z = ref _zones[read];
            if ((z.Direction > 0 ? bar.Low <= z.Next : bar.High >= z.Next) || at.Index - z.FormedIndex > _options.MaxOrderBlockAge)
            {
                if (!Advance(ref z, bar, at, events, out var flip))
                {
                    if (!flip)
                        continue;
                    // The failed block flips polarity in place of the removed one; it is checked from the next bar.
                    z.Kind = z.SweptLiquidity ? ZoneKind.Breaker : ZoneKind.Mitigation;
                    z.Direction = (sbyte)-z.Direction;
                    z.State = ZoneState.Fresh;
                    z.FormedIndex = at.Index;
                    Emit(events, z.Kind == ZoneKind.Breaker ? SmcEventKind.BreakerBlockFormed : SmcEventKind.MitigationBlockFormed, z, at);
                }
                z.Next = NextLevel(z);
            }
            Include(z);
            if (write != read)
                _zones[write] = z;
            write++;
        }
        _count = write;
    }

    private void Include(in Zone z)
    {
        if (z.Direction > 0)
            _bullishReach = Math.Max(_bullishReach, z.Next);
        else
            _bearishReach = Math.Min(_bearishReach, z.Next);
        _oldestFormed = Math.Min(_oldestFormed, z.FormedIndex);
    }

    /// <summary>
    /// The level a bar must reach (a bullish zone's from above, a bearish one's from below) for the zone's next change other
    /// than its expiry: a fresh zone's near edge (the touch), a touched order block's middle (its mitigation), otherwise the
    /// far edge (a close beyond it invalidates the zone).
    /// </summary>
    private static long NextLevel(in Zone z) =>
        z.State == ZoneState.Fresh ? (z.Direction > 0 ? z.Top : z.Bottom)
        : z.Kind == ZoneKind.OrderBlock && z.State == ZoneState.Touched ? (z.Top + z.Bottom) / 2
        : z.Direction > 0 ? z.Bottom : z.Top;

    private bool Advance(ref Zone z, in TickBar bar, in BarContext at, SmcEventBuffer events, out bool flip)
    {
        flip = false;
        if (at.Index - z.FormedIndex > _options.MaxOrderBlockAge)
        {
            Emit(events, SmcEventKind.OrderBlockExpired, z, at);
            return false;
        }

        var bullish = z.Direction > 0;
        var entered = bullish ? bar.Low <= z.Top : bar.High >= z.Bottom;
        var failed = bullish ? bar.Close < z.Bottom : bar.Close > z.Top;

        if (z.Kind == ZoneKind.OrderBlock)
        {
            var mid = (z.Top + z.Bottom) / 2;
            var throughMid = bullish ? bar.Low <= mid : bar.High >= mid;
            if (entered && z.State == ZoneState.Fresh)
            {
                z.State = ZoneState.Touched;
                Emit(events, SmcEventKind.OrderBlockTouched, z, at);
            }
            if (throughMid && z.State == ZoneState.Touched)
            {
                z.State = ZoneState.Mitigated;
                Emit(events, SmcEventKind.OrderBlockMitigated, z, at);
            }
            if (failed)
            {
                Emit(events, SmcEventKind.OrderBlockInvalidated, z, at);
                flip = true;
                return false;
            }
            return true;
        }

        if (entered && z.State == ZoneState.Fresh)
        {
            z.State = ZoneState.Touched;
            Emit(events, SmcEventKind.BreakerBlockTouched, z, at);
        }
        if (failed)
        {
            Emit(events, SmcEventKind.BreakerBlockInvalidated, z, at);
            return false;
        }
        return true;
    }

    /// <summary>Forms an order block for a structure break at the current bar, if the leg has a candle for it.</summary>
    public void OnBreak(in StructureBreak brk, BarHistory history, StructureTracker swingScope, StructureTracker internalScope, in BarContext at, SmcEventBuffer events)
    {
        var t = history.Last;
        var from = Math.Max(brk.SwingIndex + 1, history.First);
        if (from > t - 1)
            return;

        var bullish = brk.Direction > 0;
        // The block is the candle at the leg's extreme: lowest low (bullish) or highest high
        // (bearish) strictly between the broken swing and the break bar, the last one on ties
        // (the same candle smartmoneyconcepts picks, smc.py#L446-L484).
        var k = from;
        for (var i = from + 1; i <= t - 1; i++)
        {
            if (bullish ? history[i].Low <= history[k].Low : history[i].High >= history[k].High)
                k = i;
        }

        for (var i = 0; i < _count; i++)
        {
            if (_zones[i].Kind == ZoneKind.OrderBlock && _zones[i].StampIndex == k && _zones[i].Direction == brk.Direction)
                return;
        }

        ref readonly var candle = ref history[k];
        var zone = new Zone
        {
            Id = _ids.Next(),
            Direction = brk.Direction,
            Kind = ZoneKind.OrderBlock,
            State = ZoneState.Fresh,
            Top = candle.High,
            Bottom = candle.Low,
            StampIndex = k,
            FormedIndex = t,
            Scope = brk.Scope,
            SweptLiquidity = internalScope.TryGetSwingBefore(k, high: !bullish, out var prior)
                && (bullish ? candle.Low < prior.Level : candle.High > prior.Level),
            Score = Score(history, k, t, bullish, candle, swingScope, internalScope),
        };
        zone.Next = NextLevel(zone);

        if (_count == _zones.Length)
        {
            // Dropping the oldest zone can only loosen the bounds; they stay valid (conservative).
            Array.Copy(_zones, 1, _zones, 0, _count - 1);
            _count--;
        }
        _zones[_count++] = zone;
        Include(zone);
        Emit(events, SmcEventKind.OrderBlockFormed, zone, at, brk.Level);
    }

    private OrderBlockScore Score(BarHistory history, int k, int t, bool bullish, in TickBar candle, StructureTracker swingScope, StructureTracker internalScope)
    {
        ref readonly var breakBar = ref history[t];
        var displacement = bullish ? breakBar.Close - candle.High : candle.Low - breakBar.Close;
        var displacementPoints = OrderBlockScore.DisplacementPoints(displacement, _options.MinDisplacementTicks);

        long volumeSum = 0;
        var volumeBars = 0;
        for (var i = Math.Max(history.First, k - _options.VolumeLookback + 1); i <= k; i++)
        {
            volumeSum += history[i].Volume;
            volumeBars++;
        }
        long peak = 0;
        var leftZone = false;
        byte clean = 2;
        long bestBody = -1;
        var bestRange = 0L;
        for (var i = k + 1; i <= t; i++)
        {
            ref readonly var b = ref history[i];
            peak = Math.Max(peak, b.Volume);
            var outside = bullish ? b.Low > candle.High : b.High < candle.Low;
            if (outside)
                leftZone = true;
            else if (leftZone)
                clean = Math.Min(clean, (bullish ? b.Close > candle.High : b.Close < candle.Low) ? (byte)1 : (byte)0);
            var body = bullish ? b.Close - b.Open : b.Open - b.Close;
            if (body > bestBody)
            {
                bestBody = body;
                bestRange = b.Range;
            }
        }
        var average = volumeBars == 0 ? 0d : (double)volumeSum / volumeBars;
        byte volumePoints = average <= 0 ? (byte)0
            : peak >= _options.VolumeRatio * average ? (byte)2
            : peak >= average ? (byte)1 : (byte)0;

        byte structure = swingScope.HasSwingAt(k, high: !bullish) ? (byte)2
            : internalScope.HasSwingAt(k, high: !bullish) ? (byte)1 : (byte)0;

        byte bodyToWick = bestBody <= 0 || bestRange <= 0 ? (byte)0
            : 10 * bestBody >= 7 * bestRange ? (byte)2
            : 2 * bestBody >= bestRange ? (byte)1 : (byte)0;

        return new OrderBlockScore(displacementPoints, volumePoints, structure, clean, bodyToWick);
    }

    private static void Emit(SmcEventBuffer events, SmcEventKind kind, in Zone z, in BarContext at, long level = 0) =>
        events.Add(new SmcEvent(kind, z.Direction, z.Scope, z.Id, z.StampIndex, at.Index, at.KnownTime, z.Top, z.Bottom,
            level == 0 ? (z.Top + z.Bottom) / 2 : level, 0, 0, z.Score, SwingLabel.None));
}
