using GoldBot.TopstepX.Auth;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>A token source whose current token the test sets; a 401 renewal hands out "renewed".</summary>
internal sealed class SwitchableTokenSource(string initial) : ITokenSource
{
    public string Current { get; set; } = initial;

    public int Renewals { get; private set; }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);

    public ValueTask<string> RenewAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        Renewals++;
        Current = "renewed";
        return ValueTask.FromResult(Current);
    }
}
