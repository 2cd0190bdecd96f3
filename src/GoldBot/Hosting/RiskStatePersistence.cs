using GoldBot.Risk;
using GoldBot.Monitoring;
using GoldBot.State;

namespace GoldBot.Hosting;

/// <summary>
/// Saves the risk manager's <see cref="RiskState"/> to the account's <see cref="StateStore"/> whenever it changed (a trade
/// opened or closed, a halt, the 17:00 CT roll, a balance change), after the message that changed it, without waiting for
/// the commit (<see cref="StoreSaver"/>). Called by the risk manager stage only.
/// </summary>
public sealed class RiskStatePersistence(StateStore store, StateWriter writer, long accountId, WriteFailures writes)
{
    private readonly StoreSaver _saver = new(store, writer, "risk state", "a restart now would start from the last saved state", writes);

    /// <summary>Saves <paramref name="state"/> unless it equals the last one saved.</summary>
    public void Save(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _saver.Save(state, s => s.SaveRisk(accountId, state));
    }
}
