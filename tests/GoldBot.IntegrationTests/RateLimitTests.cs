using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The client's limiters keep a burst under the gateway's own limits, measured by the simulator:
/// the gateway allows 25 requests per 4 s here and the client is set to 10, so 30 requests fired at
/// once all succeed, spread over several windows, and the simulator refuses none.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_burst_of_requests_is_spread_under_the_gateways_limit_and_none_is_refused()
    {
        await using var market = await SimulatedMarket.StartAsync(SimModeTradeTests.MarketStart, o =>
        {
            o.RateLimitPermits = 25;
            o.RateLimitWindow = TimeSpan.FromSeconds(4);
        });
        var options = market.ClientOptions(o => o with { RequestsPerWindow = 10, RequestWindow = TimeSpan.FromSeconds(4), WindowSegments = 4 });
        using var http = new HttpClient();
        using var client = new ProjectXClient(http, options, TimeProvider.System, NullLogger<ProjectXClient>.Instance);

        // The client counts a request when it sends it, the gateway when it arrives: the client's extra window
        // segment (1 s here, 10 s on the real 60 s window) and its lower limit (here 10 of 25, live 180 of 200)
        // absorb the latency in between. The connection is opened first, as a running daemon's is.
        await client.SearchAccountsAsync();
        var started = DateTime.UtcNow;
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.SearchOpenPositionsAsync(SimulatedMarket.AccountId)));

        Assert.Equal(30, answers.Length);
        Assert.Equal(0, await market.RateLimitRejectionsAsync());
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(8), "30 requests at 10 per 4–5 s need two more windows");
    }
}
