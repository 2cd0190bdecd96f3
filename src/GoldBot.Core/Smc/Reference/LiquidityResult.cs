namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="Liquidity.Compute"/> (smc.py#L605-L608, #L692-L698), all float32 and NaN
/// off-signal, on the row of the group's first swing: <c>Liquidity</c> (+1 equal highs, −1 equal
/// lows), <c>Level</c> (mean level of the group), <c>End</c> (0-based bar of the last grouped
/// swing) and <c>Swept</c> (0-based first bar beyond the first swing's level ± tolerance;
/// <b>0 = never</b>). Stored sparsely on the swing rows (see <see cref="SmcColumn"/>).
/// </summary>
/// <remarks>Signal rows: rows with a liquidity pool.</remarks>
public sealed class LiquidityResult : SmcFrame
{
    // Values per swing row (rows[0..count) of the swings), NaN where the row starts no pool.
    internal LiquidityResult(int length, int[] rows, int count, float[] liquidity, float[] level, float[] end, float[] swept)
        : base(0) =>
        Columns =
        [
            SmcColumn.SparseFloat32("Liquidity", length, rows, liquidity, count), SmcColumn.SparseFloat32("Level", length, rows, level, count),
            SmcColumn.SparseFloat32("End", length, rows, end, count), SmcColumn.SparseFloat32("Swept", length, rows, swept, count),
        ];

    /// <summary>+1 buy-side pool above equal highs, −1 sell-side pool below equal lows, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> LiquidityType => Columns[0].Float32Values;

    /// <summary>Mean level of the grouped swings (float32), NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> Level => Columns[1].Float32Values;

    /// <summary>Bar of the last grouped swing, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> End => Columns[2].Float32Values;

    /// <summary>Sweeping bar, 0 never, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<float> Swept => Columns[3].Float32Values;
}
