using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>
/// Reads OHLCV bars from CSV with CsvHelper. Column names are matched case-insensitively
/// with aliases, so the TopstepX export (<c>timestamp,open,high,low,close,volume,contract</c>),
/// the Lean conversion (<c>timestamp_utc,…</c>), the smartmoneyconcepts fixture
/// (<c>Date,Open,High,Low,Close,Tickvol,Volume,Spread</c>) and the Stock.Indicators quotes
/// (<c>date,open,…</c>) all load. Timestamps are bar open times; text without an offset is taken
/// as UTC. Every row is checked by <see cref="BarValidator"/>; a bad row is reported with its line
/// number and skipped or refused according to the <see cref="BadBarPolicy"/>.
/// </summary>
public static class BarCsvReader
{
    private static readonly string[] TimeColumns = ["timestamp", "timestamp_utc", "time", "datetime", "date", "gmt time"];
    private static readonly string[] VolumeColumns = ["volume", "vol", "tickvol", "tick_volume"];

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss", "yyyy.MM.dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    /// <summary>Reads and validates the whole file.</summary>
    /// <param name="path">File path, absolute or relative to the working directory.</param>
    /// <param name="policy">What to do with bad rows.</param>
    /// <param name="requireTime">When true a file without a time column is refused.</param>
    /// <param name="tickSize">When given, a row with a price off this tick grid (points) is a bad row.</param>
    /// <exception cref="BarFileException">The file is missing or unreadable, lacks a needed column, has no valid bars, or has a bad row under <see cref="BadBarPolicy.Reject"/>.</exception>
    public static BarFile Read(string path, BadBarPolicy policy = BadBarPolicy.Skip, bool requireTime = true, decimal? tickSize = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new BarFileException($"bars file not found: {full}");
        try
        {
            using var reader = new StreamReader(full);
            return Read(reader, full, policy, requireTime, tickSize);
        }
        catch (IOException e)
        {
            throw new BarFileException($"bars file {full} cannot be read: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new BarFileException($"bars file {full} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Reads and validates bars from an open reader; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="BarFileException">See <see cref="Read(string, BadBarPolicy, bool, decimal?)"/>.</exception>
    public static BarFile Read(TextReader reader, string name, BadBarPolicy policy = BadBarPolicy.Skip, bool requireTime = true, decimal? tickSize = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
            throw new BarFileException($"bars file {name} is empty");
        csv.ReadHeader();
        var header = (csv.HeaderRecord ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();

        int Find(params string[] names)
        {
            foreach (var n in names)
            {
                var i = Array.IndexOf(header, n);
                if (i >= 0)
                    return i;
            }
            return -1;
        }

        var timeIx = Find(TimeColumns);
        var openIx = Find("open");
        var highIx = Find("high");
        var lowIx = Find("low");
        var closeIx = Find("close");
        var volumeIx = Find(VolumeColumns);
        var missing = new List<string>();
        if (timeIx < 0 && requireTime) missing.Add("time (timestamp, timestamp_utc, time, datetime or date)");
        if (openIx < 0) missing.Add("open");
        if (highIx < 0) missing.Add("high");
        if (lowIx < 0) missing.Add("low");
        if (closeIx < 0) missing.Add("close");
        if (missing.Count > 0)
            throw new BarFileException($"bars file {name} has no column for {string.Join(", ", missing)}; header is '{string.Join(",", csv.HeaderRecord ?? [])}'");

        var bars = new List<Bar>();
        var problems = new List<BarProblem>();
        DateTimeOffset? previous = null;
        var synthetic = DateTimeOffset.UnixEpoch;
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var reason = TryParseRow(csv, timeIx, openIx, highIx, lowIx, closeIx, volumeIx, out var bar);
            if (reason is null)
            {
                if (timeIx < 0)
                {
                    bar = bar with { OpenTime = synthetic };
                    synthetic = synthetic.AddMinutes(1);
                }
                reason = BarValidator.Check(bar, previous, tickSize);
            }
            if (reason is not null)
            {
                if (policy == BadBarPolicy.Reject)
                    throw new BarFileException($"bars file {name} line {line}: {reason} (policy Reject refuses the file)");
                problems.Add(new BarProblem(line, reason));
                continue;
            }
            bars.Add(bar);
            previous = bar.OpenTime;
        }

        if (bars.Count == 0)
            throw new BarFileException($"bars file {name} has no valid bars ({problems.Count} bad rows)");
        return new BarFile(name, bars, problems, timeIx >= 0, timeIx >= 0 ? MostCommonSpacing(bars) : TimeSpan.FromMinutes(1));
    }

    private static string? TryParseRow(CsvReader csv, int timeIx, int openIx, int highIx, int lowIx, int closeIx, int volumeIx, out Bar bar)
    {
        bar = default;
        var time = DateTimeOffset.UnixEpoch;
        if (timeIx >= 0 && !TryParseTime(csv.GetField(timeIx), out time))
            return $"bad time '{csv.GetField(timeIx)}'";
        if (!TryParsePrice(csv.GetField(openIx), out var open)) return $"bad open '{csv.GetField(openIx)}'";
        if (!TryParsePrice(csv.GetField(highIx), out var high)) return $"bad high '{csv.GetField(highIx)}'";
        if (!TryParsePrice(csv.GetField(lowIx), out var low)) return $"bad low '{csv.GetField(lowIx)}'";
        if (!TryParsePrice(csv.GetField(closeIx), out var close)) return $"bad close '{csv.GetField(closeIx)}'";
        long volume = 0;
        if (volumeIx >= 0)
        {
            var text = csv.GetField(volumeIx);
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v != decimal.Truncate(v))
                return $"bad volume '{text}'";
            volume = (long)v;
        }
        bar = new Bar(time, open, high, low, close, volume);
        return null;
    }

    private static bool TryParsePrice(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>Parses a bar time; text without an offset is UTC. Returns the instant in UTC.</summary>
    internal static bool TryParseTime(string? text, out DateTimeOffset utc)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, Styles, out utc)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out utc))
        {
            utc = utc.ToUniversalTime();
            return true;
        }
        return false;
    }

    private static TimeSpan MostCommonSpacing(List<Bar> bars)
    {
        if (bars.Count < 2)
            return TimeSpan.FromMinutes(1);
        var counts = new Dictionary<TimeSpan, int>();
        for (var i = 1; i < bars.Count; i++)
        {
            var d = bars[i].OpenTime - bars[i - 1].OpenTime;
            counts[d] = counts.GetValueOrDefault(d) + 1;
        }
        return counts.MaxBy(kv => kv.Value).Key;
    }
}
