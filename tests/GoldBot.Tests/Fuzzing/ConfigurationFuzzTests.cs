using GoldBot.Hosting;

namespace GoldBot.Tests.Fuzzing;

/// <summary>
/// The fuzzing campaign of issue 11 over the configuration (<see cref="ConfigurationMutator"/>): every damaged configuration
/// either is refused at start (exit 2, each problem on a line of its own, nothing of .NET's internals shown) or runs the real
/// replay of two days of MGC bars to its end (exit 0, "GoldBot Completed"). A configuration that is accepted and then fails,
/// hangs, or breaks a rule, and an exception that escapes, are the findings. Kinds that cannot be valid must be refused.
/// </summary>
public sealed class ConfigurationFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>Cases run by default (CI): each accepted one is a whole replay.</summary>
    public const int Cases = 40;

    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-config-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Every_damaged_configuration_is_refused_with_one_line_per_problem_or_runs_the_replay_to_its_end()
    {
        var bars = Path.Combine(_dir, "two-days.csv");
        File.WriteAllLines(bars, File.ReadLines(SharedData.MgcBars).Take(1_000));
        var template = File.ReadAllText(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"));
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var count = FuzzCampaign.Cases(Cases);
        for (var seed = FuzzCampaign.FirstSeed; seed < FuzzCampaign.FirstSeed + count; seed++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(_dir, $"case-{seed}")).FullName;
            Directory.CreateDirectory(Path.Combine(folder, "controls"));
            var fuzz = new ConfigurationMutator(template, folder).Make(seed, bars);
            var outcome = await RunAsync(fuzz, folder);
            if (outcome.StartsWith("FAIL", StringComparison.Ordinal))
                failures.Add($"seed {seed} ({string.Join("; ", fuzz.Changes)}): {outcome}");
            outcomes[outcome.Split(':')[0]] = outcomes.GetValueOrDefault(outcome.Split(':')[0]) + 1;
            Directory.Delete(folder, recursive: true);
        }
        output.WriteLine($"{count} cases from seed {FuzzCampaign.FirstSeed}: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)) + $"\n({failures.Count} of {count} failed)");
        Assert.True(outcomes.GetValueOrDefault("ran") > 0 && outcomes.GetValueOrDefault("refused") > count / 4,
            string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))); // the campaign exercises both ends
    }

    private static async Task<string> RunAsync(ConfigurationMutator.Case fuzz, string folder)
    {
        var config = Path.Combine(folder, "appsettings.json");
        File.WriteAllText(config, fuzz.Json);
        using var stdout = new StringWriter();
        using var error = new StringWriter();
        int exit;
        try
        {
            // The guard turns a hang into a finding; a replay of two days takes well under a second.
            exit = await DaemonRunner.RunAsync(new RunArguments(config, null, null), stdout, error, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            return "FAIL hung";
        }
#pragma warning disable CA1031 // Any exception that escapes is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"FAIL {e.GetType().Name} escaped: {e.Message}";
        }
        var said = stdout.ToString() + error;
        if (FuzzCampaign.ShowsInternals(said))
            return $"FAIL .NET internals shown: {said}";
        if (exit == 2)
            return error.ToString().Trim().Length > 0 ? "refused" : "FAIL exit 2 without a word";
        if (ConfigurationMutator.MustRefuse.Contains(fuzz.Kind))
            return $"FAIL accepted (exit {exit}): {said}";
        return exit == 0 && stdout.ToString().Contains("GoldBot Completed", StringComparison.Ordinal) ? "ran" : $"FAIL exit {exit}: {said}";
    }
}
