using System.Globalization;
using GoldBot.MarketData;

namespace GoldBot.Chaos;

/// <summary>
/// The chaos campaign (<c>goldbot chaos</c>): <c>runs</c> seeded runs (<see cref="ChaosRun"/>) from seed <c>seed</c> upward,
/// one after the other; a line per run, each violation with its seed and market time, the faults injected by kind,
/// and a last line <c>N runs, N faults, N violations</c>.
/// </summary>
public static class ChaosCampaign
{
    /// <summary>Runs the campaign and returns the results, writing the report to <paramref name="output"/>.</summary>
    /// <param name="folder">Where each run's daemon writes its logs (one folder per seed).</param>
    /// <param name="laterKinds">False: only the fault kinds of the first campaigns (see <see cref="ChaosRun.RunAsync"/>).</param>
    public static async Task<IReadOnlyList<ChaosRunResult>> RunAsync(BarFile bars, int runs, int seed, int days, string? configFile, string folder,
        TextWriter output, CancellationToken cancellationToken, bool laterKinds = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var results = new List<ChaosRunResult>();
        for (var i = 0; i < runs; i++)
        {
            var s = seed + i;
            var runFolder = Path.Combine(folder, s.ToString(CultureInfo.InvariantCulture));
            ChaosRunResult result;
            try
            {
                result = await ChaosRun.RunAsync(bars, s, days, configFile, runFolder, cancellationToken, laterKinds);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A run that cannot finish (it did not settle, the daemon crashed on the way out) is a finding, not the campaign's end.
                // The whole exception goes to the run's folder: where it was thrown is what a fix needs.
                await File.WriteAllTextAsync(Path.Combine(Directory.CreateDirectory(runFolder).FullName, "run_failed.txt"), e.ToString(), CancellationToken.None);
                result = new ChaosRunResult(s, [], new Dictionary<string, int>(), [new ChaosViolation("run_failed", DateTimeOffset.MinValue, $"{e.GetType().Name}: {e.Message}")],
                    0, 0m, TimeSpan.Zero, runFolder);
            }
            results.Add(result);
            await output.WriteLineAsync(result.ToString());
            foreach (var v in result.Violations)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  violation seed {s} {v.Time:yyyy-MM-dd HH:mm:ss} UTC {v.Kind}: {v.Detail} (logs: {result.Folder})"));
        }
        var byKind = results.SelectMany(r => r.Faults).GroupBy(kv => kv.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Sum(kv => kv.Value)}");
        await output.WriteLineAsync("faults by kind: " + string.Join(", ", byKind));
        await output.WriteLineAsync(Summary(results));
        return results;
    }

    /// <summary>The campaign's last line: <c>N runs, N faults, N violations</c>.</summary>
    public static string Summary(IReadOnlyList<ChaosRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} runs, {results.Sum(r => r.Faults.Values.Sum())} faults, {results.Sum(r => r.Violations.Count)} violations");
    }
}
