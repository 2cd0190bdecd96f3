namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="BosChoch.Compute"/> (smc.py#L362-L373), stamped on the row of the broken
/// swing: <c>BOS</c> and <c>CHOCH</c> (±1 or NaN; float64), <c>Level</c> (the broken swing's
/// price stored as float32, NaN when empty) and <c>BrokenIndex</c> (0-based bar that closed
/// beyond the level; float64, NaN when empty). Quirk B3: superseded signals keep their
/// <c>BrokenIndex</c> with BOS, CHOCH and Level all NaN; treat a row without Level as no signal.
/// </summary>
/// <remarks>Signal rows: rows with a BOS or CHOCH (orphan <c>BrokenIndex</c> rows are not counted).</remarks>
public sealed class BosChochResult : SmcFrame
{
    private readonly double[] _bos;
    private readonly double[] _choch;
    private readonly float[] _level;
    private readonly double[] _brokenIndex;

    internal BosChochResult(double[] bos, double[] choch, float[] level, double[] brokenIndex)
        : base(0, 1)
    {
        _bos = bos;
        _choch = choch;
        _level = level;
        _brokenIndex = brokenIndex;
        Columns =
        [
            SmcColumn.Float64("BOS", bos), SmcColumn.Float64("CHOCH", choch),
            SmcColumn.Float32("Level", level), SmcColumn.Float64("BrokenIndex", brokenIndex),
        ];
    }

    /// <summary>+1 bullish / −1 bearish break of structure, NaN none.</summary>
    public ReadOnlySpan<double> Bos => _bos;

    /// <summary>+1 bullish / −1 bearish change of character, NaN none.</summary>
    public ReadOnlySpan<double> Choch => _choch;

    /// <summary>The broken swing's price as float32, NaN none.</summary>
    public ReadOnlySpan<float> Level => _level;

    /// <summary>0-based index of the breaking bar, NaN none (also set on superseded rows, B3).</summary>
    public ReadOnlySpan<double> BrokenIndex => _brokenIndex;
}
