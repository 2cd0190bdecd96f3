using System.Text.Json.Nodes;

namespace GoldBot.Tests.Fuzzing;

/// <summary>
/// A seeded generator of damaged configurations for the fuzzing campaign (issue 11): the repository's
/// <c>config/appsettings.json</c> with its files pointed into a test folder and one to three mutations of the kinds a hostile
/// or careless user makes: absurd numbers (zero, negative, tiny, huge, past Int32 and decimal), plausible numbers scaled
/// (a tenth of the shipped value to ten times it, most of them valid), numbers written as text,
/// unknown names (symbols, patterns, enum values, time frames), impossible times of day, a section replaced by a value of
/// another type, a key deleted, broken JSON, and paths that are files, missing or empty. The same seed gives the same file.
/// Values that would make a valid replay take hours (a real-time pace) or reach a broker (a gateway mode) are never written.
/// </summary>
internal sealed class ConfigurationMutator(string template, string folder)
{
    /// <summary>The mutation kinds, in the order a case's first kind is chosen from (seed % count).</summary>
    public static readonly string[] Kinds =
    [
        "number_extreme", "number_scaled", "number_as_text", "unknown_name", "bad_time", "type_swap", "delete_key", "broken_json", "bad_path",
    ];

    /// <summary>Kinds whose every case must be refused at start (exit 2): nothing in them can be valid.</summary>
    public static readonly HashSet<string> MustRefuse = ["number_as_text", "unknown_name", "broken_json"];

    private static readonly string[] Extremes = ["0", "-1", "-1000000000", "1e-300", "1e300", "7.9e28", "2147483648", "9.3e18", "0.5", "1e-9", "99999999"];
    private static readonly string[] Texts = ["\"abc\"", "\"NaN\"", "\"Infinity\"", "\"-∞\"", "\"1,5\"", "\"12 contracts\""];
    private static readonly string[] Times = ["\"25:00\"", "\"8:30pm\"", "\"\"", "\"24:00\"", "\"-01:00\"", "\"noon\""];

    /// <summary>One configuration: its text, its first mutation kind and what each mutation did.</summary>
    public sealed record Case(int Seed, string Kind, string Json, IReadOnlyList<string> Changes);

    /// <summary>Makes the case of <paramref name="seed"/>; <paramref name="bars"/> is the bars file it replays.</summary>
    public Case Make(int seed, string bars)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(template)!.AsObject();
        root["Replay"]!["BarsFile"] = bars;
        root["Monitoring"]!["LogDirectory"] = Path.Combine(folder, "logs");
        root["Monitoring"]!["ConsoleLevel"] = "Fatal";
        root["Controls"]!["Directory"] = Path.Combine(folder, "controls");
        root["State"]!["Directory"] = Path.Combine(folder, "state");
        root["Calendar"] = new JsonObject { ["File"] = Path.Combine(SharedData.RepoRoot, "config", "cme-calendar.json") };
        var kind = Kinds[seed % Kinds.Length];
        var changes = new List<string>();
        Mutate(kind, root, random, changes);
        for (var extra = random.Next(3); extra > 0; extra--)
            Mutate(Kinds[random.Next(Kinds.Length - 1)], root, random, changes); // never a second broken_json: the text is changed last
        var json = root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        if (kind == "broken_json")
        {
            var cut = random.Next(1, json.Length - 2);
            // Cut short, or a brace where a key's value should start (after a key's colon, not one inside a text value).
            json = random.Next(2) == 0 || json.IndexOf("\":", cut, StringComparison.Ordinal) is not (> 0 and var colon) ? json[..cut] : json.Insert(colon + 2, " }");
            changes.Add($"text broken at {cut}");
        }
        return new Case(seed, kind, json, changes);
    }

    private void Mutate(string kind, JsonObject root, Random random, List<string> changes)
    {
        var leaves = Leaves(root).ToList();
        var numbers = leaves.Where(l => l.Node.GetValueKind() == System.Text.Json.JsonValueKind.Number && !l.Path.StartsWith("Replay:Speed", StringComparison.Ordinal)).ToList();
        switch (kind)
        {
            case "number_extreme":
            {
                var (path, node) = numbers[random.Next(numbers.Count)];
                var value = Extremes[random.Next(Extremes.Length)];
                Replace(node, JsonNode.Parse(value));
                changes.Add($"{path} = {value}");
                break;
            }
            case "number_scaled":
            {
                var (path, node) = numbers[random.Next(numbers.Count)];
                var text = node.ToJsonString();
                var scaled = decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) * new[] { 0.1m, 0.5m, 2m, 3m, 10m }[random.Next(5)];
                JsonNode value = text.Contains('.', StringComparison.Ordinal) ? scaled : (int)Math.Round(scaled);
                Replace(node, value);
                changes.Add($"{path} = {value.ToJsonString()}");
                break;
            }
            case "number_as_text":
            {
                var (path, node) = numbers[random.Next(numbers.Count)];
                var value = Texts[random.Next(Texts.Length)];
                Replace(node, JsonNode.Parse(value));
                changes.Add($"{path} = {value}");
                break;
            }
            case "unknown_name":
            {
                var (path, value) = random.Next(9) switch
                {
                    0 => ("Instrument:Symbol", (JsonNode)"XAU"),
                    1 => ("Strategy:Patterns", new JsonArray("order_blok")),
                    2 => ("Strategy:EntryTimeFrame", "7x"),
                    3 => ("TopstepX:BarTimeFrame", "fast"),
                    4 => ("Mode", "Sometimes"),
                    5 => ("Replay:BadBarPolicy", "Ignore"),
                    6 => ("Execution:OnShutdown", "Panic"),
                    7 => ("Monitoring:OnWriteFailure", "Shrug"),
                    _ => ("Risk:EarlyCloses:0:Date", "2025-02-30"),
                };
                Set(root, path, value);
                changes.Add($"{path} = {value.ToJsonString()}");
                break;
            }
            case "bad_time":
            {
                var path = new[] { "Risk:TradingWindowStart", "Risk:TradingWindowEnd", "Risk:FlattenAt", "Risk:FlatBy", "Risk:SessionClose" }[random.Next(5)];
                var value = JsonNode.Parse(Times[random.Next(Times.Length)])!;
                Set(root, path, value);
                changes.Add($"{path} = {value.ToJsonString()}");
                break;
            }
            case "type_swap":
            {
                var sections = root.Select(p => p.Key).Where(k => k is not ("Replay" or "Monitoring" or "Controls" or "State" or "Calendar" or "Mode")).ToList();
                var section = sections[random.Next(sections.Count)];
                JsonNode value = random.Next(3) switch { 0 => 42, 1 => new JsonArray(1, 2, 3), _ => "text" };
                root[section] = value;
                changes.Add($"{section} = {value.ToJsonString()}");
                break;
            }
            case "delete_key":
            {
                var (path, node) = leaves[random.Next(leaves.Count)];
                if (path is "Replay:BarsFile" or "Monitoring:LogDirectory" or "State:Directory" or "Controls:Directory" or "Monitoring:ConsoleLevel")
                    break; // their defaults are the working directory's (a case must not write into the repository) or a noisy console
                Remove(node);
                changes.Add($"{path} deleted");
                break;
            }
            case "bad_path":
            {
                var file = Path.Combine(folder, "a-file");
                File.WriteAllText(file, "x");
                var (path, value) = random.Next(5) switch
                {
                    0 => ("Monitoring:LogDirectory", file),
                    1 => ("Controls:Directory", Path.Combine(folder, "missing", "deeper")),
                    2 => ("Replay:BarsFile", Path.Combine(folder, "no-bars.csv")),
                    3 => ("Calendar:File", file),
                    _ => ("Controls:Directory", file),
                };
                Set(root, path, value);
                changes.Add($"{path} = {value}");
                break;
            }
        }
    }

    private static IEnumerable<(string Path, JsonNode Node)> Leaves(JsonNode node, string prefix = "")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                    if (child is not null)
                        foreach (var leaf in Leaves(child, prefix.Length == 0 ? key : $"{prefix}:{key}"))
                            yield return leaf;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    if (a[i] is { } child)
                        foreach (var leaf in Leaves(child, $"{prefix}:{i}"))
                            yield return leaf;
                break;
            default:
                yield return (prefix, node);
                break;
        }
    }

    private static void Replace(JsonNode node, JsonNode? value)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o[node.GetPropertyName()] = value;
                break;
            case JsonArray a:
                a[node.GetElementIndex()] = value;
                break;
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject o:
                o.Remove(node.GetPropertyName());
                break;
            case JsonArray a:
                a.RemoveAt(node.GetElementIndex());
                break;
        }
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var keys = path.Split(':');
        var node = root;
        foreach (var key in keys[..^1])
        {
            if (node[key] is not JsonObject child)
                node[key] = child = new JsonObject();
            node = child;
        }
        node[keys[^1]] = value;
    }
}
