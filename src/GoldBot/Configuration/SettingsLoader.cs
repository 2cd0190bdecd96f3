using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace GoldBot.Configuration;

/// <summary>A configuration that cannot be used; the message lists every problem, one per line.</summary>
public sealed class SettingsException(string message) : Exception(message)
{
    /// <summary>Every problem on one line, separated by "; " (the message has one per line).</summary>
    public string OneLine => Message.Replace(Environment.NewLine, "; ", StringComparison.Ordinal);
}

/// <summary>
/// Builds <see cref="GoldBotSettings"/> from, in increasing priority: the JSON file
/// (<c>config/appsettings.json</c> in the working directory, else the copy next to the
/// executable), environment variables <c>GOLDBOT__Section__Key</c>, and command-line overrides.
/// Every problem is reported at once, each naming its key: unknown keys (a typo must not silently
/// fall back to a default), values that do not convert, date-times without a UTC offset (see
/// <see cref="ConfigurationCheck"/>), and the rules of <see cref="SettingsValidator"/> applied to
/// the settings bound from the values that passed. The <c>Serilog</c> section is kept aside for the daemon's log
/// (<see cref="GoldBotSettings.Logging"/>) and checked by <see cref="LoggingSectionCheck"/>.
/// </summary>
public static class SettingsLoader
{
    /// <summary>Default configuration file, relative to the working directory.</summary>
    public const string DefaultFile = "config/appsettings.json";

    private const string EnvironmentPrefix = "GOLDBOT__";

    /// <summary>Loads, checks, binds and validates.</summary>
    /// <param name="file">Configuration file, or null for the default.</param>
    /// <param name="overrides">Keys such as <c>Replay:BarsFile</c> set from the command line.</param>
    /// <param name="environment">Environment variables (null = the process's).</param>
    /// <exception cref="SettingsException">
    /// The file is missing or is not valid JSON (that problem alone); or the configuration has
    /// problems: unknown keys, values that do not convert, date-times without a UTC offset, or
    /// broken rules; the message lists all of them, one per line, each starting with its key.
    /// </exception>
    public static GoldBotSettings Load(string? file, IReadOnlyDictionary<string, string?> overrides, IDictionary<string, string?>? environment = null)
    {
        var path = ResolveFile(file);
        var configuration = Build(path, overrides, environment);

        var logging = configuration.GetSection(GoldBotSettings.LoggingSection);
        var check = ConfigurationCheck.Run(configuration, typeof(GoldBotSettings), ignoredSection: logging.Key);
        var problems = new List<string>(check.Problems);
        problems.AddRange(LoggingSectionCheck.Problems(logging));
        var settings = Bind(check.AcceptedValues, problems);
        settings.Logging = [.. logging.AsEnumerable().Where(kv => kv.Value is not null)];
        foreach (var rule in SettingsValidator.Validate(settings))
        {
            if (!check.MentionsRejectedValue(rule))
                problems.Add(rule);
        }
        if (problems.Count > 0)
            throw new SettingsException(string.Join(Environment.NewLine, problems));
        return settings;
    }

    private static IConfigurationRoot Build(string? path, IReadOnlyDictionary<string, string?> overrides, IDictionary<string, string?>? environment)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
            builder.AddJsonFile(path, optional: false);
        if (environment is null)
            builder.AddEnvironmentVariables(EnvironmentPrefix);
        else
            builder.AddInMemoryCollection(environment.Where(kv => kv.Key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
                .Select(kv => new KeyValuePair<string, string?>(kv.Key[EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal), kv.Value)));
        builder.AddInMemoryCollection(overrides);
        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            var inner = e;
            while (inner is not JsonException && inner.InnerException is { } cause)
                inner = cause;
            // System.Text.Json counts lines and bytes from 0: the message gives them from 1, as editors do.
            throw new SettingsException(inner is JsonException { LineNumber: { } line, BytePositionInLine: { } column } json
                ? $"configuration file {path} is not valid JSON at line {line + 1}, column {column + 1}: {json.Message.Split(" LineNumber:")[0].Split(" Path:")[0]}"
                : $"configuration file {path} is not valid JSON: {inner.Message}");
        }
    }

    /// <summary>
    /// Binds the checked values. The check accepts only what the binder can bind, so an error
    /// here means the two disagree: it is reported with the others rather than lost.
    /// </summary>
    private static GoldBotSettings Bind(IReadOnlyDictionary<string, string?> values, List<string> problems)
    {
        try
        {
            return new ConfigurationBuilder().AddInMemoryCollection(values).Build()
                .Get<GoldBotSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new GoldBotSettings();
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}");
            return new GoldBotSettings();
        }
    }

    /// <summary>The configuration file <see cref="Load"/> reads: <paramref name="file"/>, else the default in the working directory, else the copy next to the executable; null when there is none.</summary>
    /// <exception cref="SettingsException"><paramref name="file"/> was given and does not exist.</exception>
    internal static string? ResolveFile(string? file)
    {
        if (file is not null)
        {
            var full = Path.GetFullPath(file);
            return File.Exists(full) ? full : throw new SettingsException($"configuration file not found: {full} (--config)");
        }
        var local = Path.GetFullPath(DefaultFile);
        if (File.Exists(local))
            return local;
        var shipped = Path.Combine(AppContext.BaseDirectory, DefaultFile);
        return File.Exists(shipped) ? shipped : null;
    }
}
