namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="SwingHighsLows.Compute"/> (smc.py#L213-L219): per bar, <c>HighLow</c>
/// (+1 swing high, −1 swing low, NaN none; float64) and <c>Level</c> (the bar's high for +1, its
/// low for −1, NaN otherwise; float64). Also the swing input of <see cref="BosChoch"/>,
/// <see cref="OrderBlocks"/>, <see cref="Liquidity"/> and <see cref="Retracements"/>.
/// Stored sparsely: the swing rows and their values (see <see cref="SmcColumn"/>).
/// </summary>
/// <remarks>Signal rows: rows with a swing (including the artificial ones at rows 0 and N−1).</remarks>
public sealed class SwingHighsLowsResult : SmcFrame
{
    private readonly int[] _rows;
    private readonly double[] _types;
    private readonly double[] _levels;

    // rows[0..count) ascending, with their HighLow and Level values; every other row is NaN in both.
    internal SwingHighsLowsResult(int length, int[] rows, double[] types, double[] levels, int count)
        : base(0)
    {
        _rows = rows;
        _types = types;
        _levels = levels;
        EntryCount = count;
        Columns =
        [
            SmcColumn.SparseFloat64("HighLow", length, rows, types, count),
            SmcColumn.SparseFloat64("Level", length, rows, levels, count),
        ];
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
        var rows = new List<int>();
        for (var i = 0; i < highLow.Length; i++)
        {
            if (!double.IsNaN(highLow[i]) || !double.IsNaN(level[i]))
                rows.Add(i);
        }
        return new SwingHighsLowsResult(highLow.Length, [.. rows], [.. rows.Select(i => highLow[i])], [.. rows.Select(i => level[i])], rows.Count);
    }

    /// <summary>+1 swing high, −1 swing low, NaN none; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> HighLow => Columns[0].Float64Values;

    /// <summary>Swing price (high or low of the bar), NaN where there is no swing; one value per bar (built on first use).</summary>
    public ReadOnlySpan<double> Level => Columns[1].Float64Values;

    /// <summary>Number of stored rows (swings, plus hand-made rows with only a Level).</summary>
    internal int EntryCount { get; }

    /// <summary>The stored rows, ascending; shared with the frames stamped on swing rows.</summary>
    internal int[] RowArray => _rows;

    /// <summary>HighLow of each stored row (NaN possible for hand-made swings).</summary>
    internal ReadOnlySpan<double> Types => _types.AsSpan(0, EntryCount);

    /// <summary>Level of each stored row.</summary>
    internal ReadOnlySpan<double> Levels => _levels.AsSpan(0, EntryCount);
}
