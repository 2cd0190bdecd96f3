using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GoldBot.Tests.Cli;

/// <summary>
/// Issue 14 §4, "a CLI without surprises", on the built binaries (<c>goldbot.dll</c> and <c>goldbot-sim.dll</c>, run with
/// <c>dotnet</c> from the repository root, as Program.cs wires them): every bad option, value or range of every verb exits 2
/// with exactly one line on stderr that names the option, no help text, no .NET type name (<c>System.Int32</c>) and no stack
/// trace. The verbs are also read from <c>goldbot --help</c>, so a verb added later is checked without a change here. Nothing
/// reaches a network: the simulator's URL points at a closed loopback port and no case gets as far as a gateway.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A file where a folder is expected: creating a folder under it fails on every platform.</summary>
    private string NotAFolder
    {
        get
        {
            var file = Path.Combine(_folder, "a-file");
            File.WriteAllText(file, "");
            return Path.Combine(file, "out");
        }
    }

    private static string Mgc => SharedData.MgcBars;

    /// <summary>Verb and arguments; the option (or word) the one line must name. <c>{tmp}</c> and <c>{notAFolder}</c> are filled in.</summary>
    public static TheoryData<string, string> GoldBotCases => new()
    {
        // The daemon (the root command).
        { "--speed abc", "--speed" },
        { "--speed -1", "--speed" },
        { "--speed 0.01", "--speed" },
        { "--mode fast", "--mode" },
        { "--bogus", "--bogus" },
        { "--live", "--live" },
        { "--time-zone Mars/Olympus", "--time-zone" },
        { "--symbol FOO", "--symbol" },
        { "--bars /nonexistent/bars.csv", "--bars" },
        { "--config /nonexistent/goldbot.json", "--config" },
        { "--mode sim --bars {mgc}", "--bars" },
        { "--mode sim --speed 120", "--speed" },
        { "--mode paper --time-zone utc", "--time-zone" },
        { "--mode sim --live", "--live" },
        { "nosuchverb", "nosuchverb" },
        // history and accounts: refused before any gateway is asked.
        { "history --from 2025-12-10 --to 2025-12-01 --out {tmp}/h.csv --mode sim", "--from" },
        { "history --from 2025-12-01 --to 2025-12-01 --out {tmp}/h.csv --mode sim", "--from" },
        { "history --from 1900-01-01 --to 2025-12-01 --out {tmp}/h.csv --mode sim", "--from" },
        { "history --from notadate --to 2025-12-01 --out {tmp}/h.csv", "--from" },
        { "history --to 2025-12-01 --out {tmp}/h.csv", "--from" },
        { "history --from 2025-12-01 --to 2025-12-02 --out {tmp}/h.csv --timeframe 7q", "--timeframe" },
        { "history --from 2025-12-01 --to 2025-12-02 --out {tmp}/no/such/folder/h.csv --mode sim", "--out" },
        { "history --from 2025-12-01 --to 2025-12-02 --out {tmp} --mode sim", "--out" },
        { "accounts --mode fast", "--mode" },
        { "accounts --mode replay", "--mode" },
        // backtest
        { "backtest --folds x", "--folds" },
        { "backtest --folds -1", "--folds" },
        { "backtest --seed 1.5", "--seed" },
        { "backtest --compare --folds 0", "--folds" },
        { "backtest --from 2026-01-01 --to 2025-12-01 --out {tmp}", "--from" },
        { "backtest --from yesterday --out {tmp}", "--from" },
        { "backtest --time-zone Mars/Olympus --out {tmp}", "--time-zone" },
        { "backtest --intermarket-time-zone Mars/Olympus --intermarket {mgc} --out {tmp}", "--intermarket-time-zone" },
        { "backtest --symbol FOO --out {tmp}", "--symbol" },
        { "backtest --set foo --out {tmp}", "--set" },
        { "backtest --bars /nonexistent/bars.csv --out {tmp}", "--bars" },
        { "backtest --intermarket /nonexistent/dxy.csv --out {tmp}", "--intermarket" },
        { "backtest --folds 0 --no-report --out {notAFolder}", "--out" },
        // smc
        { "smc", "--input" },
        { "smc --input /nonexistent/bars.csv --out {tmp}", "--input" },
        { "smc --input {mgc} --swing-length 0 --out {tmp}", "--swing-length" },
        { "smc --input {mgc} --range-percent lots --out {tmp}", "--range-percent" },
        { "smc --input {mgc} --close-break maybe --out {tmp}", "--close-break" },
        { "smc --input {mgc} --sessions Atlantis --out {tmp}", "--sessions" },
        { "smc --input {mgc} --sessions London --time-zone Mars --out {tmp}", "--time-zone" },
        { "smc --input {mgc} --previous-high-low 7x --out {tmp}", "--previous-high-low" },
        // chaos
        { "chaos --runs 0", "--runs" },
        { "chaos --days x", "--days" },
        { "chaos --runs 1 --days 1000", "--days" },
        { "chaos --runs 1 --bars /nonexistent/bars.csv", "--bars" },
        { "chaos --runs 1 --days 1 --out {notAFolder}", "--out" },
        // risk
        { "risk", "show" },
        { "risk show", "--account" },
        { "risk show --account abc", "--account" },
        { "risk show --account -1", "--account" },
        { "risk set-floor --account 5 --floor lots", "--floor" },
        { "risk set-floor --account 5 --floor -100", "--floor" },
        // learning and status
        { "learning --account 0", "--account" },
        { "learning --journal /nonexistent/all_trades.jsonl", "--journal" },
        { "learning --all-runs maybe", "--all-runs" },
        { "status --config /nonexistent/goldbot.json", "--config" },
        { "status --verbose", "--verbose" },
    };

    /// <summary>The simulator's own command line, through the same mechanism.</summary>
    public static TheoryData<string, string> SimulatorCases => new()
    {
        { "--port abc", "--port" },
        { "--port 0", "--port" },
        { "--port 70000", "--port" },
        { "--speed -2", "--speed" },
        { "--speed fast", "--speed" },
        { "--shape pretty", "--shape" },
        { "--proxy EURO", "--proxy" },
        { "--bars /nonexistent/bars.csv --port {port}", "--bars" },
        { "--config /nonexistent/sim.json", "--config" },
        { "--config {notJson}", "--config" },
        { "--bogus", "--bogus" },
    };

    [Theory]
    [MemberData(nameof(GoldBotCases))]
    public async Task Every_bad_input_of_goldbot_is_one_line_naming_the_option_and_exit_code_2(string arguments, string names) =>
        AssertOneLine(await RunAsync("goldbot.dll", Fill(arguments)), names);

    [Theory]
    [MemberData(nameof(SimulatorCases))]
    public async Task Every_bad_input_of_goldbot_sim_is_one_line_naming_the_option_and_exit_code_2(string arguments, string names) =>
        AssertOneLine(await RunAsync("goldbot-sim.dll", Fill(arguments)), names);

    [Fact]
    public async Task A_port_already_in_use_is_one_line_not_a_stack_trace()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        AssertOneLine(await RunAsync("goldbot-sim.dll", ["--port", port]), "--port");
    }

    [Fact]
    public async Task Every_verb_that_help_lists_refuses_an_unknown_option_in_one_line()
    {
        var help = await RunAsync("goldbot.dll", ["--help"]);
        Assert.Equal(0, help.Exit);
        var verbs = help.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Where(l => l.Length > 2 && l[2] != ' ') // a verb's line, not a wrapped description
            .Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Contains("backtest", verbs); // the list was read

        foreach (var verb in verbs)
            AssertOneLine(await RunAsync("goldbot.dll", [verb, "--no-such-option"]), "--no-such-option", verb);
    }

    private static void AssertOneLine((int Exit, string Stdout, string Stderr) run, string names, string? context = null)
    {
        var what = $"{context} exit {run.Exit}; stderr: {run.Stderr}; stdout: {run.Stdout}";
        Assert.True(run.Exit == 2, what);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, what);
        Assert.Contains("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(names, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", run.Stdout, StringComparison.Ordinal); // no help dump
    }

    private string[] Fill(string arguments)
    {
        var notJson = Path.Combine(_folder, "not.json");
        File.WriteAllText(notJson, "Mode = Replay");
        return [.. arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a
            .Replace("{tmp}", _folder, StringComparison.Ordinal)
            .Replace("{mgc}", Mgc, StringComparison.Ordinal)
            .Replace("{notJson}", notJson, StringComparison.Ordinal)
            .Replace("{port}", FreePort(), StringComparison.Ordinal)
            .Replace("{notAFolder}", a.Contains("{notAFolder}", StringComparison.Ordinal) ? NotAFolder : "", StringComparison.Ordinal))];
    }

    private static string FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <c>dotnet <paramref name="dll"/> <paramref name="arguments"/></c> from the repository root, its folders in the test's.</summary>
    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string dll, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = SharedData.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["GOLDBOT__Monitoring__LogDirectory"] = Path.Combine(_folder, "logs");
        start.Environment["GOLDBOT__Controls__Directory"] = _folder;
        start.Environment["GOLDBOT__State__Directory"] = Path.Combine(_folder, "state");
        start.Environment["GOLDBOT__TopstepX__SimulatorUrl"] = "http://127.0.0.1:9"; // closed: nothing may reach a gateway
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{dll} {string.Join(' ', arguments)} still running after {Patience.TotalMinutes} min (a bad input must be refused, not run)");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
