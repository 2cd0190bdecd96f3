using GoldBot.GatewaySimulator.Hosting;
using GoldBot.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Simulation;

/// <summary>How to set up an <see cref="InProcessRun"/>.</summary>
public sealed record InProcessRunOptions
{
    /// <summary>The bars the simulator replays as its market (read with the contract's tick grid).</summary>
    public required BarFile Bars { get; init; }

    /// <summary>Open time (UTC) of the bar the market starts at; the bars before it are history.</summary>
    public required DateTimeOffset MarketStart { get; init; }

    /// <summary>The daemon's configuration file, or null for the default (config/appsettings.json).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Configuration keys for the daemon on top of the file (e.g. <c>Risk:DailyLossLimit</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The daemon's folder (logs/ and control files); null for a new temporary folder.</summary>
    public string? Folder { get; init; }

    /// <summary>Changes to the simulator's options (faults from the start, rate limits, accounts…).</summary>
    public Action<GatewaySimulatorOptions>? ConfigureSimulator { get; init; }

    /// <summary>Changes to the daemon's services, applied after its own registrations (a test's probe); again at each restart.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Runs on the simulator before the daemon starts (an account that already holds a position, a market already mid-bar).</summary>
    public Func<SimulatedGateway, Task>? Prepare { get; init; }
}
