namespace GoldBot.Smc;

/// <summary>
/// Highest high and lowest low of the last <c>window</c> bars, kept with two monotonic deques of
/// bar indices (amortised O(1) per bar, no allocation after construction).
/// </summary>
internal sealed class SlidingExtremes
{
    private readonly int _window;
    private readonly Deque _highs;
    private readonly Deque _lows;

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
        var high = history[t].High;
        var low = history[t].Low;
        while (_highs.Count > 0 && history[_highs.Back].High <= high)
            _highs.PopBack();
        _highs.PushBack(t);
        while (_lows.Count > 0 && history[_lows.Back].Low >= low)
            _lows.PopBack();
        _lows.PushBack(t);
        var oldest = t - _window + 1;
        while (_highs.Front < oldest)
            _highs.PopFront();
        while (_lows.Front < oldest)
            _lows.PopFront();
    }

    /// <summary>Index of a bar holding the window's highest high.</summary>
    public int HighestIndex => _highs.Front;

    /// <summary>Index of a bar holding the window's lowest low.</summary>
    public int LowestIndex => _lows.Front;

    /// <summary>A ring of bar indices, its capacity a power of two so an index wraps with a mask.</summary>
    private sealed class Deque
    {
        private readonly int[] _items;
        private readonly int _mask;
        private int _head;

        public Deque(int minimumCapacity)
        {
            var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)minimumCapacity);
            _items = new int[capacity];
            _mask = capacity - 1;
        }

        public int Count { get; private set; }

        public int Front => _items[_head];

        public int Back => _items[(_head + Count - 1) & _mask];

        public void PushBack(int value) => _items[(_head + Count++) & _mask] = value;

        public void PopBack() => Count--;

        public void PopFront()
        {
            _head = (_head + 1) & _mask;
            Count--;
        }
    }
}
