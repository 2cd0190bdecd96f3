namespace GoldBot.Smc;

/// <summary>The events of the current bar: a growable array reused from bar to bar.</summary>
internal sealed class SmcEventBuffer
{
    private SmcEvent[] _items = new SmcEvent[32];

    public int Count { get; private set; }

    public ReadOnlySpan<SmcEvent> Span => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(in SmcEvent e)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[Count++] = e;
    }
}
