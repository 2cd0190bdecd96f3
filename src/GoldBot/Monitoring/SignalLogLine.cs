using System.Globalization;

namespace GoldBot.Monitoring;

/// <summary>
/// One line of <c>signals.log</c> read back (<see cref="SignalLog"/> writes them:
/// <c>time | pattern side | score=N (components) | executed=true/false | reason=… | details | run=…</c>).
/// </summary>
/// <param name="Time">Signal time, UTC (market time).</param>
/// <param name="Pattern">Pattern name, e.g. <c>order_block</c>.</param>
/// <param name="Side"><c>long</c> or <c>short</c>.</param>
/// <param name="Score">Score 1–10.</param>
/// <param name="Executed">True when it was sent for execution.</param>
/// <param name="Reason"><c>traded</c>, or why not, as written.</param>
/// <param name="Run">The run id that wrote the line.</param>
public sealed record SignalLogLine(DateTimeOffset Time, string Pattern, string Side, int Score, bool Executed, string Reason, string Run)
{
    /// <summary>Parses one line; null for a line that is not a signal line (a torn last line, a blank one).</summary>
    public static SignalLogLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(" | ");
        if (fields.Length < 6
            || !DateTimeOffset.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || fields[1].Split(' ') is not [var pattern, var side]
            || !fields[2].StartsWith("score=", StringComparison.Ordinal)
            || !int.TryParse(fields[2].AsSpan(6, fields[2].IndexOf(' ', StringComparison.Ordinal) is var end and > 6 ? end - 6 : fields[2].Length - 6), CultureInfo.InvariantCulture, out var score)
            || fields[3] is not ("executed=true" or "executed=false")
            || !fields[4].StartsWith("reason=", StringComparison.Ordinal)
            || !fields[^1].StartsWith("run=", StringComparison.Ordinal))
            return null;
        return new SignalLogLine(time, pattern, side, score, fields[3] == "executed=true", fields[4]["reason=".Length..], fields[^1]["run=".Length..]);
    }

    /// <summary>Reads every signal line of <paramref name="path"/> (lines that do not parse are skipped); empty when the file does not exist.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public static IReadOnlyList<SignalLogLine> ReadAll(string path)
    {
        if (!File.Exists(path))
            return [];
        var lines = new List<SignalLogLine>();
        foreach (var text in File.ReadLines(path))
            if (Parse(text) is { } line)
                lines.Add(line);
        return lines;
    }
}
