namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>A trading account the simulator starts with.</summary>
public sealed class SimulatorAccountOptions
{
    /// <summary>Account id.</summary>
    public int Id { get; set; }

    /// <summary>Account name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Start balance, USD.</summary>
    public decimal Balance { get; set; } = 50_000m;

    /// <summary>False makes every order fail with errorCode 4 AccountViolation.</summary>
    public bool CanTrade { get; set; } = true;

    /// <summary>True for Auto OCO Brackets mode; false (Position Brackets) rejects orders with brackets (errorCode 2, with an order id).</summary>
    public bool AutoOcoBrackets { get; set; } = true;
}
