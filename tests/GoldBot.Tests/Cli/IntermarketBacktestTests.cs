using System.CommandLine;
using GoldBot.Cli;
using GoldBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Cli;

/// <summary>
/// <c>goldbot backtest --intermarket FILE --from DATE --to DATE</c> on the real XAUUSD and DXY files: the proxy is read (UTC,
/// zero-volume filler dropped), the traded span cut, the filter's rows added to <c>--compare</c>; bad input is one line and exit 2.
/// </summary>
public sealed class IntermarketBacktestTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 30, 5, TimeSpan.Zero);
    private static string Xau => SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz");
    private static string Dxy => SharedData.Path("data/dxy_30m_dukascopy_2023-06-17_2025-06-16_utc.csv.gz");
    private readonly string _out = Directory.CreateTempSubdirectory("goldbot-intermarket-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<(int Exit, string Stdout, string Stderr)> InvokeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BacktestCommand.Create(new FakeTimeProvider(Now)).Parse(["--out", _out, .. args])
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Compare_with_a_dollar_proxy_adds_the_filters_rows_over_the_chosen_span()
    {
        var (exit, stdout, stderr) = await InvokeAsync("--bars", Xau, "--intermarket", Dxy, "--from", "2024-01-01", "--to", "2024-09-01", "--folds", "1", "--compare");

        Assert.True(exit == 0, stderr);
        Assert.Contains("span: 3,967 of 48,251 bars, 2024-01-01 23:00 → 2024-08-30 20:00 UTC (--from/--to)", stdout, StringComparison.Ordinal);
        Assert.Contains("intermarket: dxy_30m_dukascopy_2023-06-17_2025-06-16_utc.csv.gz, 12,856 bars of 30 min (6,963 zero-volume filler rows dropped)", stdout,
            StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(_out, "20261121-083005-comparison.csv"));
        Assert.Equal(["order_block", "breaker_block", "fair_value_gap", "liquidity_sweep", "ote", "all patterns",
            "order_block + limit entry", "order_block + atr_trail", "order_block + structure", "order_block + limit entry + atr_trail",
            "order_block + learning (evidence)", "order_block + learning (plan)", "all patterns + learning (evidence)", "all patterns + learning (plan)",
            "order_block + dollar filter (block)", "order_block + dollar filter (size down)", "all patterns + dollar filter (block)",
            "buy and hold (1 contract)", "EMA 20/50 crossover", "random entries"],
            csv.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task Without_a_proxy_the_comparison_has_no_filter_rows()
    {
        var (exit, _, stderr) = await InvokeAsync("--bars", Xau, "--from", "2024-01-01", "--to", "2024-05-01", "--folds", "1", "--compare");

        Assert.True(exit == 0, stderr);
        var csv = File.ReadAllLines(Path.Combine(_out, "20261121-083005-comparison.csv"));
        Assert.DoesNotContain(csv, l => l.Contains("dollar", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--from", "yesterday", "error: --from 'yesterday' is not a date (yyyy-MM-dd) or an ISO date-time")]
    [InlineData("--to", "2010-01-01", "error: no bars of ")]
    [InlineData("--intermarket", "/nonexistent/dxy.csv", "error: --intermarket: ")]
    public async Task Bad_input_is_one_line_and_exit_code_2(string option, string value, string expected)
    {
        var (exit, _, stderr) = await InvokeAsync("--bars", Xau, option, value, "--folds", "0", "--no-report");

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
