namespace GoldBot.Smc.Reference;

/// <summary>
/// Writes an <see cref="ISmcFrame"/> as <c>DataFrame.to_csv(path, index=False)</c> does with
/// pandas 1.5.3: a header of column names, then one line per row, fields separated by commas,
/// NaN as an empty field, numbers formatted by <see cref="PandasNumberFormat"/>, and every line
/// (the last one too) ended by <c>\n</c>. The output is byte-identical to the golden files in
/// <c>shared/fixtures/smc</c>.
/// </summary>
public static class SmcCsvWriter
{
    /// <summary>Writes <paramref name="frame"/> to <paramref name="writer"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(TextWriter writer, ISmcFrame frame)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(frame);
        var columns = frame.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
                writer.Write(',');
            writer.Write(columns[c].Name);
        }
        writer.Write('\n');

        Span<char> line = stackalloc char[(PandasNumberFormat.MaxLength + 1) * Math.Max(1, columns.Count) + 1];
        for (var row = 0; row < frame.RowCount; row++)
        {
            var length = 0;
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                    line[length++] = ',';
                length += columns[c].Format(row, line[length..]);
            }
            line[length++] = '\n';
            writer.Write(line[..length]);
        }
    }

    /// <summary>Returns the CSV text of <paramref name="frame"/> (see <see cref="Write"/>).</summary>
    public static string ToCsv(ISmcFrame frame)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, frame);
        return writer.ToString();
    }
}
