using System.Globalization;
using CsvHelper;
using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>
/// Writes bars as CSV in the layout <see cref="BarCsvReader"/> reads back:
/// <c>timestamp_utc,open,high,low,close,volume</c>, bar open time in ISO-8601 UTC
/// (<c>2025-12-02T15:00:00Z</c>), prices as given (points), invariant culture. Appends to an
/// existing file (no second header) so an interrupted download can resume.
/// </summary>
public sealed class BarCsvWriter : IDisposable
{
    private readonly StreamWriter _stream;
    private readonly CsvWriter _csv;

    /// <summary>Opens <paramref name="path"/> for appending, writing the header when the file is new or empty.</summary>
    /// <exception cref="IOException">The file cannot be opened for writing.</exception>
    public BarCsvWriter(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var isNew = !File.Exists(full) || new FileInfo(full).Length == 0;
        _stream = new StreamWriter(full, append: true);
        _csv = new CsvWriter(_stream, CultureInfo.InvariantCulture);
        if (isNew)
        {
            foreach (var name in new[] { "timestamp_utc", "open", "high", "low", "close", "volume" })
                _csv.WriteField(name);
            _csv.NextRecord();
        }
    }

    /// <summary>Writes one bar.</summary>
    public void Write(in Bar bar)
    {
        _csv.WriteField(bar.OpenTime.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        _csv.WriteField(bar.Open);
        _csv.WriteField(bar.High);
        _csv.WriteField(bar.Low);
        _csv.WriteField(bar.Close);
        _csv.WriteField(bar.Volume);
        _csv.NextRecord();
    }

    /// <summary>Pushes everything written so far to the file (call after each downloaded chunk, so a resume finds it).</summary>
    public void Flush()
    {
        _csv.Flush();
        _stream.Flush();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _csv.Dispose();
        _stream.Dispose();
    }
}
