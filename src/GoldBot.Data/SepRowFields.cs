using nietras.SeparatedValues;

namespace GoldBot.MarketData;

/// <summary>The fields of a row without quotes, as Sep split it at the commas (no copy: spans into Sep's buffer).</summary>
internal readonly ref struct SepRowFields(SepReader.Row row) : IBarRowFields
{
    private readonly SepReader.Row _row = row;

    /// <inheritdoc/>
    public ReadOnlySpan<char> this[int index] => index < _row.ColCount ? _row[index].Span : [];
}
