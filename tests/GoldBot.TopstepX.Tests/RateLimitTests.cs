using System.Text.Json.Nodes;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// Bursts never exceed the configured sliding windows, measured at the stub on the manual clock; the
/// windows are driven by the clock, so the test advances time instead of waiting.
/// </summary>
public sealed class RateLimitTests
{
    private static void AssertNoWindowExceeds(IEnumerable<DateTimeOffset> times, TimeSpan window, int limit)
    {
        var sorted = times.Order().ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var inWindow = sorted.Skip(i).TakeWhile(t => t < sorted[i] + window).Count();
            Assert.True(inWindow <= limit, $"{inWindow} requests in the {window} from {sorted[i]:O} (limit {limit})");
        }
    }

    [Fact]
    public async Task A_burst_of_400_requests_stays_under_180_per_60_seconds()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray() }));

        var burst = Enumerable.Range(0, 400).Select(_ => fixture.Client.SearchOpenOrdersAsync(1)).ToList();

        // One login plus 400 searches: 180 at once, the next 180 when the first segment has left the window, then the rest.
        await fixture.Gateway.WaitForRequestsAsync(180);
        for (var step = 0; step < 7; step++)
            fixture.Time.Advance(TimeSpan.FromSeconds(10));
        await fixture.Gateway.WaitForRequestsAsync(180);
        for (var step = 0; step < 7; step++)
            fixture.Time.Advance(TimeSpan.FromSeconds(10));
        await fixture.Gateway.WaitForRequestsAsync(41);
        await Task.WhenAll(burst);

        var times = fixture.Gateway.Requests.Select(r => r.At).ToList();
        Assert.Equal(401, times.Count);
        Assert.Equal(180, times.Count(t => t == times.Min()));
        AssertNoWindowExceeds(times, TimeSpan.FromSeconds(60), 180);
        Assert.Equal(0, fixture.Client.QueuedRequests);
    }

    [Fact]
    public async Task Bars_requests_stay_under_25_per_30_seconds()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["bars"] = new JsonArray() }));
        var now = fixture.Time.GetUtcNow();

        var burst = Enumerable.Range(0, 60).Select(_ => fixture.Client.RetrieveBarsAsync("CON.F.US.MGC.Z26", now.AddHours(-1), now, BarUnit.Minute, 1)).ToList();

        await fixture.Gateway.WaitForRequestsAsync(26);
        for (var step = 0; step < 7; step++)
            fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await fixture.Gateway.WaitForRequestsAsync(25);
        for (var step = 0; step < 7; step++)
            fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await fixture.Gateway.WaitForRequestsAsync(10);
        await Task.WhenAll(burst);

        var bars = fixture.Gateway.To(GatewayEndpoints.RetrieveBars).Select(r => r.At).ToList();
        Assert.Equal(60, bars.Count);
        Assert.Equal(25, bars.Count(t => t == bars.Min()));
        AssertNoWindowExceeds(bars, TimeSpan.FromSeconds(30), 25);
    }
}
