using System.Text;
using GoldBot.GatewaySimulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace GoldBot.GatewaySimulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Options_bind_from_a_gateway_simulator_json_section()
    {
        const string Json = """
        { "GatewaySimulator": {
            "BarsFile": "bars.csv", "Port": 5300, "Speed": 2.5, "PayloadShape": "Documented", "WarmupBars": 10,
            "Users": [ { "UserName": "alice", "ApiKey": "k1" } ],
            "Accounts": [ { "Id": 7, "Name": "TC-7", "Balance": 150000, "AutoOcoBrackets": false } ],
            "FeesPerSide": { "MGC": 0.5 }, "CommissionsPerSide": { "MGC": 0.25 },
            "TokenLifetime": "01:00:00", "EnforceTradingHours": false,
            "Faults": { "FailNextResponses": { "Count": 3, "Status": 500 }, "DuplicateUserEvents": true } } }
        """;
        var options = new GatewaySimulatorOptions();
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build().GetSection(GatewaySimulatorOptions.Section).Bind(options);

        Assert.Equal(("bars.csv", 5300, 2.5, PayloadShape.Documented, 10), (options.BarsFile, options.Port, options.Speed, options.PayloadShape, options.WarmupBars));
        Assert.Equal("alice", Assert.Single(options.EffectiveUsers).UserName);
        var account = Assert.Single(options.EffectiveAccounts);
        Assert.Equal((7, 150000m, false), (account.Id, account.Balance, account.AutoOcoBrackets));
        var fees = options.BuildFees();
        Assert.Equal((0.5m, 0.25m, 0.37m), (fees.Fee("MGC", 1), fees.Commission("MGC", 1), fees.Fee("MES", 1)));
        Assert.Equal((TimeSpan.FromHours(1), false), (options.TokenLifetime, options.EnforceTradingHours));
        Assert.Equal((3, 500, true), (options.Faults!.FailNextResponses!.Count, options.Faults.FailNextResponses.Status, options.Faults.DuplicateUserEvents));
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Defaults_give_one_user_one_account_and_three_contracts()
    {
        var options = new GatewaySimulatorOptions();
        Assert.Equal(("goldbot", "sim-api-key"), (options.EffectiveUsers[0].UserName, options.EffectiveUsers[0].ApiKey));
        Assert.Equal((1001, 50_000m, true), (options.EffectiveAccounts[0].Id, options.EffectiveAccounts[0].Balance, options.EffectiveAccounts[0].AutoOcoBrackets));
        Assert.Equal(["CON.F.US.MGC.G26", "CON.F.US.MES.H26", "CON.F.US.MGC.Z25"], options.BuildContracts().Select(c => c.Id).ToArray());
        Assert.Equal([true, true, false], options.BuildContracts().Select(c => c.Active).ToArray());
    }

    [Fact]
    public async Task Disposing_the_simulator_closes_open_hub_connections()
    {
        var gw = await TestGateway.StartAsync();
        await using var hub = await gw.HubAsync("user");

        await gw.DisposeAsync();

        await hub.Closed.WaitAsync(Eventually.Patience);
    }
}
