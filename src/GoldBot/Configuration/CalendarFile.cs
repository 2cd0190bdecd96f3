using GoldBot.Market;

namespace GoldBot.Configuration;

/// <summary>
/// Finds and loads the CME session calendar named by <c>Calendar:File</c>: an absolute path as
/// given; a relative one in the working directory, else next to the executable (the build ships
/// <c>config/cme-calendar.json</c> there), the same rule as <see cref="SettingsLoader"/> uses for
/// <c>config/appsettings.json</c>.
/// </summary>
public static class CalendarFile
{
    /// <summary>Default calendar file, relative to the working directory or the executable.</summary>
    public const string DefaultFile = "config/cme-calendar.json";

    /// <summary>Days ahead the start-up check wants covered.</summary>
    public const int StartupCoverageDays = 7;

    /// <summary>The full path of <paramref name="file"/>, resolved as described on the class.</summary>
    /// <exception cref="SettingsException">The file exists in none of the places looked at (all are named).</exception>
    public static string Resolve(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var local = Path.GetFullPath(file);
        if (File.Exists(local))
            return local;
        if (Path.IsPathRooted(file))
            throw new SettingsException($"Calendar:File {local} not found");
        var shipped = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, file));
        return File.Exists(shipped) ? shipped
            : throw new SettingsException($"Calendar:File {file} not found: looked for {local} and {shipped}");
    }

    /// <summary>
    /// Loads the calendar of <paramref name="settings"/> and checks that it has a product group for
    /// the traded symbol (<c>Instrument:Symbol</c>).
    /// </summary>
    /// <exception cref="SettingsException">
    /// The file is not found, cannot be read, is invalid (every problem listed, one per line, each
    /// prefixed with <c>Calendar:File</c> and the path), or does not list the traded symbol.
    /// </exception>
    public static ExchangeCalendar Load(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Resolve(settings.Calendar.File);
        ExchangeCalendar calendar;
        try
        {
            calendar = ExchangeCalendar.Load(path);
        }
        catch (ExchangeCalendarException e)
        {
            throw new SettingsException(string.Join(Environment.NewLine, e.Problems.Select(p => $"Calendar:File {path}: {p}")));
        }
        var symbol = settings.Instrument.Symbol;
        if (!calendar.Knows(symbol))
        {
            throw new SettingsException($"Calendar:File {path} has no product group for Instrument:Symbol '{symbol}' "
                + $"(it lists {string.Join(", ", calendar.ProductGroups.SelectMany(g => g.Symbols))})");
        }
        return calendar;
    }

    /// <summary>
    /// The warning to log at start when <paramref name="calendar"/> does not cover the next
    /// <see cref="StartupCoverageDays"/> days from <paramref name="time"/>'s current UTC instant;
    /// null when it does. See <see cref="ExchangeCalendar.CoverageWarning"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string? StartupWarning(ExchangeCalendar calendar, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(time);
        return calendar.CoverageWarning(time.GetUtcNow(), StartupCoverageDays);
    }
}
