namespace GoldBot.Smc;

/// <summary>
/// The last <see cref="Capacity"/> bars, addressed by absolute bar index (0 = first bar ever
/// added). A preallocated ring: adding never allocates.
/// </summary>
internal sealed class BarHistory
{
    private readonly TickBar[] _bars;
    private readonly int _mask;

    public BarHistory(int minimumCapacity)
    {
        var capacity = 1;
        while (capacity < minimumCapacity)
            capacity <<= 1;
        _bars = new TickBar[capacity];
        _mask = capacity - 1;
    }

    public int Capacity => _bars.Length;

    /// <summary>Index of the newest bar, −1 when empty.</summary>
    public int Last { get; private set; } = -1;

    /// <summary>Oldest index still held.</summary>
    public int First => Math.Max(0, Last - _bars.Length + 1);

    public void Add(in TickBar bar) => _bars[++Last & _mask] = bar;

    /// <summary>The bar at absolute <paramref name="index"/>; must be within [First, Last].</summary>
    public ref readonly TickBar this[int index] => ref _bars[index & _mask];
}
