namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Compound annual growth rate: (E_end ÷ E_start)^(1 ÷ years) − 1, with years = (last bar close −
/// first bar open) in days ÷ 365.25: calendar time, as QuantStats <c>cagr</c> does (it divides days by 365),
/// not empyrical's count of returns ÷ 252. A fraction (0.12 = 12 % a year); a short run is annualised as it is.
/// </summary>
public static class CompoundAnnualGrowthRate
{
    /// <summary>Days per calendar year, averaging leap years.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>The CAGR; null when the period is not positive or the starting equity is not positive; −1 when the ending equity is ≤ 0.</summary>
    /// <param name="startEquity">Equity at the start, USD.</param>
    /// <param name="endEquity">Equity at the end, USD.</param>
    /// <param name="start">First bar time, UTC.</param>
    /// <param name="end">Last bar time, UTC.</param>
    public static double? Of(decimal startEquity, decimal endEquity, DateTimeOffset start, DateTimeOffset end)
    {
        var years = (end - start).TotalDays / DaysPerYear;
        if (years <= 0 || startEquity <= 0)
            return null;
        if (endEquity <= 0)
            return -1;
        return Math.Pow((double)(endEquity / startEquity), 1 / years) - 1;
    }
}
