namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>Which hub payload shapes the simulator emits.</summary>
public enum PayloadShape
{
    /// <summary>
    /// As the live gateway sends them (fixtures/projectx-live/README.md): user events wrapped <c>{action, data}</c>,
    /// order ids as JSON strings, trades with <c>commissions</c>, positions with <c>contractDisplayName</c>, partial
    /// quotes with a <c>contract</c> field, market trades as arrays carrying <c>contractId</c>.
    /// </summary>
    Observed = 0,

    /// <summary>As the realtime documentation shows them (research/topstepx-api.md §9.2): bare entities, numeric ids, full quotes, single-object trades.</summary>
    Documented = 1,
}
