using System.Globalization;
using GoldBot.Strategy;

namespace GoldBot.Monitoring;

/// <summary>
/// <c>signals.log</c>: one line per signal, taken or not, appended:
/// <c>time | pattern side | score=N (components) | executed=true/false | reason=… | details | run=…</c>,
/// time in ISO-8601 UTC (market time). Thread-safe; each line is appended on its own (the file opened, written and
/// closed: a signal every few minutes at most), so <c>tail -f</c> shows it at once. Best-effort: a failed write never stops
/// trading; it is reported through <see cref="WriteFailures"/>, and the lines the disk refused are kept in memory (a few
/// hundred bytes each, a signal every few minutes: a disk that fails for weeks holds a few megabytes) and appended in order
/// once it takes writes again (at the next signal or <see cref="Flush"/>), after a torn last line on a line of their own.
/// </summary>
public sealed class SignalLog
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly string _runId;
    private readonly WriteFailures _writes;
    private readonly Queue<string> _unwritten = new();

    /// <summary>Appends to <c>signals.log</c> in <paramref name="directory"/> (created if missing); lines end with <paramref name="runId"/>.</summary>
    public SignalLog(string directory, string runId, WriteFailures writes)
    {
        Directory.CreateDirectory(directory);
        _runId = runId;
        _writes = writes;
        _path = Path.Combine(directory, "signals.log");
    }

    /// <summary>Writes one signal with the decision taken on it.</summary>
    /// <param name="executed">True when it was sent for execution.</param>
    /// <param name="reason"><c>traded</c>, or why not.</param>
    public void Write(TradeSignal signal, bool executed, string reason)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{signal.Time:yyyy-MM-ddTHH:mm:ssZ} | {signal.Pattern} {signal.Side} | score={signal.Score} ({signal.Components}) | executed={(executed ? "true" : "false")} | reason={reason} | zone={signal.ZoneBottom}-{signal.ZoneTop} stop_ticks={signal.StopTicks} trend={signal.Trend} session={signal.Conditions.Session}{(signal.SizeNote is null ? "" : $" size_factor={signal.SizeFactor} ({signal.SizeNote})")} | run={_runId}");
        lock (_gate)
        {
            _unwritten.Enqueue(line);
            AppendUnwritten();
        }
    }

    /// <summary>Appends the lines a failing disk refused before, if any (called on the status timer).</summary>
    public void Flush()
    {
        lock (_gate)
        {
            if (_unwritten.Count > 0)
                AppendUnwritten();
        }
    }

    private void AppendUnwritten()
    {
        while (_unwritten.Count > 0 && _writes.Attempt(_path, () => AppendFile.Line(_path, _unwritten.Peek()),
                   "the signal lines are kept in memory and appended when the file can be written"))
            _unwritten.Dequeue();
        _writes.SetPending(_path, _unwritten.Count);
    }
}
