using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.Fuzzing;

/// <summary>
/// The fuzzing campaign of issue 11 over the bars reader: seeded damaged copies of the real MGC file
/// (<see cref="BarsFileMutator"/>). Every case either loads or is refused with a <see cref="BarFileException"/> (no other
/// exception escapes); a file that loads accounts for every data line once, as a bar, a reported bad row or a dropped
/// zero-volume bar (nothing is lost without being counted), and its bars are valid and strictly increasing; damaged gzip
/// is refused. The README's test command runs <see cref="Cases"/> cases; <c>GOLDBOT_FUZZ_CASES=N</c> runs a campaign of N.
/// </summary>
public sealed class BarsFileFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    /// <summary>Cases run by default (CI).</summary>
    public const int Cases = 300;

    private static readonly Lazy<string[]> RealLines = new(() => File.ReadAllLines(SharedData.MgcBars));
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_damaged_bars_file_loads_with_every_line_accounted_for_or_is_refused_with_a_clear_error()
    {
        var count = FuzzCampaign.Cases(Cases);
        var mutator = new BarsFileMutator(RealLines.Value);
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>();
        for (var seed = FuzzCampaign.FirstSeed; seed < FuzzCampaign.FirstSeed + count; seed++)
        {
            var fuzz = mutator.Make(seed);
            var path = Path.Combine(_dir, $"case-{seed}.csv");
            File.WriteAllBytes(path, fuzz.Bytes);
            var outcome = Check(fuzz, path);
            if (outcome.StartsWith("FAIL", StringComparison.Ordinal))
                failures.Add($"seed {seed} ({fuzz.Kind}): {outcome}");
            outcomes[outcome.Split(':')[0]] = outcomes.GetValueOrDefault(outcome.Split(':')[0]) + 1;
            File.Delete(path);
        }
        output.WriteLine($"{count} cases from seed {FuzzCampaign.FirstSeed}: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)) + $"\n({failures.Count} of {count} failed)");
        Assert.True(outcomes.GetValueOrDefault("loaded") > count / 3 && outcomes.GetValueOrDefault("refused") > 0,
            string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))); // the campaign exercises both ends
    }

    private static string Check(BarsFileMutator.Case fuzz, string path)
    {
        BarFile file;
        try
        {
            file = BarCsvReader.Read(path);
        }
        catch (BarFileException)
        {
            return "refused";
        }
#pragma warning disable CA1031 // Any other exception is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"FAIL {e.GetType().Name}: {e.Message}";
        }
        if (fuzz.Kind is "gzip_truncated" or "gzip_members_cut")
            return "FAIL a truncated gzip file loaded";
        if (!fuzz.Gzip)
        {
            var text = System.Text.Encoding.UTF8.GetString(fuzz.Bytes).TrimStart('\uFEFF');
            // CR LF, LF and a bare CR all end a line (as the reader takes them); blank lines are no rows.
            var dataLines = System.Text.RegularExpressions.Regex.Split(text, "\r\n|\r|\n").Skip(1).Count(l => l.Length > 0);
            var accounted = file.Bars.Count + file.Problems.Count + file.ZeroVolumeDropped;
            if (accounted != dataLines)
                return $"FAIL {dataLines} data lines, {file.Bars.Count} bars + {file.Problems.Count} bad rows + {file.ZeroVolumeDropped} dropped";
            if (file.Problems.Select(p => p.Line).Distinct().Count() != file.Problems.Count)
                return "FAIL a line reported twice";
        }
        DateTimeOffset? previous = null;
        foreach (var bar in file.Bars)
        {
            if (BarValidator.Check(bar, previous) is { } reason)
                return $"FAIL an accepted bar is invalid: {reason}";
            previous = bar.OpenTime;
        }
        return "loaded";
    }
}
