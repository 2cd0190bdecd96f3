namespace GoldBot.Smc;

/// <summary>
/// Inducement (IDM): after a swing-structure break up, the first internal swing low confirmed
/// after the break bar is the inducement level; it is swept when a later bar trades below it
/// (mirror after a break down). A project definition following the operationalisation in
/// <c>research/smc.md</c> §7.3; a new swing-structure break replaces any pending inducement.
/// </summary>
internal sealed class InducementTracker
{
    private readonly ZoneIds _ids;
    private sbyte _direction;
    private int _breakIndex = -1;
    private bool _active;
    private int _id;
    private Swing _level;

    public InducementTracker(ZoneIds ids) => _ids = ids;

    public void OnSwingBreak(in StructureBreak brk, int breakIndex)
    {
        _direction = brk.Direction;
        _breakIndex = breakIndex;
        _active = false;
    }

    public void OnInternalSwing(in Swing swing, in BarContext at, SmcEventBuffer events)
    {
        if (_breakIndex < 0 || _active || swing.Index <= _breakIndex || swing.IsHigh != (_direction < 0))
            return;
        _active = true;
        _id = _ids.Next();
        _level = swing;
        Emit(events, SmcEventKind.InducementFormed, at);
    }

    public void Update(in TickBar bar, in BarContext at, SmcEventBuffer events)
    {
        if (!_active || (_direction > 0 ? bar.Low >= _level.Level : bar.High <= _level.Level))
            return;
        Emit(events, SmcEventKind.InducementSwept, at);
        _active = false;
        _breakIndex = -1;
    }

    private void Emit(SmcEventBuffer events, SmcEventKind kind, in BarContext at) =>
        events.Add(new SmcEvent(kind, _direction, StructureScope.Internal, _id, _level.Index, at.Index, at.KnownTime,
            0, 0, _level.Level, 0, 0, default, SwingLabel.None));
}
