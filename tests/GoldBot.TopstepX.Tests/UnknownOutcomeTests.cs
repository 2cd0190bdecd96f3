using System.Net;
using System.Text.Json.Nodes;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// Money-moving commands are sent once: after a timeout, a 5xx or a lost answer their outcome is reported as
/// unknown, never as a rejection and never re-sent blindly; the order is then found by its tag (open orders
/// first, then the look-back window), research/topstepx-api.md §12.2.
/// </summary>
public sealed class UnknownOutcomeTests
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
    public async Task A_place_that_times_out_is_unknown_and_sent_once()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, ct) => request.Path == GatewayEndpoints.OrderPlace ? HangUntilCancelled(ct) : Task.FromResult(StubGateway.Ok(new JsonObject()));

        var place = fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-1" });
        await fixture.Gateway.WaitForRequestsAsync(2); // login, place
        fixture.Time.Advance(fixture.Options.RequestTimeout);
        var result = await place;

        Assert.Equal((false, true, "gb-1", (long?)null), (result.Accepted, result.OutcomeUnknown, result.CustomTag, result.OrderId));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderPlace));
        Assert.Empty(fixture.Gateway.To(GatewayEndpoints.OrderSearch));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task A_place_answered_with_a_5xx_is_unknown_and_sent_once(HttpStatusCode status)
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path == GatewayEndpoints.OrderPlace ? new HttpResponseMessage(status) : StubGateway.Ok(new JsonObject()));

        var result = await fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-2" });

        Assert.Equal((false, true), (result.Accepted, result.OutcomeUnknown));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderPlace));
    }

    [Fact]
    public async Task An_acceptance_without_an_order_id_is_unknown_so_the_id_is_learned_from_the_tag()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject()));

        var result = await fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-3" });

        Assert.Equal((true, true, (long?)null), (result.Accepted, result.OutcomeUnknown, result.OrderId));
    }

    [Fact]
    public async Task A_refusal_is_a_rejection_not_an_unknown_outcome()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["orderId"] = 9004 }, success: false, errorCode: 2, errorMessage: "Invalid stop price"));

        var result = await fixture.Client.PlaceOrderAsync(EnvelopeErrorTests.MarketBuy() with { CustomTag = "gb-4" });

        Assert.Equal((false, false, 9004L, "OrderRejected", "Invalid stop price"), (result.Accepted, result.OutcomeUnknown, result.OrderId!.Value, result.ErrorName, result.ErrorMessage));
    }

    [Fact]
    public async Task An_order_is_found_by_its_tag_among_the_open_orders_first_then_in_the_look_back_window()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path switch
        {
            GatewayEndpoints.OrderSearchOpen => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(Order(1, "other", 1), Order(9001, "gb-open", 1)) }),
            GatewayEndpoints.OrderSearch => StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray(Order(9002, "gb-done", 2)) }),
            _ => StubGateway.Ok(new JsonObject()),
        });
        var since = fixture.Time.GetUtcNow().AddHours(-1);

        var open = await fixture.Client.FindOrderByTagAsync(26282486, "gb-open", since);
        Assert.Equal(9001L, open!.Id);
        Assert.Empty(fixture.Gateway.To(GatewayEndpoints.OrderSearch));

        var done = await fixture.Client.FindOrderByTagAsync(26282486, "gb-done", since);
        Assert.Equal(9002L, done!.Id);
        var search = fixture.Gateway.To(GatewayEndpoints.OrderSearch).Single().Json!;
        Assert.Equal(since, DateTimeOffset.Parse((string)search["startTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(await fixture.Client.FindOrderByTagAsync(26282486, "gb-never", since));
    }

    [Fact]
    public async Task A_cancel_or_modify_answered_with_a_5xx_is_unknown_and_sent_once()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path is GatewayEndpoints.OrderCancel or GatewayEndpoints.OrderModify or GatewayEndpoints.PositionCloseContract
            ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
            : StubGateway.Ok(new JsonObject()));

        var cancel = await fixture.Client.CancelOrderAsync(26282486, 77);
        var modify = await fixture.Client.ModifyOrderAsync(26282486, 78, size: 1, limitPrice: null, stopPrice: 2640.5m);
        var close = await fixture.Client.ClosePositionAsync(26282486, "CON.F.US.MGC.Z26");

        Assert.All([cancel, modify, close], r => Assert.Equal((false, true, "OutcomeUnknown"), (r.Success, r.OutcomeUnknown, r.ErrorName)));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderCancel));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.OrderModify));
        Assert.Single(fixture.Gateway.To(GatewayEndpoints.PositionCloseContract));
        Assert.Empty(fixture.Gateway.To(GatewayEndpoints.OrderSearch));
    }

    [Fact]
    public async Task A_modify_sends_every_value_it_is_given()
    {
        using var fixture = new ClientFixture();

        await fixture.Client.ModifyOrderAsync(26282486, 78, size: 2, limitPrice: null, stopPrice: 2640.5m);

        var body = fixture.Gateway.To(GatewayEndpoints.OrderModify).Single().Json!;
        Assert.Equal((78L, 2, 2640.5m), ((long)body["orderId"]!, (int)body["size"]!, (decimal)body["stopPrice"]!));
    }
}
