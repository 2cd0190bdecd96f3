namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="Sessions.Compute"/> (smc.py#L894-L898): <c>Active</c> (int 1 inside the
/// session, 0 outside), <c>High</c> and <c>Low</c> (running session extremes as float32 prices,
/// <b>0.0 when inactive</b>).
/// </summary>
/// <remarks>Signal rows: active bars.</remarks>
public sealed class SessionsResult : SmcFrame
{
    private readonly int[] _active;
    private readonly float[] _high;
    private readonly float[] _low;

    internal SessionsResult(int[] active, float[] high, float[] low)
        : base(0)
    {
        _active = active;
        _high = high;
        _low = low;
        Columns = [SmcColumn.Int32("Active", active), SmcColumn.Float32("High", high), SmcColumn.Float32("Low", low)];
    }

    /// <summary>1 when the bar's open time (HH:MM) is inside the session, else 0.</summary>
    public ReadOnlySpan<int> Active => _active;

    /// <summary>Running session high (float32), 0 when inactive.</summary>
    public ReadOnlySpan<float> High => _high;

    /// <summary>Running session low (float32), 0 when inactive.</summary>
    public ReadOnlySpan<float> Low => _low;
}
