using System.IO.Compression;
using System.Text;

namespace GoldBot.Tests.Fuzzing;

/// <summary>
/// A seeded generator of damaged bars files for the fuzzing campaign (issue 11): a slice of the real MGC file with one to
/// three mutations of the kinds a hostile or unlucky user produces — truncation, wrong column counts, stray quotes, odd
/// encodings and line endings, NaN/Inf/overflow/absurd values, OHLC violations, duplicates and disorder, far and
/// time-zoned stamps, binary garbage, empty and header-only files, and gzip damage. The same seed gives the same file.
/// </summary>
internal sealed class BarsFileMutator(IReadOnlyList<string> realLines)
{
    /// <summary>The mutation kinds, in the order a case's first kind is chosen from (seed % count).</summary>
    public static readonly string[] Kinds =
    [
        "truncate", "delete_char", "stray_quote", "extra_field", "missing_field", "nan_inf", "overflow", "absurd_price",
        "ohlc_violation", "duplicate_row", "swap_rows", "future_stamp", "offset_stamp", "crlf_mix", "bom", "binary_line",
        "empty", "header_only", "blank_lines", "gzip_truncated", "gzip_flipped", "gzip_ok", "gzip_members", "gzip_members_cut",
    ];

    /// <summary>One damaged file: its bytes, its first mutation kind, and whether it is gzip.</summary>
    public sealed record Case(int Seed, string Kind, byte[] Bytes, bool Gzip);

    /// <summary>Makes the case of <paramref name="seed"/>.</summary>
    public Case Make(int seed)
    {
        var random = new Random(seed);
        var kind = Kinds[seed % Kinds.Length];
        var start = 1 + random.Next(realLines.Count - 400);
        var lines = new List<string> { realLines[0] };
        lines.AddRange(realLines.Skip(start).Take(100 + random.Next(200)));
        var gzip = kind.StartsWith("gzip", StringComparison.Ordinal);
        var text = Mutate(kind, lines, random);
        for (var extra = random.Next(3); extra > 0 && !gzip && kind is not ("empty" or "header_only" or "truncate"); extra--)
            text = Mutate(Kinds[random.Next(Kinds.Length - 8)], [.. text.Split('\n')], random);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (kind == "bom")
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        if (!gzip)
            return new Case(seed, kind, bytes, false);
        if (kind.StartsWith("gzip_members", StringComparison.Ordinal))
        {
            // Several members one after another, as bgzip or `cat a.gz b.gz` make them; "cut" ends inside the last one.
            var cuts = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(bytes.Length)).Append(0).Append(bytes.Length).Order().ToList();
            var members = cuts.Zip(cuts.Skip(1)).Select(c => Pack(bytes[c.First..c.Second])).ToList();
            var last = members[^1];
            if (kind == "gzip_members_cut")
                members[^1] = last[..random.Next(1, last.Length - 1)];
            return new Case(seed, kind, [.. members.SelectMany(m => m)], true);
        }
        var zipped = Pack(bytes);
        if (kind == "gzip_truncated")
            zipped = zipped[..random.Next(10, zipped.Length - 1)];
        else if (kind == "gzip_flipped")
            zipped[10 + random.Next(zipped.Length - 18)] ^= (byte)(1 + random.Next(255));
        return new Case(seed, kind, zipped, true);
    }

    private static byte[] Pack(byte[] bytes)
    {
        using var packed = new MemoryStream();
        using (var stream = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            stream.Write(bytes);
        return packed.ToArray();
    }

    private static string Mutate(string kind, List<string> lines, Random random)
    {
        int Row() => 1 + random.Next(Math.Max(1, lines.Count - 2));
        string[] Fields(int i) => lines[i].Split(',');
        void SetField(int i, int field, string value)
        {
            var f = Fields(i);
            if (field < f.Length)
                f[field] = value;
            lines[i] = string.Join(',', f);
        }
        switch (kind)
        {
            case "truncate":
                var whole = string.Join('\n', lines) + "\n";
                return whole[..random.Next(whole.Length)];
            case "delete_char":
                var r = Row();
                if (lines[r].Length > 0)
                    lines[r] = lines[r].Remove(random.Next(lines[r].Length), 1);
                break;
            case "stray_quote":
                r = Row();
                lines[r] = lines[r].Insert(random.Next(lines[r].Length + 1), "\"");
                break;
            case "extra_field":
                lines[Row()] += ",42";
                break;
            case "missing_field":
                r = Row();
                lines[r] = string.Join(',', Fields(r)[..^2]);
                break;
            case "nan_inf":
                SetField(Row(), 1 + random.Next(5), random.Next(4) switch { 0 => "NaN", 1 => "Infinity", 2 => "-Infinity", _ => "∞" });
                break;
            case "overflow":
                SetField(Row(), 1 + random.Next(5), random.Next(3) switch { 0 => "9223372036854775808", 1 => "1e30", _ => "79228162514264337593543950336" });
                break;
            case "absurd_price":
                r = Row();
                SetField(r, 2, random.Next(2) == 0 ? "930000000000000000" : "1e18");
                break;
            case "ohlc_violation":
                r = Row();
                var f = Fields(r);
                if (f.Length >= 4)
                    (f[2], f[3]) = (f[3], f[2]); // high and low swapped
                lines[r] = string.Join(',', f);
                break;
            case "duplicate_row":
                r = Row();
                lines.Insert(r, lines[r]);
                break;
            case "swap_rows":
                r = Row();
                var s = Row();
                (lines[r], lines[s]) = (lines[s], lines[r]);
                break;
            case "future_stamp":
                r = Row();
                if (Fields(r)[0].Length >= 4)
                    SetField(r, 0, (random.Next(3) switch { 0 => "2099", 1 => "9999", _ => "2031" }) + Fields(r)[0][4..]);
                break;
            case "offset_stamp":
                r = Row();
                SetField(r, 0, Fields(r)[0].Replace("+00:00", random.Next(2) == 0 ? "-05:00" : "+09:30", StringComparison.Ordinal));
                break;
            case "crlf_mix":
                return string.Concat(lines.Select(l => l + (random.Next(2) == 0 ? "\r\n" : "\n")));
            case "binary_line":
                var garbage = new char[5 + random.Next(40)];
                for (var i = 0; i < garbage.Length; i++)
                    garbage[i] = (char)random.Next(1, 0xD7FF);
                lines.Insert(Row(), new string(garbage).Replace('\n', ' ').Replace('\r', ' '));
                break;
            case "empty":
                return "";
            case "header_only":
                return lines[0] + "\n";
            case "blank_lines":
                for (var i = random.Next(1, 5); i > 0; i--)
                    lines.Insert(Row(), random.Next(2) == 0 ? "" : "   ");
                break;
        }
        return string.Join('\n', lines) + "\n";
    }
}
