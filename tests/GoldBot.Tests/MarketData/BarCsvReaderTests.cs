using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// Reading bars from CSV: every validation rule reported with its line number, Skip and Reject
/// policies, one-line errors for missing files and columns, and the three real formats (TopstepX,
/// Lean <c>timestamp_utc</c>, smartmoneyconcepts MetaTrader export). Bad-data files are written
/// to a temporary folder that is removed after each test.
/// </summary>
public sealed class BarCsvReaderTests : IDisposable
{
    private const string Header = "timestamp,open,high,low,close,volume";
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-bars-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private string BadRowsFile() => Write("bad.csv",
        Header,                                                          // line 1
        "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",      // 2 good
        "2025-12-02 14:33:00+00:00,0,2001.0,1999.0,2000.5,10",           // 3 non-positive price
        "2025-12-02 14:33:00+00:00,2000.0,1999.5,1999.0,2000.5,10",      // 4 high below max(o,c)
        "2025-12-02 14:33:00+00:00,2000.0,2001.0,2000.2,2000.5,10",      // 5 low above min(o,c)
        "2025-12-02 14:33:00+00:00,2000.0,2001.0,1999.0,2000.5,-5",      // 6 negative volume
        "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",      // 7 duplicate of line 2
        "2025-12-02 14:27:00+00:00,2000.0,2001.0,1999.0,2000.5,10",      // 8 earlier than line 2
        "2025-12-02 14:33:00+00:00,2000.5,2002.0,2000.1,2001.5,20",      // 9 good
        "yesterday,2000.0,2001.0,1999.0,2000.5,10",                      // 10 bad time
        "2025-12-02 14:36:00+00:00,abc,2001.0,1999.0,2000.5,10",         // 11 bad open
        "2025-12-02 14:36:00+00:00,2000.0,2001.0,1999.0,2000.5,1.5",     // 12 fractional volume
        "2025-12-02 14:36:00+00:00,2001.5,2003.0,2001.0,2002.5,30");     // 13 good

    [Fact]
    public void Skip_keeps_the_good_rows_and_reports_each_bad_row_with_its_line_and_rule()
    {
        var file = BarCsvReader.Read(BadRowsFile(), BadBarPolicy.Skip);

        Assert.Equal([Utc(2025, 12, 2, 14, 30), Utc(2025, 12, 2, 14, 33), Utc(2025, 12, 2, 14, 36)], file.Bars.Select(b => b.OpenTime));
        Assert.Equal(new Bar(Utc(2025, 12, 2, 14, 33), 2000.5m, 2002.0m, 2000.1m, 2001.5m, 20), file.Bars[1]);
        Assert.Equal(
        [
            new BarProblem(3, "non-positive price (open 0, high 2001.0, low 1999.0, close 2000.5)"),
            new BarProblem(4, "high 1999.5 is below max(open, close) 2000.5"),
            new BarProblem(5, "low 2000.2 is above min(open, close) 2000.0"),
            new BarProblem(6, "negative volume -5"),
            new BarProblem(7, "duplicate time 2025-12-02 14:30:00Z"),
            new BarProblem(8, "time 2025-12-02 14:27:00Z is earlier than the previous bar 2025-12-02 14:30:00Z"),
            new BarProblem(10, "bad time 'yesterday'"),
            new BarProblem(11, "bad open 'abc'"),
            new BarProblem(12, "bad volume '1.5'"),
        ], file.Problems);
        Assert.True(file.HasTime);
        Assert.Equal(TimeSpan.FromMinutes(3), file.Period);
    }

    [Fact]
    public void Reject_throws_naming_the_first_bad_line()
    {
        var path = BadRowsFile();

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path, BadBarPolicy.Reject));

        Assert.Equal($"bars file {path} line 3: non-positive price (open 0, high 2001.0, low 1999.0, close 2000.5) (policy Reject refuses the file)", e.Message);
    }

    [Fact]
    public void Line_numbers_count_blank_lines()
    {
        var path = Write("blank.csv",
            Header,
            "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "",
            "2025-12-02 14:33:00+00:00,2000.0,1999.5,1999.0,2000.5,10");

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path, BadBarPolicy.Reject));

        Assert.Contains(" line 4: high 1999.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_spoils_only_its_own_row()
    {
        var path = Write("quote.csv",
            Header,
            "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:33:00+00:00,\"2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:36:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "",
            "2025-12-02 14:39:00+00:00,2000.0,2001.0,1999.0,2000.5,1\"0",
            "2025-12-02 14:42:00+00:00,2000.0,2001.0,1999.0,2000.5,10");

        var file = BarCsvReader.Read(path);

        Assert.Equal([Utc(2025, 12, 2, 14, 30), Utc(2025, 12, 2, 14, 36), Utc(2025, 12, 2, 14, 42)], file.Bars.Select(b => b.OpenTime));
        Assert.Equal([new BarProblem(3, "unbalanced or stray quote"), new BarProblem(6, "unbalanced or stray quote")], file.Problems);
    }

    [Fact]
    public void Absurd_values_are_bad_rows_not_crashes()
    {
        var path = Write("absurd.csv",
            Header,
            "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:33:00+00:00,2000.0,2001.0,1999.0,2000.5,99999999999999999999999",
            "2025-12-02 14:36:00+00:00,2000.0,930000000000000000,1999.0,2000.5,10",
            "2025-12-02 14:39:00+00:00,2000.0,4001.0,1999.0,2000.5,10",
            "0001-01-01 00:00:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:42:00+00:00,2000.0,2001.0,1999.0,2000.5,10");

        var file = BarCsvReader.Read(path);

        Assert.Equal([Utc(2025, 12, 2, 14, 30), Utc(2025, 12, 2, 14, 42)], file.Bars.Select(b => b.OpenTime));
        Assert.Equal([3L, 4, 5, 6], file.Problems.Select(p => p.Line));
        Assert.Equal("volume '99999999999999999999999' is too large", file.Problems[0].Reason);
        Assert.StartsWith("price above 10000000", file.Problems[1].Reason, StringComparison.Ordinal);
        Assert.Equal("high 4001.0 is more than 2 times low 1999.0", file.Problems[2].Reason);
        Assert.Equal("time 0001-01-01 00:00:00Z is outside 1970–2100", file.Problems[3].Reason);
    }

    [Fact]
    public void A_stamp_far_ahead_of_its_neighbours_is_one_bad_row_and_the_rows_after_it_are_kept()
    {
        var path = Write("future.csv",
            Header,
            "2025-12-02 14:30:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:33:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2052-12-02 14:36:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:39:00+00:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:42:00+00:00,2000.0,2001.0,1999.0,2000.5,10");

        var file = BarCsvReader.Read(path);

        Assert.Equal(4, file.Bars.Count);
        Assert.Equal([new BarProblem(4, "time 2052-12-02 14:36:00Z is far ahead of the bars around it")], file.Problems);
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error_not_a_short_replay()
    {
        var rows = Enumerable.Range(0, 3000).Select(i => $"{Utc(2025, 12, 1, 0, 0).AddMinutes(3 * i):yyyy-MM-dd HH:mm:sszzz},2000.0,2001.0,1999.0,2000.5,{i}");
        var text = Header + "\n" + string.Join('\n', rows) + "\n";
        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        var whole = Path.Combine(_dir, "bars.csv.gz");
        File.WriteAllBytes(whole, packed.ToArray());
        var truncated = Path.Combine(_dir, "truncated.csv.gz");
        File.WriteAllBytes(truncated, packed.ToArray()[..(int)(packed.Length * 2 / 3)]);

        Assert.Equal(3000, BarCsvReader.Read(whole).Bars.Count);
        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(truncated));
        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_member_gzip_file_reads_whole_and_a_member_cut_short_is_an_error()
    {
        var rows = Enumerable.Range(0, 3000).Select(i => $"{Utc(2025, 12, 1, 0, 0).AddMinutes(3 * i):yyyy-MM-dd HH:mm:sszzz},2000.0,2001.0,1999.0,2000.5,{i}").ToList();
        static byte[] Member(string text)
        {
            using var packed = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
            return packed.ToArray();
        }
        // As bgzip or `cat a.gz b.gz` makes them: members one after another, each with its own trailer.
        byte[] first = Member(Header + "\n" + string.Join('\n', rows[..1000]) + "\n"), second = Member(string.Join('\n', rows[1000..]) + "\n");
        var whole = Path.Combine(_dir, "members.csv.gz");
        File.WriteAllBytes(whole, [.. first, .. second]);
        var cut = Path.Combine(_dir, "cut.csv.gz");
        File.WriteAllBytes(cut, [.. first, .. second[..(second.Length / 2)]]);

        Assert.Equal(3000, BarCsvReader.Read(whole).Bars.Count);
        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(cut));
        Assert.Contains("is not a whole gzip file, it is truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_counted_by_the_rule_they_broke()
    {
        var path = Path.Combine(_dir, "kinds.csv");
        File.WriteAllText(path, Header + "\n"
            + "2025-12-01 00:00:00+00:00,2000.0,2001.0,1999.0,2000.5,1\n"
            + "2025-12-01 00:00:00+00:00,2000.0,2001.0,1999.0,2000.5,1\n" // duplicate
            + "2025-12-01 00:03:00+00:00,2000.0,1998.0,1999.0,2000.5,1\n" // high below open
            + "2025-12-01 00:06:00+00:00,20\"00.0,2001.0,1999.0,2000.5,1\n" // stray quote
            + "2025-11-30 23:00:00+00:00,2000.0,2001.0,1999.0,2000.5,1\n" // out of order
            + "2025-12-01 00:09:00+00:00,2000.0,2001.0,1999.0,2000.5,1\n");

        Assert.Equal("duplicate time 1, high/low inconsistent 1, out of order 1, stray quote 1", BarCsvReader.Read(path).ProblemCounts());
    }

    [Fact]
    public void Skipped_rows_are_summarised_in_one_line_by_rule_with_their_first_line_numbers()
    {
        var path = Path.Combine(_dir, "summary.csv");
        var rows = new List<string> { Header };
        for (var i = 0; i < 20; i++)
        {
            var time = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(3 * i).ToString("yyyy-MM-dd HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(i is 3 or 7 or 11 or 15 or 19 ? $"{time},x,2001.0,1999.0,2000.5,1" : i is 5 ? $"{time},2000.0,1998.0,1999.0,2000.5,1" : $"{time},2000.0,2001.0,1999.0,2000.5,1");
        }
        File.WriteAllLines(path, rows);

        var file = BarCsvReader.Read(path);

        // The header is line 1: bar i is on line i + 2.
        Assert.Equal($"bars file {file.Path}: 6 bad rows skipped (30 % of 20 rows): unreadable price 5 (lines 5, 9, 13, …), high/low inconsistent 1 (line 7)",
            file.SkippedSummary());
    }

    [Fact]
    public void Missing_file_gives_a_one_line_message_with_the_full_path()
    {
        var path = Path.Combine(_dir, "nope.csv");

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path));

        Assert.Equal($"bars file not found: {path}", e.Message);
    }

    [Fact]
    public void Missing_columns_are_all_named_in_one_line()
    {
        var path = Write("cols.csv", "timestamp,open,high,volume", "2025-12-02 14:30:00+00:00,2000.0,2001.0,10");

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path));

        Assert.Equal($"bars file {path} has no column for low, close; header is 'timestamp,open,high,volume'", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_time_column_is_refused_unless_time_is_optional()
    {
        var path = Write("notime.csv", "open,high,low,close", "2000.0,2001.0,1999.0,2000.5", "2000.5,2002.0,2000.0,2001.0");

        var e = Assert.Throws<BarFileException>(() => BarCsvReader.Read(path));
        Assert.Equal($"bars file {path} has no column for time (timestamp, timestamp_utc, time, datetime or date); header is 'open,high,low,close'", e.Message);

        var file = BarCsvReader.Read(path, requireTime: false);
        Assert.False(file.HasTime);
        Assert.Equal([DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1)], file.Bars.Select(b => b.OpenTime));
        Assert.Equal(0, file.Bars[0].Volume);
    }

    [Fact]
    public void Empty_file_header_only_and_all_bad_rows_are_refused()
    {
        var empty = Write("empty.csv");
        var headerOnly = Write("header.csv", Header);
        var allBad = Write("allbad.csv", Header, "x,1,1,1,1,1", "2025-12-02 14:30:00+00:00,-1,1,1,1,1");

        Assert.Equal($"bars file {empty} is empty", Assert.Throws<BarFileException>(() => BarCsvReader.Read(empty)).Message);
        Assert.Equal($"bars file {headerOnly} has no valid bars (0 bad rows)", Assert.Throws<BarFileException>(() => BarCsvReader.Read(headerOnly)).Message);
        Assert.Equal($"bars file {allBad} has no valid bars (2 bad rows)", Assert.Throws<BarFileException>(() => BarCsvReader.Read(allBad)).Message);
    }

    [Fact]
    public void Offsets_are_converted_to_UTC_and_naive_times_are_UTC()
    {
        var path = Write("tz.csv",
            "\uFEFFTime,Open,High,Low,Close,Vol",
            "2025-12-02 08:30:00-06:00,2000.0,2001.0,1999.0,2000.5,10",
            "2025-12-02 14:33:00,2000.0,2001.0,1999.0,2000.5,11");

        var file = BarCsvReader.Read(path);

        Assert.Empty(file.Problems);
        Assert.Equal([Utc(2025, 12, 2, 14, 30), Utc(2025, 12, 2, 14, 33)], file.Bars.Select(b => b.OpenTime));
        Assert.All(file.Bars, b => Assert.Equal(TimeSpan.Zero, b.OpenTime.Offset));
        Assert.Equal([10L, 11L], file.Bars.Select(b => b.Volume));
    }

    [Fact]
    public void TopstepX_MGC_file_loads_every_bar_without_problems()
    {
        var file = BarCsvReader.Read(SharedData.MgcBars, BadBarPolicy.Reject);

        Assert.Equal(12_382, file.Bars.Count);
        Assert.Empty(file.Problems);
        Assert.Equal(TimeSpan.FromMinutes(3), file.Period);
        Assert.True(file.HasTime);
        Assert.Equal(new Bar(Utc(2025, 11, 23, 23, 0), 4101.0m, 4110.0m, 4099.4m, 4102.0m, 243), file.Bars[0]);
        Assert.Equal(Utc(2026, 1, 2, 21, 57), file.Bars[^1].OpenTime);
    }

    [Fact]
    public void Lean_timestamp_utc_file_loads_with_the_right_first_bar()
    {
        var file = BarCsvReader.Read(SharedData.Path("data/gc_1m_lean_GCZ13_2013-10-07_2013-10-11_utc.csv"), BadBarPolicy.Reject);

        Assert.Equal(new Bar(Utc(2013, 10, 7, 0, 0), 1313.7m, 1313.7m, 1313m, 1313m, 49), file.Bars[0]);
        Assert.Equal(6_687, file.Bars.Count);
        Assert.Equal(TimeSpan.FromMinutes(1), file.Period);
    }

    [Fact]
    public void Smartmoneyconcepts_fixture_loads_naive_times_as_UTC_and_the_all_zero_volume_column()
    {
        var file = BarCsvReader.Read(SharedData.Path("fixtures/smc/EURUSD_15M.csv"), BadBarPolicy.Reject);

        // "Volume" wins over "Tickvol", as in the upstream tests: that is why their OB volumes are 0.
        Assert.Equal(new Bar(Utc(2022, 10, 10, 0, 0), 0.97312m, 0.97369m, 0.97312m, 0.97357m, 0), file.Bars[0]);
        Assert.Equal(24_424, file.Bars.Count);
        Assert.Equal(TimeSpan.FromMinutes(15), file.Period);
    }
}
