using System.CommandLine;
using System.Globalization;
using GoldBot.Backtesting;
using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Output;
using GoldBot.Backtesting.Report;
using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.WalkForward;
using GoldBot.Configuration;
using GoldBot.Market;
using GoldBot.MarketData;
using Spectre.Console;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot backtest [--bars FILE] [--config FILE] [--symbol S] [--time-zone Z] [--folds N] [--anchored]
/// [--seed N] [--out DIR] [--no-report] [--no-cache] [--set Key=Value]…</c>: runs <see cref="BacktestRun"/> (the strategy on
/// the full sample with the Combine and its Monte Carlo, the walk-forward test, the baselines) and writes
/// <c>&lt;out&gt;/&lt;yyyyMMdd-HHmmss&gt;-&lt;file stem&gt;/</c> with report.html, trades.csv, stats.json and
/// walk_forward_trades.csv, then prints a short summary. A progress bar (Spectre.Console) shows while it
/// runs on a terminal; redirected output gets plain lines. Exit codes: 0 done; 2 a missing or bad bars
/// file, a bad option or a bad configuration (one line on stderr); 1 the outputs cannot be written.
/// </summary>
internal static class BacktestCommand
{
    /// <summary>File name of the HTML report.</summary>
    public const string ReportHtml = "report.html";

    /// <summary>File name of the stitched out-of-sample trades of the walk-forward test.</summary>
    public const string WalkForwardTradesCsv = "walk_forward_trades.csv";

    private const int BadInput = 2;
    private const int Failed = 1;

    /// <summary>What the command line asked for.</summary>
    /// <param name="BarsFile">Bars CSV, or null for Replay:BarsFile.</param>
    /// <param name="ConfigFile">Configuration file, or null for the default.</param>
    /// <param name="Symbol">Instrument symbol (a configured contract, MGC/GC/MES/ES or XAUUSD), or null: XAUUSD for a file named xauusd*, else Instrument:Symbol.</param>
    /// <param name="TimeZone">Clock of offset-less stamps: utc, new-york-close or an IANA id; null: new-york-close for a file named *servertime*, else UTC.</param>
    /// <param name="Folds">Walk-forward folds; 0 skips the walk-forward test.</param>
    /// <param name="Anchored">Anchored instead of rolling walk-forward folds.</param>
    /// <param name="Seed">Seed of the random baseline, the bootstrap and the Monte Carlo.</param>
    /// <param name="OutputRoot">Folder under which the run's folder is created.</param>
    /// <param name="NoReport">Skip report.html.</param>
    /// <param name="Sets">Configuration overrides <c>Key=Value</c> (e.g. <c>Strategy:MinScore=8</c>), applied last.</param>
    /// <param name="Compare">Instead of one backtest, <see cref="SetupComparison"/>: every variant through the walk-forward, one table.</param>
    /// <param name="Intermarket">Options of the dollar proxy's bars file for the dollar filter (<see cref="IntermarketOptions"/>), or null.</param>
    /// <param name="BarsCache">Folder of the validated-bars cache for the bars file (<see cref="BarFileCache"/>), or null to read the CSV every time.</param>
    public sealed record Arguments(string? BarsFile, string? ConfigFile, string? Symbol, string? TimeZone, int Folds, bool Anchored, int Seed,
        string OutputRoot, bool NoReport, IReadOnlyList<string> Sets, bool Compare = false, IntermarketOptions? Intermarket = null, string? BarsCache = null);

    /// <summary>Builds the <c>backtest</c> verb (System.CommandLine 2.0).</summary>
    /// <param name="barsCache">Folder of the validated-bars cache unless <c>--no-cache</c> is given (the program passes
    /// <see cref="BarFileCache.DefaultFolder"/>); null: no cache.</param>
    public static Command Create(TimeProvider? time = null, string? barsCache = null)
    {
        var bars = new Option<string?>("--bars") { HelpName = "FILE", Description = "Bars CSV or CSV.GZ (default: Replay:BarsFile, the MGC 3-minute file in ../shared/data)." };
        var config = new Option<string?>("--config") { HelpName = "FILE", Description = "Configuration file (default: config/appsettings.json)." };
        var symbol = new Option<string?>("--symbol")
        {
            HelpName = "SYMBOL",
            Description = "Contract traded: a configured one (MGC, GC, MES, ES) or XAUUSD (spot gold as an MGC-sized contract: tick 0.01 = USD 0.10, "
                + "tick distances of the configuration ×10). Default: XAUUSD for a file named xauusd*, else Instrument:Symbol.",
        };
        var timeZone = new Option<string?>("--time-zone")
        {
            HelpName = "ZONE",
            Description = "Clock of stamps without a UTC offset: utc, new-york-close (MetaTrader 5 broker server time, UTC+2/+3 on the US DST calendar) "
                + "or an IANA id. Default: new-york-close for a file named *servertime*, else utc.",
        };
        var folds = new Option<int>("--folds") { HelpName = "N", Description = "Walk-forward folds (the data is cut into folds + 1 equal segments); 0 skips the walk-forward test.", DefaultValueFactory = _ => 4 };
        var anchored = new Option<bool>("--anchored") { Description = "Anchored walk-forward: each fold tunes on all earlier data (default rolling: the previous segment)." };
        var seed = new Option<int>("--seed") { HelpName = "N", Description = "Seed of the random-entry baseline, the bootstrap intervals and the Monte Carlo.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Folder for the run folders (<out>/<yyyyMMdd-HHmmss>-<file stem>/).", DefaultValueFactory = _ => "backtests" };
        var noReport = new Option<bool>("--no-report") { Description = "Write trades.csv and stats.json only, no report.html." };
        var sets = new Option<string[]>("--set")
        {
            HelpName = "KEY=VALUE",
            Description = "Configuration override Key=Value, repeatable (e.g. --set Strategy:MinScore=8 --set Strategy:EntryTimeFrame=1h). "
                + "Without it the entry/trend time frames are fitted to bars longer than the entry frame (1h bars: 1h/4h).",
            DefaultValueFactory = _ => [],
        };
        var compare = new Option<bool>("--compare")
        {
            Description = "Compare instead: each tradeable pattern alone and all together, through the same walk-forward on the same bars, "
                + "in one table of out-of-sample figures (trades, win rate, expectancy in R and USD with 95 % CIs, profit factor, max drawdown, "
                + "Combine pass probability) beside buy and hold, the EMA crossover and matched random entries over the same bars. Writes comparison.csv.",
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Read and validate the bars CSV again instead of loading the validated copy kept from an earlier run with the same file and "
                + $"options (a binary cache in {barsCache ?? "the cache folder"}, checked against the file's whole content and the reader's build; not written either).",
        };
        var intermarket = IntermarketOptions.CreateOptions();
        var command = new Command("backtest",
            "Backtest the configured strategy on a bars file: full-sample statistics after costs, walk-forward out-of-sample statistics with bootstrap "
            + "confidence intervals, buy-and-hold / EMA crossover / random-entry baselines, the Topstep Combine and its Monte Carlo pass probability, "
            + "exits that bar data cannot order. Writes report.html, trades.csv and stats.json.")
        {
            bars, config, symbol, timeZone, folds, anchored, seed, output, noReport, sets, compare, noCache,
        };
        foreach (var option in intermarket.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var arguments = new Arguments(parse.GetValue(bars), parse.GetValue(config), parse.GetValue(symbol), parse.GetValue(timeZone),
                parse.GetValue(folds), parse.GetValue(anchored), parse.GetValue(seed), parse.GetValue(output) ?? "backtests", parse.GetValue(noReport),
                parse.GetValue(sets) ?? [], parse.GetValue(compare), intermarket.Parse(parse), parse.GetValue(noCache) ? null : barsCache);
            var invocation = parse.InvocationConfiguration;
            var interactive = ReferenceEquals(invocation.Output, Console.Out) && !Console.IsOutputRedirected;
            return RunAsync(arguments, invocation.Output, invocation.Error, interactive, time ?? TimeProvider.System, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs a backtest and returns the exit code.</summary>
    /// <param name="interactive">Show a Spectre.Console progress bar (a terminal); false: plain lines on <paramref name="output"/>.</param>
    /// <param name="time">Names the run folder and measures the wall time.</param>
    public static async Task<int> RunAsync(Arguments arguments, TextWriter output, TextWriter error, bool interactive, TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();

        Prepared prepared;
        try
        {
            prepared = await PrepareAsync(arguments);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return BadInput;
        }
        foreach (var note in prepared.Notes)
            await output.WriteLineAsync(note);
        // A folder that cannot be written is bad input, found before the run rather than after it.
        try
        {
            Directory.CreateDirectory(arguments.OutputRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: --out {arguments.OutputRoot}: cannot create the folder ({e.Message})");
            return BadInput;
        }
        if (arguments.Compare)
            return await CompareAsync(prepared, arguments, output, error, time, cancellationToken);

        var options = new BacktestRunOptions
        {
            Description = Path.GetFileName(prepared.File.Path),
            WalkForward = arguments.Folds > 0 ? new WalkForwardOptions { Folds = arguments.Folds, Anchored = arguments.Anchored } : null,
            Seed = arguments.Seed,
        };
        BacktestRunResult run;
        try
        {
            run = interactive
                ? await RunWithProgressBarAsync(prepared, options, cancellationToken)
                : await BacktestRun.ExecuteAsync(prepared.File, prepared.Settings, options with { Progress = new PlainProgress(output) }, cancellationToken);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: cannot backtest {prepared.File.Path}: {e.Message}");
            return BadInput;
        }

        string folder;
        try
        {
            folder = await WriteAsync(run, prepared, arguments, time);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write the backtest outputs under {Path.GetFullPath(arguments.OutputRoot)}: {e.Message}");
            return Failed;
        }

        foreach (var line in Summary(run, prepared, arguments, folder, time.GetElapsedTime(started)))
            await output.WriteLineAsync(line);
        return 0;
    }

    /// <summary>A problem with the command line, the configuration or the bars file: one line, exit code 2.</summary>
    private static async Task<int> CompareAsync(Prepared prepared, Arguments arguments, TextWriter output, TextWriter error, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (arguments.Folds == 0)
        {
            await error.WriteLineAsync("error: --compare needs the walk-forward test: --folds must be ≥ 1");
            return BadInput;
        }
        ComparisonResult result;
        try
        {
            var variants = prepared.Settings.Intermarket is null ? ComparisonVariant.Standard : [.. ComparisonVariant.Standard, .. DollarFilterVariants.All];
            result = await SetupComparison.RunAsync(prepared.File.Bars, prepared.File.Period, prepared.Settings, variants,
                new WalkForwardOptions { Folds = arguments.Folds, Anchored = arguments.Anchored }, arguments.Seed, cancellationToken);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: cannot backtest {prepared.File.Path}: {e.Message}");
            return BadInput;
        }
        var table = ComparisonTable.Lines(result);
        string path;
        try
        {
            Directory.CreateDirectory(arguments.OutputRoot);
            path = Path.Combine(arguments.OutputRoot, $"{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-comparison.csv");
            GoldBot.Backtesting.Output.ComparisonCsvWriter.Write(result.Rows, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write the comparison under {Path.GetFullPath(arguments.OutputRoot)}: {e.Message}");
            return Failed;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"comparison {Path.GetFileName(prepared.File.Path)}: out of sample from {result.OutOfSampleStart.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {result.OutOfSampleBars:N0} bars, "
            + $"{arguments.Folds} {(arguments.Anchored ? "anchored" : "rolling")} folds, costs and fills as configured"));
        foreach (var line in table)
            await output.WriteLineAsync(line);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"output: {Path.GetFullPath(path)}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wall time: {result.Wall.TotalSeconds:0.0} s ({Environment.ProcessorCount} cores)"));
        return 0;
    }

    private sealed class InputException(string message) : Exception(message);

    /// <summary>Settings and bars ready to run, with the notes on what was chosen automatically.</summary>
    private sealed record Prepared(BacktestSettings Settings, BarFile File, IReadOnlyList<string> Notes);

    private static async Task<Prepared> PrepareAsync(Arguments arguments)
    {
        var notes = new List<string>();
        var sets = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in arguments.Sets)
        {
            var eq = set.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new InputException($"--set '{set}' is not Key=Value (e.g. --set Strategy:MinScore=8)");
            sets[set[..eq].Trim()] = set[(eq + 1)..].Trim();
        }
        if (arguments.Folds < 0)
            throw new InputException($"--folds must be ≥ 0, not {arguments.Folds}");

        // The file named by --bars is read while the configuration loads (a quarter of a second of start-up), with the options of a
        // configuration that leaves Replay:BadBarPolicy and Replay:TimeZone at their defaults; it is used only if the configuration
        // asks for the same file and options, else the file is read again below.
        BarsRead? early = null;
        if (arguments.BarsFile is { } barsFile && TryTimeZoneOf(arguments.TimeZone, barsFile, out var earlyZone))
        {
            early = new BarsRead(Path.GetFullPath(barsFile), BadBarPolicy.Skip, earlyZone);
            early.Start(arguments.BarsCache);
        }

        // Symbol: explicit, else XAUUSD for a file named so, else the configuration's.
        var symbol = arguments.Symbol;
        var fileName = arguments.BarsFile is null ? null : Path.GetFileName(arguments.BarsFile);
        if (symbol is null && fileName is not null && fileName.StartsWith("xauusd", StringComparison.OrdinalIgnoreCase))
        {
            symbol = "XAUUSD";
            notes.Add("symbol: XAUUSD (from the file name; --symbol overrides)");
        }

        var overrides = new Dictionary<string, string?>(sets, StringComparer.OrdinalIgnoreCase);
        if (arguments.BarsFile is not null)
            overrides["Replay:BarsFile"] = arguments.BarsFile;
        if (symbol is not null)
            overrides["Instrument:Symbol"] = symbol;
        GoldBotSettings settings;
        ContractSpec contract;
        var spot = false;
        try
        {
            settings = SettingsLoader.Load(arguments.ConfigFile, overrides);
            contract = settings.Contract();
        }
        catch (SettingsException) when (symbol is not null && SpotContracts.BuiltIn.ContainsKey(symbol))
        {
            // A spot symbol the configuration does not define: the rest of the configuration, the built-in spot contract.
            overrides.Remove("Instrument:Symbol");
            settings = Load(arguments.ConfigFile, overrides);
            contract = SpotContracts.BuiltIn[symbol];
            spot = true;
        }
        catch (SettingsException e)
        {
            var named = symbol is not null && e.Message.StartsWith("Instrument:Symbol", StringComparison.Ordinal) && !e.Message.Contains(Environment.NewLine, StringComparison.Ordinal);
            throw new InputException((named ? $"--symbol {symbol}: " : "bad configuration: ") + string.Join("; ", e.Message.Split(Environment.NewLine)));
        }

        var path = settings.Replay.BarsFile;
        var zone = TimeZoneOf(arguments.TimeZone ?? settings.Replay.TimeZone, path);
        if (string.IsNullOrWhiteSpace(arguments.TimeZone ?? settings.Replay.TimeZone) && zone == BarTimeZone.NewYorkClose)
            notes.Add("time zone: new-york-close (broker server time, from the file name; --time-zone overrides)");
        BarFile file;
        try
        {
            var wanted = new BarsRead(Path.GetFullPath(path), settings.Replay.BadBarPolicy, zone);
            if (early?.Matches(wanted) != true)
            {
                wanted.Start(arguments.BarsCache);
                early = wanted;
            }
            (file, var outcome) = await early.Result!;
            if (outcome is not null)
                notes.Add($"bars cache: {outcome} (--no-cache reads the CSV)");
        }
        catch (BarFileException e)
        {
            throw new InputException($"{e.Message}. Pass --bars FILE or set Replay:BarsFile; the default is the MGC file in ../shared/data, "
                + "which a clone without ../shared does not have");
        }
        if (file.TooManyBadRows(settings.Replay.MaxSkippedRowsPercent) is { } refused)
            throw new InputException(refused);
        if (file.Problems.Count > 0)
            notes.Add($"warning: {file.SkippedSummary()}");
        IntermarketBars? proxy = null;
        if (arguments.Intermarket is { } intermarket)
        {
            try
            {
                (file, proxy) = intermarket.Apply(file, settings, intermarket.File is null ? null : TimeZoneOf(intermarket.TimeZone, intermarket.File, "--intermarket-time-zone"), notes);
            }
            catch (ArgumentException e)
            {
                throw new InputException(e.Message);
            }
        }

        var backtest = new BacktestSettings { Strategy = settings.Strategy, Risk = settings.Risk, Learning = settings.Learning, Fills = settings.Execution, Contract = contract, Intermarket = proxy };
        if (spot)
        {
            var factor = TickScaling.Factor(SpotContracts.ReferenceTickSize, contract.TickSize);
            if (factor > 1)
            {
                backtest = TickScaling.Apply(backtest, factor, sets.ContainsKey);
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"contract: {contract.Symbol} tick {contract.TickSize} = USD {contract.TickValue} (MGC-sized); tick distances of the configuration ×{factor} (stops, SMC thresholds, slippage) unless set with --set"));
            }
        }
        try
        {
            var (fitted, changed) = TimeFrameFit.Fit(backtest, file.Period, sets.ContainsKey("Strategy:EntryTimeFrame"), sets.ContainsKey("Strategy:TrendTimeFrame"));
            if (changed)
                notes.Add($"time frames: entry {fitted.Strategy.EntryTimeFrame}, trend {fitted.Strategy.TrendTimeFrame} (fitted to {FormatPeriod(file.Period)} bars; --set Strategy:EntryTimeFrame=… overrides)");
            backtest = fitted;
            foreach (var (key, frame) in new[] { ("Strategy:EntryTimeFrame", backtest.Strategy.EntryTimeFrame), ("Strategy:TrendTimeFrame", backtest.Strategy.TrendTimeFrame) })
            {
                var period = TimeFrame.Parse(frame).Period;
                if (period < file.Period || period.Ticks % file.Period.Ticks != 0)
                    throw new InputException($"bad configuration: {key} {frame} is not a whole multiple of the {FormatPeriod(file.Period)} bars of {file.Path}");
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException)
        {
            throw new InputException($"cannot fit the strategy's time frames to {file.Path} ({FormatPeriod(file.Period)} bars): {e.Message}");
        }
        return new Prepared(backtest, file, notes);
    }

    /// <summary>
    /// One read of a bars file (through the cache when there is one), started on the thread pool. Its error is reported by whoever
    /// awaits it; a read left unused (the configuration asked for other options, or failed) is only observed.
    /// </summary>
    private sealed record BarsRead(string FullPath, BadBarPolicy Policy, BarTimeZone? Zone)
    {
        public Task<(BarFile File, string? Outcome)>? Result { get; private set; }

        public void Start(string? cacheFolder)
        {
            var options = new BarFileOptions { SourceTimeZone = Zone, RoundFractionalVolume = true };
            Result = Task.Run(() => cacheFolder is null
                ? (BarCsvReader.Read(FullPath, Policy, options: options), null)
                : new BarFileCache(cacheFolder).Read(FullPath, Policy, options: options));
            Result.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        /// <summary>Same file, policy and clock (a zone is known by its name: utc, new-york-close or the IANA id).</summary>
        public bool Matches(BarsRead other) => FullPath == other.FullPath && Policy == other.Policy && Zone?.Name == other.Zone?.Name;
    }

    private static bool TryTimeZoneOf(string? option, string path, out BarTimeZone? zone)
    {
        try
        {
            zone = BarTimeZone.ForFile(option, path);
            return true;
        }
        catch (ArgumentException)
        {
            zone = null;
            return false;
        }
    }

    private static GoldBotSettings Load(string? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        try
        {
            return SettingsLoader.Load(configFile, overrides);
        }
        catch (SettingsException e)
        {
            throw new InputException("bad configuration: " + string.Join("; ", e.Message.Split(Environment.NewLine)));
        }
    }

    private static BarTimeZone? TimeZoneOf(string? option, string path, string name = "--time-zone")
    {
        try
        {
            return BarTimeZone.ForFile(option, path);
        }
        catch (ArgumentException)
        {
            throw new InputException($"{name} '{option}' is not {BarTimeZone.Names}");
        }
    }

    private static async Task<BacktestRunResult> RunWithProgressBarAsync(Prepared prepared, BacktestRunOptions options, CancellationToken cancellationToken)
    {
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = BacktestRun.Stages
                    .Where(s => s != "walk_forward" || options.WalkForward is not null)
                    .ToDictionary(s => s, s => context.AddTask(s.Replace('_', ' '), autoStart: true, maxValue: 1));
                var progress = new BarProgress(tasks);
                // The run is CPU-bound and mostly synchronous: off the caller's thread so the bar keeps refreshing.
                return await Task.Run(async () => await BacktestRun.ExecuteAsync(prepared.File, prepared.Settings, options with { Progress = progress }, cancellationToken),
                    cancellationToken);
            });
    }

    /// <summary>Feeds the Spectre.Console tasks, synchronously (no SynchronizationContext hop as with <see cref="Progress{T}"/>).</summary>
    private sealed class BarProgress(IReadOnlyDictionary<string, ProgressTask> tasks) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value)
        {
            if (tasks.TryGetValue(value.Stage, out var task))
                task.Value = Math.Clamp(value.Fraction, 0, 1);
        }
    }

    /// <summary>One line per finished stage on redirected output.</summary>
    private sealed class PlainProgress(TextWriter output) : IProgress<BacktestProgress>
    {
        private readonly HashSet<string> _done = [];

        public void Report(BacktestProgress value)
        {
            if (value.Fraction >= 1 && _done.Add(value.Stage))
                output.WriteLine($"done: {value.Stage.Replace('_', ' ')}");
        }
    }

    private static async Task<string> WriteAsync(BacktestRunResult run, Prepared prepared, Arguments arguments, TimeProvider time)
    {
        var stem = Path.GetFileName(prepared.File.Path);
        foreach (var extension in new[] { ".gz", ".csv" })
        {
            if (stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                stem = stem[..^extension.Length];
        }
        var name = $"{time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{stem}";
        var folder = Path.Combine(arguments.OutputRoot, name);
        for (var n = 2; Directory.Exists(folder); n++)
            folder = Path.Combine(arguments.OutputRoot, string.Create(CultureInfo.InvariantCulture, $"{name}-{n}"));

        Directory.CreateDirectory(folder);
        var statsPath = Path.Combine(folder, BacktestOutputFiles.StatsJson);
        StatsJsonWriter.Write(run.Statistics, statsPath);
        // The trade lists and the report need only stats.json and the run: written side by side (the report's passes over the
        // bars and the equity curve on one core, the trades and their excursions on the other).
        var contract = prepared.Settings.Contract;
        var trades = Task.Run(() =>
        {
            TradesCsvWriter.Write(run.Strategy.Trades, Path.Combine(folder, BacktestOutputFiles.TradesCsv), TradeExcursions.Of(run.Bars, run.Strategy.Trades, contract));
            if (run.WalkForward is { } walkForward)
            {
                TradesCsvWriter.Write(walkForward.OutOfSample.Trades, Path.Combine(folder, WalkForwardTradesCsv),
                    TradeExcursions.Of(run.Bars, walkForward.OutOfSample.Trades, contract));
            }
        });
        var report = arguments.NoReport ? Task.CompletedTask : Task.Run(() =>
        {
            var document = BacktestReportBuilder.Build(run, File.ReadAllText(statsPath), Subtitle(run, prepared));
            HtmlReportWriter.Write(document, Path.Combine(folder, ReportHtml));
        });
        await Task.WhenAll(trades, report);
        return folder;
    }

    private static string Subtitle(BacktestRunResult run, Prepared prepared)
    {
        var r = run.Strategy.Run;
        var s = prepared.Settings;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(prepared.File.Path)}: {r.Bars:N0} bars of {FormatPeriod(r.BarPeriod)}, {r.Start.UtcDateTime:yyyy-MM-dd HH:mm} → {r.End.UtcDateTime:yyyy-MM-dd HH:mm} UTC. "
            + $"{r.Symbol} tick {s.Contract.TickSize} = USD {s.Contract.TickValue}; entry {s.Strategy.EntryTimeFrame}, trend {s.Strategy.TrendTimeFrame}, min score {s.Strategy.MinScore}; "
            + $"commission USD {s.Fills.CommissionPerSide}/side, slippage {s.Fills.MarketSlippageTicks} tick(s); starting balance USD {s.StartingBalance:N0}.");
    }

    private static IEnumerable<string> Summary(BacktestRunResult run, Prepared prepared, Arguments arguments, string folder, TimeSpan wall)
    {
        var stats = run.Statistics;
        // Fractions (win rate, pass probability) in percent, as every other summary prints them; stats.json keeps the fractions.
        string V(string section, string row) => stats.Section(section)[row] is { Unit: StatisticUnit.Fraction, Number: { } f }
            ? string.Create(CultureInfo.InvariantCulture, $"{f:P1}")
            : stats.Section(section)[row].ValueText;
        var r = run.Strategy.Run;
        var s = prepared.Settings.Strategy;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"backtest {r.Symbol} {Path.GetFileName(prepared.File.Path)}: {r.Bars:N0} bars of {FormatPeriod(r.BarPeriod)}, {r.Start.UtcDateTime:yyyy-MM-dd HH:mm} → {r.End.UtcDateTime:yyyy-MM-dd HH:mm} UTC, entry {s.EntryTimeFrame} / trend {s.TrendTimeFrame}");
        yield return $"net P&L (USD): {V("trades", "net_pnl")}";
        yield return $"trades: {V("trades", "trades")}, win rate: {V("trades", "win_rate")}, profit factor: {V("trades", "profit_factor")}, "
            + $"Sharpe: {V("returns", "sharpe")}, max drawdown at bar closes (USD): {V("returns", "max_drawdown_usd")}";
        if (TradingStop.Of(run.Strategy)?.Notice() is { } stopped)
            yield return stopped;
        if (run.OutOfSample is not null)
        {
            yield return $"out of sample ({V("out_of_sample", "folds")} {V("out_of_sample", "mode")} folds, from {V("out_of_sample", "start_utc")}): "
                + $"net P&L (USD) {V("out_of_sample", "net_pnl")}, 95 % CI [{V("out_of_sample", "net_pnl_lower")}, {V("out_of_sample", "net_pnl_upper")}], "
                + $"{V("out_of_sample", "trades")} trades, win rate {V("out_of_sample", "win_rate")}, profit factor {V("out_of_sample", "profit_factor")}";
        }
        else
        {
            yield return "out of sample: skipped (--folds 0)";
        }
        var baselines = string.Join("; ", run.Baselines.Select(b =>
            $"{b.Label} {StatisticRow.Format(stats.Breakdown("baselines").Value(b.Key, "net_pnl"))}"));
        yield return $"baselines, net P&L (USD): {baselines}; strategy beats all: {V("comparison", "beats_all_baselines")}";
        var combine = run.Combine;
        yield return $"Combine {combine.Rules.Name}: {V("combine", "outcome")}{(combine.Day is { } day ? " on " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")} ({combine.Reason})";
        yield return $"Monte Carlo: P(pass) {V("monte_carlo", "pass_probability")} (95 % CI {V("monte_carlo", "pass_probability_lower")}–{V("monte_carlo", "pass_probability_upper")}, "
            + $"{V("monte_carlo", "paths")} paths of trades resampled from this run, no time limit: the chance of passing eventually if these trades are representative)";
        yield return $"ambiguous trades: {V("ambiguity", "trades")}, net P&L (USD) {V("ambiguity", "worst_case_pnl")} as booked (stop first) to {V("ambiguity", "best_case_pnl")} (target first)";
        var files = arguments.NoReport ? "trades.csv, stats.json" : "report.html, trades.csv, stats.json";
        if (run.WalkForward is not null)
            files += ", " + WalkForwardTradesCsv;
        yield return $"output: {Path.GetFullPath(folder)} ({files})";
        yield return string.Create(CultureInfo.InvariantCulture, $"wall time: {wall.TotalSeconds:0.0} s");
    }

    private static string FormatPeriod(TimeSpan period) => period.TotalMinutes % 60 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{period.TotalHours:0} h")
        : string.Create(CultureInfo.InvariantCulture, $"{period.TotalMinutes:0.##} min");
}
