namespace GoldBot.Smc.Reference;

/// <summary>
/// New output columns with every row empty (NaN), the starting state of most library outputs.
/// Allocated without zeroing since every element is written.
/// </summary>
internal static class EmptyColumn
{
    /// <summary>A float64 column of <paramref name="length"/> NaNs.</summary>
    public static double[] Float64(int length)
    {
        var values = GC.AllocateUninitializedArray<double>(length);
        values.AsSpan().Fill(double.NaN);
        return values;
    }

    /// <summary>A float32 column of <paramref name="length"/> NaNs.</summary>
    public static float[] Float32(int length)
    {
        var values = GC.AllocateUninitializedArray<float>(length);
        values.AsSpan().Fill(float.NaN);
        return values;
    }
}
