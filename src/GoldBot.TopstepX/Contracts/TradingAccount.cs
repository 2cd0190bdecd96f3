namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// A trading account (swagger <c>TradingAccountModel</c>, §4): from Account/search and the user hub's
/// <c>GatewayUserAccount</c>. There is no account-type field; pin the account by <see cref="Id"/>.
/// </summary>
public sealed record TradingAccount
{
    /// <summary>Account id.</summary>
    public long Id { get; init; }

    /// <summary>Free-text account name (e.g. <c>PRAC-V2-…</c>, <c>50KTC-V2-…</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Account balance, USD.</summary>
    public decimal Balance { get; init; }

    /// <summary>Whether the account may trade; the daemon refuses to run when false.</summary>
    public bool CanTrade { get; init; }

    /// <summary>Whether the account is visible on the platform.</summary>
    public bool IsVisible { get; init; }

    /// <summary>Whether the account is simulated (Practice, Combine, XFA).</summary>
    public bool Simulated { get; init; }
}
