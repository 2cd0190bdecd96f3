using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GoldBot.MarketData;

/// <summary>
/// The fields of a line that holds a double quote, read by CsvHelper with the rules the reader has always applied to a
/// whole file (RFC 4180 quoting; a quote cannot carry a field over a line end; a field that breaks the quoting rules is
/// reported through <see cref="BadQuote"/> when it is read, so a stray quote in a column the reader never reads is
/// harmless). Rows with quotes are rare (none in the real files), so this slower path costs nothing in practice and keeps
/// their outcome exactly what it was.
/// </summary>
internal sealed class QuotedRowFields : IBarRowFields, IDisposable
{
    private readonly CsvReader _csv;

    /// <summary>Parses <paramref name="line"/> (one line of the file, without its line end).</summary>
    public QuotedRowFields(string line)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            LineBreakInQuotedFieldIsBadData = true,
            BadDataFound = _ => BadQuote = true,
            MissingFieldFound = null,
        };
        _csv = new CsvReader(new StringReader(line), config);
        _csv.Read();
    }

    /// <summary>True once a field read so far (or the header record) broke the quoting rules.</summary>
    public bool BadQuote { get; private set; }

    /// <summary>The line's fields as a header record (every field read).</summary>
    public string[] Header()
    {
        _csv.ReadHeader();
        return _csv.HeaderRecord ?? [];
    }

    /// <inheritdoc/>
    public ReadOnlySpan<char> this[int index] => _csv.GetField(index);

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();
}
