namespace GoldBot.Smc.Reference;

/// <summary>The numpy dtype an output column of <c>smartmoneyconcepts</c> has, which fixes how it is printed.</summary>
public enum SmcColumnType
{
    /// <summary>float64; NaN means "empty".</summary>
    Float64,

    /// <summary>float32 (the library stores these arrays as <c>np.float32</c>); NaN means "empty".</summary>
    Float32,

    /// <summary>int32, never empty.</summary>
    Int32,
}
