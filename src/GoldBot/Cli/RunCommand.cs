using System.CommandLine;
using System.Globalization;
using GoldBot.Configuration;
using GoldBot.Hosting;
using GoldBot.MarketData;

namespace GoldBot.Cli;

/// <summary>The root command: run the daemon (a paper replay unless configured otherwise).</summary>
internal static class RunCommand
{
    /// <summary>
    /// Creates <c>goldbot [--bars FILE] [--speed N] [--time-zone ZONE] [--symbol S] [--config FILE] [--mode M] [--live]</c>. A bad
    /// value is a parse error (one line, exit code 2, <see cref="CommandLineErrors"/>); an option the effective mode ignores is
    /// refused by <see cref="DaemonRunner"/> once the configuration's <c>Mode</c> is known.
    /// </summary>
    public static RootCommand Create()
    {
        var bars = new Option<string?>("--bars") { HelpName = "FILE", Description = "Bars CSV to replay (overrides Replay:BarsFile). Replay mode only." };
        var speed = new Option<double?>("--speed")
        {
            HelpName = "N",
            Description = "Replay at N× real time, 0 = as fast as possible (overrides Replay:Speed; default 0). Replay mode only.",
        };
        CommandLineErrors.AddRule(speed, n => n is not { } x || x == 0 || (x >= SettingsValidator.MinReplaySpeed && x <= SettingsValidator.MaxReplaySpeed) ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"--speed {x} must be 0 (as fast as possible) or from {SettingsValidator.MinReplaySpeed} to {SettingsValidator.MaxReplaySpeed:0} (× real time)"));
        var timeZone = new Option<string?>("--time-zone")
        {
            HelpName = "ZONE",
            Description = "Clock of the bars file's stamps that carry no UTC offset: utc, new-york-close (MetaTrader 5 broker server time, UTC+2/+3 on "
                + "the US DST calendar) or an IANA id (overrides Replay:TimeZone). Default: new-york-close for a file named *servertime*, else utc. Replay mode only.",
        };
        CommandLineErrors.AddRule(timeZone, zone =>
        {
            try
            {
                BarTimeZone.ForFile(zone, "");
                return null;
            }
            catch (ArgumentException)
            {
                return $"--time-zone '{zone}' is not {BarTimeZone.Names}";
            }
        });
        var symbol = new Option<string?>("--symbol")
        {
            HelpName = "SYMBOL",
            Description = "Contract traded: MGC, GC, MES, ES or another under Contracts (overrides Instrument:Symbol).",
        };
        var config = new Option<string?>("--config") { HelpName = "FILE", Description = "Configuration file (default: config/appsettings.json)." };
        var mode = new Option<RunMode?>("--mode") { Description = "replay (default), sim (the local gateway simulator), paper (TopstepX data, local fills) or live (overrides Mode)." };
        var live = new Option<bool>("--live") { Description = "Confirms that Mode Live may place real orders on the TopstepX account. Live mode only." };
        var root = new RootCommand("GoldBot: an SMC futures trading daemon for TopstepX. By default (Mode Replay) it runs a paper replay of the configured bars; --mode sim, paper or live trades through a ProjectX gateway.")
        {
            bars,
            speed,
            timeZone,
            symbol,
            config,
            mode,
            live,
        };
        root.SetAction((parse, cancellationToken) => DaemonRunner.RunAsync(
            new RunArguments(parse.GetValue(config), parse.GetValue(bars), parse.GetValue(speed), Mode: parse.GetValue(mode), Live: parse.GetValue(live),
                Symbol: parse.GetValue(symbol), TimeZone: parse.GetValue(timeZone)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return root;
    }
}
