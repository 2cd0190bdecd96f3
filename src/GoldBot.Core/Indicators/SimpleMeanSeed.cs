namespace GoldBot.Indicators;

/// <summary>
/// The warm-up shared by the recursive averages (EMA, SMMA): collect the first n inputs and
/// start from their simple mean (Skender.Stock.Indicators seeds EMA and SMMA this way).
/// </summary>
internal struct SimpleMeanSeed
{
    private double _sum;
    private int _count;

    /// <summary>True until <paramref name="period"/> inputs have been collected.</summary>
    public readonly bool Seeding(int period) => _count < period;

    /// <summary>Collects one input; returns true with the mean when it completes the seed.</summary>
    public bool Add(double value, int period, out double mean)
    {
        _sum += value;
        _count++;
        mean = _sum / period;
        return _count == period;
    }

    /// <summary>Starts over (after a missing input).</summary>
    public void Reset() => this = default;
}
