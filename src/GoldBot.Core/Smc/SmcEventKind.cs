namespace GoldBot.Smc;

/// <summary>What an <see cref="SmcEvent"/> reports. Definitions are in <c>docs/smc.md</c>.</summary>
public enum SmcEventKind : byte
{
    /// <summary>A swing high confirmed n bars after its bar; Level = its high.</summary>
    SwingHigh,

    /// <summary>A swing low confirmed n bars after its bar; Level = its low.</summary>
    SwingLow,

    /// <summary>Break of structure: a close beyond the last swing level in the direction of the current trend (or with no trend yet).</summary>
    BreakOfStructure,

    /// <summary>Change of character: the first close beyond the last swing level against the current trend.</summary>
    ChangeOfCharacter,

    /// <summary>A new order block (zone Top/Bottom) with its 1–10 score.</summary>
    OrderBlockFormed,

    /// <summary>Price first traded into a fresh order block.</summary>
    OrderBlockTouched,

    /// <summary>Price traded through the order block's midpoint (the 50% mean threshold).</summary>
    OrderBlockMitigated,

    /// <summary>A close beyond the order block's far edge: the block failed.</summary>
    OrderBlockInvalidated,

    /// <summary>An order, breaker or mitigation block aged out (older than the maximum age) and is no longer tracked.</summary>
    OrderBlockExpired,

    /// <summary>A failed order block whose leg had swept liquidity flips into a breaker block of the opposite direction.</summary>
    BreakerBlockFormed,

    /// <summary>A failed order block whose leg had not swept liquidity flips into a mitigation block of the opposite direction.</summary>
    MitigationBlockFormed,

    /// <summary>Price first traded back into a breaker or mitigation block.</summary>
    BreakerBlockTouched,

    /// <summary>A close back through a breaker or mitigation block's far edge; it is removed.</summary>
    BreakerBlockInvalidated,

    /// <summary>A three-bar fair value gap of at least the minimum size, known at the close of the third bar.</summary>
    FairValueGapFormed,

    /// <summary>Price first traded into the gap (touch of the near edge).</summary>
    FairValueGapMitigated,

    /// <summary>Price traded through the gap's far edge; the gap is removed.</summary>
    FairValueGapFilled,

    /// <summary>Two or more swing highs (or lows) within the tolerance: a liquidity pool at Level.</summary>
    LiquidityPoolFormed,

    /// <summary>A wick through a pool's level with a close back on the near side (stop hunt).</summary>
    LiquiditySweep,

    /// <summary>A close beyond a pool's level: the liquidity was taken and the pool removed.</summary>
    LiquidityPoolTaken,

    /// <summary>The first internal pullback swing after a swing-structure break: the inducement level.</summary>
    InducementFormed,

    /// <summary>Price traded beyond the inducement level.</summary>
    InducementSwept,

    /// <summary>The swing dealing range changed: Top/Bottom are its extremes, Level its equilibrium, ZoneTop/ZoneBottom the OTE band.</summary>
    DealingRangeUpdated,
}
