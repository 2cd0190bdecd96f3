namespace GoldBot.TopstepX.Auth;

/// <summary>Gives the current, unexpired gateway session token (a JWT) to REST calls and hub connects.</summary>
public interface ITokenSource
{
    /// <summary>The current token, logging in or refreshing first when needed. The token is a secret: never log it.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}
