using GoldBot.Execution;
using GoldBot.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GoldBot.Hosting;

/// <summary>
/// Saves the order executor's open trade (<see cref="OpenTradeState"/>) to the account's <see cref="StateStore"/> whenever
/// it changed (a fill, the targets sent, breakeven, an exit), and clears it when the trade closes, so that a restart
/// resumes it exactly. A failed write (a full or failing disk) is logged once, as an error, and retried at the next
/// update; the trade in memory stays right. Called by the order executor stage only.
/// </summary>
public sealed class OpenTradePersistence(StateStore store, long accountId, ILogger<OpenTradePersistence> logger)
{
    private object? _saved;
    private bool _failing;

    /// <summary>Saves <paramref name="trade"/> (null: none open) unless nothing that matters changed since the last save.</summary>
    public void Save(OpenTradeState? trade)
    {
        object? key = trade is null ? null
            : (trade.Tag, trade.EntryFilled, trade.EntryComplete, trade.AtBreakeven, trade.TargetsPlaced, trade.InitialStop, trade.Commission, trade.Exits.Count);
        if (Equals(key, _saved) && !_failing)
            return;
        try
        {
            store.SaveOpenTrade(accountId, trade);
            _saved = key;
            if (_failing)
                logger.LogInformation("Open trade saved again to {Path}", store.Path);
            _failing = false;
        }
        catch (SqliteException e)
        {
            if (!_failing)
                logger.LogError("Cannot save the open trade to {Path}: {Message}; a restart now would adopt the position instead of resuming it", store.Path, e.Message);
            _failing = true;
        }
    }
}
