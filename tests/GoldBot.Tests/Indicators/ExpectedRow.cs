using System.Text;

namespace GoldBot.Tests.Indicators;

/// <summary>
/// One row of <c>fixtures/indicators/expected.csv</c>: an assertion transcribed from the
/// Stock.Indicators tests. <see cref="Line"/> is the 1-based line in the file (the header is line 1).
/// </summary>
internal sealed record ExpectedRow(
    int Line,
    string Indicator,
    string Params,
    string Dataset,
    string Index,
    string Date,
    string Field,
    string Expected,
    string Compare,
    string SourceTest)
{
    private static readonly Lazy<IReadOnlyList<ExpectedRow>> AllRows = new(Load);

    public static IReadOnlyList<ExpectedRow> All => AllRows.Value;

    public override string ToString() => $"line {Line}: {Indicator} [{Params}] {Index} {Field} = {Expected} ({Compare})";

    private static List<ExpectedRow> Load()
    {
        var lines = File.ReadAllLines(SharedData.Path("fixtures/indicators/expected.csv"));
        var rows = new List<ExpectedRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var f = SplitCsv(lines[i]);
            if (f.Count != 9)
                throw new InvalidDataException($"expected.csv line {i + 1} has {f.Count} fields");
            rows.Add(new ExpectedRow(i + 1, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]));
        }
        return rows;
    }

    // RFC 4180 fields: commas inside double quotes, "" for a literal quote.
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
