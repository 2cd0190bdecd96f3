using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// Number text as pandas 1.5.3 to_csv writes it (numpy astype(str)): Python repr for float64,
/// numpy's shortest float32 repr, positional for 1e-4 ≤ |x| &lt; 1e16, else scientific.
/// (Cross-checked once against CPython repr on 300,000 random doubles.)
/// </summary>
public sealed class PandasNumberFormatTests
{
    [Theory]
    [InlineData(153.0, "153.0")]
    [InlineData(1.05676, "1.05676")]
    [InlineData(0.97369, "0.97369")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(9.9999e-05, "9.9999e-05")]
    [InlineData(1.5e-07, "1.5e-07")]
    [InlineData(1e16, "1e+16")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(1.2345678901234568e+17, "1.2345678901234568e+17")]
    [InlineData(1e100, "1e+100")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(-42.5, "-42.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.NaN, "")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Float64_is_written_like_python_repr(double value, string expected) =>
        Assert.Equal(expected, PandasNumberFormat.Float64(value));

    [Theory]
    [InlineData(0.97345555f, "0.97345555")]
    [InlineData(1.0f, "1.0")]
    [InlineData(24423f, "24423.0")]
    [InlineData(0.1f, "0.1")]
    [InlineData(16777216f, "16777216.0")]
    [InlineData(1e-5f, "1e-05")]
    [InlineData(3.4028235e38f, "3.4028235e+38")]
    [InlineData(1e-45f, "1e-45")]
    [InlineData(-0.0f, "-0.0")]
    [InlineData(float.NaN, "")]
    public void Float32_is_written_like_numpy_float32(float value, string expected) =>
        Assert.Equal(expected, PandasNumberFormat.Float32(value));

    [Fact]
    public void Float32_column_uses_the_float32_digits_not_the_widened_double()
    {
        var level = (float)0.97345555;
        Assert.Equal("0.97345555", PandasNumberFormat.Float32(level));
        Assert.Equal("0.973455548286438", PandasNumberFormat.Float64(level));
    }

    [Theory]
    [InlineData(2.675, 1, 2.7)]
    [InlineData(0.25, 1, 0.2)]
    [InlineData(0.35, 1, 0.4)] // 0.35 · 10 rounds to 3.5 in float64; CPython's float round gives 0.3
    [InlineData(-0.04, 1, -0.0)]
    [InlineData(12.3456, 2, 12.35)]
    public void Numpy_rounding_is_rint_of_the_scaled_value(double value, int decimals, double expected) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(NumpyRounding.Around(value, decimals)));
}
