namespace GoldBot.MarketData;

/// <summary>The fields of one data row of a bars file, by 0-based column index; a column the row lacks reads as empty.</summary>
internal interface IBarRowFields
{
    /// <summary>The text of field <paramref name="index"/> as the file holds it (unquoted where the row was parsed with quotes).</summary>
    ReadOnlySpan<char> this[int index] { get; }
}
