namespace GoldBot.Smc.Reference;

/// <summary>
/// Output of <see cref="Sessions.Compute"/> (smc.py#L894-L898): <c>Active</c> (int 1 inside the
/// session, 0 outside), <c>High</c> and <c>Low</c> (running session extremes as float32 prices,
/// <b>0.0 when inactive</b>).
/// </summary>
public sealed class SessionsResult : ISmcFrame
{
    private readonly int[] _active;
    private readonly float[] _high;
    private readonly float[] _low;
    private int? _signalCount;

    internal SessionsResult(int[] active, float[] high, float[] low)
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

    /// <inheritdoc/>
    public int RowCount => _active.Length;

    /// <inheritdoc/>
    public IReadOnlyList<SmcColumn> Columns { get; }

    /// <summary>Active bars.</summary>
    public int SignalCount => _signalCount ??= SmcColumn.CountPresent(Columns[0]);
}
