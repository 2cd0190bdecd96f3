using System.Globalization;
using GoldBot.Strategy;
using Microsoft.Extensions.Logging;

namespace GoldBot.Monitoring;

/// <summary>
/// <c>signals.log</c>: one line per signal, taken or not, appended:
/// <c>time | pattern side | score=N (components) | executed=true/false | reason=… | details | run=…</c>,
/// time in ISO-8601 UTC (market time). Thread-safe; flushed per line so <c>tail -f</c> shows it at
/// once. Best-effort: a failed write is logged once and never stops trading.
/// </summary>
public sealed class SignalLog : IDisposable
{
    private readonly object _gate = new();
    private readonly StreamWriter _writer;
    private readonly string _runId;
    private readonly ILogger _logger;
    private bool _failing;

    /// <summary>Appends to <c>signals.log</c> in <paramref name="directory"/> (created if missing); lines end with <paramref name="runId"/>.</summary>
    public SignalLog(string directory, string runId, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        _runId = runId;
        _logger = logger;
        _writer = new StreamWriter(new FileStream(Path.Combine(directory, "signals.log"), FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>Writes one signal with the decision taken on it.</summary>
    /// <param name="executed">True when it was sent for execution.</param>
    /// <param name="reason"><c>traded</c>, or why not.</param>
    public void Write(TradeSignal signal, bool executed, string reason)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{signal.Time:yyyy-MM-ddTHH:mm:ssZ} | {signal.Pattern} {signal.Side} | score={signal.Score} ({signal.Components}) | executed={(executed ? "true" : "false")} | reason={reason} | zone={signal.ZoneBottom}-{signal.ZoneTop} stop_ticks={signal.StopTicks} trend={signal.Trend} session={signal.Conditions.Session} | run={_runId}");
        lock (_gate)
        {
            try
            {
                _writer.WriteLine(line);
                _failing = false;
            }
            catch (IOException e)
            {
                if (!_failing)
                    _logger.LogError("Cannot write signals.log: {Message}; trading continues", e.Message);
                _failing = true;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _writer.Dispose();
}
