namespace GoldBot.Smc;

/// <summary>Which swing length a structure event belongs to (LuxAlgo's internal vs swing structure).</summary>
public enum StructureScope : byte
{
    /// <summary>Not tied to a structure level (FVGs, pools use their own rules).</summary>
    None,

    /// <summary>Short swing length: minor, internal structure.</summary>
    Internal,

    /// <summary>Long swing length: major, external (swing) structure.</summary>
    Swing,
}

/// <summary>How a swing compares with the previous swing of the same type.</summary>
public enum SwingLabel : byte
{
    /// <summary>First swing of its type, or equal to the previous one.</summary>
    None,

    /// <summary>Higher high.</summary>
    HigherHigh,

    /// <summary>Lower high.</summary>
    LowerHigh,

    /// <summary>Higher low.</summary>
    HigherLow,

    /// <summary>Lower low.</summary>
    LowerLow,
}
