namespace GoldBot.Execution;

/// <summary>
/// Where an entry is made durable before it is sent (an outbox, issue 10 §1): the order executor records the trade it is
/// about to open (its plan, attribution and entry tag, nothing filled yet) and sends the entry order only once the record
/// is committed. A process killed while the entry is in flight restarts knowing the trade: the entry is looked up by its
/// tag, and its fills become the trade's instead of an unknown position to adopt.
/// </summary>
public interface IEntryOutbox
{
    /// <summary>Commits <paramref name="entry"/> (an <see cref="OpenTradeState"/> with <c>EntryFilled</c> 0) as the account's open trade.</summary>
    /// <exception cref="Exception">The record could not be committed (a full or failing disk): the entry is not sent.</exception>
    ValueTask RecordAsync(OpenTradeState entry, CancellationToken cancellationToken);
}
