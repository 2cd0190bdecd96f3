namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Body of Auth/loginKey (§2.1). Holds the API key: never logged, <see cref="ToString"/> redacts it.</summary>
internal sealed record LoginKeyRequest(string UserName, string ApiKey)
{
    public override string ToString() => $"LoginKeyRequest {{ UserName = {UserName}, ApiKey = <redacted> }}";
}

/// <summary>Response of Auth/loginKey: the session token (a JWT valid 24 h).</summary>
internal sealed class LoginKeyResponse : GatewayResponse
{
    public string? Token { get; init; }
}

/// <summary>Response of Auth/validate: a refreshed token.</summary>
internal sealed class ValidateResponse : GatewayResponse
{
    public string? NewToken { get; init; }
}
