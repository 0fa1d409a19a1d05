using System.Globalization;
using System.Numerics;

namespace SparkVideo.Engine.Formats;

/// <summary>
/// Java 17's Double.toString, which Spark 3.5 prints doubles with: plain ("1234.5", "0.001") when
/// 1e-3 &lt;= |x| &lt; 1e7, otherwise computerised scientific ("1.7676681283084435E9"). JDK 17's digit generator is
/// the classic FloatingDecimal one, not the shortest-representation one of JDK 19+: it always gives at least two
/// digits in scientific form (Double.MIN_VALUE is "4.9E-324", not "5.0E-324"), rounds integers above 2^54 to the
/// digits their binary exponent makes significant (2^60 is "1.15292150460684698E18"), and now and then gives a
/// digit more than the shortest. This follows the same steps (a digit loop over exact integers B / S with the
/// half-ulp M as the stopping test), so it gives the same text; Vectors/jdk17-double-tostring.txt checks that.
/// </summary>
internal static class JavaDoubleFormatter
{
    private const int MantissaBits = 52;
    private const long ImplicitBit = 1L << MantissaBits;
    private const int ExponentBias = 1023;

    public static string Format(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsPositiveInfinity(value))
            return "Infinity";
        if (double.IsNegativeInfinity(value))
            return "-Infinity";
        if (value == 0)
            return double.IsNegative(value) ? "-0.0" : "0.0";

        long bits = BitConverter.DoubleToInt64Bits(value);
        long fraction = bits & (ImplicitBit - 1);
        int biasedExponent = (int)((bits >> MantissaBits) & 0x7FF);
        int significantBits;
        if (biasedExponent == 0)
        {
            // Subnormal: normalise so the highest set bit sits where the implicit bit would.
            int shift = BitOperations.LeadingZeroCount((ulong)fraction) - (63 - MantissaBits);
            significantBits = 64 - BitOperations.LeadingZeroCount((ulong)fraction);
            fraction <<= shift;
            biasedExponent = 1 - shift;
        }
        else
        {
            fraction |= ImplicitBit;
            significantBits = MantissaBits + 1;
        }
        Digits digits = Generate(biasedExponent - ExponentBias, fraction, significantBits);
        return Layout(value < 0, digits);
    }

    /// <summary>Decimal digits d1 d2 ... and the exponent E such that the value is 0.d1d2... * 10^E.</summary>
    private sealed class Digits
    {
        public char[] Text { get; } = new char[24];

        public int Count { get; set; }

        public int DecimalExponent { get; set; }

        public void Append(int digit) => Text[Count++] = (char)('0' + digit);

        /// <summary>Adds one to the last digit, carrying; a carry out of the first digit makes "1" and E + 1.</summary>
        public void RoundUp()
        {
            int i = Count - 1;
            while (i > 0 && Text[i] == '9')
            {
                Text[i--] = '0';
            }
            if (Text[i] == '9')
            {
                Text[0] = '1';
                DecimalExponent++;
                return;
            }
            Text[i]++;
        }
    }

    /// <param name="binaryExponent">Unbiased exponent: the value is fraction / 2^52 * 2^binaryExponent.</param>
    /// <param name="fraction">53 bits with the top one set.</param>
    /// <param name="significantBits">53, or fewer for a subnormal.</param>
    private static Digits Generate(int binaryExponent, long fraction, int significantBits)
    {
        int trailingZeros = BitOperations.TrailingZeroCount(fraction);
        int fractionBits = MantissaBits + 1 - trailingZeros;
        int tinyBits = Math.Max(0, fractionBits - binaryExponent - 1);

        // An integer of at most 63 bits: its own decimal digits, with the ones below the value's precision rounded off.
        if (tinyBits == 0 && binaryExponent is >= -21 and <= 62)
        {
            int insignificant = binaryExponent > significantBits ? InsignificantDigits(binaryExponent - significantBits - 1) : 0;
            long integer = binaryExponent >= MantissaBits
                ? fraction << (binaryExponent - MantissaBits)
                : fraction >> (MantissaBits - binaryExponent);
            return IntegerDigits(integer, insignificant);
        }

        // value = B / S * 10^decimalExponent with 1 <= B / S < 10 (or < 1 when the estimate is one too high);
        // M is half the distance to the neighbouring doubles, scaled like B. Each power is kept as 2^x * 5^y.
        int decimalExponent = EstimateDecimalExponent(fraction, binaryExponent);
        int b5 = Math.Max(0, -decimalExponent);
        int b2 = b5 + tinyBits + binaryExponent;
        int s5 = Math.Max(0, decimalExponent);
        int s2 = s5 + tinyBits;
        int m5 = b5;
        int m2 = b2 - significantBits;

        long mantissa = fraction >> trailingZeros;
        b2 -= fractionBits - 1;
        int common = Math.Min(b2, s2);
        b2 -= common;
        s2 -= common;
        m2 -= common;
        if (fractionBits == 1)
        {
            m2 -= 1; // a power of two: the next double down is half as far away
        }
        if (m2 < 0)
        {
            b2 -= m2;
            s2 -= m2;
            m2 = 0;
        }

        int bBits = fractionBits + b2 + FivePowerBits(b5);
        int tenSBits = s2 + 1 + FivePowerBits(s5 + 1);
        var digits = new Digits();
        if (bBits < 64 && tenSBits < 64)
        {
            if (bBits < 32 && tenSBits < 32)
            {
                FixedWidthLoop(digits, (int)mantissa, b5, b2, s5, s2, m5, m2, ref decimalExponent);
            }
            else
            {
                FixedWidthLoop(digits, mantissa, b5, b2, s5, s2, m5, m2, ref decimalExponent);
            }
        }
        else
        {
            BigLoop(digits, mantissa, b5, b2, s5, s2, m5, m2, ref decimalExponent);
        }
        return digits;
    }

    // One algorithm at three integer widths; JDK 17 picks the width by the sizes estimated above, and its stopping
    // tests differ slightly between them (the wide one stops on B + M == 10S, the narrow ones do not), so the choice
    // is kept. The fixed widths wrap on overflow as Java's int and long do.
    private static void FixedWidthLoop<T>(Digits digits, T mantissa, int b5, int b2, int s5, int s2, int m5, int m2, ref int decimalExponent)
        where T : IBinaryInteger<T>
    {
        unchecked
        {
            T ten = T.CreateTruncating(10);
            T b = (mantissa * T.CreateTruncating(Pow5(b5))) << b2;
            T s = T.CreateTruncating(Pow5(s5)) << s2;
            T m = T.CreateTruncating(Pow5(m5)) << m2;
            T tenS = s * ten;
            int q = int.CreateTruncating(b / s);
            b = ten * (b % s);
            m *= ten;
            bool low = b < m;
            bool high = b + m > tenS;
            FirstDigit(digits, q, high, ref decimalExponent);
            if (decimalExponent is < -3 or >= 8)
            {
                low = high = false; // scientific form shows at least two digits
            }
            while (!low && !high)
            {
                q = int.CreateTruncating(b / s);
                b = ten * (b % s);
                m *= ten;
                if (m > T.Zero)
                {
                    low = b < m;
                    high = b + m > tenS;
                }
                else
                {
                    low = high = true; // M overflowed: it is certainly past both ends
                }
                digits.Append(q);
            }
            Finish(digits, low, high, long.CreateTruncating((b << 1) - tenS), decimalExponent);
        }
    }

    private static void BigLoop(Digits digits, long mantissa, int b5, int b2, int s5, int s2, int m5, int m2, ref int decimalExponent)
    {
        BigInteger b = mantissa * BigInteger.Pow(5, b5) << b2;
        BigInteger s = BigInteger.Pow(5, s5) << s2;
        BigInteger m = BigInteger.Pow(5, m5) << m2;
        BigInteger tenS = s * 10;
        int q = (int)BigInteger.DivRem(b, s, out BigInteger remainder);
        b = remainder * 10;
        m *= 10;
        bool low = b < m;
        bool high = b + m >= tenS;
        FirstDigit(digits, q, high, ref decimalExponent);
        if (decimalExponent is < -3 or >= 8)
        {
            low = high = false;
        }
        while (!low && !high)
        {
            q = (int)BigInteger.DivRem(b, s, out remainder);
            b = remainder * 10;
            m *= 10;
            low = b < m;
            high = b + m >= tenS;
            digits.Append(q);
        }
        long lowDigitDifference = high && low ? (b * 2).CompareTo(tenS) : 0;
        Finish(digits, low, high, lowDigitDifference, decimalExponent);
    }

    /// <summary>A first quotient of 0 means the exponent estimate was one too high: drop it and lower the exponent.</summary>
    private static void FirstDigit(Digits digits, int q, bool high, ref int decimalExponent)
    {
        if (q == 0 && !high)
        {
            decimalExponent--;
        }
        else
        {
            digits.Append(q);
        }
    }

    /// <summary>Rounds the last digit by where the loop stopped: up when only the high end was reached, or when both
    /// were and the remainder is over half (a tie rounds an odd digit up).</summary>
    private static void Finish(Digits digits, bool low, bool high, long lowDigitDifference, int decimalExponent)
    {
        digits.DecimalExponent = decimalExponent + 1;
        if (!high)
        {
            return;
        }
        if (!low || lowDigitDifference > 0 || (lowDigitDifference == 0 && (digits.Text[digits.Count - 1] & 1) != 0))
        {
            digits.RoundUp();
        }
    }

    private static Digits IntegerDigits(long value, int insignificant)
    {
        int decimalExponent = 0;
        if (insignificant != 0)
        {
            long pow10 = Pow5(insignificant) << insignificant;
            long residue = value % pow10;
            value /= pow10;
            decimalExponent += insignificant;
            if (residue >= pow10 >> 1)
            {
                value++;
            }
        }
        string text = value.ToString(CultureInfo.InvariantCulture);
        string trimmed = text.TrimEnd('0');
        var digits = new Digits { DecimalExponent = decimalExponent + text.Length };
        foreach (char c in trimmed)
        {
            digits.Append(c - '0');
        }
        return digits;
    }

    /// <summary>floor(log10(value)) or one more: a tangent line of log10 over the mantissa, never below the true value.</summary>
    private static int EstimateDecimalExponent(long fraction, int binaryExponent)
    {
        double mantissa = BitConverter.Int64BitsToDouble((1023L << MantissaBits) | (fraction & (ImplicitBit - 1)));
        double estimate = (mantissa - 1.5) * 0.289529654 + 0.176091259 + binaryExponent * 0.301029995663981;
        return (int)Math.Floor(estimate);
    }

    /// <summary>
    /// Decimal digits of an integer of 2^(p + 54) or more that its 53-bit precision does not pin down: floor(p * log10 2).
    /// </summary>
    private static int InsignificantDigits(int p) => p > 1 ? (int)Math.Floor(p * Math.Log10(2)) : 0;

    private static long Pow5(int exponent)
    {
        long result = 1;
        for (int i = 0; i < exponent; i++)
        {
            result *= 5;
        }
        return result;
    }

    /// <summary>Bits of 5^n (exact up to 5^26, which fits a long; 3 per power beyond, as JDK 17 estimates it).</summary>
    private static int FivePowerBits(int n) => n < 27 ? 64 - BitOperations.LeadingZeroCount((ulong)Pow5(n)) : n * 3;

    private static string Layout(bool negative, Digits digits)
    {
        string text = new(digits.Text, 0, digits.Count);
        int exponent = digits.DecimalExponent;
        string sign = negative ? "-" : "";
        if (exponent is > 0 and < 8)
        {
            if (text.Length <= exponent)
            {
                return $"{sign}{text}{new string('0', exponent - text.Length)}.0";
            }
            return $"{sign}{text[..exponent]}.{text[exponent..]}";
        }
        if (exponent is <= 0 and > -3)
        {
            return $"{sign}0.{new string('0', -exponent)}{text}";
        }
        string fractionDigits = text.Length > 1 ? text[1..] : "0";
        return $"{sign}{text[0]}.{fractionDigits}E{(exponent - 1).ToString(CultureInfo.InvariantCulture)}";
    }
}
