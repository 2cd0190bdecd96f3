using System.Globalization;
using GoldBot.Strategy;

namespace GoldBot.Monitoring;

/// <summary>
/// <c>signals.log</c>: one line per signal, taken or not, appended:
/// <c>time | pattern side | score=N (components) | executed=true/false | reason=…</c>, time in
/// ISO-8601 UTC (market time). Thread-safe; flushed per line so <c>tail -f</c> shows it at once.
/// </summary>
public sealed class SignalLog : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;

    /// <summary>Appends to <c>signals.log</c> in <paramref name="directory"/> (created if missing).</summary>
    public SignalLog(string directory)
    {
        Directory.CreateDirectory(directory);
        _writer = new StreamWriter(new FileStream(Path.Combine(directory, "signals.log"), FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>Writes one signal with the decision taken on it.</summary>
    /// <param name="executed">True when it was sent for execution.</param>
    /// <param name="reason"><c>traded</c>, or why not.</param>
    public void Write(TradeSignal signal, bool executed, string reason)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{signal.Time:yyyy-MM-ddTHH:mm:ssZ} | {signal.Pattern} {signal.Side} | score={signal.Score} ({signal.Components}) | executed={(executed ? "true" : "false")} | reason={reason} | zone={signal.ZoneBottom}-{signal.ZoneTop} stop_ticks={signal.StopTicks} trend={signal.Trend} session={signal.Conditions.Session}");
        lock (_gate)
            _writer.WriteLine(line);
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
