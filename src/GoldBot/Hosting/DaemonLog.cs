using GoldBot.Configuration;
using GoldBot.Monitoring;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Settings.Configuration;

namespace GoldBot.Hosting;

/// <summary>
/// The daemon's Serilog logger, configured from the <c>Serilog</c> section of the configuration (<c>ReadFrom.Configuration</c>):
/// the levels and the <c>Console</c> and <c>File</c> sinks of <see cref="Defaults"/>, overridden key by key by
/// <c>config/appsettings.json</c> and <c>GOLDBOT__Serilog__…</c> variables. Two keys always come from GoldBot's own settings: the
/// file sink writes <c>goldbot-YYYYMMDD.log</c> in <c>Monitoring:LogDirectory</c>, and the console shows <c>Monitoring:ConsoleLevel</c>
/// and above. Every event is stamped with the market time (<see cref="MarketTimeEnricher"/>) and the warnings and errors also go to
/// status.json (<see cref="RecentErrors"/>).
/// </summary>
public static class DaemonLog
{
    /// <summary>Console line layout: market time, level, message.</summary>
    public const string ConsoleTemplate = "{MarketTime} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>Log file line layout: market time, level, source, message.</summary>
    public const string FileTemplate = "{MarketTime} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The <c>Serilog</c> section when nothing overrides it (also written out in <c>config/appsettings.json</c>): everything from Debug
    /// up, Microsoft's own categories from Warning; the console with <see cref="ConsoleTemplate"/>; a file per day from Information with
    /// <see cref="FileTemplate"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Serilog:MinimumLevel:Default"] = "Debug",
        ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
        ["Serilog:WriteTo:Console:Name"] = "Console",
        ["Serilog:WriteTo:Console:Args:outputTemplate"] = ConsoleTemplate,
        ["Serilog:WriteTo:File:Name"] = "File",
        ["Serilog:WriteTo:File:Args:outputTemplate"] = FileTemplate,
        ["Serilog:WriteTo:File:Args:rollingInterval"] = "Day",
        ["Serilog:WriteTo:File:Args:restrictedToMinimumLevel"] = "Information",
    };

    /// <summary>
    /// The <c>Serilog</c> section the logger is built from: <see cref="Defaults"/>, then <paramref name="settings"/>' configured
    /// section, then the file path and console level from GoldBot's monitoring settings.
    /// </summary>
    public static IConfiguration Effective(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new ConfigurationBuilder()
            .AddInMemoryCollection(Defaults)
            .AddInMemoryCollection(settings.Logging)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Serilog:WriteTo:File:Args:path"] = Path.Combine(Path.GetFullPath(settings.Monitoring.LogDirectory), "goldbot-.log"),
                ["Serilog:WriteTo:Console:Args:restrictedToMinimumLevel"] = settings.Monitoring.ConsoleLevel.ToString(),
            })
            .Build();
    }

    /// <summary>
    /// Creates the logger (see the class summary), stamping every line with <paramref name="clock"/>'s market time.
    /// </summary>
    /// <exception cref="IOException">The logs folder cannot be created.</exception>
    public static (Logger Logger, RecentErrors Errors) Create(GoldBotSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(Path.GetFullPath(settings.Monitoring.LogDirectory));
        var errors = new RecentErrors();
        // The sink assemblies (LoggingSectionCheck.SinkNames) are named, not discovered: a dotnet tool or a single-file publish has no dependency manifest to search.
        var reader = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly)
        {
            SectionName = GoldBotSettings.LoggingSection,
            FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        };
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(Effective(settings), reader)
            .Enrich.With(new MarketTimeEnricher(clock))
            .WriteTo.Sink(errors)
            .CreateLogger();
        return (logger, errors);
    }
}
