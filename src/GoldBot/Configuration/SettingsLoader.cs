using Microsoft.Extensions.Configuration;

namespace GoldBot.Configuration;

/// <summary>A configuration that cannot be used; the message lists every problem, one per line.</summary>
public sealed class SettingsException(string message) : Exception(message);

/// <summary>
/// Builds <see cref="GoldBotSettings"/> from, in increasing priority: the JSON file
/// (<c>config/appsettings.json</c> in the working directory, else the copy next to the
/// executable), environment variables <c>GOLDBOT__Section__Key</c>, and command-line overrides.
/// Unknown keys are errors (a typo must not silently fall back to a default).
/// </summary>
public static class SettingsLoader
{
    /// <summary>Default configuration file, relative to the working directory.</summary>
    public const string DefaultFile = "config/appsettings.json";

    /// <summary>Loads, binds and validates.</summary>
    /// <param name="file">Configuration file, or null for the default.</param>
    /// <param name="overrides">Keys such as <c>Replay:BarsFile</c> set from the command line.</param>
    /// <param name="environment">Environment variables (null = the process's).</param>
    /// <exception cref="SettingsException">The file is missing or malformed, a value does not convert, a key is unknown, or validation fails.</exception>
    public static GoldBotSettings Load(string? file, IReadOnlyDictionary<string, string?> overrides, IDictionary<string, string?>? environment = null)
    {
        var path = ResolveFile(file);
        var builder = new ConfigurationBuilder();
        if (path is not null)
            builder.AddJsonFile(path, optional: false);
        if (environment is null)
            builder.AddEnvironmentVariables("GOLDBOT__");
        else
            builder.AddInMemoryCollection(environment.Where(kv => kv.Key.StartsWith("GOLDBOT__", StringComparison.Ordinal))
                .Select(kv => new KeyValuePair<string, string?>(kv.Key["GOLDBOT__".Length..].Replace("__", ":", StringComparison.Ordinal), kv.Value)));
        builder.AddInMemoryCollection(overrides);

        GoldBotSettings settings;
        try
        {
            settings = builder.Build().Get<GoldBotSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new GoldBotSettings();
        }
        catch (InvalidDataException e)
        {
            throw new SettingsException($"configuration file {path} is not valid JSON: {e.Message}");
        }
        catch (FormatException e)
        {
            throw new SettingsException($"configuration file {path} is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            throw new SettingsException(e.InnerException is null ? e.Message : $"{e.Message} {e.InnerException.Message}");
        }

        var errors = SettingsValidator.Validate(settings);
        if (errors.Count > 0)
            throw new SettingsException(string.Join(Environment.NewLine, errors));
        return settings;
    }

    private static string? ResolveFile(string? file)
    {
        if (file is not null)
        {
            var full = Path.GetFullPath(file);
            return File.Exists(full) ? full : throw new SettingsException($"configuration file not found: {full}");
        }
        var local = Path.GetFullPath(DefaultFile);
        if (File.Exists(local))
            return local;
        var shipped = Path.Combine(AppContext.BaseDirectory, DefaultFile);
        return File.Exists(shipped) ? shipped : null;
    }
}
