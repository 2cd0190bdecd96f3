using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GoldBot.MarketData;
using GoldBot.Smc.Reference;

namespace GoldBot.Benchmarks;

/// <summary>
/// The reference mode against the Python library it ports, in the same run (issue 12, "Performance"): the five calls of
/// <see cref="ReferenceModeBenchmarks.AllFiveFunctions"/> (swing_highs_lows(df, 5), bos_choch, ob, fvg, liquidity) on the
/// EURUSD fixture, in interleaved rounds so both sides see the same machine load: a Python subprocess running
/// <c>python/smc_timing.py</c> (which times its own calls, import and CSV load excluded), then the C# calls in this
/// process, warm. Prints per call and in total the best and median of both sides and the ratio of the medians. Before
/// timing, both sides' results are checked byte for byte against the golden files. Run with
/// <c>dotnet run -c Release --project tests/GoldBot.Benchmarks -- smc-vs-python --smc-lib PATH</c>, where PATH is a
/// checkout of github.com/joshyattridge/smart-money-concepts (never copied into this repository); the Python needs
/// pandas and numpy (Debian: <c>apt-get install python3-pandas python3-numpy</c>, whose /usr/bin/python3 is the default).
/// </summary>
internal static class SmcVersusPython
{
    private static readonly string[] Calls = ["swing_highs_lows", "bos_choch", "ob", "fvg", "liquidity"];

    /// <summary>What to run: the library checkout, the Python interpreter, rounds, Python repetitions and C# iterations per round.</summary>
    public sealed record Options(string LibraryPath, string Python, int Rounds = 5, int PythonRepetitions = 3, int CSharpIterations = 300);

    /// <summary>
    /// Parses <c>--smc-lib PATH [--python EXE] [--rounds N]</c> (PATH also from $SMC_LIB); null and a one-line message
    /// when an option is unknown or lacks its value.
    /// </summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var library = Environment.GetEnvironmentVariable("SMC_LIB");
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var rounds = 5;
        for (var k = 0; k < args.Count; k += 2)
        {
            if (k + 1 >= args.Count)
            {
                error = $"{args[k]} needs a value";
                return null;
            }
            var value = args[k + 1];
            switch (args[k])
            {
                case "--smc-lib":
                    library = value;
                    break;
                case "--python":
                    python = value;
                    break;
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0:
                    rounds = n;
                    break;
                default:
                    error = $"unknown option or bad value: {args[k]} {value} (expected --smc-lib PATH [--python EXE] [--rounds N])";
                    return null;
            }
        }
        if (string.IsNullOrEmpty(library))
        {
            error = "--smc-lib PATH (a smart-money-concepts checkout) is required, or set SMC_LIB";
            return null;
        }
        return new Options(library, python, rounds);
    }

    /// <summary>Runs the comparison and prints it; returns 0, or 1 with a one-line message when Python or the library is missing.</summary>
    public static async Task<int> RunAsync(Options options, TextWriter output)
    {
        if (!File.Exists(Path.Combine(options.LibraryPath, "smartmoneyconcepts", "smc.py")))
            return Fail($"no smartmoneyconcepts library at {options.LibraryPath} (expected smartmoneyconcepts/smc.py there)");
        var input = BenchmarkData.Shared("fixtures/smc/EURUSD_15M.csv");
        var goldenFolder = Path.GetDirectoryName(input)!;
        var series = SmcSeries.FromBars(BarCsvReader.Read(input).Bars);

        // C#: the same results as the library's golden files, then warm (500 iterations, so tiered JIT has settled).
        var failure = VerifyCSharp(series, goldenFolder);
        if (failure is not null)
            return Fail(failure);
        var csharp = Calls.ToDictionary(c => c, _ => new List<double>());
        var csharpTotals = new List<double>();
        var csharpRoundMeans = new List<double>();
        RunCSharp(series, 500, csharp, csharpTotals, csharpRoundMeans);
        foreach (var list in csharp.Values)
            list.Clear();
        csharpTotals.Clear();
        csharpRoundMeans.Clear();

        var python = Calls.ToDictionary(c => c, _ => new List<double>());
        var pythonTotals = new List<double>();
        PythonReport? versions = null;
        var loadBefore = LoadAverage();
        for (var round = 0; round < options.Rounds; round++)
        {
            // Python first (verifying its results against the golden files in the first round), then C#.
            var (report, error) = await RunPythonAsync(options, input, round == 0 ? goldenFolder : null);
            if (report is null)
                return Fail(error!);
            versions ??= report;
            for (var r = 0; r < report.Seconds[Calls[0]].Length; r++)
            {
                var total = 0.0;
                foreach (var call in Calls)
                {
                    python[call].Add(report.Seconds[call][r]);
                    total += report.Seconds[call][r];
                }
                pythonTotals.Add(total);
            }
            RunCSharp(series, options.CSharpIterations, csharp, csharpTotals, csharpRoundMeans);
            await output.WriteLineAsync(Invariant(
                $"round {round + 1}/{options.Rounds}: Python {Median(pythonTotals[^report.Seconds[Calls[0]].Length..]) * 1e3:0} ms, C# {Median(csharpTotals[^options.CSharpIterations..]) * 1e3:0.000} ms (median of the round)"));
        }
        var loadAfter = LoadAverage();

        await output.WriteLineAsync(Invariant(
            $"Python {versions!.Python}, pandas {versions.Pandas}, numpy {versions.Numpy}, smartmoneyconcepts {versions.Library} ({options.LibraryPath}); .NET {Environment.Version}"));
        await output.WriteLineAsync($"load average before: {loadBefore}; after: {loadAfter}");
        await output.WriteLineAsync(Invariant(
            $"{options.Rounds} interleaved rounds; Python {pythonTotals.Count} repetitions, C# {csharpTotals.Count} iterations; both sides' results equal the golden files"));
        await output.WriteLineAsync("call               Python best   Python median   C# best    C# median   ratio of medians");
        foreach (var call in Calls)
            await output.WriteLineAsync(Row(call, python[call], csharp[call]));
        await output.WriteLineAsync(Row("all five", pythonTotals, csharpTotals));
        await output.WriteLineAsync(Invariant(
            $"C# round wall time per iteration (every GC pause and wait for a core included; median over rounds): {Median(csharpRoundMeans) * 1e3:0.000} ms, ratio {Median(pythonTotals) / Median(csharpRoundMeans):0}x"));
        return 0;
    }

    private static string Row(string name, List<double> python, List<double> csharp) => Invariant(
        $"{name,-18} {python.Min() * 1e3,8:0.0} ms {Median(python) * 1e3,10:0.0} ms {csharp.Min() * 1e3,8:0.000} ms {Median(csharp) * 1e3,8:0.000} ms {Median(python) / Median(csharp),10:0}x");

    // One round of the five calls, each timed; the round's wall time over its iterations gives the mean with GC pauses.
    private static void RunCSharp(SmcSeries series, int iterations, Dictionary<string, List<double>> seconds, List<double> totals, List<double> roundMeans)
    {
        var marks = new long[Calls.Length + 1];
        var roundStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            marks[0] = Stopwatch.GetTimestamp();
            var swings = SwingHighsLows.Compute(series, 5);
            marks[1] = Stopwatch.GetTimestamp();
            BosChoch.Compute(series, swings);
            marks[2] = Stopwatch.GetTimestamp();
            OrderBlocks.Compute(series, swings);
            marks[3] = Stopwatch.GetTimestamp();
            FairValueGaps.Compute(series);
            marks[4] = Stopwatch.GetTimestamp();
            Liquidity.Compute(series, swings);
            marks[5] = Stopwatch.GetTimestamp();
            for (var k = 0; k < Calls.Length; k++)
                seconds[Calls[k]].Add(Stopwatch.GetElapsedTime(marks[k], marks[k + 1]).TotalSeconds);
            totals.Add(Stopwatch.GetElapsedTime(marks[0], marks[^1]).TotalSeconds);
        }
        roundMeans.Add(Stopwatch.GetElapsedTime(roundStart).TotalSeconds / iterations);
    }

    private static string? VerifyCSharp(SmcSeries series, string goldenFolder)
    {
        var swings = SwingHighsLows.Compute(series, 5);
        (string File, ISmcFrame Frame)[] results =
        [
            ("swing_highs_lows_result_data.csv", swings), ("bos_choch_result_data.csv", BosChoch.Compute(series, swings)),
            ("ob_result_data.csv", OrderBlocks.Compute(series, swings)), ("fvg_result_data.csv", FairValueGaps.Compute(series)),
            ("liquidity_result_data.csv", Liquidity.Compute(series, swings)),
        ];
        foreach (var (file, frame) in results)
        {
            if (SmcCsvWriter.ToCsv(frame) != File.ReadAllText(Path.Combine(goldenFolder, file)))
                return $"the C# result differs from {file}";
        }
        return null;
    }

    private static async Task<(PythonReport? Report, string? Error)> RunPythonAsync(Options options, string input, string? verifyFolder)
    {
        var start = new ProcessStartInfo(options.Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BenchmarkData.Repository("tests/GoldBot.Benchmarks/python/smc_timing.py"), "--lib", options.LibraryPath,
                     "--input", input, "--repeat", options.PythonRepetitions.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        if (verifyFolder is not null)
        {
            start.ArgumentList.Add("--verify");
            start.ArgumentList.Add(verifyFolder);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            return (null, $"cannot run {options.Python}: {e.Message} (pass --python EXE)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                var last = (await stderr).Trim().Split('\n')[^1];
                return (null, $"{options.Python} smc_timing.py exited with {process.ExitCode}: {last}");
            }
            return (JsonSerializer.Deserialize<PythonReport>(await stdout, JsonOptions), null);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record PythonReport(string Python, string Pandas, string Numpy, string Library, Dictionary<string, double[]> Seconds);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Fail(string message)
    {
        Console.Error.WriteLine("smc-vs-python: " + message);
        return 1;
    }
}
