namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="BosChoch.Compute"/> (smc.py#L362-L373), stamped on the row of the broken
/// swing: <c>BOS</c> and <c>CHOCH</c> (±1 or NaN; float64), <c>Level</c> (the broken swing's
/// price stored as float32, NaN when empty) and <c>BrokenIndex</c> (0-based bar that closed
/// beyond the level; float64, NaN when empty). Quirk B3: superseded signals keep their
/// <c>BrokenIndex</c> with BOS, CHOCH and Level all NaN; treat a row without Level as no signal.
/// Stored sparsely on the swing rows (see <see cref="SmcColumn"/>).
/// </summary>
/// <remarks>Signal rows: rows with a BOS or CHOCH (orphan <c>BrokenIndex</c> rows are not counted).</remarks>
public sealed class BosChochResult : SmcFrame
{
    // Values per swing row (rows[0..count) of the swings), NaN where the row has none.
    internal BosChochResult(int length, int[] rows, int count, double[] bos, double[] choch, float[] level, double[] brokenIndex)
        : base(0, 1) =>
        Columns =
        [
            SmcColumn.SparseFloat64("BOS", length, rows, bos, count), SmcColumn.SparseFloat64("CHOCH", length, rows, choch, count),
            SmcColumn.SparseFloat32("Level", length, rows, level, count), SmcColumn.SparseFloat64("BrokenIndex", length, rows, brokenIndex, count),
        ];

    /// <summary>+1 bullish / −1 bearish break of structure, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Bos => Columns[0].Float64Values;

    /// <summary>+1 bullish / −1 bearish change of character, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Choch => Columns[1].Float64Values;

    /// <summary>The broken swing's price as float32, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> Level => Columns[2].Float32Values;

    /// <summary>0-based index of the breaking bar, NaN none (also set on superseded rows, B3); one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> BrokenIndex => Columns[3].Float64Values;
}
