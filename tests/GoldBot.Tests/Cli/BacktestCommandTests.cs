using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoldBot.Backtesting.Output;
using GoldBot.Cli;
using GoldBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Cli;

/// <summary>
/// <c>goldbot backtest</c> end to end on the real data in ../shared/data, into a temporary folder:
/// the files it writes, that the printed summary shows what stats.json holds, and the one-line
/// errors with exit code 2 for a missing bars file, a bad option and a bad configuration.
/// </summary>
public sealed class BacktestCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 30, 5, TimeSpan.Zero);
    private readonly string _out = Directory.CreateTempSubdirectory("goldbot-backtest-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<(int Exit, string Stdout, string Stderr)> InvokeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BacktestCommand.Create(new FakeTimeProvider(Now)).Parse(["--out", _out, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Line(string stdout, string prefix) =>
        stdout.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];

    [Fact]
    public async Task The_MGC_file_gives_a_report_trades_and_stats_that_agree_with_the_summary()
    {
        var (exit, stdout, stderr) = await InvokeAsync("--bars", SharedData.MgcBars, "--folds", "2");

        Assert.True(exit == 0, stderr);
        Assert.Equal("", stderr);
        var folder = Path.Combine(_out, "20261121-083005-mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02");
        Assert.Contains($"output: {folder} (report.html, trades.csv, stats.json, walk_forward_trades.csv)", stdout, StringComparison.Ordinal);

        var stats = StatsJsonContent.Read(Path.Combine(folder, "stats.json"));
        var trades = stats.Sections["trades"];
        Assert.Equal(trades["net_pnl"].Number, decimal.Parse(Line(stdout, "net P&L (USD): "), CultureInfo.InvariantCulture));
        Assert.Equal("MGC", stats.Sections["run"]["symbol"].Text);
        Assert.Equal(12_382m, stats.Sections["run"]["bars"].Number);
        foreach (var section in new[] { "combine", "monte_carlo", "ambiguity", "out_of_sample", "comparison" })
            Assert.True(stats.Sections.ContainsKey(section), $"stats.json has no section {section}");
        Assert.Equal("done", stats.Sections["out_of_sample"]["status"].Text);
        Assert.Equal(2m, stats.Sections["out_of_sample"]["folds"].Number);
        Assert.Equal(["strategy", "walk_forward_oos", "buy_and_hold", "ema_crossover", "random_entries"], stats.Breakdowns["baselines"].Select(r => r.Key));
        Assert.Equal(trades["net_pnl"].Number, stats.Breakdowns["baselines"][0].Value["net_pnl"]);
        Assert.Equal(2, stats.Breakdowns["walk_forward_folds"].Count);

        var tradeCount = (int)trades["trades"].Number!.Value;
        Assert.True(tradeCount > 0, "the default run on the MGC file trades");
        var rows = File.ReadAllLines(Path.Combine(folder, "trades.csv"));
        Assert.Equal(tradeCount + 1, rows.Length);
        var outOfSampleRows = File.ReadAllLines(Path.Combine(folder, "walk_forward_trades.csv"));
        Assert.Equal((int)stats.Sections["out_of_sample"]["trades"].Number!.Value + 1, outOfSampleRows.Length);

        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        var data = ReportData(html);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "stats.json")), data.GetProperty("stats").GetString());
        Assert.Equal(12_382, data.GetProperty("candles").GetArrayLength());
        Assert.True(data.GetProperty("zones").GetArrayLength() > 0, "no order block on the chart");
        Assert.True(data.GetProperty("markers").GetArrayLength() >= 2 * tradeCount, "an entry and at least one exit marker per trade");
        Assert.Equal(12_382, data.GetProperty("equity").GetArrayLength());
        Assert.Contains("data-stats-pointer=\"/sections/trades/net_pnl\"", html, StringComparison.Ordinal);
        Assert.Contains("data-stats-pointer=\"/breakdowns/baselines/2/net_pnl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_run_loads_the_bars_from_the_cache_with_the_same_outputs_and_no_cache_reads_the_CSV()
    {
        var cache = Path.Combine(_out, "bars-cache");
        async Task<(string Stdout, string Trades, string Stats)> RunAsync(string name, params string[] extra)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var output = Path.Combine(_out, name);
            var exit = await BacktestCommand.Create(new FakeTimeProvider(Now), cache)
                .Parse(["--out", output, "--bars", SharedData.MgcBars, "--folds", "0", "--no-report", .. extra])
                .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
            Assert.True(exit == 0, stderr.ToString());
            var folder = Path.Combine(output, "20261121-083005-mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02");
            return (stdout.ToString(), File.ReadAllText(Path.Combine(folder, "trades.csv")), File.ReadAllText(Path.Combine(folder, "stats.json")));
        }

        var uncached = await RunAsync("none", "--no-cache");
        Assert.False(Directory.Exists(cache));
        var first = await RunAsync("first");
        var second = await RunAsync("second");

        var copy = Assert.Single(Directory.GetFiles(cache, "*.bars"));
        Assert.DoesNotContain("bars cache", uncached.Stdout, StringComparison.Ordinal);
        Assert.Contains($"bars cache: written to {copy} (--no-cache reads the CSV)", first.Stdout, StringComparison.Ordinal);
        Assert.Contains($"bars cache: loaded from {copy} (--no-cache reads the CSV)", second.Stdout, StringComparison.Ordinal);
        Assert.Equal((uncached.Trades, uncached.Stats), (first.Trades, first.Stats));
        Assert.Equal((uncached.Trades, uncached.Stats), (second.Trades, second.Stats));
    }

    [Fact]
    public async Task The_8_year_XAUUSD_server_time_file_runs_as_spot_gold_on_1_hour_and_4_hour_frames()
    {
        var xau = SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz");

        var (exit, stdout, stderr) = await InvokeAsync("--bars", xau, "--folds", "0", "--no-report");

        Assert.True(exit == 0, stderr);
        Assert.Contains("symbol: XAUUSD (from the file name", stdout, StringComparison.Ordinal);
        Assert.Contains("time frames: entry 1h, trend 4h", stdout, StringComparison.Ordinal);
        Assert.Contains("contract: XAUUSD tick 0.01 = USD 0.10 (MGC-sized); tick distances of the configuration ×10", stdout, StringComparison.Ordinal);
        Assert.Contains("out of sample: skipped (--folds 0)", stdout, StringComparison.Ordinal);
        var folder = Path.Combine(_out, "20261121-083005-xauusd_1h_mt5_2018-03-19_2026-05-15_servertime");
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
        var stats = StatsJsonContent.Read(Path.Combine(folder, "stats.json"));
        Assert.Equal("XAUUSD", stats.Sections["run"]["symbol"].Text);
        Assert.Equal(48_251m, stats.Sections["run"]["bars"].Number);
        // First line 2018-03-19 00:00 server time, US DST: 2018-03-18 21:00 UTC.
        Assert.Equal("2018-03-18T21:00:00Z", stats.Sections["run"]["start_utc"].Text);
        Assert.Equal(60m, stats.Sections["run"]["bar_minutes"].Number);
        Assert.Equal(stats.Sections["trades"]["net_pnl"].Number, decimal.Parse(Line(stdout, "net P&L (USD): "), CultureInfo.InvariantCulture));
        Assert.True(stats.Sections["trades"]["trades"].Number > 0, "the spot-gold run trades");
        // Every trade falls in 2018–2019: the summary and stats.json say why trading stopped (issue 14 §5).
        Assert.Contains("Trading stopped early: the last trade closed on 2019-11-18 16:00 UTC", stdout, StringComparison.Ordinal);
        Assert.Contains("2.96 USD above its maximum loss floor (balance 49,128.20 USD, floor 49,125.24 USD): no further trade could be sized.", stdout, StringComparison.Ordinal);
        Assert.Equal("yes", stats.Sections["trading_stop"]["stopped_early"].Text);
        Assert.Equal(2.96m, stats.Sections["trading_stop"]["floor_headroom"].Number);
    }

    [Fact]
    public async Task A_configured_XAUUSD_contract_is_used_as_configured_without_rescaling()
    {
        var xau = SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz");

        var (exit, stdout, stderr) = await InvokeAsync("--bars", xau, "--folds", "0", "--no-report",
            "--set", "Contracts:XAUUSD:TickSize=0.01", "--set", "Contracts:XAUUSD:TickValue=0.10");

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain("tick distances of the configuration", stdout, StringComparison.Ordinal);
        Assert.Contains("backtest XAUUSD ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/gc_1m_lean_GCZ13_2013-10-07_2013-10-11_utc.csv", "GC", 6_687, "15m")]
    [InlineData("data/es_1m_lean_ESZ13_2013-10-07_2013-10-11_utc.csv", "ES", 6_708, "15m")]
    [InlineData("data/dxy_30m_dukascopy_2023-06-17_2025-06-16_utc.csv.gz", "MGC", 19_819, "30m")]
    public async Task The_other_shared_data_files_load_and_run(string file, string symbol, int bars, string entryFrame)
    {
        var (exit, stdout, stderr) = await InvokeAsync("--bars", SharedData.Path(file), "--symbol", symbol, "--set", "Risk:DefaultContracts=5",
            "--folds", "2", "--no-report");

        Assert.True(exit == 0, stderr);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"backtest {symbol} {Path.GetFileName(file)}: {bars:N0} bars"), stdout, StringComparison.Ordinal);
        Assert.Contains($"entry {entryFrame} / trend 1h", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_bars_file_exits_2_with_one_line_naming_it()
    {
        var missing = Path.Combine(_out, "no-such-bars.csv");

        var (exit, stdout, stderr) = await InvokeAsync("--bars", missing);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: bars file not found: " + missing, line, StringComparison.Ordinal);
        Assert.Contains("Pass --bars FILE", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out));
    }

    [Fact]
    public async Task A_configured_bad_row_policy_applies_to_the_bars_file_named_on_the_command_line()
    {
        // The command starts reading --bars with the default policy (Skip) while the configuration loads; Reject must still refuse.
        var damaged = Path.Combine(_out, "damaged.csv");
        File.WriteAllLines(damaged, [.. File.ReadLines(SharedData.MgcBars).Take(400), "2025-12-01 00:00:00+00:00,abc,1,1,1,1", .. File.ReadLines(SharedData.MgcBars).Skip(400).Take(400)]);

        var (skipped, skippedOut, _) = await InvokeAsync("--bars", damaged, "--folds", "0", "--no-report");
        var (refused, _, stderr) = await InvokeAsync("--bars", damaged, "--folds", "0", "--no-report", "--set", "Replay:BadBarPolicy=Reject");

        Assert.Equal(0, skipped);
        Assert.Contains("1 bad row skipped", skippedOut, StringComparison.Ordinal);
        Assert.Equal(2, refused);
        Assert.StartsWith($"error: bars file {damaged} line 401: bad open 'abc' (policy Reject refuses the file)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--set", "Strategy:MinScore=99", "error: bad configuration: Strategy:MinScore must be between 1 and 10")]
    [InlineData("--set", "Strategy:NoSuchKey=1", "error: bad configuration: Strategy:NoSuchKey")]
    [InlineData("--set", "MinScore", "error: --set 'MinScore' is not Key=Value")]
    [InlineData("--time-zone", "Mars/Olympus", "error: --time-zone 'Mars/Olympus' is not utc, new-york-close or an IANA time zone id (e.g. America/Chicago)")]
    [InlineData("--folds", "-1", "error: --folds must be ≥ 0, not -1")]
    public async Task A_bad_option_or_configuration_exits_2_with_one_line(string option, string value, string expected)
    {
        var (exit, _, stderr) = await InvokeAsync("--bars", SharedData.MgcBars, option, value);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_time_file_read_as_UTC_is_refused_with_the_reader_message()
    {
        var xau = SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz");
        var copy = Path.Combine(_out, "gold.csv.gz");
        File.Copy(xau, copy);

        var (exit, _, stderr) = await InvokeAsync("--bars", copy, "--symbol", "XAUUSD");

        Assert.Equal(2, exit);
        Assert.StartsWith($"error: bars file {copy} stamps broker server time without a UTC offset", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_runs_each_pattern_through_the_same_walk_forward_and_its_order_block_row_is_the_plain_backtests_out_of_sample_run()
    {
        var (exit, stdout, stderr) = await InvokeAsync("--bars", SharedData.MgcBars, "--folds", "2", "--compare");
        var (_, plain, _) = await InvokeAsync("--bars", SharedData.MgcBars, "--folds", "2", "--no-report");

        Assert.True(exit == 0, stderr);
        var csv = File.ReadAllLines(Path.Combine(_out, "20261121-083005-comparison.csv"));
        Assert.Equal(["order_block", "breaker_block", "fair_value_gap", "liquidity_sweep", "ote", "all patterns",
            "order_block + limit entry", "order_block + atr_trail", "order_block + structure", "order_block + limit entry + atr_trail",
            "order_block + learning (evidence)", "order_block + learning (plan)", "all patterns + learning (evidence)", "all patterns + learning (plan)",
            "buy and hold (1 contract)", "EMA 20/50 crossover", "random entries"],
            csv.Skip(1).Select(l => l.Split(',')[0]));
        var orderBlock = csv[1].Split(',');
        // The same walk-forward, bars, costs and fills: the order_block row is what `backtest` reports out of sample.
        var outOfSample = Line(plain, "out of sample (");
        Assert.Contains($"net P&L (USD) {decimal.Parse(orderBlock[10], CultureInfo.InvariantCulture):0.00}, ", outOfSample, StringComparison.Ordinal);
        Assert.Contains($", {orderBlock[2]} trades, ", outOfSample, StringComparison.Ordinal);
        var table = stdout.Split('\n').SkipWhile(l => !l.StartsWith("setup ", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("output:", StringComparison.Ordinal));
        Assert.Equal(18, table.Count()); // header, fourteen variants, three baselines
    }

    [Fact]
    public async Task Compare_without_the_walk_forward_is_a_one_line_error()
    {
        var (exit, _, stderr) = await InvokeAsync("--bars", SharedData.MgcBars, "--folds", "0", "--compare");
        Assert.Equal(2, exit);
        Assert.Equal("error: --compare needs the walk-forward test: --folds must be ≥ 1", stderr.Trim());
    }

    private static JsonElement ReportData(string html)
    {
        const string open = "<script type=\"application/json\" id=\"report-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(html[start..end]);
        return document.RootElement.Clone();
    }
}
