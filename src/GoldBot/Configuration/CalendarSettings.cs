using System.ComponentModel.DataAnnotations;

namespace GoldBot.Configuration;

/// <summary>
/// The CME session calendar (<c>Calendar:File</c>): Globex hours, holidays and early closes per
/// product group (<see cref="GoldBot.Market.ExchangeCalendar"/>). Loaded by <see cref="CalendarFile"/>.
/// </summary>
public sealed class CalendarSettings
{
    /// <summary>
    /// Calendar JSON file: absolute, or relative to the working directory, else to the executable's
    /// folder (where <c>config/cme-calendar.json</c> is shipped), like <c>config/appsettings.json</c>.
    /// </summary>
    [Required]
    public string File { get; init; } = CalendarFile.DefaultFile;
}
