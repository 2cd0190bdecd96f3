using System.Text;
using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>Compares an <see cref="ISmcFrame"/> written by <see cref="SmcCsvWriter"/> with a golden CSV file.</summary>
internal static class FrameAssert
{
    /// <summary>
    /// Fails unless the CSV text of <paramref name="frame"/> equals the file byte for byte; the
    /// message names the first differing row (0-based, as in the library) and column.
    /// </summary>
    public static void TextIdentical(string expectedPath, ISmcFrame frame)
    {
        var actual = SmcCsvWriter.ToCsv(frame);
        var expectedBytes = File.ReadAllBytes(expectedPath);
        if (expectedBytes.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(actual)))
            return;

        var expectedLines = Encoding.UTF8.GetString(expectedBytes).Split('\n');
        var actualLines = actual.Split('\n');
        var header = expectedLines[0].Split(',');
        for (var line = 0; line < Math.Max(expectedLines.Length, actualLines.Length); line++)
        {
            var e = line < expectedLines.Length ? expectedLines[line] : "<end of file>";
            var a = line < actualLines.Length ? actualLines[line] : "<end of file>";
            if (e == a)
                continue;
            var eFields = e.Split(',');
            var aFields = a.Split(',');
            var column = 0;
            while (column < Math.Min(eFields.Length, aFields.Length) && eFields[column] == aFields[column])
                column++;
            var name = column < header.Length ? header[column] : $"#{column}";
            var where = line == 0 ? "header" : $"row {line - 1}";
            Assert.Fail($"{Path.GetFileName(expectedPath)}: {where}, column {name}: expected '{Field(eFields, column)}' but wrote '{Field(aFields, column)}' (line expected '{e}', written '{a}')");
        }
        Assert.Fail($"{Path.GetFileName(expectedPath)}: bytes differ but no line differs (line endings?)");
    }

    private static string Field(string[] fields, int column) => column < fields.Length ? fields[column] : "<missing>";
}
