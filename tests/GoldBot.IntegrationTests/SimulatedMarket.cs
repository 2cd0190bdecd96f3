using System.Net.Http.Json;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The gateway simulator on 127.0.0.1 (a free port) in step mode, replaying the real MGC 3-minute
/// bars from a chosen bar: the bars before it are history. Tests move the market one price point
/// at a time (four per bar: open, nearer extreme, farther extreme, close) and inject faults through
/// the admin endpoints, as a user would.
/// </summary>
internal sealed class SimulatedMarket : IAsyncDisposable
{
    private static readonly Lazy<BarFile> Mgc = new(() => BarCsvReader.Read(SharedData.MgcBars));
    private readonly GatewaySimulatorHandle _handle;
    private readonly HttpClient _admin;

    private SimulatedMarket(GatewaySimulatorHandle handle)
    {
        _handle = handle;
        _admin = new HttpClient { BaseAddress = handle.BaseUrl };
    }

    /// <summary>The simulator's address.</summary>
    public Uri BaseUrl => _handle.BaseUrl;

    /// <summary>The simulator, for reading its state.</summary>
    public SimulatedGateway Gateway => _handle.Gateway;

    /// <summary>The simulated account.</summary>
    public const int AccountId = 1001;

    /// <summary>The MGC bars replayed.</summary>
    public static IReadOnlyList<GoldBot.Market.Bar> Bars => Mgc.Value.Bars;

    /// <summary>Starts the simulator with the market at the bar opening at <paramref name="start"/> (UTC).</summary>
    /// <param name="configure">Changes to the simulator's options (rate limits, …).</param>
    public static async Task<SimulatedMarket> StartAsync(DateTimeOffset start, Action<GatewaySimulatorOptions>? configure = null)
    {
        var index = Bars.ToList().FindIndex(b => b.OpenTime == start);
        Assert.True(index > 0, $"no bar opens at {start:O} in the MGC file");
        var options = new GatewaySimulatorOptions { BarsFile = SharedData.MgcBars, Port = 0, Speed = 0, WarmupBars = index };
        configure?.Invoke(options);
        return new SimulatedMarket(await GatewaySimulatorHost.StartAsync(options, CancellationToken.None));
    }

    /// <summary>Plays the next <paramref name="points"/> price points.</summary>
    public async Task AdvanceAsync(int points = 1)
    {
        using var response = await _admin.PostAsync(new Uri($"admin/advance?points={points}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Injects faults (POST /admin/faults).</summary>
    public async Task FaultAsync(FaultRequest faults)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri("admin/faults", UriKind.Relative), faults);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The client's options for this simulator, with <paramref name="change"/> applied.</summary>
    public TopstepX.TopstepXOptions ClientOptions(Func<TopstepX.TopstepXOptions, TopstepX.TopstepXOptions>? change = null)
    {
        var root = BaseUrl.ToString().TrimEnd('/');
        var options = new TopstepX.TopstepXOptions
        {
            ApiBaseUrl = new Uri(root), MarketHubUrl = new Uri(root + "/hubs/market"), UserHubUrl = new Uri(root + "/hubs/user"),
            UserName = "goldbot", ApiKey = "sim-api-key",
        };
        return change is null ? options : change(options);
    }

    /// <summary>Requests the simulator's rate limiters refused (injected 429s not counted).</summary>
    public async Task<long> RateLimitRejectionsAsync()
    {
        using var state = System.Text.Json.JsonDocument.Parse(await _admin.GetStringAsync(new Uri("admin/state", UriKind.Relative)));
        return state.RootElement.GetProperty("rateLimitRejections").GetInt64();
    }

    /// <summary>Market time of the simulator (UTC).</summary>
    public Task<DateTimeOffset> MarketTimeAsync() => Gateway.ReadAsync(g => g.Clock.GetUtcNow(), CancellationToken.None);

    /// <summary>The account's signed position in the MGC contract, its working orders, its balance (USD) and its trades.</summary>
    public Task<AccountState> AccountAsync() => Gateway.ReadAsync(g => new AccountState(
        g.Engine.Positions.Where(p => p.AccountId == AccountId && p.Size > 0).Sum(p => p.SignedSize),
        [.. g.Engine.Orders.Where(o => o.AccountId == AccountId && o.IsWorking)],
        g.Engine.Account(AccountId)!.Balance,
        [.. g.Engine.Trades.Where(t => t.AccountId == AccountId)],
        [.. g.Engine.Orders.Where(o => o.AccountId == AccountId)]), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _handle.DisposeAsync();
    }
}
