namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>
/// The envelope every ProjectX response carries (§3). <see cref="ErrorCode"/> is an enum specific to
/// the endpoint: the same number means different things on different endpoints (see <see cref="Rest.GatewayErrorCodes"/>).
/// </summary>
public class GatewayResponse
{
    /// <summary>Whether the gateway did what was asked.</summary>
    public bool Success { get; init; }

    /// <summary>Endpoint-specific error code; 0 = success.</summary>
    public int ErrorCode { get; init; }

    /// <summary>Gateway's message, often null even on failure.</summary>
    public string? ErrorMessage { get; init; }
}
