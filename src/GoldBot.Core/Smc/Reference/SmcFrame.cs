namespace GoldBot.Smc.Reference;

/// <summary>
/// The shared shape of the reference results: the library's columns in output order, one row
/// per input bar, and the count of signal rows (rows where any of the signal columns has a value,
/// see <see cref="SmcColumn.CountPresent"/>), computed once on first use.
/// </summary>
public abstract class SmcFrame : ISmcFrame
{
    private readonly int[] _signalColumns;
    private int? _signalCount;

    /// <summary>Creates a frame whose signal rows are those with a value in any of <paramref name="signalColumns"/> (column positions).</summary>
    protected SmcFrame(params int[] signalColumns) => _signalColumns = signalColumns;

    /// <inheritdoc/>
    public IReadOnlyList<SmcColumn> Columns { get; protected init; } = [];

    /// <inheritdoc/>
    public int RowCount => Columns[0].Length;

    /// <inheritdoc/>
    public int SignalCount => _signalCount ??= SmcColumn.CountPresent([.. _signalColumns.Select(i => Columns[i])]);
}
