using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoldBot.Controls;

/// <summary>
/// Reads the operator's control files in one directory (the working directory by default), the
/// interface of the monitoring plan (<c>design/001</c> §4): <c>EMERGENCY_STOP.txt</c> (kept, so
/// a restart stays stopped), <c>PAUSE_TRADING.txt</c> (effective while it exists),
/// <c>FLATTEN_ALL.txt</c> and <c>ADJUST_RISK.txt</c> (consumed: deleted once acted on; a bad
/// ADJUST_RISK value is renamed <c>ADJUST_RISK.txt.rejected</c>). Each scan returns the new
/// commands.
/// <para>
/// The three controls that stop or reduce trading act on the name's existence, whatever it is: a directory named
/// <c>EMERGENCY_STOP.txt</c> stops trading (with a warning), since the operator meant it. A control that is acted on but
/// cannot be consumed (no permission to delete it, a directory) acts once, is reported once as an error (so it shows in
/// <c>status.json</c>'s errors) and acts again only when it changes (its last write time). <c>ADJUST_RISK.txt</c> must be
/// a file of at most <see cref="MaxAdjustRiskBytes"/> bytes; anything else is rejected with the reason, and no more than
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

    private readonly string _directory;
    private readonly int _minContracts;
    private readonly int _maxContracts;
    private readonly ILogger _logger;
    // Controls acted on (or rejected) that could not be removed, with their last write time (UTC) then.
    private readonly Dictionary<string, DateTime> _stuck = [];
    private readonly HashSet<string> _warned = [];
    private bool _stopped;
    private bool _paused;

    /// <summary>Watches <paramref name="directory"/>; ADJUST_RISK values must lie in [<paramref name="minContracts"/>, <paramref name="maxContracts"/>].</summary>
    public ControlFiles(string directory, int minContracts, int maxContracts, ILogger logger)
    {
        _directory = directory;
        _minContracts = minContracts;
        _maxContracts = maxContracts;
        _logger = logger;
    }

    /// <summary>Looks at the files once and returns the commands they carry that were not returned before.</summary>
    /// <remarks>An <c>ADJUST_RISK.txt</c> that cannot be read yet (locked, being written) is left for the next scan.</remarks>
    public IReadOnlyList<ControlCommand> Scan()
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

        if (Present(FlattenAll) && Consume(FlattenAll))
            commands.Add(new ControlCommand(ControlAction.FlattenAll, null, FlattenAll));

        if (Present(AdjustRisk) && TryReadAdjustRisk() is { } adjust)
            commands.Add(adjust);
        return commands;
    }

    /// <summary>True when something carries the control's name; a directory is warned about once (it acts all the same).</summary>
    private bool Present(string name)
    {
        if (File.Exists(PathOf(name)))
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

    /// <summary>
    /// True when the control should act now: it is deleted, or, when it cannot be, it acts once per change (its last write
    /// time) and the failure is reported once.
    /// </summary>
    private bool Consume(string name)
    {
        var path = PathOf(name);
        var changed = LastChange(path);
        if (_stuck.TryGetValue(name, out var acted) && acted == changed)
            return false;
        try
        {
            if (Directory.Exists(path))
                throw new IOException("it is a directory");
            File.Delete(path);
            _stuck.Remove(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stuck[name] = changed;
            _logger.LogError("{File} acted on, but it cannot be removed ({Message}): remove it by hand; it acts again only if it changes", name, e.Message);
        }
        return true;
    }

    private ControlCommand? TryReadAdjustRisk()
    {
        var path = PathOf(AdjustRisk);
        if (Directory.Exists(path))
            return Reject("it is a directory, not a file");
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxAdjustRiskBytes)
                return Reject($"it holds {length} bytes, more than {MaxAdjustRiskBytes}");
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("{File} not readable yet: {Message}", AdjustRisk, e.Message);
            return null;
        }
        if (text.Length == 0)
            return null; // still being written (`echo 3 > ADJUST_RISK.txt` creates it empty first)

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var contracts) && contracts >= _minContracts && contracts <= _maxContracts)
            return Consume(AdjustRisk) ? new ControlCommand(ControlAction.AdjustRisk, contracts, AdjustRisk) : null;
        return Reject($"'{(text.Length > EchoCharacters ? text[..EchoCharacters] + "…" : text)}' is not a whole number of contracts between {_minContracts} and {_maxContracts}");
    }

    /// <summary>Renames a rejected <c>ADJUST_RISK.txt</c> to <c>ADJUST_RISK.txt.rejected</c>; reported once per change when it cannot be.</summary>
    private ControlCommand? Reject(string reason)
    {
        var path = PathOf(AdjustRisk);
        var changed = LastChange(path);
        if (_stuck.TryGetValue(AdjustRisk, out var reported) && reported == changed)
            return null;
        try
        {
            if (Directory.Exists(path))
                throw new IOException("it is a directory");
            File.Move(path, PathOf(AdjustRisk + ".rejected"), overwrite: true);
            _stuck.Remove(AdjustRisk);
            _logger.LogError("{File} rejected: {Reason}; renamed to {Rejected}", AdjustRisk, reason, AdjustRisk + ".rejected");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _stuck[AdjustRisk] = changed;
            _logger.LogError("{File} rejected: {Reason}; it cannot be renamed ({Message}): remove it by hand; it is read again only if it changes",
                AdjustRisk, reason, e.Message);
        }
        return null;
    }

    private static DateTime LastChange(string path) => Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path);

    private string PathOf(string name) => Path.Combine(_directory, name);
}
