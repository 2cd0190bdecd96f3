namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Market depth entry type (§9.2).</summary>
public enum DomType
{
    /// <summary>Unknown (0).</summary>
    Unknown = 0,
    /// <summary>Ask level (1).</summary>
    Ask = 1,
    /// <summary>Bid level (2).</summary>
    Bid = 2,
    /// <summary>Best ask (3).</summary>
    BestAsk = 3,
    /// <summary>Best bid (4).</summary>
    BestBid = 4,
    /// <summary>Trade (5).</summary>
    Trade = 5,
    /// <summary>Book reset (6).</summary>
    Reset = 6,
    /// <summary>Session low (7).</summary>
    Low = 7,
    /// <summary>Session high (8).</summary>
    High = 8,
    /// <summary>New best bid (9).</summary>
    NewBestBid = 9,
    /// <summary>New best ask (10).</summary>
    NewBestAsk = 10,
    /// <summary>Fill (11).</summary>
    Fill = 11,
}
