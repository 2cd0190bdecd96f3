using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using GoldBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace GoldBot.Configuration;

/// <summary>
/// The effective configuration as one JSON document, with the keys of <c>config/appsettings.json</c>: every setting the daemon
/// runs with after the file, the environment and the defaults are merged (<see cref="GoldBotSettings"/>' bound properties,
/// enums by name), then the <c>Serilog</c> section the daemon's log is built from (<see cref="DaemonLog.Effective"/>); secrets
/// redacted (<see cref="SecretRedaction"/>).
/// </summary>
public static class ConfigurationDocument
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        // Only what configuration can set: computed properties (HasCredentials, EnabledPatterns…) are not keys.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Kind != JsonTypeInfoKind.Object)
                        return;
                    foreach (var property in info.Properties.Where(p => p.Set is null).ToList())
                        info.Properties.Remove(property);
                },
            },
        },
    };

    /// <summary>Renders <paramref name="settings"/>, secrets redacted.</summary>
    public static JsonObject From(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var document = JsonSerializer.SerializeToNode(settings, Options)!.AsObject();
        document[GoldBotSettings.LoggingSection] = Node(DaemonLog.Effective(settings).GetSection(GoldBotSettings.LoggingSection));
        SecretRedaction.Redact(document);
        return document;
    }

    /// <summary>Renders <paramref name="settings"/> as indented JSON text, secrets redacted.</summary>
    public static string Text(GoldBotSettings settings) => From(settings).ToJsonString(Options);

    /// <summary>A configuration section as JSON: values as strings, sections numbered 0, 1, … as arrays.</summary>
    private static JsonNode? Node(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
            return section.Value is null ? null : JsonValue.Create(section.Value);
        var isList = children.Select((child, i) => child.Key == i.ToString(CultureInfo.InvariantCulture)).All(match => match);
        if (isList)
            return new JsonArray([.. children.Select(Node)]);
        var node = new JsonObject();
        foreach (var child in children)
            node[child.Key] = Node(child);
        return node;
    }
}
