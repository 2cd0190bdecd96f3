namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="SwingHighsLows.Compute"/> (smc.py#L213-L219): per bar, <c>HighLow</c>
/// (+1 swing high, −1 swing low, NaN none; float64) and <c>Level</c> (the bar's high for +1, its
/// low for −1, NaN otherwise; float64). Also the swing input of <see cref="BosChoch"/>,
/// <see cref="OrderBlocks"/>, <see cref="Liquidity"/> and <see cref="Retracements"/>.
/// </summary>
/// <remarks>Signal rows: rows with a swing (including the artificial ones at rows 0 and N−1).</remarks>
public sealed class SwingHighsLowsResult : SmcFrame
{
    private readonly double[] _highLow;
    private readonly double[] _level;

    internal SwingHighsLowsResult(double[] highLow, double[] level)
        : base(0)
    {
        _highLow = highLow;
        _level = level;
        Columns = [SmcColumn.Float64("HighLow", highLow), SmcColumn.Float64("Level", level)];
    }

    /// <summary>
    /// Wraps copies of caller-made columns, for feeding hand-made swings to the swing-based
    /// functions as the library allows any DataFrame with these two columns. Any non-NaN
    /// <paramref name="highLow"/> value counts as a swing, exactly as in the library.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static SwingHighsLowsResult FromColumns(double[] highLow, double[] level)
    {
        ArgumentNullException.ThrowIfNull(highLow);
        ArgumentNullException.ThrowIfNull(level);
        if (highLow.Length != level.Length)
            throw new ArgumentException("HighLow and Level must have the same length.", nameof(level));
        return new SwingHighsLowsResult((double[])highLow.Clone(), (double[])level.Clone());
    }

    /// <summary>+1 swing high, −1 swing low, NaN none; one value per bar.</summary>
    public ReadOnlySpan<double> HighLow => _highLow;

    /// <summary>Swing price (high or low of the bar), NaN where there is no swing.</summary>
    public ReadOnlySpan<double> Level => _level;




    internal double[] HighLowArray => _highLow;

    internal double[] LevelArray => _level;
}
