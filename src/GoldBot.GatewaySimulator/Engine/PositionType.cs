namespace GoldBot.GatewaySimulator.Engine;

/// <summary>ProjectX <c>PositionType</c>: direction of a position; <c>size</c> is always positive (research/topstepx-api.md §8.1).</summary>
public enum PositionType
{
    /// <summary>Flat (the live gateway announces a closed position with type 0 and size 0).</summary>
    Undefined = 0,
    /// <summary>Long.</summary>
    Long = 1,
    /// <summary>Short.</summary>
    Short = 2,
}
