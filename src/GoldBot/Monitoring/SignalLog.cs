using System.Globalization;
using GoldBot.Strategy;
using Microsoft.Extensions.Logging;

namespace GoldBot.Monitoring;

/// <summary>
/// <c>signals.log</c>: one line per signal, taken or not, appended:
/// <c>time | pattern side | score=N (components) | executed=true/false | reason=… | details | run=…</c>,
/// time in ISO-8601 UTC (market time). Thread-safe; each line is appended on its own (the file opened, written and
/// closed: a signal every few minutes at most), so <c>tail -f</c> shows it at once and a failed write leaves nothing
/// buffered to fail again later. Best-effort: a failed write is logged once and never stops trading.
/// </summary>
public sealed class SignalLog
{
    private readonly object _gate = new();
    private readonly string _path;
    private readonly string _runId;
    private readonly ILogger _logger;
    private bool _failing;

    /// <summary>Appends to <c>signals.log</c> in <paramref name="directory"/> (created if missing); lines end with <paramref name="runId"/>.</summary>
    public SignalLog(string directory, string runId, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        _runId = runId;
        _logger = logger;
        _path = Path.Combine(directory, "signals.log");
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
                File.AppendAllText(_path, line + Environment.NewLine);
                _failing = false;
            }
#pragma warning disable CA1031 // A monitoring write never stops trading, whatever failed (issue 11).
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (!_failing)
                    _logger.LogError("Cannot write signals.log: {Message}; trading continues", e.Message);
                _failing = true;
            }
        }
    }
}
