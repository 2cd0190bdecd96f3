using System.CommandLine;
using GoldBot.Configuration;
using GoldBot.Hosting;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot config check</c> and <c>goldbot config show</c> (issue 14 §3): the configuration the daemon would run with, loaded
/// the daemon's way (<c>config/appsettings.json</c> or <c>--config</c>, then <c>GOLDBOT__Section__Key</c> environment variables;
/// <see cref="SettingsLoader"/>) and checked with the daemon's own rules (unknown keys, values of the wrong type, ranges, the
/// <c>Serilog</c> section, the calendar file, a writable <c>Controls:Directory</c>). <c>check</c> prints one line when valid;
/// <c>show</c> prints the effective configuration as JSON with secrets redacted (<see cref="ConfigurationDocument"/>). Either exits
/// 0 when valid and 2 when not, with one line per problem on stderr (a broken JSON file: its line and column).
/// </summary>
internal static class ConfigCommand
{
    /// <summary>Builds <c>config check</c> and <c>config show</c>.</summary>
    public static Command Create()
    {
        var command = new Command("config", "Check the configuration, or show the effective configuration (secrets redacted).");
        foreach (var show in (bool[])[false, true])
        {
            var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
            var verb = show
                ? new Command("show", "Print the effective configuration (file, environment, defaults) as JSON, secrets redacted; exit 0 valid, 2 invalid.") { config }
                : new Command("check", "Check the configuration as the daemon does at start; exit 0 valid, 2 invalid (one line per problem).") { config };
            verb.SetAction(parse => RunAsync(parse.GetValue(config), show, null, Console.Out, Console.Error));
            command.Subcommands.Add(verb);
        }
        return command;
    }

    /// <summary>Runs <c>config check</c> (or <c>show</c> when <paramref name="show"/>); returns the exit code.</summary>
    /// <param name="environment">Environment variables (null = the process's).</param>
    internal static async Task<int> RunAsync(string? config, bool show, IDictionary<string, string?>? environment, TextWriter stdout, TextWriter stderr)
    {
        var (settings, problems) = Check(config, environment);
        foreach (var problem in problems)
            await stderr.WriteLineAsync($"error: {problem}");
        if (settings is null || problems.Count > 0)
            return 2;
        await stdout.WriteLineAsync(show ? ConfigurationDocument.Text(settings)
            : $"configuration valid: {SettingsLoader.ResolveFile(config) ?? "no file, the built-in defaults"}, mode {settings.Mode}, {settings.Instrument.Symbol}, "
              + $"logs in {Path.GetFullPath(settings.Monitoring.LogDirectory)}");
        return 0;
    }

    /// <summary>The settings and every problem the daemon would stop on before trading (the settings are null when they do not load).</summary>
    private static (GoldBotSettings? Settings, IReadOnlyList<string> Problems) Check(string? config, IDictionary<string, string?>? environment)
    {
        try
        {
            var settings = SettingsLoader.Load(config, new Dictionary<string, string?>(), environment);
            CalendarFile.Load(settings);
            return (settings, DaemonRunner.ControlsFolderProblem(settings.Controls.Directory) is { } controls ? [controls] : []);
        }
        catch (SettingsException e)
        {
            return (null, e.Message.Split(Environment.NewLine));
        }
    }
}
