namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="PreviousHighLow.Compute"/> (smc.py#L785-L790): <c>PreviousHigh</c>,
/// <c>PreviousLow</c> (price of the referenced period, float32, NaN while fewer than two periods
/// precede the bar) and <c>BrokenHigh</c>, <c>BrokenLow</c> (int 0/1, never empty).
/// </summary>
/// <remarks>Signal rows: rows where the previous high or low is broken.</remarks>
public sealed class PreviousHighLowResult : SmcFrame
{
    private readonly float[] _previousHigh;
    private readonly float[] _previousLow;
    private readonly int[] _brokenHigh;
    private readonly int[] _brokenLow;

    internal PreviousHighLowResult(float[] previousHigh, float[] previousLow, int[] brokenHigh, int[] brokenLow)
        : base(2, 3)
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
}
