namespace GoldBot.Monitoring;

/// <summary>
/// Appends whole lines to a log file (all_trades.jsonl, signals.log): one line per append, so a failure leaves the lines
/// written before it alone, and a line after a torn last line (an append a full disk or a kill cut short) starts on a line
/// of its own, so the torn line spoils only itself.
/// </summary>
public static class AppendFile
{
    /// <summary>Appends <paramref name="line"/> and a line end (<c>\n</c>) to <paramref name="path"/>, created if missing.</summary>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static void Line(string path, string line) => File.AppendAllText(path, (EndsMidLine(path) ? "\n" : "") + line + "\n");

    /// <summary>Appends <paramref name="lines"/> (each without its line end) in one write, after a line end when the file ends mid-line.</summary>
    /// <exception cref="IOException">The file cannot be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission.</exception>
    public static void Lines(string path, IEnumerable<string> lines) =>
        File.AppendAllText(path, (EndsMidLine(path) ? "\n" : "") + string.Concat(lines.Select(l => l + "\n")));

    /// <summary>True when <paramref name="path"/> exists and its last byte is not a line end (a torn append).</summary>
    private static bool EndsMidLine(string path)
    {
        if (!File.Exists(path))
            return false;
        using var file = File.OpenRead(path);
        if (file.Length == 0)
            return false;
        file.Position = file.Length - 1;
        return file.ReadByte() != '\n';
    }
}
