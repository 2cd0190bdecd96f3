using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Monitoring;
using GoldBot.State;

namespace GoldBot.Hosting;

/// <summary>
/// Saves the order executor's open trade (<see cref="OpenTradeState"/>) to the account's <see cref="StateStore"/> whenever
/// it changed (a fill, the targets sent, breakeven, an exit), and clears it when no trade is open, so that a restart
/// resumes it exactly, and records each closed trade with the clearing (<see cref="Close"/>); the executor never waits for
/// the commit between two broker events (<see cref="StoreSaver"/>), except for an entry, which it sends only once its trade is
/// committed (<see cref="RecordAsync"/>, the outbox); records every fill booked with its attribution (<see cref="RecordFills"/>).
/// Called by the order executor stage only.
/// </summary>
public sealed class OpenTradePersistence(StateStore store, StateWriter writer, long accountId, WriteFailures writes) : IEntryOutbox
{
    private readonly StoreSaver _saver = new(store, writer, "open trade", "a restart now would adopt the position instead of resuming it", writes);
    private readonly StoreSaver _closes = new(store, writer, "closed trade", "a restart now would book the trade's exit again from the broker's fills", writes);
    private readonly StoreSaver _fills = new(store, writer, "fills", "they stay queued and are written with the next ones", writes);
    private readonly Lock _fillsGate = new();
    private readonly List<BookedFill> _unrecorded = [];

    /// <summary>
    /// Records trade <paramref name="closed"/> as closed, with its journal line, and clears the open trade, in one transaction
    /// (<see cref="StateStore.CloseTrade"/>), committed by the writer like every save.
    /// </summary>
    /// <param name="runId">The run closing it.</param>
    /// <param name="journalLine">Its line of <c>all_trades.jsonl</c> (<see cref="TradeJournal.Line"/>).</param>
    public void Close(TradeRecord closed, string runId, string journalLine)
    {
        ArgumentNullException.ThrowIfNull(closed);
        _closes.Save(closed.Id, s => s.CloseTrade(accountId, closed.Id, CmeSession.TradingDayOf(closed.EntryTime), runId, journalLine));
    }

    /// <summary>
    /// Records the fills booked in an executor step, with their attribution (<see cref="StateStore.RecordFills"/>), through
    /// the writer (<see cref="StoreSaver"/>: a failure reported once, and its recovery). Fills the disk refused are kept and
    /// written with the next ones.
    /// </summary>
    public void RecordFills(IReadOnlyList<BookedFill>? fills)
    {
        if (fills is not { Count: > 0 })
            return;
        lock (_fillsGate)
            _unrecorded.AddRange(fills);
        _fills.Save(new object(), s =>
        {
            List<BookedFill> batch;
            lock (_fillsGate)
            {
                batch = [.. _unrecorded];
                _unrecorded.Clear();
            }
            if (batch.Count == 0)
                return;
            try
            {
                s.RecordFills(accountId, batch);
            }
            catch
            {
                lock (_fillsGate)
                    _unrecorded.InsertRange(0, batch);
                throw;
            }
        });
    }

    /// <summary>Saves <paramref name="trade"/> (null: none open) unless nothing that matters changed since the last save.</summary>
    public void Save(OpenTradeState? trade) => _saver.Save(Key(trade), s => s.SaveOpenTrade(accountId, trade));

    /// <summary>Commits <paramref name="entry"/> as the open trade, through the writer, and returns once it is committed.</summary>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The write failed (a full or failing disk).</exception>
    public async ValueTask RecordAsync(OpenTradeState entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _saver.SaveAsync(Key(entry), s => s.SaveOpenTrade(accountId, entry)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static object? Key(OpenTradeState? trade) => trade is null ? null
        : (trade.Tag, trade.EntryFilled, trade.EntryComplete, trade.AtBreakeven, trade.TargetsPlaced, trade.InitialStop, trade.Commission, trade.Exits.Count, trade.TrailStop);
}
