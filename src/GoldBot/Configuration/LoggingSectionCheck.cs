using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;

namespace GoldBot.Configuration;

/// <summary>
/// Checks the <c>Serilog</c> section before the logger is built from it (Serilog.Settings.Configuration would skip an unknown sink
/// with no more than a self-log line, and fail on a bad level only once the daemon starts): its keys are <c>MinimumLevel</c>,
/// <c>WriteTo</c> and <c>Properties</c>; levels (<c>MinimumLevel</c>, <c>MinimumLevel:Default</c>, <c>MinimumLevel:Override:*</c>,
/// a sink's <c>restrictedToMinimumLevel</c>) are <see cref="LogEventLevel"/> names; each <c>WriteTo</c> entry names a sink GoldBot
/// ships (<c>Console</c>, <c>File</c>) and a file's <c>rollingInterval</c> is a <see cref="RollingInterval"/> name. Each problem is
/// one line starting with its full key.
/// </summary>
internal static class LoggingSectionCheck
{
    /// <summary>The sinks the daemon can build (the Serilog packages it references), by the name a <c>WriteTo</c> entry gives.</summary>
    public static readonly IReadOnlyList<string> SinkNames = ["Console", "File"];

    private static readonly string[] Keys = ["MinimumLevel", "WriteTo", "Properties"];

    /// <summary>Every problem of <paramref name="section"/> (the <c>Serilog</c> section), one line each; empty when it is usable.</summary>
    public static IEnumerable<string> Problems(IConfigurationSection section)
    {
        if (!string.IsNullOrEmpty(section.Value))
            yield return $"{section.Path} is a section (keys such as {section.Path}:MinimumLevel), not a single value: '{section.Value}'";
        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{child.Path} is not a known key (the Serilog section takes {string.Join(", ", Keys)})";
                continue;
            }
            var problems = child.Key.ToUpperInvariant() switch
            {
                "MINIMUMLEVEL" => MinimumLevel(child),
                "WRITETO" => child.GetChildren().SelectMany(Sink),
                _ => [],
            };
            foreach (var problem in problems)
                yield return problem;
        }
    }

    private static IEnumerable<string> MinimumLevel(IConfigurationSection level)
    {
        if (level.Value is { } single)
            return Level(level.Path, single);
        return level.GetChildren().SelectMany(child => child.Key.ToUpperInvariant() switch
        {
            "DEFAULT" => Level(child.Path, child.Value),
            "OVERRIDE" => child.GetChildren().SelectMany(category => Level(category.Path, category.Value)),
            _ => [$"{child.Path} is not a known key (MinimumLevel takes Default and Override)"],
        });
    }

    private static IEnumerable<string> Sink(IConfigurationSection sink)
    {
        var name = sink.Value ?? sink["Name"];
        if (!SinkNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            yield return $"{sink.Path}: '{name}' is not a sink GoldBot ships (one of {string.Join(", ", SinkNames)})";
        foreach (var argument in sink.GetSection("Args").GetChildren())
        {
            if (argument.Key.Equals("restrictedToMinimumLevel", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var problem in Level(argument.Path, argument.Value))
                    yield return problem;
            }
            else if (argument.Key.Equals("rollingInterval", StringComparison.OrdinalIgnoreCase) && !Enum.TryParse<RollingInterval>(argument.Value, ignoreCase: true, out _))
            {
                yield return $"{argument.Path}: '{argument.Value}' is not one of {string.Join(", ", Enum.GetNames<RollingInterval>())}";
            }
        }
    }

    private static IEnumerable<string> Level(string path, string? value) =>
        Enum.GetNames<LogEventLevel>().Contains(value, StringComparer.OrdinalIgnoreCase)
            ? []
            : [$"{path}: '{value}' is not one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}"];
}
