using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.Tests;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>An in-process simulator on a free port with a logged-in HttpClient.</summary>
internal sealed class TestGateway : IAsyncDisposable
{
    public const int AccountId = 1001;
    public const string Mgc = "CON.F.US.MGC.G26";

    private TestGateway(GatewaySimulatorHandle handle, GatewaySimulatorOptions options, ManualTimeProvider wall)
    {
        Handle = handle;
        Options = options;
        Wall = wall;
        Http = new HttpClient { BaseAddress = handle.BaseUrl };
    }

    public GatewaySimulatorHandle Handle { get; }
    public GatewaySimulatorOptions Options { get; }
    public ManualTimeProvider Wall { get; }
    public HttpClient Http { get; }
    public string Token { get; private set; } = "";

    public static async Task<TestGateway> StartAsync(Action<GatewaySimulatorOptions>? configure = null, bool login = true)
    {
        var wall = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var options = new GatewaySimulatorOptions { BarsFile = SharedData.MgcBars, Port = 0, WallClock = wall };
        configure?.Invoke(options);
        var gateway = new TestGateway(await GatewaySimulatorHost.StartAsync(options, CancellationToken.None), options, wall);
        if (login)
            await gateway.LoginAsync();
        return gateway;
    }

    public async Task LoginAsync()
    {
        var login = await PostAsync("api/Auth/loginKey", new { userName = "goldbot", apiKey = "sim-api-key" });
        Token = login.GetProperty("token").GetString()!;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string path, object body) => await Http.PostAsJsonAsync(path, body);

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public Task<JsonElement> AdvanceAsync(int bars) => PostAsync($"admin/advance?bars={bars}", new { });

    public Task<JsonElement> FaultAsync(object faults) => PostAsync("admin/faults", faults);

    public async Task<JsonElement> ClockAsync() => await Http.GetFromJsonAsync<JsonElement>("admin/clock");

    public async Task<DateTimeOffset> MarketTimeAsync() => (await ClockAsync()).GetProperty("marketTime").GetDateTimeOffset();

    public Task<JsonElement> CancelAsync(long orderId) => PostAsync("api/Order/cancel", new { accountId = AccountId, orderId });

    public async Task<JsonElement> OrderAsync(long orderId) =>
        (await StateAsync()).GetProperty("orders").EnumerateArray().Single(o => o.GetProperty("id").GetInt64() == orderId);

    public async Task<JsonElement> StateAsync() => await Http.GetFromJsonAsync<JsonElement>("admin/state");

    public Task<JsonElement> PlaceAsync(object order) => PostAsync("api/Order/place", order);

    public Task<RawHubClient> HubAsync(string hub) => RawHubClient.ConnectAsync(Handle.BaseUrl, "hubs/" + hub, Token);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Handle.DisposeAsync();
    }
}
