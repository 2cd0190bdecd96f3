using System.Net;
using System.Text.Json.Nodes;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>After a timeout or 5xx a command's outcome is learned from the gateway's orders before anything is re-sent.</summary>
public sealed class OrderReconciliationTests
{
    private static JsonObject Order(long id, string? tag, int status) => new()
    {
        ["id"] = id, ["accountId"] = 26282486, ["contractId"] = "CON.F.US.MGC.Z26", ["symbolId"] = "F.US.MGC",
        ["creationTimestamp"] = "2026-08-19T14:00:00Z", ["status"] = status, ["type"] = 2, ["side"] = 0, ["size"] = 1,
        ["fillVolume"] = 0, ["customTag"] = tag,
    };

    private static async Task<HttpResponseMessage> HangUntilCancelled(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public async Task Place_timeout_then_order_found_by_tag_places_nothing_more()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, ct) => request.Path switch
        {
            GatewayEndpoints.OrderPlace => HangUntilCancelled(ct),
            GatewayEndpoints.OrderSearch => Task.FromResult(StubGateway.Ok(new JsonObject
            {
                ["orders"] = new JsonArray(Order(1, "other", 2), Order(9001, (string)fixture.Gateway.To(GatewayEndpoints.OrderPlace).Single().Json!["customTag"]!, 1)),
            })),
            _ => Task.FromResult(StubGateway.Ok(new JsonObject())),
        };

        var place = fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy());
        await fixture.Gateway.WaitForRequestsAsync(2);
        fixture.Time.Advance(fixture.Options.RequestTimeout);
        var result = await place;

        Assert.Equal((true, 9001L, true), (result.Accepted, result.OrderId!.Value, result.Reconciled));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderPlace));
        var search = fixture.Gateway.To(GatewayEndpoints.OrderSearch).Single().Json!;
        Assert.Equal(26282486L, (long)search["accountId"]!);
        Assert.Equal(fixture.Time.GetUtcNow() - fixture.Options.OrderReconcileLookback, DateTimeOffset.Parse((string)search["startTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Place_5xx_then_order_missing_is_placed_once_more_with_the_same_tag()
    {
        using var fixture = new ClientFixture();
        var places = 0;
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderPlace => Interlocked.Increment(ref places) == 1
                ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
                : StubGateway.Ok(new JsonObject { ["orderId"] = 9002 }),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(Order(1, "other", 2)) }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var result = await fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-7" });

        Assert.Equal((true, 9002L, true), (result.Accepted, result.OrderId!.Value, result.Reconciled));
        Assert.Equal(["gb-7", "gb-7"], fixture.Gateway.To(GatewayEndpoints.OrderPlace).Select(r => (string)r.Json!["customTag"]!));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderSearch));
    }

    [Fact]
    public async Task A_duplicate_tag_refusal_on_the_re_place_resolves_to_the_first_order()
    {
        using var fixture = new ClientFixture();
        var places = 0;
        var searches = 0;
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderPlace => Interlocked.Increment(ref places) == 1
                ? new HttpResponseMessage(HttpStatusCode.GatewayTimeout)
                : StubGateway.Ok(new JsonObject { ["orderId"] = 9004 }, success: false, errorCode: 2, errorMessage: "duplicate customTag"),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject
            {
                ["orders"] = Interlocked.Increment(ref searches) == 1 ? new JsonArray() : new JsonArray(Order(9003, "gb-8", 2)),
            }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var result = await fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-8" });

        Assert.Equal((true, 9003L), (result.Accepted, result.OrderId!.Value));
        Assert.Equal(2, fixture.Gateway.To(GatewayEndpoints.OrderPlace).Count());
    }

    [Fact]
    public async Task Cancel_5xx_on_an_order_already_cancelled_is_a_success_without_a_second_cancel()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderCancel => new HttpResponseMessage(HttpStatusCode.InternalServerError),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(Order(77, null, 3)) }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var result = await fixture.Client.CancelOrderAsync(26282486, 77);

        Assert.Equal((true, true), (result.Success, result.Reconciled));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderCancel));
    }

    [Fact]
    public async Task Cancel_5xx_on_a_still_working_order_is_sent_once_more()
    {
        using var fixture = new ClientFixture();
        var cancels = 0;
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderCancel => Interlocked.Increment(ref cancels) == 1
                ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
                : StubGateway.Ok(new JsonObject()),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(Order(77, null, 1)) }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var result = await fixture.Client.CancelOrderAsync(26282486, 77);

        Assert.True(result.Success);
        Assert.Equal(2, fixture.Gateway.To(GatewayEndpoints.OrderCancel).Count());
    }

    [Fact]
    public async Task Modify_5xx_on_an_order_already_carrying_the_values_is_not_re_sent()
    {
        using var fixture = new ClientFixture();
        var order = Order(78, null, 1);
        order["type"] = 4;
        order["stopPrice"] = 2640.5;
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderModify => new HttpResponseMessage(HttpStatusCode.InternalServerError),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(order.DeepClone()) }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var result = await fixture.Client.ModifyOrderAsync(26282486, 78, size: 1, limitPrice: null, stopPrice: 2640.5m);

        Assert.Equal((true, true), (result.Success, result.Reconciled));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderModify));
    }

    [Fact]
    public async Task An_acceptance_without_an_order_id_learns_the_id_from_the_tag()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderPlace => StubGateway.Ok(new JsonObject()),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(Order(9010, "gb-10", 1)) }),
            _ => StubGateway.Ok(new JsonObject()),
        });

        var result = await fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-10" });

        Assert.Equal((true, 9010L), (result.Accepted, result.OrderId!.Value));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderPlace));
    }
}
