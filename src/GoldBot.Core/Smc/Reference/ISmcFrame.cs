namespace GoldBot.Smc.Reference;

/// <summary>
/// The table a reference-mode SMC function returns: one row per input bar (a fresh 0..N−1 index,
/// as the library's <c>pd.concat(..., axis=1)</c>) and the library's columns in its order.
/// </summary>
public interface ISmcFrame
{
    /// <summary>Number of rows N (= input bars).</summary>
    int RowCount { get; }

    /// <summary>The columns in output order.</summary>
    IReadOnlyList<SmcColumn> Columns { get; }

    /// <summary>
    /// Number of rows that carry a signal (the function's own notion, documented on each result
    /// type); used for summaries only.
    /// </summary>
    int SignalCount { get; }
}
