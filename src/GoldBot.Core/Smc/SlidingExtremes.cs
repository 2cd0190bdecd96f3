namespace GoldBot.Smc;

/// <summary>
/// Highest high and lowest low of the last <c>window</c> bars, kept with two monotonic deques of
/// bar indices and their prices (amortised O(1) per bar, no allocation after construction).
/// </summary>
internal sealed class SlidingExtremes
{
    private readonly int _window;
    // Mutable structs held in fields (not readonly), so their methods update them in place.
    private Deque _highs;
    private Deque _lows;

    public SlidingExtremes(int window)
    {
        _window = window;
        _highs = new Deque(window + 1);
        _lows = new Deque(window + 1);
    }

    /// <summary>Adds bar <paramref name="history"/>.Last and drops bars that left the window.</summary>
    public void Add(BarHistory history)
    {
        var t = history.Last;
        ref readonly var bar = ref history[t];
        while (_highs.Count > 0 && _highs.Back.Price <= bar.High)
            _highs.PopBack();
        _highs.PushBack(new Extreme(t, bar.High));
        while (_lows.Count > 0 && _lows.Back.Price >= bar.Low)
            _lows.PopBack();
        _lows.PushBack(new Extreme(t, bar.Low));
        var oldest = t - _window + 1;
        while (_highs.Front.Index < oldest)
            _highs.PopFront();
        while (_lows.Front.Index < oldest)
            _lows.PopFront();
    }

    /// <summary>The window's highest high, in ticks.</summary>
    public long Highest => _highs.Front.Price;

    /// <summary>The window's lowest low, in ticks.</summary>
    public long Lowest => _lows.Front.Price;

    /// <summary>A bar of the window (its index) and its high or low, in ticks.</summary>
    private readonly record struct Extreme(int Index, long Price);

    /// <summary>A ring of extremes, its capacity a power of two so an index wraps with a mask.</summary>
    private struct Deque
    {
        private readonly Extreme[] _items;
        private readonly int _mask;
        private int _head;

        public Deque(int minimumCapacity)
        {
            var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)minimumCapacity);
            _items = new Extreme[capacity];
            _mask = capacity - 1;
        }

        public int Count { get; private set; }

        public readonly Extreme Front => _items[_head];

        public readonly Extreme Back => _items[(_head + Count - 1) & _mask];

        public void PushBack(Extreme value) => _items[(_head + Count++) & _mask] = value;

        public void PopBack() => Count--;

        public void PopFront()
        {
            _head = (_head + 1) & _mask;
            Count--;
        }
    }
}
