using System.Globalization;
using Microsoft.Extensions.Logging;

namespace GoldBot.Controls;

/// <summary>
/// Reads the operator's control files in one directory (the working directory by default), the
/// interface of the monitoring plan (<c>design/001</c> §4): <c>EMERGENCY_STOP.txt</c> (kept, so
/// a restart stays stopped), <c>PAUSE_TRADING.txt</c> (effective while it exists),
/// <c>FLATTEN_ALL.txt</c> and <c>ADJUST_RISK.txt</c> (consumed: deleted once acted on; a bad
/// ADJUST_RISK value is renamed <c>ADJUST_RISK.txt.rejected</c>). Each scan returns the new
/// commands; a file that is momentarily unreadable is retried on the next scan.
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

    private readonly string _directory;
    private readonly int _minContracts;
    private readonly int _maxContracts;
    private readonly ILogger _logger;
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
    /// <remarks>A file that cannot be read or removed yet (locked, no permission) is left for the next scan.</remarks>
    public IReadOnlyList<ControlCommand> Scan()
    {
        var commands = new List<ControlCommand>();
        if (!_stopped && File.Exists(PathOf(EmergencyStop)))
        {
            _stopped = true;
            commands.Add(new ControlCommand(ControlAction.EmergencyStop, null, EmergencyStop));
        }

        var pause = File.Exists(PathOf(PauseTrading));
        if (pause != _paused)
        {
            _paused = pause;
            commands.Add(new ControlCommand(pause ? ControlAction.Pause : ControlAction.Resume, null, PauseTrading));
        }

        if (File.Exists(PathOf(FlattenAll)) && TryDelete(FlattenAll))
            commands.Add(new ControlCommand(ControlAction.FlattenAll, null, FlattenAll));

        if (File.Exists(PathOf(AdjustRisk)) && TryReadAdjustRisk() is { } adjust)
            commands.Add(adjust);
        return commands;
    }

    private ControlCommand? TryReadAdjustRisk()
    {
        string text;
        try
        {
            text = File.ReadAllText(PathOf(AdjustRisk)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogDebug("{File} not readable yet: {Message}", AdjustRisk, e.Message);
            return null;
        }
        if (text.Length == 0)
            return null; // still being written (`echo 3 > ADJUST_RISK.txt` creates it empty first)

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var contracts) && contracts >= _minContracts && contracts <= _maxContracts)
            return TryDelete(AdjustRisk) ? new ControlCommand(ControlAction.AdjustRisk, contracts, AdjustRisk) : null;

        _logger.LogError("{File} rejected: '{Value}' is not a whole number of contracts between {Min} and {Max}; renamed to {Rejected}",
            AdjustRisk, text, _minContracts, _maxContracts, AdjustRisk + ".rejected");
        try
        {
            File.Move(PathOf(AdjustRisk), PathOf(AdjustRisk + ".rejected"), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("cannot rename {File}: {Message}", AdjustRisk, e.Message);
        }
        return null;
    }

    private bool TryDelete(string name)
    {
        try
        {
            File.Delete(PathOf(name));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("cannot delete {File} yet: {Message}", name, e.Message);
            return false;
        }
    }

    private string PathOf(string name) => Path.Combine(_directory, name);
}
