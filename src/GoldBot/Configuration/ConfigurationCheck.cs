using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace GoldBot.Configuration;

/// <summary>
/// The keys and values of a configuration checked against the shape of a settings type, found by
/// reflection the way <c>ConfigurationBinder</c> binds it: a property per key (names matched
/// case-insensitively), dictionaries keyed by the next segment (<c>Contracts:MGC:TickSize</c>),
/// lists indexed from 0 (<c>Risk:NewsBlackouts:0:Name</c>). Every problem is collected instead of
/// stopping at the first, each naming its full configuration key: unknown keys, values that do
/// not convert with the binder's conversions (<see cref="TypeDescriptor"/> converters, invariant
/// culture), enum values that are not one of the names, non-finite numbers, and
/// <see cref="DateTimeOffset"/> values without an explicit UTC offset (which the converter would
/// silently read in the machine's time zone). The accepted values can then be bound without error.
/// </summary>
internal sealed class ConfigurationCheck
{
    private const string OffsetExample = "2025-12-10T12:30:00-06:00 for CT";

    private readonly List<string> _problems = [];
    private readonly Dictionary<string, string?> _accepted = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _rejectedValues = new(StringComparer.OrdinalIgnoreCase);

    private ConfigurationCheck()
    {
    }

    private enum Shape
    {
        Value,
        Section,
        Dictionary,
        List,
    }

    /// <summary>Every problem found, one line each, in key order.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The values that passed, by their configuration path: binding them raises no error.</summary>
    public IReadOnlyDictionary<string, string?> AcceptedValues => _accepted;

    /// <summary>Checks every key of <paramref name="configuration"/> against <paramref name="settingsType"/>.</summary>
    /// <param name="ignoredSection">A top-level section another reader binds and checks (the daemon's log), or null.</param>
    public static ConfigurationCheck Run(IConfiguration configuration, Type settingsType, string? ignoredSection = null)
    {
        var check = new ConfigurationCheck();
        check.Section(configuration.GetChildren().Where(c => !string.Equals(c.Key, ignoredSection, StringComparison.OrdinalIgnoreCase)), settingsType, "");
        return check;
    }

    /// <summary>
    /// True when <paramref name="message"/> names a key whose value was rejected: a rule over that
    /// key was judged on its default, not on the configured value, so it says nothing useful.
    /// </summary>
    public bool MentionsRejectedValue(string message)
    {
        foreach (var key in _rejectedValues)
        {
            for (var i = message.IndexOf(key, StringComparison.OrdinalIgnoreCase); i >= 0;
                 i = message.IndexOf(key, i + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = i + key.Length;
                var startsKey = i == 0 || (!IsKeyCharacter(message[i - 1]) && message[i - 1] != ':');
                var endsKey = end == message.Length || (!IsKeyCharacter(message[end])
                    && !(message[end] == ':' && end + 1 < message.Length && IsKeyCharacter(message[end + 1])));
                if (startsKey && endsKey)
                    return true;
            }
        }
        return false;
    }

    private static bool IsKeyCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    private void Node(IConfigurationSection section, Type type, string path)
    {
        var (shape, item) = ShapeOf(type);
        switch (shape)
        {
            case Shape.Value:
                Value(section, type, path);
                return;
            case Shape.Section:
                if (IsSection(section, path))
                    Section(section.GetChildren(), type, path);
                return;
            case Shape.Dictionary:
                if (IsSection(section, path))
                {
                    foreach (var entry in section.GetChildren())
                        Node(entry, item!, $"{path}:{entry.Key}");
                }
                return;
            default:
                if (IsSection(section, path))
                    List(section, item!, path);
                return;
        }
    }

    private void Section(IEnumerable<IConfigurationSection> children, Type type, string path)
    {
        var properties = BoundProperties(type);
        foreach (var child in children)
        {
            var property = properties.FirstOrDefault(p => string.Equals(KeyOf(p), child.Key, StringComparison.OrdinalIgnoreCase));
            var childPath = Join(path, property is null ? child.Key : KeyOf(property));
            if (property is not null)
            {
                Node(child, property.PropertyType, childPath);
                continue;
            }
            var suggestion = Closest(child.Key, properties.Select(KeyOf));
            _problems.Add($"{childPath} is not a known {(child.GetChildren().Any() ? "section" : "key")}"
                + (suggestion is null ? "" : $" (did you mean {Join(path, suggestion)}?)"));
        }
    }

    private void List(IConfigurationSection section, Type itemType, string path)
    {
        var itemIsSection = ShapeOf(itemType).Shape != Shape.Value;
        foreach (var item in section.GetChildren())
        {
            var itemPath = $"{path}:{item.Key}";
            if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                _problems.Add($"{itemPath} is not a known key: the items of {path} are numbered {path}:0, {path}:1, …");
                continue;
            }
            // Keeps the item, and so the index of every later item, even if none of its keys is accepted.
            if (itemIsSection && item.GetChildren().Any() && string.IsNullOrEmpty(item.Value))
                _accepted[item.Path] = "";
            Node(item, itemType, itemPath);
        }
    }

    /// <summary>
    /// A section may carry an empty value (JSON <c>{}</c> or <c>[]</c>) but not a real one; the
    /// binder would fail to convert it to the section's type.
    /// </summary>
    private bool IsSection(IConfigurationSection section, string path)
    {
        if (string.IsNullOrEmpty(section.Value))
            return true;
        _problems.Add($"{path} is a section (keys such as {path}:…), not a single value: '{section.Value}'");
        return false;
    }

    private void Value(IConfigurationSection section, Type type, string path)
    {
        foreach (var child in section.GetChildren())
            _problems.Add($"{path}:{child.Key} is not a known key ({path} takes a single value)");
        if (section.Value is not { } text)
            return;
        var problem = Conversion(text, type);
        if (problem is null)
        {
            _accepted[section.Path] = text;
            return;
        }
        _problems.Add($"{path}: {problem}");
        _rejectedValues.Add(path);
    }

    /// <summary>Why <paramref name="text"/> is not a valid <paramref name="type"/>, or null when it is.</summary>
    private static string? Conversion(string text, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            if (text.Length == 0)
                return null;
            type = underlying;
        }
        if (type == typeof(string) || type == typeof(object))
            return null;
        if (type.IsEnum)
            return IsEnumName(text, type) ? null : $"'{text}' is not one of {string.Join(", ", Enum.GetNames(type))}";
        if (type == typeof(byte[]))
            return Convert.TryFromBase64String(text, new byte[text.Length], out _) ? null : $"'{text}' is not base64";

        object? value;
        try
        {
            value = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or NotSupportedException)
        {
            return $"'{text}' is not {Expected(type)}";
        }
        return value switch
        {
            double d when !double.IsFinite(d) => $"'{text}' is not a finite number",
            float f when !float.IsFinite(f) => $"'{text}' is not a finite number",
            DateTimeOffset when !HasExplicitOffset(text) => $"'{text}' must include a UTC offset, e.g. {OffsetExample} (without one it is read in this machine's time zone)",
            _ => null,
        };
    }

    /// <summary>
    /// True when the text states its offset (<c>Z</c>, <c>±hh:mm</c>): only then does
    /// adjusting to universal time produce a UTC kind rather than an unspecified one.
    /// </summary>
    private static bool HasExplicitOffset(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
        && parsed.Kind == DateTimeKind.Utc;

    /// <summary>Names only (case-insensitive, comma-separated for flags): the converter would also take an undefined number.</summary>
    private static bool IsEnumName(string text, Type type)
    {
        var names = Enum.GetNames(type);
        var parts = type.IsDefined(typeof(FlagsAttribute)) ? text.Split(',') : [text];
        return parts.All(part => names.Contains(part.Trim(), StringComparer.OrdinalIgnoreCase));
    }

    private static string Expected(Type type)
    {
        switch (Type.GetTypeCode(type))
        {
            case TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16
                or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64:
                var min = type.GetField(nameof(int.MinValue))!.GetValue(null);
                var max = type.GetField(nameof(int.MaxValue))!.GetValue(null);
                return string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");
            case TypeCode.Single or TypeCode.Double or TypeCode.Decimal:
                return "a number (e.g. 800 or 0.62)";
            case TypeCode.Boolean:
                return "true or false";
        }
        if (type == typeof(TimeOnly))
            return "a time of day such as 08:30";
        if (type == typeof(DateOnly))
            return "a date such as 2025-12-10";
        if (type == typeof(TimeSpan))
            return "a duration such as 00:05:00";
        if (type == typeof(DateTimeOffset))
            return $"a date and time with its UTC offset, e.g. {OffsetExample}";
        return $"a valid {type.Name}";
    }

    private static (Shape Shape, Type? Item) ShapeOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(object) || t == typeof(byte[]) || TypeDescriptor.GetConverter(t).CanConvertFrom(typeof(string)))
            return (Shape.Value, null);
        if (t.IsArray)
            return (Shape.List, t.GetElementType());
        var interfaces = t.IsInterface ? t.GetInterfaces().Prepend(t) : t.GetInterfaces();
        var generic = interfaces.Where(i => i.IsGenericType).ToList();
        var dictionary = generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IDictionary<,>))
            ?? generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        if (dictionary is not null)
            return (Shape.Dictionary, dictionary.GetGenericArguments()[1]);
        var sequence = generic.FirstOrDefault(i => i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return sequence is not null ? (Shape.List, sequence.GetGenericArguments()[0]) : (Shape.Section, null);
    }

    /// <summary>The properties the binder knows: public, instance, not indexers (settable or not, as for its unknown-key check).</summary>
    private static List<PropertyInfo> BoundProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();

    private static string KeyOf(PropertyInfo property) =>
        property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}:{key}";

    /// <summary>The known key a typo most likely meant: at most two edits away (and fewer than half its length).</summary>
    private static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = EditDistance(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance && distance <= 2 && 2 * distance < candidate.Length)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Levenshtein distance: fewest single-character insertions, deletions and substitutions.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
