namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="Retracements.Compute"/> (smc.py#L983-L987): <c>Direction</c> (int: +1 the
/// last swing was a high, −1 a low, 0 none or warm-up), <c>CurrentRetracement%</c> and
/// <c>DeepestRetracement%</c> (float64 percent of the last swing leg, one decimal, never empty).
/// </summary>
/// <remarks>Signal rows: rows with a non-zero direction.</remarks>
public sealed class RetracementsResult : SmcFrame
{
    private readonly int[] _direction;
    private readonly double[] _current;
    private readonly double[] _deepest;

    internal RetracementsResult(int[] direction, double[] current, double[] deepest)
        : base(0)
    {
        _direction = direction;
        _current = current;
        _deepest = deepest;
        Columns =
        [
            SmcColumn.Int32("Direction", direction), SmcColumn.Float64("CurrentRetracement%", current),
            SmcColumn.Float64("DeepestRetracement%", deepest),
        ];
    }

    /// <summary>+1 / −1 / 0 per bar (shifted by one bar, B12).</summary>
    public ReadOnlySpan<int> Direction => _direction;

    /// <summary>Current retracement in percent of the leg, rounded to 0.1.</summary>
    public ReadOnlySpan<double> CurrentRetracement => _current;

    /// <summary>Deepest retracement so far in the leg, percent, rounded to 0.1.</summary>
    public ReadOnlySpan<double> DeepestRetracement => _deepest;
}
