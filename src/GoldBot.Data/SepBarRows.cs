using nietras.SeparatedValues;

namespace GoldBot.MarketData;

/// <summary>
/// The rows of a bars file as Sep 0.18 splits them, with quote parsing off: each row is exactly one line (LF, CR LF or a
/// bare CR ends it), so counting rows counts lines, and each field is a span into Sep's buffer (no string per field).
/// A line that holds a double quote is not Sep's to read: quoted fields, escaped quotes and stray quotes keep the meaning
/// CsvHelper gave them, so the reader gives up (<see cref="GaveUp"/>) and the file is read by <see cref="CsvHelperBarRows"/>.
/// So does a line longer than Sep's limit of 16 Mi characters (a file of zero bytes, say), which Sep refuses with
/// <see cref="NotSupportedException"/> and CsvHelper reads as it always did.
/// </summary>
internal sealed class SepBarRows : IBarRows
{
    private readonly SepReader? _sep;

    /// <summary>Reads from <paramref name="reader"/>, which this object disposes.</summary>
    public SepBarRows(TextReader reader)
    {
        try
        {
            _sep = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true, DisableQuotesParsing = true }).From(reader);
        }
        catch (NotSupportedException)
        {
            reader.Dispose();
            GaveUp = true;
        }
    }

    /// <inheritdoc/>
    public bool GaveUp { get; private set; }

    /// <inheritdoc/>
    public long Line { get; private set; }

    /// <inheritdoc/>
    public string[]? ReadHeader()
    {
        if (!MoveNext())
            return null;
        var row = _sep!.Current;
        var header = new string[row.ColCount];
        for (var i = 0; i < header.Length; i++)
            header[i] = row[i].ToString();
        return header;
    }

    /// <inheritdoc/>
    public bool MoveNext()
    {
        while (!GaveUp && MoveNextLine())
        {
            Line++;
            var text = _sep!.Current.Span;
            if (text.IsEmpty)
                continue;
            if (text.Contains('"'))
                GaveUp = true;
            else
                return true;
        }
        return false;
    }

    private bool MoveNextLine()
    {
        try
        {
            return _sep!.MoveNext();
        }
        catch (NotSupportedException)
        {
            GaveUp = true;
            return false;
        }
    }

    /// <inheritdoc/>
    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            var row = _sep!.Current;
            return index < row.ColCount ? row[index].Span : [];
        }
    }

    /// <inheritdoc/>
    public bool TakeBadQuote() => false;

    /// <inheritdoc/>
    public void Dispose() => _sep?.Dispose();
}
