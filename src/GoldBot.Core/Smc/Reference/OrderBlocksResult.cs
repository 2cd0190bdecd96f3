namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="OrderBlocks.Compute"/> (smc.py#L545-L570), on the order-block candle's
/// row, NaN elsewhere: <c>OB</c> (+1 bullish / −1 bearish; float64), <c>Top</c>, <c>Bottom</c>
/// (price, float32), <c>OBVolume</c> (volume of the break bar and the two before it, float32),
/// <c>MitigatedIndex</c> (float64; <b>0 = still a plain order block</b>, otherwise the bar at which
/// it became a breaker, B5) and <c>Percentage</c> (volume balance 0..100, float32). Stored
/// sparsely on the order-block rows (see <see cref="SmcColumn"/>).
/// </summary>
/// <remarks>Signal rows: rows with an order block (plain or breaker).</remarks>
public sealed class OrderBlocksResult : SmcFrame
{
    // Values per order-block row (rows[0..count) ascending).
    internal OrderBlocksResult(int length, int[] rows, int count, double[] ob, float[] top, float[] bottom, float[] obVolume, double[] mitigatedIndex, float[] percentage)
        : base(0) =>
        Columns =
        [
            SmcColumn.SparseFloat64("OB", length, rows, ob, count), SmcColumn.SparseFloat32("Top", length, rows, top, count),
            SmcColumn.SparseFloat32("Bottom", length, rows, bottom, count), SmcColumn.SparseFloat32("OBVolume", length, rows, obVolume, count),
            SmcColumn.SparseFloat64("MitigatedIndex", length, rows, mitigatedIndex, count), SmcColumn.SparseFloat32("Percentage", length, rows, percentage, count),
        ];

    /// <summary>+1 bullish / −1 bearish order block on its candle, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Ob => Columns[0].Float64Values;

    /// <summary>Top of the block (float32 price); for the bullish default candle it is the candle's low (B6); one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> Top => Columns[1].Float32Values;

    /// <summary>Bottom of the block (float32 price); for the bullish default candle it is the candle's high (B6); one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> Bottom => Columns[2].Float32Values;

    /// <summary>V[i] + V[i−1] + V[i−2] of the break bar i (B8), float32; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> ObVolume => Columns[3].Float32Values;

    /// <summary>Breaker bar (bullish: one bar early, B5), 0 when not a breaker, NaN no block; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> MitigatedIndex => Columns[4].Float64Values;

    /// <summary>min(high volume, low volume) / max · 100 in float32 (100 when both are 0), NaN no block; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> Percentage => Columns[5].Float32Values;
}
