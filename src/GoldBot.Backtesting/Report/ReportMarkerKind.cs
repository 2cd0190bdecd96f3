namespace GoldBot.Backtesting.Report;

/// <summary>What a chart marker stands for.</summary>
public enum ReportMarkerKind
{
    /// <summary>A position opened: drawn as an arrow (up for a buy below the bar, down for a sell above it).</summary>
    Entry,

    /// <summary>A position reduced or closed: drawn as a circle on the side of the order that closed it.</summary>
    Exit,
}
