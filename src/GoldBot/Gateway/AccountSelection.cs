using System.Globalization;
using GoldBot.Configuration;
using GoldBot.TopstepX.Contracts;

namespace GoldBot.Gateway;

/// <summary>The account GoldBot may not trade: missing, ambiguous, or not allowed to trade. The message says what to do.</summary>
public sealed class AccountSelectionException(string message) : Exception(message);

/// <summary>
/// Picks the account to trade from <c>Account/search</c> (<c>research/topstepx-api.md</c> §4, §12.1):
/// the configured id when given (it must exist and have <c>canTrade</c>); otherwise, outside live mode
/// only, the single account that can trade. Live always needs the explicit id.
/// </summary>
public static class AccountSelection
{
    /// <summary>Returns the account to trade.</summary>
    /// <exception cref="AccountSelectionException">The configured account is missing or cannot trade; no id was given and zero or several accounts can trade; or live mode without an id.</exception>
    public static TradingAccount Choose(IReadOnlyList<TradingAccount> accounts, long? accountId, RunMode mode)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accountId is { } id)
        {
            var account = accounts.FirstOrDefault(a => a.Id == id)
                ?? throw new AccountSelectionException($"account {id} is not among this login's accounts: {List(accounts)}");
            return account.CanTrade ? account
                : throw new AccountSelectionException($"account {id} ({account.Name}) cannot trade now (canTrade is false): check it on TopstepX");
        }
        if (mode == RunMode.Live)
            throw new AccountSelectionException($"live trading needs an explicit TopstepX:AccountId; accounts: {List(accounts)}");
        var tradable = accounts.Where(a => a.CanTrade).ToList();
        return tradable.Count switch
        {
            1 => tradable[0],
            0 => throw new AccountSelectionException($"no account can trade: {List(accounts)}"),
            _ => throw new AccountSelectionException($"several accounts can trade; set TopstepX:AccountId to one of: {List(tradable)}"),
        };
    }

    private static string List(IEnumerable<TradingAccount> accounts)
    {
        var list = string.Join(", ", accounts.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Id} {a.Name} (balance {a.Balance:0.00}, canTrade {a.CanTrade})")));
        return list.Length == 0 ? "(none)" : list;
    }
}
