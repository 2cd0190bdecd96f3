using System.CommandLine;
using GoldBot.Configuration;
using GoldBot.Hosting;

namespace GoldBot.Cli;

/// <summary>The root command: run the daemon (a paper replay unless configured otherwise).</summary>
internal static class RunCommand
{
    /// <summary>Creates <c>goldbot [--bars FILE] [--speed N] [--config FILE]</c>.</summary>
    public static RootCommand Create()
    {
        var bars = new Option<string?>("--bars") { Description = "Bars CSV to replay (overrides Replay:BarsFile)." };
        var speed = new Option<double?>("--speed") { Description = "Replay at N× real time (default: as fast as possible)." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
        var mode = new Option<RunMode?>("--mode") { Description = "replay (default), sim (the local gateway simulator), paper (TopstepX data, local fills) or live (overrides Mode)." };
        var live = new Option<bool>("--live") { Description = "Confirms that Mode Live may place real orders on the TopstepX account." };
        var root = new RootCommand("GoldBot: an SMC futures trading daemon for TopstepX. By default (Mode Replay) it runs a paper replay of the configured bars; --mode sim, paper or live trades through a ProjectX gateway.")
        {
            bars,
            speed,
            config,
            mode,
            live,
        };
        root.SetAction((parse, cancellationToken) => DaemonRunner.RunAsync(
            new RunArguments(parse.GetValue(config), parse.GetValue(bars), parse.GetValue(speed), Mode: parse.GetValue(mode), Live: parse.GetValue(live)), Console.Out, Console.Error, cancellationToken));
        return root;
    }
}
