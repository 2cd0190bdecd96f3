using GoldBot.Risk;
using GoldBot.State;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace GoldBot.Hosting;

/// <summary>
/// Saves the risk manager's <see cref="RiskState"/> to the account's <see cref="StateStore"/> whenever it changed (a trade
/// opened or closed, a halt, the 17:00 CT roll, a balance change), after the message that changed it. A failed write
/// (a full or failing disk) is logged once, as an error, and retried at the next change; the state in memory stays right.
/// Called by the risk manager stage only.
/// </summary>
public sealed class RiskStatePersistence(StateStore store, long accountId, ILogger<RiskStatePersistence> logger)
{
    private RiskState? _saved;
    private bool _failing;

    /// <summary>Saves <paramref name="state"/> unless it equals the last one saved.</summary>
    public void Save(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state == _saved)
            return;
        try
        {
            store.SaveRisk(accountId, state);
            _saved = state;
            if (_failing)
                logger.LogInformation("Risk state saved again to {Path}", store.Path);
            _failing = false;
        }
        catch (SqliteException e)
        {
            if (!_failing)
                logger.LogError("Cannot save the risk state to {Path}: {Message}; a restart now would start from the last saved state", store.Path, e.Message);
            _failing = true;
        }
    }
}
