using System.Net;
using System.Text.Json.Nodes;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>Polly retries: queries back off on 429/5xx (honouring Retry-After); commands are retried only on 429.</summary>
public sealed class RetryTests
{
    /// <summary>
    /// Waits until the client has armed its retry delay (the first one-shot timer other than a per-attempt timeout), so that the test
    /// moves the clock only after it: moved earlier, the delay would start from the moved clock and never fall due.
    /// </summary>
    private static async Task<TimeSpan> RetryDelayArmedAsync(ClientFixture fixture)
    {
        while (true)
        {
            var due = await fixture.Time.NextArmedOnceAsync();
            if (due != fixture.Options.RequestTimeout)
                return due;
        }
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_delay()
    {
        using var fixture = new ClientFixture();
        var calls = 0;
        fixture.Gateway.Respond = (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
                return Task.FromResult(limited);
            }
            return Task.FromResult(StubGateway.Ok(new JsonObject { ["trades"] = new JsonArray() }));
        };

        var search = fixture.Client.SearchTradesAsync(1, fixture.Time.GetUtcNow().AddHours(-1));
        Assert.Equal(TimeSpan.FromSeconds(5), await RetryDelayArmedAsync(fixture));
        fixture.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(search.IsCompleted);
        fixture.Time.Advance(TimeSpan.FromSeconds(0.1));
        await fixture.Gateway.WaitForRequestsAsync(1);
        var trades = await search;

        Assert.Empty(trades);
        var attempts = fixture.Gateway.To(GatewayEndpoints.TradeSearch).Select(r => r.At).ToList();
        Assert.Equal(TimeSpan.FromSeconds(5), attempts[1] - attempts[0]);
    }

    [Fact]
    public async Task A_5xx_on_a_query_is_retried_with_backoff()
    {
        using var fixture = new ClientFixture();
        var calls = 0;
        fixture.Gateway.Respond = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : StubGateway.Ok(new JsonObject { ["accounts"] = new JsonArray() }));

        var search = fixture.Client.SearchAccountsAsync();
        await RetryDelayArmedAsync(fixture);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await fixture.Gateway.WaitForRequestsAsync(1);

        Assert.Empty(await search);
        Assert.Equal(2, fixture.Gateway.To(GatewayEndpoints.AccountSearch).Count());
    }

    [Fact]
    public async Task Retries_give_up_with_an_unavailable_error()
    {
        using var fixture = new ClientFixture(ClientFixture.TestOptions() with { MaxRetries = 1 });
        fixture.Gateway.Respond = (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway));

        var search = fixture.Client.SearchAccountsAsync();
        await RetryDelayArmedAsync(fixture);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<GatewayUnavailableException>(() => search);
        Assert.Equal(502, error.HttpStatus);
        Assert.Equal(2, fixture.Gateway.To(GatewayEndpoints.AccountSearch).Count());
    }

    [Fact]
    public async Task A_429_on_place_is_retried_with_the_same_tag()
    {
        using var fixture = new ClientFixture();
        var calls = 0;
        fixture.Gateway.Respond = (_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            : StubGateway.Ok(new JsonObject { ["orderId"] = 9001 }));

        var place = fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-1" });
        await RetryDelayArmedAsync(fixture);
        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await place;

        Assert.Equal((true, 9001L, false), (result.Accepted, result.OrderId!.Value, result.OutcomeUnknown));
        Assert.Equal(["gb-1", "gb-1"], fixture.Gateway.To(GatewayEndpoints.OrderPlace).Select(r => (string)r.Json!["customTag"]!));
    }
}
