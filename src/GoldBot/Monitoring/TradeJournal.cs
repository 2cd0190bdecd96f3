using System.Text.Json;
using GoldBot.Execution;
using GoldBot.Market;
using Microsoft.Extensions.Logging;

namespace GoldBot.Monitoring;

/// <summary>
/// The trade journal: <c>trades_today.json</c> (the current CME trading day's trades, open and
/// closed, plus a summary; rewritten atomically on every change and at the day roll) and
/// <c>all_trades.jsonl</c> (one line per closed trade, appended, never rewritten; each line
/// carries the run id so runs sharing a logs folder can be told apart). trades_today.json also lists
/// the day's trades that earlier runs closed (read back from all_trades.jsonl when the day starts), so
/// a restart keeps the day whole; replays neither list nor are listed by other runs (each replays history anew). Thread-safe. Writing is
/// best-effort: a failed write is reported through <see cref="WriteFailures"/> (once in the log, in status.json and in the
/// exit summary) and retried with the next change or the status timer; it never stops trading by itself. The in-memory record of closed trades is always kept.
/// </summary>
public sealed class TradeJournal
{
    private readonly object _gate = new();
    private readonly string _todayPath;
    private readonly string _allPath;
    private readonly string _symbol;
    private readonly List<TradeRecord> _today = [];
    private readonly List<TradeDocument> _earlier = [];
    private readonly List<TradeRecord> _closed = [];
    private readonly ILogger _logger;
    private DateOnly? _tradingDay;
    private readonly WriteFailures _writes;
    private bool _todayStale;
    private readonly List<string> _unwritten = [];

    /// <summary>Writes into <paramref name="directory"/> (created if missing); failed writes are reported through <paramref name="writes"/>.</summary>
    public TradeJournal(string directory, string symbol, string runId, WriteFailures writes, ILogger logger)
    {
        _logger = logger;
        _writes = writes;
        Directory.CreateDirectory(directory);
        _todayPath = Path.Combine(directory, "trades_today.json");
        _allPath = Path.Combine(directory, "all_trades.jsonl");
        _symbol = symbol;
        RunId = runId;
    }

    /// <summary>Identity of this run, written on every journal line.</summary>
    public string RunId { get; }

    /// <summary>The contract's root symbol, e.g. MGC, written on every journal line.</summary>
    public string Symbol => _symbol;

    /// <summary>Trades closed during this run, in closing order.</summary>
    public IReadOnlyList<TradeRecord> ClosedTrades { get { lock (_gate) return [.. _closed]; } }

    /// <summary>Records a trade whose entry filled.</summary>
    public void Opened(TradeRecord trade)
    {
        lock (_gate)
        {
            RollTo(CmeSession.TradingDayOf(trade.EntryTime));
            Upsert(trade);
            WriteToday();
        }
    }

    /// <summary>
    /// Records a closed trade: appends it to all_trades.jsonl and updates today's file. A trade an earlier run already
    /// journaled as closed (a restart that found it closed again from the broker's fills, its close not yet committed to the
    /// state store when that run was killed) is not appended twice; this run's record replaces it in today's file.
    /// </summary>
    public void Closed(TradeRecord trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        lock (_gate)
        {
            RollTo(CmeSession.TradingDayOf(trade.EntryTime));
            Upsert(trade);
            _closed.Add(trade);
            if (_earlier.RemoveAll(t => t.Id == trade.Id && t.Pnl is not null) > 0)
                _logger.LogInformation("Trade {Id} is already in {Path} (closed by an earlier run): not appended again", trade.Id, _allPath);
            else
                _unwritten.Add(Line(trade));
            AppendUnwritten();
            WriteToday();
        }
    }

    /// <summary>The trade's line of all_trades.jsonl (one JSON object, no line end).</summary>
    public string Line(TradeRecord trade) => JsonSerializer.Serialize(TradeDocument.From(trade, _symbol, RunId), MonitoringJson.Line);

    /// <summary>
    /// Appends to <c>all_trades.jsonl</c> in <paramref name="directory"/> the lines of <paramref name="closed"/> (closed trades
    /// from the state store) whose trade id it does not hold yet: the journal re-synchronised with the store at start, after a
    /// kill -9 fell between a close's commit and its append. Returns how many lines were appended.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    public static int AppendMissing(string directory, IEnumerable<(string Id, string JournalLine)> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var path = Path.Combine(directory, "all_trades.jsonl");
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                try
                {
                    if (JsonSerializer.Deserialize<TradeDocument>(line, MonitoringJson.Line) is { } document)
                        known.Add(document.Id);
                }
                catch (JsonException)
                {
                    // A torn line: its trade, if it is in the store, is written again whole.
                }
            }
        }
        var missing = closed.Where(c => known.Add(c.Id)).Select(c => c.JournalLine).ToList();
        if (missing.Count > 0)
        {
            Directory.CreateDirectory(directory);
            AppendFile.Lines(path, missing);
        }
        return missing.Count;
    }

    /// <summary>
    /// Starts a new trades_today.json when <paramref name="now"/> is in a later trading day, and writes what a failing disk
    /// refused before: the lines of all_trades.jsonl, trades_today.json (called on the status timer).
    /// </summary>
    public void Roll(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_unwritten.Count > 0)
                AppendUnwritten();
            var day = CmeSession.TradingDayOf(now);
            if (_tradingDay is null || day > _tradingDay || _todayStale)
            {
                RollTo(day);
                WriteToday();
            }
        }
    }

    private void RollTo(DateOnly day)
    {
        // Only forward: a trade closing after its entry day must not pull today's file back.
        if (_tradingDay is { } current && day <= current)
            return;
        _tradingDay = day;
        _today.RemoveAll(t => t.IsClosed);
        _earlier.Clear();
        _earlier.AddRange(EarlierRuns(day));
    }

    /// <summary>
    /// The trades of <paramref name="day"/> that other runs closed, from all_trades.jsonl (unreadable lines skipped, said once).
    /// Replays are left out on both sides: a replay trades history again, so its day is not a continuation of another run's
    /// (run ids start with the mode: <c>replay-…</c>).
    /// </summary>
    private List<TradeDocument> EarlierRuns(DateOnly day)
    {
        var found = new List<TradeDocument>();
        if (IsReplay(RunId) || !File.Exists(_allPath))
            return found;
        var skipped = 0;
        try
        {
            foreach (var line in File.ReadLines(_allPath))
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                try
                {
                    if (JsonSerializer.Deserialize<TradeDocument>(line, MonitoringJson.Line) is { } trade && trade.RunId != RunId && !IsReplay(trade.RunId)
                        && CmeSession.TradingDayOf(trade.Timestamp) == day)
                        found.Add(trade);
                }
                catch (JsonException)
                {
                    skipped++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("Cannot read {Path}: {Message}; trades_today.json lists this run's trades only", _allPath, e.Message);
        }
        if (skipped > 0)
            _logger.LogWarning("{Path}: {Count} unreadable lines skipped while listing the day's earlier trades", _allPath, skipped);
        return found;
    }

    private static bool IsReplay(string runId) => runId.StartsWith("replay-", StringComparison.Ordinal);

    private void Upsert(TradeRecord trade)
    {
        var i = _today.FindIndex(t => t.Id == trade.Id);
        if (i >= 0)
            _today[i] = trade;
        else
            _today.Add(trade);
    }

    private void WriteToday()
    {
        var trades = _earlier.Concat(_today.Select(t => TradeDocument.From(t, _symbol, RunId))).ToList();
        var closed = trades.Where(t => t.Pnl is not null).ToList();
        var document = new
        {
            TradingDay = _tradingDay,
            RunId,
            Trades = trades,
            Summary = new
            {
                TotalTrades = trades.Count,
                TotalPnl = closed.Sum(t => t.Pnl!.Value),
                OpenTrades = trades.Count - closed.Count,
                WinRate = closed.Count == 0 ? 0 : Math.Round((double)closed.Count(t => t.Pnl > 0) / closed.Count, 4),
            },
        };
        _todayStale = !_writes.Attempt(_todayPath, () => AtomicFile.Write(_todayPath, JsonSerializer.Serialize(document, MonitoringJson.Indented)), Kept);
    }

    private const string Kept = "the journal is kept in memory and written when the file can be";

    /// <summary>
    /// Appends the closed trades' lines not yet in all_trades.jsonl, on a line of their own after a torn last line; on failure
    /// they stay queued for the next attempt (the next close, or the status timer), so a full disk loses none.
    /// </summary>
    private void AppendUnwritten()
    {
        // One line per append: lines already written are not written again when a later one fails.
        while (_unwritten.Count > 0 && _writes.Attempt(_allPath, () => AppendFile.Line(_allPath, _unwritten[0]), Kept))
            _unwritten.RemoveAt(0);
        _writes.SetPending(_allPath, _unwritten.Count);
    }
}
