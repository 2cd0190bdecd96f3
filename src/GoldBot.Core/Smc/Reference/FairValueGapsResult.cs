namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="FairValueGaps.Compute"/> (smc.py#L126-L134), all float64 and NaN on rows
/// without a gap: <c>FVG</c> (+1 bullish, −1 bearish, on the middle candle), <c>Top</c> and
/// <c>Bottom</c> (gap edges, price) and <c>MitigatedIndex</c> (0-based bar that first touched the
/// near edge, counted from the middle candle + 2; <b>0 = never</b>).
/// </summary>
/// <remarks>Signal rows: rows with a gap.</remarks>
public sealed class FairValueGapsResult : SmcFrame
{
    private readonly double[] _fvg;
    private readonly double[] _top;
    private readonly double[] _bottom;
    private readonly double[] _mitigatedIndex;

    internal FairValueGapsResult(double[] fvg, double[] top, double[] bottom, double[] mitigatedIndex)
        : base(0)
    {
        _fvg = fvg;
        _top = top;
        _bottom = bottom;
        _mitigatedIndex = mitigatedIndex;
        Columns =
        [
            SmcColumn.Float64("FVG", fvg), SmcColumn.Float64("Top", top),
            SmcColumn.Float64("Bottom", bottom), SmcColumn.Float64("MitigatedIndex", mitigatedIndex),
        ];
    }

    /// <summary>+1 bullish / −1 bearish gap on its middle candle, NaN none.</summary>
    public ReadOnlySpan<double> Fvg => _fvg;

    /// <summary>Upper edge of the gap (price), NaN none.</summary>
    public ReadOnlySpan<double> Top => _top;

    /// <summary>Lower edge of the gap (price), NaN none.</summary>
    public ReadOnlySpan<double> Bottom => _bottom;

    /// <summary>0-based index of the first bar that entered the gap, 0 never, NaN no gap.</summary>
    public ReadOnlySpan<double> MitigatedIndex => _mitigatedIndex;
}
