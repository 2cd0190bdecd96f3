namespace GoldBot.Market;

/// <summary>What a bar source does with a row that fails parsing or <see cref="BarValidator"/>.</summary>
public enum BadBarPolicy
{
    /// <summary>Report the row with its line number and continue without it.</summary>
    Skip,

    /// <summary>Report the row with its line number and refuse the whole file.</summary>
    Reject,
}
