namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>A userName/apiKey pair that <c>Auth/loginKey</c> accepts. The user name is case-insensitive (research/topstepx-api.md §2.1).</summary>
public sealed class SimulatorUser
{
    /// <summary>Platform user name.</summary>
    public string UserName { get; set; } = "";

    /// <summary>API key.</summary>
    public string ApiKey { get; set; } = "";
}
