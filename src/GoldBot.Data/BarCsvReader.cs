using System.Globalization;
using GoldBot.Market;
using ICSharpCode.SharpZipLib;
using ICSharpCode.SharpZipLib.GZip;

namespace GoldBot.MarketData;

/// <summary>
/// Reads OHLCV bars from CSV. Column names are matched case-insensitively with aliases, so the TopstepX export (<c>timestamp,open,high,low,close,volume,contract</c>),
/// the Lean conversion (<c>timestamp_utc,…</c>), the smartmoneyconcepts fixture
/// (<c>Date,Open,High,Low,Close,Tickvol,Volume,Spread</c>) and the Stock.Indicators quotes
/// (<c>date,open,…</c>), the Dukascopy export (<c>timestamp_utc,…,volume</c> with fractional
/// volume) and the MetaTrader 5 export (<c>time_server,…,tick_volume</c>) all load. A file whose
/// first two bytes are the gzip magic number (<c>.csv.gz</c>) is decompressed on the fly.
/// Timestamps are bar open times; text without an offset is read on
/// <see cref="BarFileOptions.SourceTimeZone"/>, UTC by default, except that a file marked as broker
/// server time is refused without an explicit clock. Every row is checked by <see cref="BarValidator"/>; a bad row is reported with its line
/// number and skipped or refused according to the <see cref="BadBarPolicy"/>.
/// Rows are split by Sep 0.18 (<see cref="SepBarRows"/>: lines and commas, no string per field), which reads about a
/// million rows per second; a file with a double quote anywhere (none of the real files) is read again from the start by
/// CsvHelper (<see cref="CsvHelperBarRows"/>), so quoted fields and stray quotes keep exactly the outcome they always had.
/// </summary>
public static class BarCsvReader
{
    private static readonly string[] TimeColumns = ["timestamp", "timestamp_utc", "time", "time_server", "datetime", "date", "gmt time"];
    private static readonly string[] VolumeColumns = ["volume", "vol", "tickvol", "tick_volume"];

    // A gap no market has between two bars (a long holiday closure is days): a stamp this far past the last one that the next
    // row does not follow is a typo, dropped as one bad row.
    private static readonly TimeSpan FarAhead = TimeSpan.FromDays(30);

    /// <summary>Reads and validates the whole file.</summary>
    /// <param name="path">File path, absolute or relative to the working directory.</param>
    /// <param name="policy">What to do with bad rows.</param>
    /// <param name="requireTime">When true a file without a time column is refused.</param>
    /// <param name="tickSize">When given, a row with a price off this tick grid (points) is a bad row.</param>
    /// <param name="options">Clock of offset-less stamps and volume handling; null for <see cref="BarFileOptions.Default"/>.</param>
    /// <exception cref="BarFileException">The file is missing or unreadable (including a corrupt gzip stream), lacks a needed column, stamps server time without <see cref="BarFileOptions.SourceTimeZone"/>, has no valid bars, or has a bad row under <see cref="BadBarPolicy.Reject"/>.</exception>
    public static BarFile Read(string path, BadBarPolicy policy = BadBarPolicy.Skip, bool requireTime = true, decimal? tickSize = null, BarFileOptions? options = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new BarFileException($"bars file not found: {full}");
        try
        {
            using (var rows = new SepBarRows(OpenText(full)))
            {
                if (ReadRows(rows, full, policy, requireTime, tickSize, options) is { } file)
                    return file;
            }
            using var quoted = new CsvHelperBarRows(OpenText(full));
            return ReadRows(quoted, full, policy, requireTime, tickSize, options)!;
        }
        catch (Exception e) when (e is SharpZipBaseException or EndOfStreamException or InvalidDataException)
        {
            throw new BarFileException($"bars file {full} is not a whole gzip file, it is truncated or corrupt ({e.Message}): download or compress it again", e);
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

    /// <summary>
    /// Reads and validates bars from an open reader; <paramref name="name"/> is used in messages. The whole text is read into
    /// memory first (a file with a quote is read twice, see <see cref="BarCsvReader"/>): for tests and small inputs.
    /// </summary>
    /// <exception cref="BarFileException">See <see cref="Read(string, BadBarPolicy, bool, decimal?, BarFileOptions?)"/>.</exception>
    public static BarFile Read(TextReader reader, string name, BadBarPolicy policy = BadBarPolicy.Skip, bool requireTime = true, decimal? tickSize = null, BarFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = reader.ReadToEnd();
        using (var rows = new SepBarRows(new StringReader(text)))
        {
            if (ReadRows(rows, name, policy, requireTime, tickSize, options) is { } file)
                return file;
        }
        using var quoted = new CsvHelperBarRows(new StringReader(text));
        return ReadRows(quoted, name, policy, requireTime, tickSize, options)!;
    }

    /// <summary>The reading and validation of every row; null when <paramref name="rows"/> gave up on the file.</summary>
    private static BarFile? ReadRows(IBarRows rows, string name, BadBarPolicy policy, bool requireTime, decimal? tickSize, BarFileOptions? options)
    {
        options ??= BarFileOptions.Default;
        var headerRecord = rows.ReadHeader();
        if (rows.GaveUp)
            return null;
        if (headerRecord is null)
            throw new BarFileException($"bars file {name} is empty");
        var header = headerRecord.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();

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
            throw new BarFileException($"bars file {name} has no column for {string.Join(", ", missing)}; header is '{string.Join(",", headerRecord)}'");

        var serverTime = timeIx >= 0 && (header[timeIx] == "time_server"
            || System.IO.Path.GetFileName(name).Contains("servertime", StringComparison.OrdinalIgnoreCase));
        var format = new RowFormat(timeIx, openIx, highIx, lowIx, closeIx, volumeIx, new ClockDayCache(options.SourceTimeZone ?? BarTimeZone.Utc), options.RoundFractionalVolume);
        var bars = new List<Bar>();
        var problems = new List<BarProblem>();
        var zeroVolumeDropped = 0;
        DateTimeOffset? previous = null;
        var synthetic = DateTimeOffset.UnixEpoch;
        var outlier = (Bar: default(Bar), Line: 0L, Before: (DateTimeOffset?)null);
        while (rows.MoveNext())
        {
            var line = rows.Line;
            var reason = TryParseRow(rows, format, out var bar, out var naive, out var zeroVolume);
            if (rows.TakeBadQuote()) // found as the row's fields were read
                reason = "unbalanced or stray quote";
            if (reason is null && naive && serverTime && options.SourceTimeZone is null)
            {
                throw new BarFileException($"bars file {name} stamps broker server time without a UTC offset ('{rows[timeIx]}' on line {line}); "
                    + "give the clock of its stamps: --time-zone ZONE or Replay:TimeZone (new-york-close for a MetaTrader 5 server on the New York close)");
            }
            if (reason is null && zeroVolume && options.DropZeroVolume)
            {
                zeroVolumeDropped++;
                continue;
            }
            if (reason is null)
            {
                if (timeIx < 0)
                {
                    bar = bar with { OpenTime = synthetic };
                    synthetic = synthetic.AddMinutes(1);
                }
                reason = BarValidator.Check(bar, previous, tickSize);
                // One stamp far ahead of its neighbours (a typo'd year) is the bad row, not every row after it.
                if (reason is not null && outlier.Line > 0 && bars.Count > 0 && bars[^1].OpenTime == outlier.Bar.OpenTime
                    && BarValidator.Check(bar, outlier.Before, tickSize) is null)
                {
                    bars.RemoveAt(bars.Count - 1);
                    problems.Add(new BarProblem(outlier.Line, $"time {outlier.Bar.OpenTime:yyyy-MM-dd HH:mm:ss}Z is far ahead of the bars around it"));
                    reason = null;
                }
            }
            if (reason is not null)
            {
                if (policy == BadBarPolicy.Reject)
                    throw new BarFileException($"bars file {name} line {line}: {reason} (policy Reject refuses the file)");
                problems.Add(new BarProblem(line, reason));
                continue;
            }
            outlier = previous is { } before && bar.OpenTime - before > FarAhead ? (bar, line, before) : default;
            bars.Add(bar);
            previous = bar.OpenTime;
        }

        if (rows.GaveUp)
            return null;
        if (bars.Count == 0)
            throw new BarFileException($"bars file {name} has no valid bars ({problems.Count} bad rows)");
        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new BarFile(name, bars, problems, timeIx >= 0, timeIx >= 0 ? MostCommonSpacing(bars) : TimeSpan.FromMinutes(1), zeroVolumeDropped);
    }

    /// <summary>Where each value sits in a row, and how to read it.</summary>
    private sealed record RowFormat(int Time, int Open, int High, int Low, int Close, int Volume, ClockDayCache Clock, bool RoundFractionalVolume);

    /// <summary>
    /// Reads one row's bar, fields in the order time, open, high, low, close, volume, stopping at the first bad one (a quoted
    /// row reports a bad quote only in a field that is read). Returns null or the reason the row is bad.
    /// </summary>
    private static string? TryParseRow(IBarRows fields, RowFormat format, out Bar bar, out bool naive, out bool zeroVolume)
    {
        bar = default;
        naive = false;
        zeroVolume = false;
        var time = DateTimeOffset.UnixEpoch;
        if (format.Time >= 0)
        {
            var reason = BarTimeParser.TryParse(fields[format.Time], format.Clock, out time, out naive);
            if (reason is not null)
                return reason;
        }
        if (!TryParsePrice(fields[format.Open], out var open)) return $"bad open '{fields[format.Open]}'";
        if (!TryParsePrice(fields[format.High], out var high)) return $"bad high '{fields[format.High]}'";
        if (!TryParsePrice(fields[format.Low], out var low)) return $"bad low '{fields[format.Low]}'";
        if (!TryParsePrice(fields[format.Close], out var close)) return $"bad close '{fields[format.Close]}'";
        long volume = 0;
        if (format.Volume >= 0)
        {
            var text = fields[format.Volume];
            // Plain digits (every real file) are a whole volume as they stand; anything else goes through decimal as before.
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out volume))
            {
                zeroVolume = volume == 0;
            }
            else
            {
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    return $"bad volume '{text}'";
                if (v != decimal.Truncate(v))
                {
                    if (!format.RoundFractionalVolume)
                        return $"bad volume '{text}'";
                    v = decimal.Round(v, MidpointRounding.AwayFromZero);
                }
                else
                {
                    zeroVolume = v == 0;
                }
                if (v > long.MaxValue)
                    return $"volume '{text}' is too large";
                volume = (long)v;
            }
        }
        bar = new Bar(time, open, high, low, close, volume);
        return null;
    }

    private static bool TryParsePrice(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    // UTF-8 with byte-order-mark detection, as StreamReader(Stream) reads; 64 KiB buffers instead of 4 KiB (file and gzip
    // input) and 1 KiB (text) cut the calls between the layers.
    private const int BufferBytes = 1 << 16;

    private static StreamReader OpenText(string path) =>
        new(OpenMaybeCompressed(path), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferBytes);

    /// <summary>
    /// The file's stream, decompressed when it starts with the gzip magic bytes 1F 8B (RFC 1952 §2.3.1) by SharpZipLib's
    /// <see cref="GZipInputStream"/>, which reads every member of a multi-member file (<c>bgzip</c>, concatenated <c>gzip</c>
    /// output) and checks each member's CRC-32 and length: a truncated or damaged file fails as it is read, not as a short replay.
    /// </summary>
    private static Stream OpenMaybeCompressed(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1F && magic[1] == 0x8B ? new GZipInputStream(file, BufferBytes) : file;
    }

    private static TimeSpan MostCommonSpacing(List<Bar> bars)
    {
        if (bars.Count < 2)
            return TimeSpan.FromMinutes(1);
        // Runs of one spacing (most of a file) are counted in locals and added to the table when the spacing changes; the
        // table's keys keep the order in which spacings first appear, which breaks ties as before.
        var counts = new Dictionary<TimeSpan, int>();
        var spacing = bars[1].OpenTime - bars[0].OpenTime;
        var run = 0;
        for (var i = 1; i < bars.Count; i++)
        {
            var d = bars[i].OpenTime - bars[i - 1].OpenTime;
            if (d != spacing)
            {
                counts[spacing] = counts.GetValueOrDefault(spacing) + run;
                (spacing, run) = (d, 0);
            }
            run++;
        }
        counts[spacing] = counts.GetValueOrDefault(spacing) + run;
        return counts.MaxBy(kv => kv.Value).Key;
    }
}
