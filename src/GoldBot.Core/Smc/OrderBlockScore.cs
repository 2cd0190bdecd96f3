namespace GoldBot.Smc;

/// <summary>
/// The five components of an order block's quality score, each 0–2 points, from the GoldBot
/// plan's criteria (<c>design/000</c>, "Order Block Detection Algorithm"): displacement, volume,
/// structure, clean move away, body-to-wick. <see cref="Total"/> is their sum clamped to 1–10.
/// Exact thresholds are in <c>docs/smc.md</c>.
/// </summary>
/// <param name="Displacement">2 when the break closed at least the minimum displacement (20 ticks) beyond the block, 1 at half of it.</param>
/// <param name="Volume">2 when the leg's peak volume is at least 1.5× the 20-bar average before the block, 1 at 1.0×.</param>
/// <param name="Structure">2 when the block's candle is a confirmed swing-scope swing point, 1 when an internal one.</param>
/// <param name="CleanMove">2 when no bar of the leg came back into the block, 1 when one did by wick only.</param>
/// <param name="BodyToWick">2 when the leg's largest-body candle has body ≥ 70% of its range, 1 at ≥ 50%.</param>
public readonly record struct OrderBlockScore(byte Displacement, byte Volume, byte Structure, byte CleanMove, byte BodyToWick)
{
    /// <summary>
    /// Displacement points for a move of <paramref name="ticks"/>: 2 at <paramref name="minimum"/> ticks or more (the
    /// <c>MinDisplacementTicks</c> setting), 1 at half of it, else 0 (<c>docs/smc.md</c>). Shared by order blocks, gaps and sweeps.
    /// </summary>
    public static byte DisplacementPoints(long ticks, long minimum) => (byte)(ticks >= minimum ? 2 : 2 * ticks >= minimum ? 1 : 0);

    /// <summary>Sum of the components, clamped to 1–10.</summary>
    public int Total => Math.Clamp(Displacement + Volume + Structure + CleanMove + BodyToWick, 1, 10);

    /// <inheritdoc/>
    public override string ToString() =>
        $"displacement={Displacement} volume={Volume} structure={Structure} clean_move={CleanMove} body_to_wick={BodyToWick}";
}
