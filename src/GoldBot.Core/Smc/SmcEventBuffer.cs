using System.Runtime.CompilerServices;

namespace GoldBot.Smc;

/// <summary>The events of the current bar: a growable array reused from bar to bar.</summary>
internal sealed class SmcEventBuffer
{
    private SmcEvent[] _items = new SmcEvent[32];
    private int _count;

    public int Count => _count;

    public ReadOnlySpan<SmcEvent> Span => _items.AsSpan(0, _count);

    public void Clear() => _count = 0;

    /// <summary>Appends <paramref name="e"/>. Inlined where an event is built: no call, and the 80-byte event is not copied a second time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in SmcEvent e)
    {
        if (_count == _items.Length)
            Grow();
        _items[_count++] = e;
    }

    private void Grow() => Array.Resize(ref _items, _items.Length * 2);
}
