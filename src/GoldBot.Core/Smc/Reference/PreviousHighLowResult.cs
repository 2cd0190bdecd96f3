namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="PreviousHighLow.Compute"/> (smc.py#L785-L790): <c>PreviousHigh</c>,
/// <c>PreviousLow</c> (price of the referenced period, float32, NaN while fewer than two periods
/// precede the bar) and <c>BrokenHigh</c>, <c>BrokenLow</c> (int 0/1, never empty).
/// </summary>
public sealed class PreviousHighLowResult : ISmcFrame
{
    private readonly float[] _previousHigh;
    private readonly float[] _previousLow;
    private readonly int[] _brokenHigh;
    private readonly int[] _brokenLow;
    private int? _signalCount;

    internal PreviousHighLowResult(float[] previousHigh, float[] previousLow, int[] brokenHigh, int[] brokenLow)
    {
        _previousHigh = previousHigh;
        _previousLow = previousLow;
        _brokenHigh = brokenHigh;
        _brokenLow = brokenLow;
        Columns =
        [
            SmcColumn.Float32("PreviousHigh", previousHigh), SmcColumn.Float32("PreviousLow", previousLow),
            SmcColumn.Int32("BrokenHigh", brokenHigh), SmcColumn.Int32("BrokenLow", brokenLow),
        ];
    }

    /// <summary>High of the referenced earlier period (float32), NaN while invalid.</summary>
    public ReadOnlySpan<float> PreviousHigh => _previousHigh;

    /// <summary>Low of the referenced earlier period (float32), NaN while invalid.</summary>
    public ReadOnlySpan<float> PreviousLow => _previousLow;

    /// <summary>1 once the running high since the reference changed exceeds PreviousHigh.</summary>
    public ReadOnlySpan<int> BrokenHigh => _brokenHigh;

    /// <summary>1 once the running low since the reference changed is below PreviousLow.</summary>
    public ReadOnlySpan<int> BrokenLow => _brokenLow;

    /// <inheritdoc/>
    public int RowCount => _brokenHigh.Length;

    /// <inheritdoc/>
    public IReadOnlyList<SmcColumn> Columns { get; }

    /// <summary>Rows where the previous high or low is broken.</summary>
    public int SignalCount => _signalCount ??= SmcColumn.CountPresent(Columns[2], Columns[3]);
}
