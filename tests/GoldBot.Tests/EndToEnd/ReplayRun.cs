using System.Runtime.CompilerServices;
using System.Text.Json;
using GoldBot.Hosting;
using GoldBot.Market;
using GoldBot.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Tests.EndToEnd;

/// <summary>One run of the real daemon (DaemonRunner → generic host → all hosted services) in a temp folder, and its outputs.</summary>
internal sealed class ReplayRun : IDisposable
{
    private ReplayRun(string root) => Root = root;

    public string Root { get; }

    public string Logs => Path.Combine(Root, "logs");

    public string Controls => Path.Combine(Root, "controls");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public string Error { get; private set; } = "";

    /// <summary>Runs with the repository's config/appsettings.json, logs and control files in a fresh temp folder.</summary>
    /// <param name="options">The command-line options beyond <c>--bars</c> (e.g. <c>--time-zone</c>), applied to the arguments.</param>
    public static async Task<ReplayRun> StartAsync(string? bars = null, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null,
        Func<RunArguments, RunArguments>? options = null)
    {
        var run = new ReplayRun(Directory.CreateTempSubdirectory("goldbot-e2e-").FullName);
        Directory.CreateDirectory(run.Controls);
        var settings = new Dictionary<string, string?>
        {
            ["Monitoring:LogDirectory"] = run.Logs,
            ["Monitoring:ConsoleLevel"] = "Warning",
            ["Controls:Directory"] = run.Controls,
        };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>())
            settings[k] = v;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var arguments = new RunArguments(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"), bars ?? SharedData.MgcBars, null, settings);
        run.ExitCode = await DaemonRunner.RunAsync(options?.Invoke(arguments) ?? arguments, output, error, CancellationToken.None, configure);
        run.Output = output.ToString();
        run.Error = error.ToString();
        return run;
    }

    public JsonElement Status => JsonDocument.Parse(File.ReadAllText(Path.Combine(Logs, "status.json"))).RootElement;

    public JsonElement TradesToday => JsonDocument.Parse(File.ReadAllText(Path.Combine(Logs, "trades_today.json"))).RootElement;

    public IReadOnlyList<JsonElement> Journal =>
        File.Exists(Path.Combine(Logs, "all_trades.jsonl"))
            ? [.. File.ReadAllLines(Path.Combine(Logs, "all_trades.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)]
            : [];

    public IReadOnlyList<string> SignalLines => File.ReadAllLines(Path.Combine(Logs, "signals.log"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A log file still held by a finalising sink; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>
    /// A service change that wraps the real replay source so that <paramref name="beforeBar"/> runs
    /// before each bar is handed to the feed (with the bar's 0-based number): an operator dropping
    /// a file, or a failure, at a chosen point of the real replay.
    /// </summary>
    public static Action<IServiceCollection> BeforeEachBar(Func<IServiceProvider, Func<int, Task>> beforeBar) => services =>
    {
        var original = services.Single(d => d.ServiceType == typeof(IMarketDataSource));
        services.Remove(original);
        services.AddSingleton<IMarketDataSource>(sp => new InterceptedSource((IMarketDataSource)original.ImplementationInstance!, beforeBar(sp)));
    };

    private sealed class InterceptedSource(IMarketDataSource inner, Func<int, Task> beforeBar) : IMarketDataSource
    {
        public TimeSpan Period => inner.Period;

        public bool IsReplay => inner.IsReplay;

        public string Description => inner.Description;

        public async IAsyncEnumerable<Bar> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var n = 0;
            await foreach (var bar in inner.ReadAsync(cancellationToken))
            {
                await beforeBar(n++);
                yield return bar;
            }
        }
    }
}
