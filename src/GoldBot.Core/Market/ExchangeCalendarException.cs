namespace GoldBot.Market;

/// <summary>
/// A session calendar file that cannot be used: missing, unreadable, not valid JSON, or breaking a
/// rule of its format (unknown product group, overlapping or unsorted entries, bad times). The
/// message names the file and every problem found.
/// </summary>
public sealed class ExchangeCalendarException : Exception
{
    /// <summary>Creates the exception for <paramref name="calendarFile"/> with one or more problems.</summary>
    public ExchangeCalendarException(string calendarFile, IReadOnlyList<string> problems)
        : base(Format(calendarFile, problems))
    {
        CalendarFile = calendarFile;
        Problems = problems;
    }

    /// <summary>Creates the exception for <paramref name="calendarFile"/> with one problem.</summary>
    public ExchangeCalendarException(string calendarFile, string problem, Exception? inner = null)
        : base(Format(calendarFile, [problem]), inner)
    {
        CalendarFile = calendarFile;
        Problems = [problem];
    }

    /// <summary>The file (or stream name) the calendar was read from.</summary>
    public string CalendarFile { get; }

    /// <summary>Each problem, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string file, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"session calendar {file}: {problems[0]}"
            : $"session calendar {file}: {problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems);
}
