namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="Liquidity.Compute"/> (smc.py#L605-L608, #L692-L698), all float32 and NaN
/// off-signal, on the row of the group's first swing: <c>Liquidity</c> (+1 equal highs, −1 equal
/// lows), <c>Level</c> (mean level of the group), <c>End</c> (0-based bar of the last grouped
/// swing) and <c>Swept</c> (0-based first bar beyond the first swing's level ± tolerance;
/// <b>0 = never</b>).
/// </summary>
/// <remarks>Signal rows: rows with a liquidity pool.</remarks>
public sealed class LiquidityResult : SmcFrame
{
    private readonly float[] _liquidity;
    private readonly float[] _level;
    private readonly float[] _end;
    private readonly float[] _swept;

    internal LiquidityResult(float[] liquidity, float[] level, float[] end, float[] swept)
        : base(0)
    {
        _liquidity = liquidity;
        _level = level;
        _end = end;
        _swept = swept;
        Columns =
        [
            SmcColumn.Float32("Liquidity", liquidity), SmcColumn.Float32("Level", level),
            SmcColumn.Float32("End", end), SmcColumn.Float32("Swept", swept),
        ];
    }

    /// <summary>+1 buy-side pool above equal highs, −1 sell-side pool below equal lows, NaN none.</summary>
    public ReadOnlySpan<float> LiquidityType => _liquidity;

    /// <summary>Mean level of the grouped swings (float32), NaN none.</summary>
    public ReadOnlySpan<float> Level => _level;

    /// <summary>Bar of the last grouped swing, NaN none.</summary>
    public ReadOnlySpan<float> End => _end;

    /// <summary>Sweeping bar, 0 never, NaN none.</summary>
    public ReadOnlySpan<float> Swept => _swept;
}
