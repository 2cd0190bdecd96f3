using System.Text.Json;
using GoldBot.Learning;

namespace GoldBot.Monitoring;

/// <summary>
/// The learning system's files in the logs folder: <c>learning.jsonl</c>, one line per decision with its inputs (appended,
/// never rewritten), <c>bot_learning.json</c>, the current <see cref="LearningReport"/>, and <c>learning_insights.md</c>, the
/// week's insights (<see cref="LearningInsights"/>), both rewritten whole after every closed trade. Writes go through <see cref="WriteFailures"/>: a failing disk is reported, never fatal. Thread-safe.
/// </summary>
public sealed class LearningFiles
{
    private readonly Lock _gate = new();
    private readonly string _decisionsPath;
    private readonly string _reportPath;
    private readonly string _insightsPath;
    private readonly WriteFailures _writes;

    /// <summary>Writes to <paramref name="directory"/> (created if missing).</summary>
    public LearningFiles(string directory, WriteFailures writes)
    {
        Directory.CreateDirectory(directory);
        _decisionsPath = Path.Combine(directory, "learning.jsonl");
        _reportPath = Path.Combine(directory, "bot_learning.json");
        _insightsPath = Path.Combine(directory, "learning_insights.md");
        _writes = writes;
    }

    /// <summary>Appends <paramref name="decisions"/> to learning.jsonl.</summary>
    public void Append(IReadOnlyList<LearningDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        lock (_gate)
        {
            foreach (var decision in decisions)
            {
                var line = JsonSerializer.Serialize(decision, MonitoringJson.Line);
                _writes.Attempt(_decisionsPath, () => AppendFile.Line(_decisionsPath, line), "a learning decision is not in learning.jsonl (it is in the daemon's log)");
            }
        }
    }

    /// <summary>Rewrites bot_learning.json with <paramref name="report"/>, and learning_insights.md with its week in words.</summary>
    public void Export(LearningReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = JsonSerializer.Serialize(report, MonitoringJson.Indented);
        var insights = LearningInsights.Week(report);
        lock (_gate)
        {
            _writes.Attempt(_reportPath, () => AtomicFile.Write(_reportPath, json), "bot_learning.json is out of date until the next closed trade");
            _writes.Attempt(_insightsPath, () => AtomicFile.Write(_insightsPath, insights), "learning_insights.md is out of date until the next closed trade");
        }
    }
}
