using System.CommandLine;
using System.Globalization;
using System.Text;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Smc.Reference;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot smc --input FILE [options]</c>: runs the reference-mode port of
/// <c>smartmoneyconcepts</c> 0.0.27 (<see cref="GoldBot.Smc.Reference"/>) over a bars CSV and
/// writes one CSV per function, formatted exactly as the library's <c>to_csv(index=False)</c>
/// output: always <c>swing_highs_lows.csv</c>, <c>bos_choch.csv</c>, <c>ob.csv</c>,
/// <c>fvg.csv</c>, <c>liquidity.csv</c>; on request <c>previous_high_low_&lt;TF&gt;.csv</c>,
/// <c>sessions_&lt;Name&gt;.csv</c> and <c>retracements.csv</c>. Prints one line per file written
/// (rows, signals). A missing or bad input file, a time-needing function on a file without
/// times, or a bad argument value prints one line to stderr and exits with code 2.
/// </summary>
internal static class SmcCommand
{
    private const int BadInput = 2;

    /// <summary>Builds the <c>smc</c> verb (System.CommandLine 2.0).</summary>
    public static Command Create()
    {
        var input = new Option<string>("--input")
        {
            Description = "Bars CSV (time column optional; columns open, high, low, close, volume matched case-insensitively).",
            Required = true,
        };
        var swingLength = new Option<int>("--swing-length")
        {
            Description = "swing_length of swing_highs_lows in bars (library default 50).",
            DefaultValueFactory = _ => 50,
        };
        var output = new Option<string>("--out")
        {
            Description = "Output folder (created if missing).",
            DefaultValueFactory = _ => "smc-out",
        };
        var previousHighLow = new Option<string[]>("--previous-high-low")
        {
            Description = "Also run previous_high_low for this pandas time frame (1h, 4h, 1D, W, ...); repeatable. Needs bar times.",
            DefaultValueFactory = _ => [],
        };
        var sessions = new Option<string[]>("--sessions")
        {
            Description = "Also run sessions for this session (Sydney, Tokyo, London, \"New York\", \"Asian kill zone\", ..., Custom); repeatable. Needs bar times.",
            DefaultValueFactory = _ => [],
        };
        var sessionStart = new Option<string>("--session-start")
        {
            Description = "start_time \"HH:MM\" for --sessions Custom.",
            DefaultValueFactory = _ => "",
        };
        var sessionEnd = new Option<string>("--session-end")
        {
            Description = "end_time \"HH:MM\" for --sessions Custom.",
            DefaultValueFactory = _ => "",
        };
        var timeZone = new Option<string>("--time-zone")
        {
            Description = "time_zone of the bar times for sessions: UTC, UTC±k or GMT±k (the library's sign bug included).",
            DefaultValueFactory = _ => "UTC",
        };
        var retracements = new Option<bool>("--retracements") { Description = "Also run retracements." };
        var joinConsecutive = new Option<bool>("--join-consecutive") { Description = "fvg join_consecutive=True." };
        var closeBreak = new Option<bool>("--close-break")
        {
            Description = "bos_choch close_break (true: close beyond the level; false: wick).",
            DefaultValueFactory = _ => true,
        };
        var closeMitigation = new Option<bool>("--close-mitigation") { Description = "ob close_mitigation=True." };
        var rangePercent = new Option<double>("--range-percent")
        {
            Description = "liquidity range_percent (fraction of the whole input's high-low range).",
            DefaultValueFactory = _ => 0.01,
        };

        var command = new Command("smc", "Run the smartmoneyconcepts 0.0.27 reference port over a bars CSV and write its outputs as CSV.")
        {
            input, swingLength, output, previousHighLow, sessions, sessionStart, sessionEnd, timeZone,
            retracements, joinConsecutive, closeBreak, closeMitigation, rangePercent,
        };
        command.SetAction(parseResult =>
        {
            var request = new Request(
                parseResult.GetValue(input)!,
                parseResult.GetValue(swingLength),
                parseResult.GetValue(output)!,
                parseResult.GetValue(previousHighLow) ?? [],
                parseResult.GetValue(sessions) ?? [],
                parseResult.GetValue(sessionStart) ?? "",
                parseResult.GetValue(sessionEnd) ?? "",
                parseResult.GetValue(timeZone) ?? "UTC",
                parseResult.GetValue(retracements),
                parseResult.GetValue(joinConsecutive),
                parseResult.GetValue(closeBreak),
                parseResult.GetValue(closeMitigation),
                parseResult.GetValue(rangePercent));
            var config = parseResult.InvocationConfiguration;
            return Run(request, config.Output, config.Error);
        });
        return command;
    }

    private sealed record Request(
        string Input,
        int SwingLength,
        string Output,
        string[] PreviousHighLow,
        string[] Sessions,
        string SessionStart,
        string SessionEnd,
        string TimeZone,
        bool Retracements,
        bool JoinConsecutive,
        bool CloseBreak,
        bool CloseMitigation,
        double RangePercent);

    private static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        if (request.SwingLength < 1)
            return Fail(stderr, $"--swing-length must be at least 1 (got {request.SwingLength})");
        if (!double.IsFinite(request.RangePercent) || request.RangePercent < 0)
            return Fail(stderr, $"--range-percent must be a finite number ≥ 0 (got {request.RangePercent.ToString(CultureInfo.InvariantCulture)})");

        BarFile file;
        try
        {
            file = BarCsvReader.Read(request.Input, BadBarPolicy.Reject, requireTime: false);
        }
        catch (BarFileException e)
        {
            return Fail(stderr, "--input: " + e.Message);
        }
        if (!file.HasTime && (request.PreviousHighLow.Length > 0 || request.Sessions.Length > 0))
        {
            var what = request.PreviousHighLow.Length > 0 ? "--previous-high-low" : "--sessions";
            return Fail(stderr, $"{what} needs bar times, but {file.Path} has no time column");
        }

        // Everything is computed before anything is written, so a bad argument leaves no partial output.
        var frames = new List<(string Name, ISmcFrame Frame)>();
        string? option = null; // the option whose value the function being run takes
        try
        {
            var series = SmcSeries.FromBars(file.Bars, file.HasTime);
            var swings = SwingHighsLows.Compute(series, request.SwingLength);
            frames.Add(("swing_highs_lows.csv", swings));
            frames.Add(("bos_choch.csv", BosChoch.Compute(series, swings, request.CloseBreak)));
            frames.Add(("ob.csv", OrderBlocks.Compute(series, swings, request.CloseMitigation)));
            frames.Add(("fvg.csv", FairValueGaps.Compute(series, request.JoinConsecutive)));
            frames.Add(("liquidity.csv", Liquidity.Compute(series, swings, request.RangePercent)));
            option = "--previous-high-low";
            foreach (var timeFrame in request.PreviousHighLow.Distinct(StringComparer.Ordinal))
                frames.Add(($"previous_high_low_{timeFrame}.csv", PreviousHighLow.Compute(series, timeFrame)));
            option = "--sessions";
            foreach (var session in request.Sessions.Distinct(StringComparer.Ordinal))
                frames.Add(($"sessions_{FileNamePart(session)}.csv", Sessions.Compute(series, session, request.SessionStart, request.SessionEnd, request.TimeZone)));
            option = null;
            if (request.Retracements)
                frames.Add(("retracements.csv", Retracements.Compute(series, swings)));
        }
        catch (ArgumentException e)
        {
            option = (option, e.ParamName) switch
            {
                ("--sessions", "timeZone") => "--time-zone",
                ("--sessions", "text") => "--session-start/--session-end",
                _ => option,
            };
            return Fail(stderr, (option is null ? "" : option + ": ") + CommandLineErrors.Message(e));
        }
        catch (InvalidOperationException e)
        {
            return Fail(stderr, e.Message);
        }

        try
        {
            var folder = Directory.CreateDirectory(request.Output).FullName;
            foreach (var (name, frame) in frames)
            {
                var path = Path.Combine(folder, name);
                using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                    SmcCsvWriter.Write(writer, frame);
                stdout.WriteLine($"{path}: {frame.RowCount} rows, {frame.SignalCount} signals");
            }
        }
        catch (IOException e)
        {
            return Fail(stderr, $"cannot write to {request.Output}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(stderr, $"cannot write to {request.Output}: {e.Message}");
        }
        return 0;
    }

    // "Asian kill zone" → "AsianKillZone" (the fixtures' naming).
    private static string FileNamePart(string session)
    {
        var name = new StringBuilder(session.Length);
        foreach (var word in session.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var k = 0; k < word.Length; k++)
            {
                if (char.IsAsciiLetterOrDigit(word[k]))
                    name.Append(k == 0 ? char.ToUpperInvariant(word[k]) : word[k]);
            }
        }
        return name.ToString();
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return BadInput;
    }
}
