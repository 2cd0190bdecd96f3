using System.IO.Compression;
using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// Reader options on small hand-made files: gzip by content, the clock of offset-less stamps,
/// the refusal of server-time files without a clock, the skipped hour at a DST change, and volume
/// rounding and dropping.
/// </summary>
public sealed class BarFileOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-bar-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string WriteGzip(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gzip);
        writer.Write(string.Join('\n', lines) + "\n");
        return path;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Gzip_is_recognised_by_its_content_not_its_name()
    {
        var path = WriteGzip("bars.csv", "timestamp,open,high,low,close,volume", "2025-12-02T14:30:00Z,2000.0,2001.0,1999.0,2000.5,10");

        var file = BarCsvReader.Read(path, BadBarPolicy.Reject);

        Assert.Equal([new Bar(Utc(2025, 12, 2, 14, 30), 2000.0m, 2001.0m, 1999.0m, 2000.5m, 10)], file.Bars);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_a_one_line_bar_file_error()
    {
        var path = Path.Combine(_dir, "broken.csv.gz");
        // A valid gzip header followed by a deflate block of the reserved type 11 (RFC 1951 §3.2.3).
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF, 0xFF]);

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path));

        Assert.StartsWith($"bars file {path} is not a whole gzip file, it is truncated or corrupt (", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offset_less_stamps_are_read_on_the_given_clock_and_stated_offsets_win()
    {
        var path = Write("chicago.csv",
            "timestamp,open,high,low,close,volume",
            "2025-12-02 08:30:00,2000.0,2001.0,1999.0,2000.5,10",        // CST = UTC-6
            "2025-12-02 14:33:00+00:00,2000.0,2001.0,1999.0,2000.5,10");

        var file = BarCsvReader.Read(path, BadBarPolicy.Reject, options: new BarFileOptions { SourceTimeZone = BarTimeZone.Of("America/Chicago") });

        Assert.Equal([Utc(2025, 12, 2, 14, 30), Utc(2025, 12, 2, 14, 33)], file.Bars.Select(b => b.OpenTime));
    }

    [Theory]
    [InlineData("2025-01-15 10:00:00", "2025-01-15T08:00:00Z")] // January: UTC+2
    [InlineData("2025-03-10 10:00:00", "2025-03-10T07:00:00Z")] // US DST since 2025-03-09, EU not yet: UTC+3
    [InlineData("2025-03-31 10:00:00", "2025-03-31T07:00:00Z")] // both on: UTC+3
    [InlineData("2025-10-28 10:00:00", "2025-10-28T07:00:00Z")] // EU off since 10-26, US still on: UTC+3
    [InlineData("2025-11-03 10:00:00", "2025-11-03T08:00:00Z")] // US off since 11-02: UTC+2
    public void NY_close_server_time_follows_the_US_DST_calendar(string server, string utc)
    {
        Assert.True(BarTimeZone.NewYorkClose.TryToUtc(DateTime.Parse(server, System.Globalization.CultureInfo.InvariantCulture), out var actual));

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), actual);
    }

    [Fact]
    public void The_server_hour_skipped_when_US_DST_starts_is_a_bad_row()
    {
        // US DST starts 2025-03-09 02:00 New York = 09:00 server, which jumps to 10:00.
        var path = Write("mt5.csv",
            "time_server,open,high,low,close,tick_volume",
            "2025-03-09 08:00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-03-09 09:00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-03-09 10:00:00,2000.0,2001.0,1999.0,2000.5,10");

        var file = BarCsvReader.Read(path, options: new BarFileOptions { SourceTimeZone = BarTimeZone.NewYorkClose });

        Assert.Equal([Utc(2025, 3, 9, 6), Utc(2025, 3, 9, 7)], file.Bars.Select(b => b.OpenTime));
        Assert.Equal([new BarProblem(3, "time '2025-03-09 09:00:00' does not exist on the MT5 server time (New York + 7 h) clock (skipped when daylight saving starts)")], file.Problems);
    }

    [Fact]
    public void A_file_named_servertime_is_refused_without_a_clock_but_one_with_offsets_is_not()
    {
        var naive = Write("x_servertime.csv", "timestamp,open,high,low,close", "2025-12-02 10:00:00,2000.0,2001.0,1999.0,2000.5");
        var withOffset = Write("y_servertime.csv", "timestamp,open,high,low,close", "2025-12-02 10:00:00+02:00,2000.0,2001.0,1999.0,2000.5");

        Assert.Contains("stamps broker server time without a UTC offset", Assert.Throws<BarFileException>(() => BarCsvReader.Read(naive)).Message, StringComparison.Ordinal);
        Assert.Equal(Utc(2025, 12, 2, 8), BarCsvReader.Read(withOffset).Bars[0].OpenTime);
    }

    [Fact]
    public void Fractional_volume_is_bad_unless_rounded_and_zero_volume_is_dropped_only_on_request()
    {
        var path = Write("ticks.csv",
            "timestamp_utc,open,high,low,close,volume",
            "2025-12-02T14:00:00Z,100.0,100.0,100.0,100.0,0",
            "2025-12-02T14:30:00Z,100.0,100.2,99.9,100.1,2.5",
            "2025-12-02T15:00:00Z,100.1,100.3,100.0,100.2,0.4");

        Assert.Equal(["bad volume '2.5'", "bad volume '0.4'"], BarCsvReader.Read(path).Problems.Select(p => p.Reason));
        Assert.Equal([0L, 3L, 0L], BarCsvReader.Read(path, BadBarPolicy.Reject, options: new BarFileOptions { RoundFractionalVolume = true }).Bars.Select(b => b.Volume));

        var live = BarCsvReader.Read(path, BadBarPolicy.Reject, options: new BarFileOptions { RoundFractionalVolume = true, DropZeroVolume = true });
        Assert.Equal([Utc(2025, 12, 2, 14, 30), Utc(2025, 12, 2, 15)], live.Bars.Select(b => b.OpenTime));
        Assert.Equal(1, live.ZeroVolumeDropped);
    }
}
