using GoldBot.Chaos;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// A small chaos campaign inside the test run (the closing note of issue 9 gives the counts of a long one): 20 seeds, one
/// trading day each, every run the daemon and the gateway simulator in-process on one virtual clock under a seeded random
/// schedule of faults; no invariant may fail. The seeds are fixed, so a failure is reproduced with
/// <c>goldbot chaos --runs 1 --seed N --days 1</c>.
/// </summary>
public sealed class ChaosCampaignTests
{
    [Fact]
    public async Task Twenty_seeded_runs_under_random_faults_break_no_invariant()
    {
        var bars = BarCsvReader.Read(SharedData.MgcBars);
        var folder = Directory.CreateTempSubdirectory("goldbot-chaos-test-").FullName;
        using var output = new StringWriter();

        var results = await ChaosCampaign.RunAsync(bars, runs: 20, seed: 1, days: 1, Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"), folder, output, CancellationToken.None);

        Assert.True(results.All(r => r.Violations.Count == 0), output.ToString());
        Assert.True(results.Sum(r => r.Faults.Values.Sum()) >= 60, output.ToString()); // the faults were really injected
        Assert.True(results.Sum(r => r.Trades) >= 20, output.ToString()); // and met trades
        Assert.Equal(ChaosCampaign.Summary(results), output.ToString().TrimEnd().Split('\n')[^1].TrimEnd('\r'));
    }
}
