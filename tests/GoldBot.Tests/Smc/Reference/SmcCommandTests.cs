using System.CommandLine;
using GoldBot.Cli;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>The <c>goldbot smc</c> verb, invoked in-process through System.CommandLine.</summary>
public sealed class SmcCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "goldbot-smc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
            Directory.Delete(_out, recursive: true);
    }

    private static (int Exit, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = SmcCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void AssertSameAsFixture(string written, string fixture) =>
        Assert.Equal(File.ReadAllBytes(SmcFixtures.PathOf(fixture)), File.ReadAllBytes(Path.Combine(_out, written)));

    [Fact]
    public void Writes_every_requested_file_identical_to_the_golden_data()
    {
        var (exit, stdout, stderr) = Invoke(
            "--input", SmcFixtures.PathOf("EURUSD_15M.csv"), "--swing-length", "5", "--out", _out,
            "--previous-high-low", "4h", "--previous-high-low", "W", "--sessions", "London", "--sessions", "Asian kill zone",
            "--retracements");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        AssertSameAsFixture("swing_highs_lows.csv", "swing_highs_lows_result_data.csv");
        AssertSameAsFixture("bos_choch.csv", "bos_choch_result_data.csv");
        AssertSameAsFixture("ob.csv", "ob_result_data.csv");
        AssertSameAsFixture("fvg.csv", "fvg_result_data.csv");
        AssertSameAsFixture("liquidity.csv", "liquidity_result_data.csv");
        AssertSameAsFixture("previous_high_low_4h.csv", "previous_high_low_result_data_4h.csv");
        AssertSameAsFixture("previous_high_low_W.csv", "previous_high_low_result_data_W.csv");
        AssertSameAsFixture("sessions_London.csv", "sessions_result_data.csv");
        AssertSameAsFixture("sessions_AsianKillZone.csv", "extra/sessions_AsianKillZone_result_data.csv");
        AssertSameAsFixture("retracements.csv", "retracements_result_data.csv");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        Assert.Contains(lines, l => l.EndsWith("swing_highs_lows.csv: 24424 rows, 2708 signals", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("ob.csv: 24424 rows, 66 signals", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("bos_choch.csv: 24424 rows, 1129 signals", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("liquidity.csv: 24424 rows, 498 signals", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("fvg.csv: 24424 rows, 5020 signals", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_are_the_library_defaults_and_the_flags_map_to_its_parameters()
    {
        var (exit, _, stderr) = Invoke("--input", SmcFixtures.PathOf("EURUSD_15M.csv"), "--out", _out);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        AssertSameAsFixture("swing_highs_lows.csv", "extra/swing_highs_lows_len50_result_data.csv");
        AssertSameAsFixture("bos_choch.csv", "extra/bos_choch_len50_result_data.csv");
        AssertSameAsFixture("ob.csv", "extra/ob_len50_result_data.csv");
        AssertSameAsFixture("liquidity.csv", "extra/liquidity_len50_result_data.csv");
        Assert.False(File.Exists(Path.Combine(_out, "retracements.csv")));

        (exit, _, stderr) = Invoke(
            "--input", SmcFixtures.PathOf("EURUSD_15M.csv"), "--swing-length", "5", "--out", _out,
            "--close-break", "false", "--close-mitigation", "--join-consecutive", "--range-percent", "0.005",
            "--sessions", "London", "--time-zone", "UTC+2");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        AssertSameAsFixture("bos_choch.csv", "extra/bos_choch_closebreak_false_result_data.csv");
        AssertSameAsFixture("ob.csv", "extra/ob_close_mitigation_result_data.csv");
        AssertSameAsFixture("fvg.csv", "fvg_consecutive_result_data.csv");
        AssertSameAsFixture("liquidity.csv", "extra/liquidity_range0005_result_data.csv");
        AssertSameAsFixture("sessions_London.csv", "extra/sessions_London_tzUTC+2_result_data.csv");
    }

    [Fact]
    public void Reads_a_file_without_times()
    {
        var (exit, _, stderr) = Invoke("--input", SmcFixtures.PathOf("extra/tiny3_input.csv"), "--swing-length", "1", "--out", _out);
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        AssertSameAsFixture("swing_highs_lows.csv", "extra/tiny3_swing_highs_lows_len1_result_data.csv");
        AssertSameAsFixture("ob.csv", "extra/tiny3_ob_result_data.csv");
    }

    [Fact]
    public void Missing_input_prints_one_line_and_exits_2()
    {
        var missing = Path.Combine(_out, "no-such-file.csv");
        var (exit, stdout, stderr) = Invoke("--input", missing, "--out", _out);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not found", line, StringComparison.Ordinal);
        Assert.Contains("no-such-file.csv", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    [Fact]
    public void Bad_file_prints_one_line_and_exits_2()
    {
        Directory.CreateDirectory(_out);
        var bad = Path.Combine(_out, "bad.csv");
        File.WriteAllText(bad, "open,high,low,close\n1.0,0.5,1.2,1.1\n");
        var (exit, _, stderr) = Invoke("--input", bad, "--out", _out);

        Assert.Equal(2, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--previous-high-low", "1D")]
    [InlineData("--sessions", "London")]
    public void Time_needing_function_on_a_file_without_times_exits_2_and_writes_nothing(string option, string value)
    {
        var (exit, stdout, stderr) = Invoke("--input", SmcFixtures.PathOf("extra/tiny3_input.csv"), "--swing-length", "1", "--out", _out, option, value);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Contains("no time column", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_out));
    }

    [Theory]
    [InlineData("--sessions", "Londn")]
    [InlineData("--previous-high-low", "7X")]
    [InlineData("--swing-length", "0")]
    public void Bad_argument_value_exits_2_with_one_line(string option, string value)
    {
        var (exit, _, stderr) = Invoke("--input", SmcFixtures.PathOf("EURUSD_15M.csv"), "--out", _out, option, value);

        Assert.Equal(2, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(_out));
    }
}
