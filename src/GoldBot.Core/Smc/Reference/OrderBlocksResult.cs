namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="OrderBlocks.Compute"/> (smc.py#L545-L570), on the order-block candle's
/// row, NaN elsewhere: <c>OB</c> (+1 bullish / −1 bearish; float64), <c>Top</c>, <c>Bottom</c>
/// (price, float32), <c>OBVolume</c> (volume of the break bar and the two before it, float32),
/// <c>MitigatedIndex</c> (float64; <b>0 = still a plain order block</b>, otherwise the bar at which
/// it became a breaker, B5) and <c>Percentage</c> (volume balance 0..100, float32).
/// </summary>
/// <remarks>Signal rows: rows with an order block (plain or breaker).</remarks>
public sealed class OrderBlocksResult : SmcFrame
{
    private readonly double[] _ob;
    private readonly float[] _top;
    private readonly float[] _bottom;
    private readonly float[] _obVolume;
    private readonly double[] _mitigatedIndex;
    private readonly float[] _percentage;

    internal OrderBlocksResult(double[] ob, float[] top, float[] bottom, float[] obVolume, double[] mitigatedIndex, float[] percentage)
        : base(0)
    {
        _ob = ob;
        _top = top;
        _bottom = bottom;
        _obVolume = obVolume;
        _mitigatedIndex = mitigatedIndex;
        _percentage = percentage;
        Columns =
        [
            SmcColumn.Float64("OB", ob), SmcColumn.Float32("Top", top), SmcColumn.Float32("Bottom", bottom),
            SmcColumn.Float32("OBVolume", obVolume), SmcColumn.Float64("MitigatedIndex", mitigatedIndex),
            SmcColumn.Float32("Percentage", percentage),
        ];
    }

    /// <summary>+1 bullish / −1 bearish order block on its candle, NaN none.</summary>
    public ReadOnlySpan<double> Ob => _ob;

    /// <summary>Top of the block (float32 price); for the bullish default candle it is the candle's low (B6).</summary>
    public ReadOnlySpan<float> Top => _top;

    /// <summary>Bottom of the block (float32 price); for the bullish default candle it is the candle's high (B6).</summary>
    public ReadOnlySpan<float> Bottom => _bottom;

    /// <summary>V[i] + V[i−1] + V[i−2] of the break bar i (B8), float32.</summary>
    public ReadOnlySpan<float> ObVolume => _obVolume;

    /// <summary>Breaker bar (bullish: one bar early, B5), 0 when not a breaker, NaN no block.</summary>
    public ReadOnlySpan<double> MitigatedIndex => _mitigatedIndex;

    /// <summary>min(high volume, low volume) / max · 100 in float32 (100 when both are 0), NaN no block.</summary>
    public ReadOnlySpan<float> Percentage => _percentage;
}
