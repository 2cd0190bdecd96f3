namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="FairValueGaps.Compute"/> (smc.py#L126-L134), all float64 and NaN on rows
/// without a gap: <c>FVG</c> (+1 bullish, −1 bearish, on the middle candle), <c>Top</c> and
/// <c>Bottom</c> (gap edges, price) and <c>MitigatedIndex</c> (0-based bar that first touched the
/// near edge, counted from the middle candle + 2; <b>0 = never</b>). Stored sparsely on the gap
/// rows (see <see cref="SmcColumn"/>).
/// </summary>
/// <remarks>Signal rows: rows with a gap.</remarks>
public sealed class FairValueGapsResult : SmcFrame
{
    // Values per gap row (rows[0..count) ascending); rows merged away by join_consecutive hold NaN.
    internal FairValueGapsResult(int length, int[] rows, int count, double[] fvg, double[] top, double[] bottom, double[] mitigatedIndex)
        : base(0) =>
        Columns =
        [
            SmcColumn.SparseFloat64("FVG", length, rows, fvg, count), SmcColumn.SparseFloat64("Top", length, rows, top, count),
            SmcColumn.SparseFloat64("Bottom", length, rows, bottom, count), SmcColumn.SparseFloat64("MitigatedIndex", length, rows, mitigatedIndex, count),
        ];

    /// <summary>+1 bullish / −1 bearish gap on its middle candle, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Fvg => Columns[0].Float64Values;

    /// <summary>Upper edge of the gap (price), NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Top => Columns[1].Float64Values;

    /// <summary>Lower edge of the gap (price), NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Bottom => Columns[2].Float64Values;

    /// <summary>0-based index of the first bar that entered the gap, 0 never, NaN no gap; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> MitigatedIndex => Columns[3].Float64Values;
}
