using GoldBot.Execution;
using GoldBot.State;
using Microsoft.Extensions.Logging;

namespace GoldBot.Hosting;

/// <summary>
/// Saves the order executor's open trade (<see cref="OpenTradeState"/>) to the account's <see cref="StateStore"/> whenever
/// it changed (a fill, the targets sent, breakeven, an exit), and clears it when no trade is open, so that a restart
/// resumes it exactly; the executor never waits for the commit between two broker events (<see cref="StoreSaver"/>).
/// Called by the order executor stage only.
/// </summary>
public sealed class OpenTradePersistence(StateStore store, StateWriter writer, long accountId, ILogger<OpenTradePersistence> logger)
{
    private readonly StoreSaver _saver = new(store, writer, "open trade", "a restart now would adopt the position instead of resuming it", logger);

    /// <summary>Saves <paramref name="trade"/> (null: none open) unless nothing that matters changed since the last save.</summary>
    public void Save(OpenTradeState? trade)
    {
        object? key = trade is null ? null
            : (trade.Tag, trade.EntryFilled, trade.EntryComplete, trade.AtBreakeven, trade.TargetsPlaced, trade.InitialStop, trade.Commission, trade.Exits.Count);
        _saver.Save(key, s => s.SaveOpenTrade(accountId, trade));
    }
}
