using System.Text.Json.Nodes;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>The envelope's success/errorCode is read per endpoint: queries throw typed errors, commands return typed results.</summary>
public sealed class EnvelopeErrorTests
{
    [Fact]
    public void The_same_code_has_each_endpoints_own_name()
    {
        Assert.Equal("OutsideTradingHours", GatewayErrorCodes.Describe(GatewayEndpoints.OrderPlace, 5));
        Assert.Equal("InvalidCloseSize", GatewayErrorCodes.Describe(GatewayEndpoints.PositionPartialCloseContract, 5));
        Assert.Equal("UnknownError", GatewayErrorCodes.Describe(GatewayEndpoints.OrderCancel, 5));
        Assert.Equal("Code77", GatewayErrorCodes.Describe(GatewayEndpoints.OrderPlace, 77));
    }

    [Fact]
    public async Task A_refused_query_throws_with_endpoint_code_name_and_message()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject(), success: false, errorCode: 1, errorMessage: "no such contract"));

        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Client.GetContractByIdAsync("CON.F.US.XXX.Z26"));

        Assert.Equal((GatewayEndpoints.ContractSearchById, 1, "ContractNotFound", "no such contract"), (error.Endpoint, error.ErrorCode, error.ErrorName, error.GatewayMessage));
    }

    [Fact]
    public async Task A_refused_bars_request_names_the_bars_code()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject(), success: false, errorCode: 2));

        var error = await Assert.ThrowsAsync<GatewayException>(() =>
            fixture.Client.RetrieveBarsAsync("CON.F.US.MGC.Z26", fixture.Time.GetUtcNow().AddDays(-1), fixture.Time.GetUtcNow(), BarUnit.Minute, 3));

        Assert.Equal("UnitInvalid", error.ErrorName);
    }

    [Fact]
    public async Task A_rejected_order_with_an_order_id_is_a_result_not_an_exception()
    {
        using var fixture = new ClientFixture();
        const string message = "Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.";
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["orderId"] = 9056 }, success: false, errorCode: 2, errorMessage: message));

        var result = await fixture.Client.PlaceOrderAsync(MarketBuy() with { StopLossBracket = new BracketLeg(40, OrderType.Stop) });

        Assert.False(result.Accepted);
        Assert.Equal((9056L, 2, "OrderRejected", message), (result.OrderId!.Value, result.ErrorCode, result.ErrorName, result.ErrorMessage));
        var sent = fixture.Gateway.To(GatewayEndpoints.OrderPlace).Single().Json!;
        Assert.Equal((2, 0, 1, 40, 4), ((int)sent["type"]!, (int)sent["side"]!, (int)sent["size"]!, (int)sent["stopLossBracket"]!["ticks"]!, (int)sent["stopLossBracket"]!["type"]!));
        Assert.False(string.IsNullOrEmpty((string?)sent["customTag"]));
    }

    [Fact]
    public async Task A_refused_cancel_is_a_result_with_the_cancel_name()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject(), success: false, errorCode: 6, errorMessage: "Live accounts not supported"));

        var result = await fixture.Client.CancelOrderAsync(26282486, 77);

        Assert.Equal((false, "AccountRejected", "Live accounts not supported"), (result.Success, result.ErrorName, result.ErrorMessage));
    }

    [Fact]
    public async Task A_failed_login_surfaces_the_login_code()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.RespondToLogin = _ => StubGateway.Ok(new JsonObject { ["token"] = null }, success: false, errorCode: 3);

        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Client.SearchAccountsAsync());

        Assert.Equal((GatewayEndpoints.LoginKey, "InvalidCredentials"), (error.Endpoint, error.ErrorName));
        Assert.Empty(fixture.Gateway.To(GatewayEndpoints.AccountSearch));
    }

    [Fact]
    public async Task Search_by_id_reads_both_the_single_and_the_list_shape()
    {
        using var fixture = new ClientFixture();
        var contract = new JsonObject { ["id"] = "CON.F.US.MGC.Z26", ["name"] = "MGCZ6", ["tickSize"] = 0.1, ["tickValue"] = 1, ["activeContract"] = true, ["symbolId"] = "F.US.MGC" };
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["contract"] = contract.DeepClone() }));
        var single = await fixture.Client.GetContractByIdAsync("CON.F.US.MGC.Z26");
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["contracts"] = new JsonArray(contract.DeepClone()) }));
        var listed = await fixture.Client.GetContractByIdAsync("CON.F.US.MGC.Z26");

        Assert.Equal(single, listed);
        Assert.Equal(0.1m, single.TickSize);
    }

    [Fact]
    public async Task Http_400_is_a_gateway_error_with_the_status()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Json(new JsonObject { ["title"] = "bad" }, System.Net.HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Client.SearchOpenPositionsAsync(1));

        Assert.Equal((400, "Http400"), (error.HttpStatus!.Value, error.ErrorName));
    }

    internal static PlaceOrderRequest MarketBuy() => new()
    {
        AccountId = 26282486,
        ContractId = "CON.F.US.MGC.Z26",
        Type = OrderType.Market,
        Side = OrderSide.Bid,
        Size = 1,
    };
}
