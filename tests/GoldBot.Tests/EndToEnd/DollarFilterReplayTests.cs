using System.Globalization;
using System.Text;
using GoldBot.MarketData;

namespace GoldBot.Tests.EndToEnd;

/// <summary>
/// The dollar filter in a replay of the real MGC bars with <c>Strategy:DollarFilter:ProxyBarsFile</c>: the proxy file is read with
/// the bars reader and fed causally, through the same <see cref="GoldBot.Intermarket.DollarFilterGate"/> the gateway modes use;
/// status.json shows its state; with the filter off the pinned default run is unchanged.
/// </summary>
public sealed class DollarFilterReplayTests
{
    /// <summary>A Euro FX file derived from the MGC bars (1.1 × (gold ÷ first open)^0.25 per price, 5 decimals): the euro rises with gold.</summary>
    private static string WriteProxyFile(string folder)
    {
        var gold = BarCsvReader.Read(SharedData.MgcBars).Bars;
        var anchor = (double)gold[0].Open;
        string Euro(decimal g) => Math.Round(1.1 * Math.Pow((double)g / anchor, 0.25), 5).ToString("0.00000", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        foreach (var b in gold)
            csv.Append(CultureInfo.InvariantCulture, $"{b.OpenTime.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{Euro(b.Open)},{Euro(b.High)},{Euro(b.Low)},{Euro(b.Close)},{b.Volume}\n");
        var path = Path.Combine(folder, "6e_3m_synthetic.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public async Task A_proxy_file_feeds_the_filter_and_status_json_shows_it()
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-proxy-").FullName;
        try
        {
            var proxy = WriteProxyFile(folder);
            using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?>
            {
                ["Strategy:DollarFilter:Mode"] = "Block",
                ["Strategy:DollarFilter:Invert"] = "true",
                ["Strategy:DollarFilter:ProxyBarsFile"] = proxy,
            });

            Assert.True(run.ExitCode == 0, run.Error + run.Output);
            var filter = run.Status.GetProperty("dollar_filter");
            Assert.Equal(("block", "6e_3m_synthetic.csv", true, "ready", false),
                (filter.GetProperty("mode").GetString(), filter.GetProperty("proxy_symbol").GetString(), filter.GetProperty("inverted").GetBoolean(),
                 filter.GetProperty("status").GetString(), filter.GetProperty("stale").GetBoolean()));
            Assert.Equal(12382, filter.GetProperty("proxy_bars").GetInt64());
            Assert.True(filter.GetProperty("correlation").GetDouble() < -0.9, filter.ToString());
            // Pinned: of the default run's 14 trades, the filter refuses 4 (8 signals in all carry its reason, some already outside
            // the window); the synthetic proxy is a mirror of gold, so this measures the plumbing, not an edge.
            Assert.Contains("GoldBot Completed: bars 12382, signals 158 (10 taken), trades 10,", run.Output, StringComparison.Ordinal);
            Assert.Equal(8, run.SignalLines.Count(l => l.Contains("| reason=dollar filter: dollar ", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_proxy_file_is_one_line_and_exit_code_2()
    {
        using var run = await ReplayRun.StartAsync(overrides: new Dictionary<string, string?>
        {
            ["Strategy:DollarFilter:Mode"] = "Block",
            ["Strategy:DollarFilter:ProxyBarsFile"] = "/nonexistent/6e.csv",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Strategy:DollarFilter:ProxyBarsFile:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_filter_off_status_json_has_no_dollar_filter()
    {
        using var run = await ReplayRun.StartAsync(bars: null, overrides: new Dictionary<string, string?> { ["Strategy:DollarFilter:ProxyBarsFile"] = "/nonexistent/6e.csv" });

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.Status.TryGetProperty("dollar_filter", out _));
    }
}
