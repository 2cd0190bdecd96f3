using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// The validated-bars cache on real files in a temporary folder: a copy gives exactly what the CSV reader gives (bars with
/// their decimal scales and UTC offsets, bad rows, period, counts), and a copy that is stale (the file changed, even at the
/// same length), made for other reader options, damaged, cut short or empty is never used: the CSV is read again and the copy
/// rewritten. Files the reader refuses are not cached and fail with the reader's own message.
/// </summary>
public sealed class BarFileCacheTests : IDisposable
{
    private const string Header = "timestamp,open,high,low,close,volume";
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-bars-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private BarFileCache Cache => new(Path.Combine(_dir, "cache"));

    private string Copy => Assert.Single(Directory.GetFiles(Path.Combine(_dir, "cache"), "*.bars"));

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>Two bad rows (lines 3 and 5), prices of different scales, stamps written with three offsets.</summary>
    private string DamagedFile() => Write("damaged.csv",
        Header,
        "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
        "2025-12-02 14:33:00+00:00,abc,2001.0,1999.0,2000.5,10",
        "2025-12-02T09:33:00-05:00,2000.50,2002,2000.1,2001.5,20",
        "2025-12-02 14:33:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
        "2025-12-02 20:06:00+05:30,2001.5,2003.00,2001.0,2002.5,30");

    private static void AssertSameFile(BarFile expected, BarFile actual)
    {
        Assert.Equal(expected.Path, actual.Path);
        // Bar.ToString shows each price with its scale and each time with its offset.
        Assert.Equal(expected.Bars.Select(b => b.ToString()), actual.Bars.Select(b => b.ToString()));
        Assert.Equal(expected.Bars.Select(b => b.OpenTime.Offset), actual.Bars.Select(b => b.OpenTime.Offset));
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(expected.HasTime, actual.HasTime);
        Assert.Equal(expected.Period, actual.Period);
        Assert.Equal(expected.ZeroVolumeDropped, actual.ZeroVolumeDropped);
        Assert.Equal(expected.SkippedSummary(), actual.SkippedSummary());
    }

    [Fact]
    public void The_copy_of_a_damaged_file_gives_the_same_bars_offsets_scales_and_bad_rows()
    {
        var path = DamagedFile();
        var expected = BarCsvReader.Read(path);

        var (first, written) = Cache.Read(path);
        var (second, loaded) = Cache.Read(path);

        Assert.Equal($"written to {Copy}", written);
        Assert.Equal($"loaded from {Copy}", loaded);
        AssertSameFile(expected, first);
        AssertSameFile(expected, second);
        Assert.Equal([new BarProblem(3, "bad open 'abc'"), new BarProblem(5, "duplicate time 2025-12-02 14:33:00Z")], second.Problems);
        var start = new DateTimeOffset(2025, 12, 2, 14, 30, 0, TimeSpan.Zero);
        Assert.Equal([start, start.AddMinutes(3), start.AddMinutes(6)], second.Bars.Select(b => b.OpenTime));
        Assert.Equal((2, 0), (second.Bars[1].Open.Scale, second.Bars[1].High.Scale)); // 2000.50 and 2002 as written
    }

    [Fact]
    public void The_real_MGC_file_and_the_gzipped_XAUUSD_file_load_from_their_copies_as_read()
    {
        var xauusd = SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz");
        var serverTime = new BarFileOptions { SourceTimeZone = BarTimeZone.NewYorkClose, RoundFractionalVolume = true };
        foreach (var (path, tick, options) in new[] { (SharedData.MgcBars, (decimal?)0.1m, BarFileOptions.Default), (xauusd, 0.01m, serverTime) })
        {
            var expected = BarCsvReader.Read(path, tickSize: tick, options: options);
            Cache.Read(path, tickSize: tick, options: options);

            var (cached, outcome) = Cache.Read(path, tickSize: tick, options: options);

            Assert.StartsWith("loaded from ", outcome, StringComparison.Ordinal);
            AssertSameFile(expected, cached);
        }
    }

    [Fact]
    public void A_file_changed_at_the_same_length_is_read_again_not_served_from_the_stale_copy()
    {
        var path = DamagedFile();
        Cache.Read(path);
        var text = File.ReadAllText(path);
        var lastWrite = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, text.Replace("2002.5,30", "2002.5,31", StringComparison.Ordinal)); // same length
        File.SetLastWriteTimeUtc(path, lastWrite); // and the same time stamp: only the content tells

        var (file, outcome) = Cache.Read(path);

        Assert.Equal($"written to {Copy}", outcome);
        Assert.Equal(31, file.Bars[^1].Volume);
        AssertSameFile(BarCsvReader.Read(path), file);
    }

    [Fact]
    public void A_copy_made_with_other_reader_options_is_not_used()
    {
        var path = DamagedFile();
        Cache.Read(path);

        var (onGrid, outcome) = Cache.Read(path, tickSize: 0.5m);

        Assert.StartsWith("written to ", outcome, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "cache"), "*.bars").Length);
        AssertSameFile(BarCsvReader.Read(path, tickSize: 0.5m), onGrid);
        Assert.Contains(onGrid.Problems, p => p.Reason.Contains("tick grid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("flip a bar byte")]
    [InlineData("flip a bad-row byte")]
    [InlineData("flip the checksum")]
    [InlineData("cut short")]
    [InlineData("cut to the key")]
    [InlineData("empty")]
    public void A_damaged_copy_is_ignored_and_written_again(string damage)
    {
        var path = DamagedFile();
        Cache.Read(path);
        var bytes = File.ReadAllBytes(Copy);
        var reason = System.Text.Encoding.UTF8.GetBytes("bad open");
        var reasonAt = bytes.AsSpan().IndexOf(reason);
        bytes = damage switch
        {
            "flip a bar byte" => Flip(bytes, bytes.Length - 16 - 40),
            "flip a bad-row byte" => Flip(bytes, reasonAt + 4),
            "flip the checksum" => Flip(bytes, bytes.Length - 1),
            "cut short" => bytes[..^100],
            "cut to the key" => bytes[..20],
            _ => [],
        };
        File.WriteAllBytes(Copy, bytes);

        var (file, outcome) = Cache.Read(path);

        Assert.Equal($"written to {Copy}", outcome);
        AssertSameFile(BarCsvReader.Read(path), file);
        Assert.Equal("loaded from " + Copy, Cache.Read(path).Outcome);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        bytes[at] ^= 0x20;
        return bytes;
    }

    [Fact]
    public void A_file_the_reader_refuses_is_not_cached_and_fails_with_the_readers_message()
    {
        var path = DamagedFile();
        var missing = Path.Combine(_dir, "missing.csv");

        var refused = Assert.Throws<BarFileException>(() => Cache.Read(path, BadBarPolicy.Reject));
        var absent = Assert.Throws<BarFileException>(() => Cache.Read(missing));

        Assert.Equal(Assert.Throws<BarFileException>(() => BarCsvReader.Read(path, BadBarPolicy.Reject)).Message, refused.Message);
        Assert.Equal(Assert.Throws<BarFileException>(() => BarCsvReader.Read(missing)).Message, absent.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, "cache")));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_still_gives_the_bars_and_says_why()
    {
        var path = DamagedFile();
        var blocked = Path.Combine(_dir, "blocked");
        File.WriteAllText(blocked, "a file where the folder should be");

        var (file, outcome) = new BarFileCache(blocked).Read(path);

        AssertSameFile(BarCsvReader.Read(path), file);
        Assert.StartsWith($"not written to {blocked}{Path.DirectorySeparatorChar}", outcome, StringComparison.Ordinal);
    }
}
