using GoldBot.Configuration;
using GoldBot.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Hosting;

/// <summary>The daemon's Serilog logger, built from the <c>Serilog</c> section over its defaults, in the configured logs folder, at market time.</summary>
public sealed class DaemonLogTests : IDisposable
{
    private static readonly DateTimeOffset MarketTime = new(2025, 11, 26, 15, 30, 0, TimeSpan.Zero);
    private readonly string _logs = Directory.CreateTempSubdirectory("goldbot-log-").FullName;

    private GoldBotSettings Settings(params (string Key, string Value)[] logging) =>
        new() { Monitoring = new MonitoringSettings { LogDirectory = _logs }, Logging = [.. logging.Select(l => new KeyValuePair<string, string?>(l.Key, l.Value))] };

    /// <summary>
    /// Logs an Information and a Warning from GoldBot and a Warning from <c>Noisy</c>; returns the lines of the day's file and the
    /// messages kept for status.json.
    /// </summary>
    private (string[] Lines, IReadOnlyList<string> Errors) Write(GoldBotSettings settings)
    {
        var (logger, errors) = DaemonLog.Create(settings, new FakeTimeProvider(MarketTime));
        using (logger)
        {
            logger.ForContext("SourceContext", "GoldBot.Test").Information("Opened {Id} at {Price}", "gb1", 4191.3m);
            logger.ForContext("SourceContext", "GoldBot.Test").Warning("Feed {State}", "stale");
            logger.ForContext("SourceContext", "Noisy.Library").Warning("chatter");
        }
        return (File.ReadAllLines(Assert.Single(Directory.GetFiles(_logs, "goldbot-*.log"))), errors.Messages);
    }

    [Fact]
    public void Without_a_Serilog_section_the_file_has_the_daemons_lines_at_market_time()
    {
        var (lines, errors) = Write(Settings());
        Assert.Equal(
        [
            "2025-11-26 15:30:00Z [INF] GoldBot.Test: Opened gb1 at 4191.3",
            "2025-11-26 15:30:00Z [WRN] GoldBot.Test: Feed stale",
            "2025-11-26 15:30:00Z [WRN] Noisy.Library: chatter",
        ], lines);
        Assert.Equal(["2025-11-26 15:30:00Z Warning: Feed stale", "2025-11-26 15:30:00Z Warning: chatter"], errors);
    }

    [Fact]
    public void The_Serilog_section_overrides_the_defaults_key_by_key()
    {
        var (lines, errors) = Write(Settings(
            ("Serilog:MinimumLevel:Override:Noisy", "Error"),
            ("Serilog:WriteTo:File:Args:outputTemplate", "{Level:u3} {MarketTime} {Message:lj}{NewLine}")));
        Assert.Equal(["INF 2025-11-26 15:30:00Z Opened gb1 at 4191.3", "WRN 2025-11-26 15:30:00Z Feed stale"], lines);
        Assert.Single(errors);
    }

    [Fact]
    public void The_file_sink_always_writes_in_the_monitoring_log_folder()
    {
        var elsewhere = Path.Combine(_logs, "elsewhere");
        Assert.Equal(3, Write(Settings(("Serilog:WriteTo:File:Args:path", Path.Combine(elsewhere, "x-.log")))).Lines.Length);
        Assert.False(Directory.Exists(elsewhere));
    }

    public void Dispose() => Directory.Delete(_logs, recursive: true);
}
