using System.CommandLine;
using GoldBot.Chaos;
using GoldBot.Configuration;
using GoldBot.MarketData;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot chaos --runs N --seed S [--days D] [--bars FILE] [--out DIR] [--config FILE] [--first-kinds-only]</c>: the chaos campaign against
/// the in-process gateway simulator (<see cref="ChaosCampaign"/>). Exit 0 when no invariant failed, 1 when one did,
/// 2 for bad input.
/// </summary>
internal static class ChaosCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Number of runs (seeds S, S+1, …).", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the first run.", DefaultValueFactory = _ => 1 };
        var days = new Option<int>("--days") { Description = "Trading days per run.", DefaultValueFactory = _ => 2 };
        var bars = new Option<string?>("--bars") { Description = "Bars CSV the simulator replays (default: Replay:BarsFile, the MGC file in ../shared/data)." };
        var output = new Option<string?>("--out") { Description = "Folder for the runs' logs (default: a new temporary folder)." };
        var config = new Option<string?>("--config") { Description = "The daemon's configuration file (default: config/appsettings.json)." };
        var firstKinds = new Option<bool>("--first-kinds-only") { Description = "Draw only the fault kinds of the first campaigns (to replay a seed found then exactly)." };
        var command = new Command("chaos", "Run the daemon against the in-process gateway simulator under seeded random faults and check the protection invariants.")
        {
            runs, seed, days, bars, output, config, firstKinds,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(days), parse.GetValue(bars),
            parse.GetValue(output), parse.GetValue(config), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken, laterKinds: !parse.GetValue(firstKinds)));
        return command;
    }

    /// <summary>Runs the campaign; returns the exit code.</summary>
    internal static async Task<int> RunAsync(int runs, int seed, int days, string? barsFile, string? folder, string? config, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken, bool laterKinds = true)
    {
        if (runs < 1 || days < 1)
        {
            await stderr.WriteLineAsync(runs < 1 ? $"error: --runs {runs} must be at least 1" : $"error: --days {days} must be at least 1");
            return 2;
        }
        BarFile bars;
        try
        {
            var settings = SettingsLoader.Load(config, new Dictionary<string, string?>());
            bars = BarCsvReader.Read(barsFile ?? settings.Replay.BarsFile, tickSize: settings.Contract().TickSize);
        }
        catch (SettingsException e)
        {
            await stderr.WriteLineAsync("configuration error: " + e.OneLine);
            return 2;
        }
        catch (BarFileException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}. Pass --bars FILE (the MGC file in ../shared/data by default).");
            return 2;
        }
        if (ChaosRun.TradingDays(bars).Count is var available && available < days + 2)
        {
            await stderr.WriteLineAsync($"error: {bars.Path} holds {available} trading days; runs of {days} days need {days + 2} (two are the strategy's warm-up). Pass a smaller --days or a longer --bars file.");
            return 2;
        }
        try
        {
            folder = folder is null ? Directory.CreateTempSubdirectory("goldbot-chaos-").FullName : Directory.CreateDirectory(folder).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: --out {folder}: cannot create the folder ({e.Message})");
            return 2;
        }
        await stdout.WriteLineAsync($"chaos: {runs} runs of {days} trading days from seed {seed} on {bars.Path}; logs in {folder}");
        var results = await ChaosCampaign.RunAsync(bars, runs, seed, days, config, folder, stdout, cancellationToken, laterKinds);
        return results.Any(r => r.Violations.Count > 0) ? 1 : 0;
    }
}
