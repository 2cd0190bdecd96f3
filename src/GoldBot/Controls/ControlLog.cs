using System.Globalization;
using GoldBot.Alerts;
using GoldBot.Monitoring;

namespace GoldBot.Controls;

/// <summary>
/// <c>logs/controls.log</c>: one line per operator control, from a file or a Telegram chat, once it is acknowledged:
/// <c>seen at (ISO-8601 UTC, market time) | source=… | action=… | what was done | broker: …</c>. A control that flattens
/// (<c>FLATTEN_ALL.txt</c>, <c>EMERGENCY_STOP.txt</c>, a shutdown flatten) is written when the broker confirms the account flat
/// (<c>broker: flat: 0 contracts, 0 working orders at …</c>), or, when the daemon stops first, with <c>broker: not confirmed
/// flat before the daemon stopped</c>; the others at once. Every line also goes out as an alert. A line the disk refuses is
/// kept and appended at the next write (reported through <see cref="WriteFailures"/>). Thread-safe.
/// </summary>
public sealed class ControlLog : IDisposable
{
    /// <summary>The file's name in the logs folder.</summary>
    public const string FileName = "controls.log";

    private readonly Lock _gate = new();
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly WriteFailures _writes;
    private readonly AlertPublisher? _alerts;
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly List<ControlLogEntry> _awaitingFlat = [];
    private readonly Queue<string> _unwritten = new();

    /// <summary>Appends to <see cref="FileName"/> in <paramref name="directory"/> (created if missing), stamped on <paramref name="time"/> (market time).</summary>
    public ControlLog(string directory, TimeProvider time, WriteFailures writes, AlertPublisher? alerts = null)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, FileName);
        _time = time;
        _writes = writes;
        _alerts = alerts;
    }

    /// <summary>
    /// The next control carried by <paramref name="file"/> comes from <paramref name="source"/> (a Telegram command writes the same
    /// control files the watcher reads; this names who asked).
    /// </summary>
    public void Requested(string file, string source)
    {
        lock (_gate)
            _sources[file] = source;
    }

    /// <summary>The risk manager received <paramref name="command"/> now: the line's seen-at time and source.</summary>
    /// <returns>The entry to complete with <see cref="Acted"/>.</returns>
    public ControlLogEntry Seen(ControlCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (_gate)
        {
            var source = _sources.Remove(command.File, out var requested) ? requested
                : command.Action == ControlAction.Shutdown ? $"stop signal ({command.File})" : $"file {command.File}";
            var entry = new ControlLogEntry(_time.GetUtcNow(), source, command.Action);
            if (command.Action is ControlAction.FlattenAll or ControlAction.EmergencyStop or ControlAction.Shutdown)
                _awaitingFlat.Add(entry);
            return entry;
        }
    }

    /// <summary>What the risk manager did for <paramref name="entry"/>: written now, or for a flatten once the broker confirms it (whichever comes last).</summary>
    public void Acted(ControlLogEntry entry, string detail)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            entry.Detail = detail;
            if (!_awaitingFlat.Contains(entry) || entry.Broker is not null)
            {
                _awaitingFlat.Remove(entry);
                Write(entry);
            }
        }
    }

    /// <summary>The broker shows the account flat (<paramref name="position"/> contracts, <paramref name="workingOrders"/> working orders): completes every flatten control seen.</summary>
    public void FlattenConfirmed(int position, int workingOrders)
    {
        lock (_gate)
        {
            var broker = string.Create(CultureInfo.InvariantCulture, $"flat: {position} contracts, {workingOrders} working orders at {_time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ}");
            foreach (var entry in _awaitingFlat.ToList())
            {
                entry.Broker = broker;
                if (entry.Detail is not null)
                {
                    _awaitingFlat.Remove(entry);
                    Write(entry);
                }
            }
        }
    }

    /// <summary>Writes the flatten controls the broker never confirmed.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var entry in _awaitingFlat)
            {
                entry.Broker = "not confirmed flat before the daemon stopped";
                entry.Detail ??= "not acted on before the daemon stopped";
                Write(entry);
            }
            _awaitingFlat.Clear();
        }
    }

    private void Write(ControlLogEntry entry)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{entry.SeenAt:yyyy-MM-ddTHH:mm:ssZ} | source={entry.Source} | action={entry.Action} | {entry.Detail}{(entry.Broker is null ? "" : " | broker: " + entry.Broker)}");
        _unwritten.Enqueue(line);
        while (_unwritten.Count > 0 && _writes.Attempt(_path, () => AppendFile.Line(_path, _unwritten.Peek()),
                   "the control lines are kept in memory and appended when the file can be written"))
            _unwritten.Dequeue();
        _writes.SetPending(_path, _unwritten.Count);
        _alerts?.Publish(DaemonAlerts.Control(entry.Action.ToString(), line, _time.GetUtcNow()));
    }
}
