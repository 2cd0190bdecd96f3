namespace GoldBot.TopstepX.Auth;

/// <summary>Gives the current, unexpired gateway session token (a JWT) to REST calls and hub connects.</summary>
public interface ITokenSource
{
    /// <summary>The current token, logging in or refreshing first when needed. The token is a secret: never log it.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called when the gateway refused <paramref name="rejectedToken"/> (HTTP 401): returns a token to retry
    /// with, logging in again unless another caller already replaced the rejected token.
    /// </summary>
    ValueTask<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken);
}
