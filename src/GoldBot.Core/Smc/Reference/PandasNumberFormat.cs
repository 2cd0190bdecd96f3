using System.Globalization;

namespace GoldBot.Smc.Reference;

/// <summary>
/// Formats numbers the way pandas <c>DataFrame.to_csv</c> writes them (pandas 1.5.3 converts float
/// columns with numpy <c>astype(str)</c>): the shortest digit string that round-trips in the
/// column's own dtype (float64 like Python <c>repr</c>, float32 like numpy's <c>str(np.float32)</c>),
/// positional for 1e-4 ≤ |x| &lt; 1e16 with at least one fractional digit (<c>153.0</c>,
/// <c>0.97345555</c>), otherwise scientific with a signed exponent of at least two digits
/// (<c>1e-05</c>, <c>1.5e+16</c>). NaN is written as the empty string; infinities as <c>inf</c>.
/// </summary>
public static class PandasNumberFormat
{
    /// <summary>Longest text any of the formatters can produce.</summary>
    public const int MaxLength = 40;

    /// <summary>Writes a float64 value into <paramref name="destination"/> (at least <see cref="MaxLength"/> chars) and returns the length written.</summary>
    public static int FormatFloat64(double value, Span<char> destination)
    {
        if (double.IsNaN(value))
            return 0;
        Span<char> shortest = stackalloc char[MaxLength];
        if (!value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("shortest float64 text does not fit the buffer");
        var magnitude = Math.Abs(value);
        return Compose(shortest[..written], double.IsNegative(value), double.IsInfinity(value), value == 0 || (magnitude >= 1e-4 && magnitude < 1e16), destination);
    }

    /// <summary>Writes a float32 value into <paramref name="destination"/> (at least <see cref="MaxLength"/> chars) and returns the length written.</summary>
    public static int FormatFloat32(float value, Span<char> destination)
    {
        if (float.IsNaN(value))
            return 0;
        Span<char> shortest = stackalloc char[MaxLength];
        if (!value.TryFormat(shortest, out var written, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("shortest float32 text does not fit the buffer");
        double magnitude = Math.Abs(value);
        return Compose(shortest[..written], float.IsNegative(value), float.IsInfinity(value), value == 0 || (magnitude >= 1e-4 && magnitude < 1e16), destination);
    }

    /// <summary>Returns the float64 text of <paramref name="value"/> (see <see cref="FormatFloat64"/>).</summary>
    public static string Float64(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..FormatFloat64(value, buffer)]);
    }

    /// <summary>Returns the float32 text of <paramref name="value"/> (see <see cref="FormatFloat32"/>).</summary>
    public static string Float32(float value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return new string(buffer[..FormatFloat32(value, buffer)]);
    }

    // Re-lays out .NET's shortest round-trip text ("0.97345555", "1E-05", "1.5E+16", "153") as numpy does.
    private static int Compose(ReadOnlySpan<char> shortest, bool negative, bool infinite, bool positional, Span<char> destination)
    {
        var length = 0;
        if (negative)
            destination[length++] = '-';
        if (infinite)
        {
            "inf".AsSpan().CopyTo(destination[length..]);
            return length + 3;
        }

        // Split into significant digits d1..dk and decimal point position: value = 0.d1..dk × 10^point.
        Span<char> digits = stackalloc char[MaxLength];
        var count = 0;
        var beforePoint = 0;
        var seenPoint = false;
        var exponent = 0;
        var leadingZeros = 0;
        for (var index = 0; index < shortest.Length; index++)
        {
            var c = shortest[index];
            if (c == '-')
                continue;
            if (c == '.')
            {
                seenPoint = true;
                continue;
            }
            if (c is 'E' or 'e')
            {
                exponent = int.Parse(shortest[(index + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            if (count == 0 && c == '0')
            {
                if (!seenPoint)
                    continue;
                leadingZeros++;
                continue;
            }
            digits[count++] = c;
            if (!seenPoint)
                beforePoint++;
        }
        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
        }
        if (count == 0)
        {
            "0.0".AsSpan().CopyTo(destination[length..]);
            return length + 3;
        }
        var point = beforePoint - leadingZeros + exponent;

        if (positional)
        {
            if (point <= 0)
            {
                destination[length++] = '0';
                destination[length++] = '.';
                for (var z = 0; z < -point; z++)
                    destination[length++] = '0';
                digits[..count].CopyTo(destination[length..]);
                return length + count;
            }
            if (point >= count)
            {
                digits[..count].CopyTo(destination[length..]);
                length += count;
                for (var z = 0; z < point - count; z++)
                    destination[length++] = '0';
                destination[length++] = '.';
                destination[length++] = '0';
                return length;
            }
            digits[..point].CopyTo(destination[length..]);
            length += point;
            destination[length++] = '.';
            digits[point..count].CopyTo(destination[length..]);
            return length + count - point;
        }

        destination[length++] = digits[0];
        if (count > 1)
        {
            destination[length++] = '.';
            digits[1..count].CopyTo(destination[length..]);
            length += count - 1;
        }
        destination[length++] = 'e';
        var e = point - 1;
        destination[length++] = e < 0 ? '-' : '+';
        e = Math.Abs(e);
        if (e < 10)
            destination[length++] = '0';
        e.TryFormat(destination[length..], out var expLength, default, CultureInfo.InvariantCulture);
        return length + expLength;
    }
}
