using System.Text.Json;

namespace GoldBot.Backtesting.Output;

/// <summary>
/// The contents of a stats.json file (schema of <see cref="StatsJsonWriter"/>), read back with
/// System.Text.Json: for comparing runs, and for checking that a report shows what the JSON says.
/// </summary>
/// <param name="SchemaVersion">The file's <c>schema_version</c>.</param>
/// <param name="Sections">Section key → row key → value, in file order.</param>
/// <param name="Breakdowns">Table key → rows (group key, column key → value), in file order.</param>
public sealed record StatsJsonContent(
    int SchemaVersion,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, StatsJsonValue>> Sections,
    IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, IReadOnlyDictionary<string, decimal?>>>> Breakdowns)
{
    /// <summary>Reads stats.json from <paramref name="stream"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed or does not follow the schema.</exception>
    public static StatsJsonContent Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var version = root.GetProperty("schema_version").GetInt32();

        var sections = new Dictionary<string, IReadOnlyDictionary<string, StatsJsonValue>>();
        foreach (var section in root.GetProperty("sections").EnumerateObject())
        {
            var rows = new Dictionary<string, StatsJsonValue>();
            foreach (var row in section.Value.EnumerateObject())
            {
                rows[row.Name] = row.Value.ValueKind switch
                {
                    JsonValueKind.Number => new StatsJsonValue(row.Value.GetDecimal(), null),
                    JsonValueKind.String => new StatsJsonValue(null, row.Value.GetString()),
                    JsonValueKind.Null => default,
                    var kind => throw new JsonException($"sections.{section.Name}.{row.Name} is a {kind}; expected number, string or null"),
                };
            }
            sections[section.Name] = rows;
        }

        var breakdowns = new Dictionary<string, IReadOnlyList<KeyValuePair<string, IReadOnlyDictionary<string, decimal?>>>>();
        foreach (var table in root.GetProperty("breakdowns").EnumerateObject())
        {
            var rows = new List<KeyValuePair<string, IReadOnlyDictionary<string, decimal?>>>();
            foreach (var row in table.Value.EnumerateArray())
            {
                string? key = null;
                var values = new Dictionary<string, decimal?>();
                foreach (var member in row.EnumerateObject())
                {
                    if (member.Name == "key")
                        key = member.Value.GetString();
                    else
                        values[member.Name] = member.Value.ValueKind == JsonValueKind.Null ? null : member.Value.GetDecimal();
                }
                rows.Add(new(key ?? throw new JsonException($"a row of breakdowns.{table.Name} has no key"), values));
            }
            breakdowns[table.Name] = rows;
        }
        return new StatsJsonContent(version, sections, breakdowns);
    }

    /// <summary>Reads stats.json from <paramref name="path"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed or does not follow the schema.</exception>
    public static StatsJsonContent Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }
}
