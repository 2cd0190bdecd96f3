using System.Text.Json.Nodes;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>A CME code resolves to the active ProjectX contract through its symbolId (roots differ, §5.2).</summary>
public sealed class ContractResolutionTests
{
    private static ClientFixture ServingAvailable(JsonArray contracts)
    {
        var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path == GatewayEndpoints.ContractAvailable
            ? StubGateway.Ok(new JsonObject { ["contracts"] = contracts.DeepClone() })
            : StubGateway.Ok(new JsonObject { ["contracts"] = new JsonArray() }));
        return fixture;
    }

    [Theory]
    [InlineData("MGC", "CON.F.US.MGC.Z26", 0.1, 1.0)]
    [InlineData("F.US.MGC", "CON.F.US.MGC.Z26", 0.1, 1.0)]
    [InlineData("GC", "CON.F.US.GCE.Z26", 0.1, 10.0)]
    [InlineData("ES", "CON.F.US.EP.U26", 0.25, 12.5)]
    [InlineData("MES", "CON.F.US.MES.U26", 0.25, 1.25)]
    [InlineData("6E", "CON.F.US.EU6.U26", 0.00005, 6.25)]
    public async Task Cme_code_resolves_to_the_live_active_contract(string symbol, string expectedId, double tickSize, double tickValue)
    {
        using var fixture = ServingAvailable(StubGateway.Fixture("contracts_available.json").AsArray());

        var contract = await fixture.Client.ResolveContractAsync(symbol);

        Assert.Equal((expectedId, (decimal)tickSize, (decimal)tickValue), (contract.Id, contract.TickSize, contract.TickValue));
    }

    [Fact]
    public async Task Two_active_contracts_of_one_symbol_are_refused_as_ambiguous()
    {
        var contracts = StubGateway.Fixture("contracts_available.json").AsArray();
        var second = contracts.Single(c => (string)c!["symbolId"]! == "F.US.MGC")!.DeepClone();
        second["id"] = "CON.F.US.MGC.G27";
        contracts.Add(second);
        using var fixture = ServingAvailable(contracts);

        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Client.ResolveContractAsync("MGC"));

        Assert.Equal("AmbiguousContract", error.ErrorName);
    }

    [Fact]
    public async Task An_inactive_only_symbol_is_not_found_after_searching_too()
    {
        var contracts = StubGateway.Fixture("contracts_available.json").AsArray();
        contracts.Single(c => (string)c!["symbolId"]! == "F.US.MGC")!["activeContract"] = false;
        using var fixture = ServingAvailable(contracts);

        var error = await Assert.ThrowsAsync<GatewayException>(() => fixture.Client.ResolveContractAsync("MGC"));

        Assert.Equal("ContractNotFound", error.ErrorName);
        Assert.Equal("MGC", (string)fixture.Gateway.To(GatewayEndpoints.ContractSearch).Single().Json!["searchText"]!);
    }

    [Fact]
    public async Task Without_Contract_available_the_search_resolves_it()
    {
        using var fixture = new ClientFixture();
        var mgc = StubGateway.Fixture("contracts_available.json").AsArray().Where(c => ((string)c!["symbolId"]!).StartsWith("F.US.MGC", StringComparison.Ordinal)).Select(c => c!.DeepClone()).ToArray();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path == GatewayEndpoints.ContractSearch
            ? StubGateway.Ok(new JsonObject { ["contracts"] = new JsonArray(mgc) })
            : new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));

        var contract = await fixture.Client.ResolveContractAsync("MGC");

        Assert.Equal("CON.F.US.MGC.Z26", contract.Id);
    }
}
