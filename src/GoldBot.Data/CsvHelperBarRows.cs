using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GoldBot.MarketData;

/// <summary>
/// The rows of a bars file as CsvHelper 33 reads them (RFC 4180 quoting), for the files <see cref="SepBarRows"/> leaves to
/// it: those with a double quote somewhere (none of the real files). A quote cannot carry a field over a line end
/// (<c>LineBreakInQuotedFieldIsBadData</c>), so each record is one line and <c>Parser.Row</c> is its line number; a field
/// that breaks the quoting rules raises <see cref="TakeBadQuote"/> when it is read (a stray quote in a column the reader
/// never reads is harmless). This is the reader's behaviour from before Sep, unchanged.
/// </summary>
internal sealed class CsvHelperBarRows : IBarRows
{
    private readonly CsvReader _csv;
    private bool _badQuote;

    /// <summary>Reads from <paramref name="reader"/>, which this object disposes.</summary>
    public CsvHelperBarRows(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            LineBreakInQuotedFieldIsBadData = true,
            BadDataFound = _ => _badQuote = true,
            MissingFieldFound = null,
        };
        _csv = new CsvReader(reader, config);
    }

    /// <inheritdoc/>
    public bool GaveUp => false;

    /// <inheritdoc/>
    public long Line => _csv.Parser.Row;

    /// <inheritdoc/>
    public string[]? ReadHeader()
    {
        if (!_csv.Read())
            return null;
        _csv.ReadHeader();
        return _csv.HeaderRecord ?? [];
    }

    /// <inheritdoc/>
    public bool MoveNext() => _csv.Read();

    /// <inheritdoc/>
    public ReadOnlySpan<char> this[int index] => _csv.GetField(index);

    /// <inheritdoc/>
    public bool TakeBadQuote()
    {
        var bad = _badQuote;
        _badQuote = false;
        return bad;
    }

    /// <inheritdoc/>
    public void Dispose() => _csv.Dispose();
}
