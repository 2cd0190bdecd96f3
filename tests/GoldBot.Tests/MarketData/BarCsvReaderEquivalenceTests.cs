using System.Globalization;
using System.Text;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Tests.Fuzzing;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// The Sep-based <see cref="BarCsvReader"/> against the CsvHelper reader it replaced (<see cref="CsvHelperReferenceReader"/>,
/// kept verbatim): on the fuzz campaign's damaged copies of the real MGC file, on copies with many stray quotes and
/// every time shape the formats accept, under each reader option, both readers must give the same bars, the same bad rows
/// (line and reason), the same period and counts, or the same error message. The time fast path is also compared text by
/// text with the exact formats it stands in for.
/// </summary>
public sealed class BarCsvReaderEquivalenceTests
{
    private static readonly Lazy<string[]> RealLines = new(() => File.ReadAllLines(SharedData.MgcBars));

    private static readonly BarFileOptions[] Options =
    [
        BarFileOptions.Default,
        new() { SourceTimeZone = BarTimeZone.NewYorkClose, RoundFractionalVolume = true },
        new() { SourceTimeZone = BarTimeZone.Of("America/Chicago"), DropZeroVolume = true, RoundFractionalVolume = true },
    ];

    [Fact]
    public void The_fuzz_campaigns_files_read_the_same_as_with_the_CsvHelper_reader()
    {
        var mutator = new BarsFileMutator(RealLines.Value);
        var differences = new List<string>();
        for (var seed = 1; seed <= 1200; seed++)
        {
            var fuzz = mutator.Make(seed);
            if (fuzz.Gzip)
                continue; // the gzip stream is opened as before; what it decompresses to is text like these
            var difference = Compare(fuzz.Bytes, seed % 5 == 0 ? "fuzz_servertime.csv" : "fuzz.csv", Options[seed % Options.Length],
                seed % 7 == 0 ? BadBarPolicy.Reject : BadBarPolicy.Skip, seed % 3 == 0 ? 0.1m : null, requireTime: seed % 11 != 0);
            if (difference is not null)
                differences.Add($"seed {seed} ({fuzz.Kind}): {difference}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)) + $"\n({differences.Count} differ)");
    }

    [Fact]
    public void Files_with_many_quotes_and_every_time_shape_read_the_same_as_with_the_CsvHelper_reader()
    {
        var differences = new List<string>();
        for (var seed = 1; seed <= 600; seed++)
        {
            var random = new Random(seed);
            var start = 1 + random.Next(RealLines.Value.Length - 200);
            var lines = new List<string> { random.Next(8) == 0 ? Quote(RealLines.Value[0], random) : RealLines.Value[0] };
            foreach (var line in RealLines.Value.Skip(start).Take(20 + random.Next(60)))
            {
                var text = random.Next(3) == 0 ? Reshape(line, random) : line;
                lines.Add(random.Next(4) == 0 ? Quote(text, random) : text);
            }
            var endings = new[] { "\n", "\r\n", "\r" };
            var body = string.Concat(lines.Select(l => l + endings[random.Next(seed % 4 == 0 ? 3 : 1)]));
            if (random.Next(3) == 0)
                body = body.TrimEnd('\n', '\r'); // no line end after the last row
            var difference = Compare(Encoding.UTF8.GetBytes(body), "quotes.csv", Options[seed % Options.Length], BadBarPolicy.Skip,
                seed % 2 == 0 ? 0.1m : null, requireTime: true);
            if (difference is not null)
                differences.Add($"seed {seed}: {difference}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)) + $"\n({differences.Count} differ)");
    }

    [Fact]
    public void Lines_longer_than_Seps_limit_read_the_same_as_with_the_CsvHelper_reader()
    {
        const int Long = 17 << 20; // characters; Sep refuses a row of 16 Mi
        var header = "timestamp,open,high,low,close,volume\n";
        var good = "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10\n";
        byte[][] files =
        [
            new byte[Long], // a file of zero bytes
            Encoding.UTF8.GetBytes(header + good + new string('7', Long) + "\n" + good.Replace("14:30", "14:33", StringComparison.Ordinal)),
        ];
        foreach (var bytes in files)
            Assert.Null(Compare(bytes, "long.csv", BarFileOptions.Default, BadBarPolicy.Skip, null, requireTime: true));
    }

    [Fact]
    public void The_time_fast_path_gives_what_the_exact_formats_give()
    {
        var random = new Random(20261207);
        var clocks = new[] { BarTimeZone.Utc, BarTimeZone.NewYorkClose, BarTimeZone.Of("America/Chicago") }.Select(c => new ClockDayCache(c)).ToArray();
        var differences = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            var text = RandomStamp(random);
            var clock = clocks[(i / 7) % clocks.Length]; // runs of seven on one clock, so its remembered day is used
            var expected = CsvHelperReferenceReader.TryParseTime(text, clock.Clock, out var expectedUtc, out var expectedNaive);
            var actual = BarTimeParser.TryParse(text, clock, out var actualUtc, out var actualNaive);
            if (expected != actual || expectedUtc != actualUtc || expectedUtc.Offset != actualUtc.Offset || expectedNaive != actualNaive)
                differences.Add($"'{text}' on {clock.Clock}: expected {expected ?? expectedUtc.ToString("O", CultureInfo.InvariantCulture)} naive {expectedNaive}, got {actual ?? actualUtc.ToString("O", CultureInfo.InvariantCulture)} naive {actualNaive}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)) + $"\n({differences.Count} differ)");
    }

    private static string RandomStamp(Random random)
    {
        static string Two(int v) => v.ToString("00", CultureInfo.InvariantCulture);
        var year = random.Next(6) switch { 0 => random.Next(1, 10_000), 1 => random.Next(1895, 1905), 2 => random.Next(2195, 2205), _ => random.Next(1970, 2100) };
        var month = random.Next(10) == 0 ? random.Next(0, 14) : random.Next(1, 13);
        var day = random.Next(10) == 0 ? random.Next(0, 33) : random.Next(1, 29 + random.Next(3));
        var hour = random.Next(10) == 0 ? random.Next(0, 26) : random.Next(0, 24);
        var minute = random.Next(10) == 0 ? random.Next(0, 61) : random.Next(0, 60);
        var second = random.Next(10) == 0 ? random.Next(0, 61) : random.Next(0, 60);
        var dateSeparator = random.Next(8) switch { 0 => ".", 1 => "/", _ => "-" };
        var timeSeparator = random.Next(3) == 0 ? "T" : " ";
        var offset = random.Next(9) switch
        {
            0 or 1 or 2 => "",
            3 => "Z",
            4 => " Z",
            5 => $"{(random.Next(2) == 0 ? '+' : '-')}{Two(random.Next(0, 16))}:{Two(random.Next(0, 61))}",
            6 => $"{(random.Next(2) == 0 ? '+' : '-')}{Two(random.Next(0, 24))}{Two(random.Next(0, 60))}",
            _ => random.Next(2) == 0 ? "+00:00" : $"{(random.Next(2) == 0 ? '+' : '-')}{Two(random.Next(0, 14))}:{(random.Next(2) == 0 ? "00" : "30")}",
        };
        var text = $"{year:0000}{dateSeparator}{Two(month)}{dateSeparator}{Two(day)}{timeSeparator}{Two(hour)}:{Two(minute)}:{Two(second)}{offset}";
        return random.Next(30) switch
        {
            0 => text.Replace((char)('0' + random.Next(10)), 'x'),
            1 => " " + text,
            2 => text[..random.Next(text.Length)],
            3 => text + " ",
            _ => text,
        };
    }

    /// <summary>Changes the row's stamp to another shape of the same instant or to a naive or shifted one.</summary>
    private static string Reshape(string line, Random random)
    {
        var fields = line.Split(',');
        if (!DateTimeOffset.TryParse(fields[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return line;
        fields[0] = random.Next(7) switch
        {
            0 => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            1 => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            2 => time.UtcDateTime.ToString("yyyy.MM.dd HH:mm:ss", CultureInfo.InvariantCulture),
            3 => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            4 => time.ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
            5 => time.ToOffset(TimeSpan.FromHours(5.5)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            _ => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        };
        if (random.Next(6) == 0)
            fields[5] = random.Next(3) switch { 0 => "0", 1 => "12.5", _ => "+7" };
        return string.Join(',', fields);
    }

    /// <summary>Inserts one to three quotes, or quotes a whole field (sometimes with an escaped quote inside).</summary>
    private static string Quote(string line, Random random)
    {
        if (random.Next(3) == 0)
        {
            var fields = line.Split(',');
            var i = random.Next(fields.Length);
            fields[i] = random.Next(4) == 0 ? $"\"{fields[i]}\"\"\"" : $"\"{fields[i]}\"";
            return string.Join(',', fields);
        }
        for (var n = 1 + random.Next(3); n > 0; n--)
            line = line.Insert(random.Next(line.Length + 1), "\"");
        return line;
    }

    private static string? Compare(byte[] bytes, string name, BarFileOptions options, BadBarPolicy policy, decimal? tickSize, bool requireTime)
    {
        var expected = Outcome(() => CsvHelperReferenceReader.Read(new StreamReader(new MemoryStream(bytes)), name, policy, requireTime, tickSize, options));
        var actual = Outcome(() => BarCsvReader.Read(new StreamReader(new MemoryStream(bytes)), name, policy, requireTime, tickSize, options));
        if (expected.Error != actual.Error)
            return $"error '{expected.Error}' became '{actual.Error}'";
        if (expected.File is null || actual.File is null)
            return null;
        // ToString shows each price's scale and each time's offset, which == on the values would not compare.
        if (!expected.File.Bars.Select(b => b.ToString()).SequenceEqual(actual.File.Bars.Select(b => b.ToString())))
        {
            var extra = actual.File.Bars.Except(expected.File.Bars).Concat(expected.File.Bars.Except(actual.File.Bars)).FirstOrDefault();
            var text = Encoding.UTF8.GetString(bytes);
            var stamp = extra.OpenTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var lines = System.Text.RegularExpressions.Regex.Split(text, "\r\n|\r|\n");
            var at = Array.FindIndex(lines, l => l.Contains(stamp, StringComparison.Ordinal));
            return $"bars differ ({expected.File.Bars.Count} then {actual.File.Bars.Count}; {extra}; lines: {string.Join(" / ", lines.Skip(at - 2).Take(3))})";
        }
        if (!expected.File.Problems.SequenceEqual(actual.File.Problems))
        {
            var first = expected.File.Problems.Zip(actual.File.Problems).FirstOrDefault(p => p.First != p.Second);
            var lines = System.Text.RegularExpressions.Regex.Split(Encoding.UTF8.GetString(bytes), "\r\n|\r|\n");
            var at = (int)(first.First ?? first.Second)!.Line;
            return $"problems differ ({expected.File.Problems.Count} then {actual.File.Problems.Count}; first {first.First} then {first.Second}; lines: {string.Join(" / ", lines.Skip(at - 3).Take(4))})";
        }
        if (expected.File.Period != actual.File.Period || expected.File.HasTime != actual.File.HasTime || expected.File.ZeroVolumeDropped != actual.File.ZeroVolumeDropped)
            return "period, time or dropped count differ";
        return null;
    }

    private static (BarFile? File, string? Error) Outcome(Func<BarFile> read)
    {
        try
        {
            return (read(), null);
        }
        catch (BarFileException e)
        {
            return (null, e.Message);
        }
    }

    [Theory]
    [InlineData("America/New_York", 0)]
    [InlineData("America/New_York", 7)]
    [InlineData("America/Chicago", 0)]
    [InlineData("Europe/London", 0)]
    [InlineData("Australia/Lord_Howe", 0)] // half-hour daylight saving
    [InlineData("Pacific/Apia", 0)] // skipped all of 2011-12-30
    [InlineData("America/Sao_Paulo", 0)] // changed at midnight
    [InlineData("Asia/Kolkata", 3)]
    public void The_remembered_day_gives_what_the_clock_gives_every_15_minutes_for_years(string zone, int shiftHours)
    {
        var clock = new BarTimeZone(TimeZoneInfo.FindSystemTimeZoneById(zone), TimeSpan.FromHours(shiftHours), zone);
        var cache = new ClockDayCache(clock);
        var differences = new List<string>();
        for (var stamp = new DateTime(2008, 1, 1); stamp < new DateTime(2027, 1, 1); stamp = stamp.AddMinutes(15))
        {
            var expected = clock.TryToUtc(stamp, out var expectedUtc);
            var actual = cache.TryToUtc(stamp, out var actualUtc);
            if (expected != actual || (expected && (expectedUtc != actualUtc || expectedUtc.Offset != actualUtc.Offset)))
                differences.Add($"{stamp:yyyy-MM-dd HH:mm}: {expected} {expectedUtc:O}, got {actual} {actualUtc:O}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)) + $"\n({differences.Count} differ)");
    }
}
