using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoldBot.Controls;

/// <summary>
/// Reads the operator's control files in one directory (the working directory by default), the
/// interface of the monitoring plan (<c>design/001</c> §4): <c>EMERGENCY_STOP.txt</c> (kept, so
/// a restart stays stopped), <c>PAUSE_TRADING.txt</c> (effective while it exists),
/// <c>FLATTEN_ALL.txt</c> (acted on once, deleted when the flatten is complete, so a daemon that dies
/// mid-flatten finishes it when it starts again) and <c>ADJUST_RISK.txt</c> (deleted once acted on; a bad
/// value is renamed <c>ADJUST_RISK.txt.rejected</c>). Each scan returns the new commands. Thread-safe.
/// <para>
/// The three controls that stop or reduce trading act on the name's existence, whatever it is: a directory named
/// <c>EMERGENCY_STOP.txt</c> stops trading (with a warning), since the operator meant it. A control that cannot be removed
/// once done (no permission to delete it, a directory) is reported as an error (so it shows in <c>status.json</c>'s
/// errors) and acts again only when it changes (its last write time). <c>ADJUST_RISK.txt</c> must be a file of at most
/// <see cref="MaxAdjustRiskBytes"/> bytes; anything else is rejected with the reason, and no more than
/// <see cref="EchoCharacters"/> characters of a rejected value are ever echoed.
/// </para>
/// </summary>
public sealed class ControlFiles
{
    /// <summary>Emergency stop file name.</summary>
    public const string EmergencyStop = "EMERGENCY_STOP.txt";

    /// <summary>Pause file name.</summary>
    public const string PauseTrading = "PAUSE_TRADING.txt";

    /// <summary>Flatten file name.</summary>
    public const string FlattenAll = "FLATTEN_ALL.txt";

    /// <summary>Risk adjustment file name.</summary>
    public const string AdjustRisk = "ADJUST_RISK.txt";

    /// <summary>Largest <c>ADJUST_RISK.txt</c> read, bytes (a number of contracts and a line end need a few).</summary>
    public const int MaxAdjustRiskBytes = 64;

    /// <summary>Most characters of a rejected value echoed to the log.</summary>
    public const int EchoCharacters = 32;

    private readonly Lock _gate = new();
    private readonly string _directory;
    private readonly int _minContracts;
    private readonly int _maxContracts;
    private readonly ILogger _logger;
    // Controls acted on (FLATTEN_ALL until its flatten completes; ADJUST_RISK that could not be removed), with their last
    // write time (UTC) then: they do not act again unless they change.
    private readonly Dictionary<string, DateTime> _acted = [];
    private readonly HashSet<string> _warned = [];
    private bool _stopped;
    private bool _paused;
    private bool _flattenCompleted;
    // The last write time of an ADJUST_RISK.txt found with nothing to act on, and whether that was reported.
    private (DateTime Changed, bool Reported)? _unreadable;

    /// <summary>Watches <paramref name="directory"/>; ADJUST_RISK values must lie in [<paramref name="minContracts"/>, <paramref name="maxContracts"/>].</summary>
    public ControlFiles(string directory, int minContracts, int maxContracts, ILogger logger)
    {
        _directory = directory;
        _minContracts = minContracts;
        _maxContracts = maxContracts;
        _logger = logger;
    }

    /// <summary>Looks at the files once and returns the commands they carry that were not returned before.</summary>
    /// <remarks>
    /// An <c>ADJUST_RISK.txt</c> that cannot be read yet (locked, being written, empty) is left for the next scan, and reported
    /// once if the next scan finds it unchanged and still so. One of size 0 is never opened: a named pipe would block the read.
    /// </remarks>
    public IReadOnlyList<ControlCommand> Scan()
    {
        lock (_gate)
        {
            var commands = new List<ControlCommand>();
            if (!_stopped && Present(EmergencyStop))
            {
                _stopped = true;
                commands.Add(new ControlCommand(ControlAction.EmergencyStop, null, EmergencyStop));
            }

            var pause = Present(PauseTrading);
            if (pause != _paused)
            {
                _paused = pause;
                commands.Add(new ControlCommand(pause ? ControlAction.Pause : ControlAction.Resume, null, PauseTrading));
            }

            if (Interlocked.Exchange(ref _flattenCompleted, false) && Present(FlattenAll) && ActedOn(FlattenAll) && Remove(FlattenAll, "done (the account is flat)"))
                _acted.Remove(FlattenAll);
            if (!Present(FlattenAll))
                _acted.Remove(FlattenAll);
            else if (!ActedOn(FlattenAll))
            {
                _acted[FlattenAll] = LastChange(FlattenAll);
                commands.Add(new ControlCommand(ControlAction.FlattenAll, null, FlattenAll));
            }

            if (Present(AdjustRisk) && !ActedOn(AdjustRisk) && TryReadAdjustRisk() is { } adjust)
                commands.Add(adjust);
            return commands;
        }
    }

    /// <summary>
    /// A flatten has completed (the broker shows the account flat): at the next scan a <c>FLATTEN_ALL.txt</c> acted on and
    /// unchanged since is removed; one that cannot be is reported, and acts again only if it changes. Never blocks (the order
    /// executor calls it; the scan's file work stays on the watcher's thread).
    /// </summary>
    public void FlattenCompleted() => Volatile.Write(ref _flattenCompleted, true);

    /// <summary>True when something carries the control's name; a directory is warned about once (it acts all the same).</summary>
    private bool Present(string name)
    {
        if (File.Exists(PathOf(name)))
            return true;
        // A symbolic link to nothing carries the name too (the operator meant it): it counts, except as a risk value.
        if (name != AdjustRisk && new FileInfo(PathOf(name)).LinkTarget is not null)
            return true;
        if (!Directory.Exists(PathOf(name)))
        {
            _warned.Remove(name);
            return false;
        }
        if (_warned.Add(name) && name != AdjustRisk)
            _logger.LogWarning("{File} is a directory, not a file: acted on all the same (its name is the command)", name);
        return true;
    }

    /// <summary>True when the control was acted on and has not changed since.</summary>
    private bool ActedOn(string name) => _acted.TryGetValue(name, out var acted) && acted == LastChange(name);

    /// <summary>Deletes a control once done with; when it cannot be, reports it (<paramref name="what"/> says why it was to go).</summary>
    private bool Remove(string name, string what)
    {
        try
        {
            if (Directory.Exists(PathOf(name)))
                throw new IOException("it is a directory");
            File.Delete(PathOf(name));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("{File} {What}, but it cannot be removed ({Message}): remove it by hand; it acts again only if it changes", name, what, e.Message);
            return false;
        }
    }

    private ControlCommand? TryReadAdjustRisk()
    {
        var path = PathOf(AdjustRisk);
        if (Directory.Exists(path))
            return Reject("it is a directory, not a file");
        string text;
        try
        {
            // Never opened empty: a pipe or a device has no size, and opening a pipe waits for a writer (the watcher would hang).
            // The size is the link's target's: a link's own size is its target's name's length (a link to /dev/zero is 9 bytes).
            var info = new FileInfo(path);
            var length = info.LinkTarget is null ? info.Length : (info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo)?.Length ?? 0;
            if (length == 0)
                return Unreadable("it is empty, or not a regular file (a pipe or a device): write a number of contracts into it, e.g. echo 3 > ADJUST_RISK.txt");
            if (length > MaxAdjustRiskBytes)
                return Reject($"it holds {length} bytes, more than {MaxAdjustRiskBytes}");
            // At most one byte past the limit is read, whatever the file has become since its size was taken.
            var bytes = new byte[MaxAdjustRiskBytes + 1];
            int read;
            using (var file = File.OpenRead(path))
                read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read > MaxAdjustRiskBytes)
                return Reject($"it holds more than {MaxAdjustRiskBytes} bytes");
            text = System.Text.Encoding.UTF8.GetString(bytes, 0, read).TrimStart('\uFEFF').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable($"it cannot be read ({e.Message})");
        }
        _unreadable = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var contracts) && contracts >= _minContracts && contracts <= _maxContracts)
        {
            if (!Remove(AdjustRisk, "acted on"))
                _acted[AdjustRisk] = LastChange(AdjustRisk);
            return new ControlCommand(ControlAction.AdjustRisk, contracts, AdjustRisk);
        }
        return Reject($"'{(text.Length > EchoCharacters ? text[..EchoCharacters] + "…" : text)}' is not a whole number of contracts between {_minContracts} and {_maxContracts}");
    }

    /// <summary>
    /// An <c>ADJUST_RISK.txt</c> with nothing to act on yet: left for the next scan (<c>echo 3 &gt; ADJUST_RISK.txt</c> creates it
    /// empty first; a lock is brief), and reported once, as a warning, when a later scan finds it unchanged and still so.
    /// </summary>
    private ControlCommand? Unreadable(string reason)
    {
        var changed = LastChange(AdjustRisk);
        if (_unreadable is { } seen && seen.Changed == changed && !seen.Reported)
        {
            _logger.LogWarning("{File} is not acted on: {Reason}; it is read again at each scan", AdjustRisk, reason);
            _unreadable = seen with { Reported = true };
        }
        else if (_unreadable?.Changed != changed)
        {
            _unreadable = (changed, false);
        }
        return null;
    }

    /// <summary>Renames a rejected <c>ADJUST_RISK.txt</c> to <c>ADJUST_RISK.txt.rejected</c>; reported once per change when it cannot be.</summary>
    private ControlCommand? Reject(string reason)
    {
        var path = PathOf(AdjustRisk);
        try
        {
            if (Directory.Exists(path))
                throw new IOException("it is a directory");
            File.Move(path, PathOf(AdjustRisk + ".rejected"), overwrite: true);
            _logger.LogError("{File} rejected: {Reason}; renamed to {Rejected}", AdjustRisk, reason, AdjustRisk + ".rejected");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _acted[AdjustRisk] = LastChange(AdjustRisk);
            _logger.LogError("{File} rejected: {Reason}; it cannot be renamed ({Message}): remove it by hand; it is read again only if it changes",
                AdjustRisk, reason, e.Message);
        }
        return null;
    }

    private DateTime LastChange(string name) => Directory.Exists(PathOf(name)) ? Directory.GetLastWriteTimeUtc(PathOf(name)) : File.GetLastWriteTimeUtc(PathOf(name));

    private string PathOf(string name) => Path.Combine(_directory, name);
}
