namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Position direction (§8.1); <c>size</c> is always positive. A closed position arrives as 0 with size 0.</summary>
public enum PositionType
{
    /// <summary>Undefined (0); with size 0 it announces a closed position (fixtures README item 3).</summary>
    Undefined = 0,
    /// <summary>Long (1).</summary>
    Long = 1,
    /// <summary>Short (2).</summary>
    Short = 2,
}
