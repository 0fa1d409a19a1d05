using System.Globalization;

namespace SparkVideo.Engine.Formats;

/// <summary>
/// Java's Double.toString: the shortest decimal that reads back to the same value, plain
/// ("1234.5", "0.001") when 1e-3 &lt;= |x| &lt; 1e7, otherwise computerised scientific ("1.7676681283084435E9").
/// </summary>
internal static class JavaDoubleFormatter
{
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
        // .NET's "R" gives the shortest round-tripping digits; only the layout differs from Java.
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        return Layout(value < 0, shortest);
    }

    /// <summary>Re-lays a .NET shortest representation ("1.5E-05", "123.25") in Java's form.</summary>
    private static string Layout(bool negative, string shortest)
    {
        int e = shortest.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.');
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        // value = 0.digits * 10^decimalExponent
        int decimalExponent = (point < 0 ? mantissa.Length : point) + exponent;
        int leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        decimalExponent -= leadingZeros;
        int scientificExponent = decimalExponent - 1;
        string sign = negative ? "-" : "";
        if (scientificExponent is >= -3 and < 7)
        {
            if (decimalExponent <= 0)
            {
                return $"{sign}0.{new string('0', -decimalExponent)}{digits}";
            }
            if (decimalExponent >= digits.Length)
            {
                return $"{sign}{digits}{new string('0', decimalExponent - digits.Length)}.0";
            }
            return $"{sign}{digits[..decimalExponent]}.{digits[decimalExponent..]}";
        }
        string fraction = digits.Length > 1 ? digits[1..] : "0";
        return $"{sign}{digits[0]}.{fraction}E{scientificExponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
