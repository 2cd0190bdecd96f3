namespace GoldBot.MarketData;

/// <summary>
/// The rows of a bars file as <see cref="BarCsvReader"/> walks them: the header, then each data row (blank lines skipped)
/// with its 1-based line number and its fields by 0-based column index.
/// </summary>
internal interface IBarRows : IDisposable
{
    /// <summary>
    /// Reads the header record (the first non-blank line). Null when the file has no row, or when this reader gave up on it
    /// (<see cref="GaveUp"/>).
    /// </summary>
    string[]? ReadHeader();

    /// <summary>Advances to the next data row; false at the end of the file or when the reader gave up.</summary>
    bool MoveNext();

    /// <summary>True when the file holds something this reader leaves to another (a quote, for Sep): read it again with that one.</summary>
    bool GaveUp { get; }

    /// <summary>The current row's 1-based line number in the file (blank lines and the header counted).</summary>
    long Line { get; }

    /// <summary>Field <paramref name="index"/> of the current row as text (unquoted); a column the row lacks reads as empty.</summary>
    ReadOnlySpan<char> this[int index] { get; }

    /// <summary>True once a field read since the last call broke the quoting rules; resets the flag.</summary>
    bool TakeBadQuote();
}
