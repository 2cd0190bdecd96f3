using System.Runtime.CompilerServices;

namespace GoldBot.Market;

/// <summary>
/// Prices to whole ticks, exactly as <c>decimal.Round(price / tickSize, MidpointRounding.AwayFromZero)</c> and without its
/// decimal division (the costliest step of turning every bar into ticks). A decimal is a 96-bit integer mantissa and a
/// power-of-ten scale: price = m × 10^−s and tickSize = t × 10^−k, so price ÷ tickSize = m × 10^(k−s) ÷ t, or
/// m ÷ (t × 10^(s−k)) when s &gt; k: one 64-bit integer division and its remainder, rounded half away from zero, or none when
/// the divisor is 1 (a price no finer than a tick of mantissa 1, such as 4201.3 on a 0.1 or 0.01 grid). Values whose mantissas
/// or scaled products do not fit 63 bits take the decimal division.
/// </summary>
public static class TickRounding
{
    private static readonly long[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    // The largest value whose product with 10^k still fits 63 bits, by k: a comparison instead of a 64-bit division per price.
    private static readonly long[] ScalableLimits = [.. PowersOfTen.Select(p => long.MaxValue / p)];

    /// <summary>
    /// <paramref name="price"/> (points) in whole ticks of <paramref name="tickSize"/> (points), rounded to the nearest tick,
    /// half away from zero.
    /// </summary>
    /// <exception cref="DivideByZeroException"><paramref name="tickSize"/> is zero.</exception>
    /// <exception cref="OverflowException">The tick count does not fit a <see cref="long"/>.</exception>
    public static long ToTicks(decimal price, decimal tickSize) => ToTicks(price, new Grid(tickSize));

    /// <summary>A tick size split into mantissa and scale once, for converting several prices (a bar's four).</summary>
    internal readonly struct Grid
    {
        public Grid(decimal tickSize)
        {
            Size = tickSize;
            Usable = TryMantissa(tickSize, out Mantissa, out Scale, out Negative) && Mantissa > 0;
        }

        public readonly decimal Size;
        public readonly bool Negative;
        public readonly long Mantissa;
        public readonly int Scale;
        public readonly bool Usable;
    }

    /// <inheritdoc cref="ToTicks(decimal, decimal)"/>
    internal static long ToTicks(decimal price, in Grid tick)
    {
        if (tick.Usable && TryMantissa(price, out var m, out var s, out var negative))
        {
            long numerator = m, divisor = tick.Mantissa;
            if (s <= tick.Scale ? TryScale(ref numerator, tick.Scale - s) : TryScale(ref divisor, s - tick.Scale))
            {
                // A price no finer than a tick of mantissa 1 (4201.3 on a 0.1 or 0.01 grid) is a whole number of ticks already.
                var quotient = numerator;
                if (divisor != 1)
                {
                    quotient = Math.DivRem(numerator, divisor, out var remainder);
                    if (remainder >= divisor - remainder)
                        quotient++;
                }
                return negative != tick.Negative ? -quotient : quotient;
            }
        }
        return ByDecimalDivision(price, tick.Size);
    }

    // The rare path in its own method, so the common one stays small.
    private static long ByDecimalDivision(decimal price, decimal tickSize) =>
        decimal.ToInt64(decimal.Round(price / tickSize, MidpointRounding.AwayFromZero));

    /// <summary>A decimal's four 32-bit parts (<see cref="decimal.GetBits(decimal, Span{int})"/>) on the stack, without a stackalloc (a method with one is not inlined).</summary>
    [InlineArray(4)]
    private struct DecimalBits
    {
        private int _part;
    }

    /// <summary>
    /// The magnitude of <paramref name="value"/>'s mantissa, its scale and its sign bit, when the mantissa fits 63 bits. A
    /// negative zero has its sign bit set; its quotient is 0 whatever the sign, as <c>decimal.Round</c>'s is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryMantissa(decimal value, out long mantissa, out int scale, out bool negative)
    {
        var parts = new DecimalBits();
        Span<int> bits = parts;
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        negative = bits[3] < 0;
        mantissa = (long)((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
        return bits[2] == 0 && mantissa >= 0;
    }

    /// <summary>Multiplies <paramref name="value"/> by 10^<paramref name="exponent"/> when the product fits 63 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryScale(ref long value, int exponent)
    {
        if (exponent >= PowersOfTen.Length || value > ScalableLimits[exponent])
            return false;
        value *= PowersOfTen[exponent];
        return true;
    }
}
