using System.Text.Json;

namespace GoldBot.Monitoring;

/// <summary>
/// The monitoring files of one logs folder (<c>Monitoring:LogDirectory</c>) read back, for the commands that show them
/// (<c>status</c>, <c>dashboard</c>, <c>trades</c>, <c>signals</c>, <c>learning</c>): every read tolerates a daemon writing
/// at the same time (status.json and trades_today.json are replaced atomically; a torn last line of a log is skipped).
/// </summary>
/// <param name="Directory">The logs folder.</param>
public sealed record MonitoringFolder(string Directory)
{
    /// <summary><c>status.json</c>'s path.</summary>
    public string StatusPath => Path.Combine(Directory, "status.json");

    /// <summary><c>all_trades.jsonl</c>'s path.</summary>
    public string JournalPath => Path.Combine(Directory, "all_trades.jsonl");

    /// <summary><c>trades_today.json</c>'s path.</summary>
    public string TodayPath => Path.Combine(Directory, "trades_today.json");

    /// <summary><c>signals.log</c>'s path.</summary>
    public string SignalsPath => Path.Combine(Directory, "signals.log");

    /// <summary>status.json's root element.</summary>
    /// <exception cref="IOException">Missing (<see cref="FileNotFoundException"/>, <see cref="DirectoryNotFoundException"/>) or unreadable.</exception>
    /// <exception cref="JsonException">Not JSON.</exception>
    public JsonElement Status()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(StatusPath));
        return document.RootElement.Clone();
    }

    /// <summary>The closed trades of all_trades.jsonl in file order (each run's closing order); empty when there is no file.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public IReadOnlyList<TradeDocument> ClosedTrades() => File.Exists(JournalPath) ? ReadJournal(JournalPath) : [];

    /// <summary>The closed trades of a journal file (all_trades.jsonl's format) in file order. A line that does not parse (a write cut short) is skipped.</summary>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    public static IReadOnlyList<TradeDocument> ReadJournal(string path)
    {
        var trades = new List<TradeDocument>();
        foreach (var line in File.ReadLines(path))
            if (Document<TradeDocument>(line, MonitoringJson.Line) is { ExitTime: not null } trade)
                trades.Add(trade);
        return trades;
    }

    /// <summary>trades_today.json's trades (open and closed, every run of the trading day); empty when there is no file or it does not parse.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public IReadOnlyList<TradeDocument> TradesToday() =>
        File.Exists(TodayPath) && Document<TodayFile>(File.ReadAllText(TodayPath), MonitoringJson.Indented) is { Trades: { } trades } ? trades : [];

    /// <summary>
    /// The newest <paramref name="count"/> signals of signals.log, oldest first, read from the file's last 64 KiB only (a few
    /// hundred lines), so a screen redrawn every second costs the same after months of signals; empty when there is no file.
    /// </summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public IReadOnlyList<SignalLogLine> RecentSignals(int count)
    {
        if (!File.Exists(SignalsPath))
            return [];
        using var file = new FileStream(SignalsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = Math.Max(0, file.Length - TailBytes);
        file.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        var lines = reader.ReadToEnd().Split('\n');
        // A read that starts inside the file starts inside a line: that first piece is not a whole line.
        return [.. lines.Skip(start > 0 ? 1 : 0).Select(l => SignalLogLine.Parse(l.TrimEnd('\r'))).OfType<SignalLogLine>().TakeLast(count)];
    }

    private const int TailBytes = 64 * 1024;

    /// <summary>signals.log's lines that parse (<see cref="SignalLogLine"/>), in file order.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public IReadOnlyList<SignalLogLine> Signals() => SignalLogLine.ReadAll(SignalsPath);

    private static T? Document<T>(string text, JsonSerializerOptions options) where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonSerializer.Deserialize<T>(text, options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TodayFile(IReadOnlyList<TradeDocument>? Trades);
}
