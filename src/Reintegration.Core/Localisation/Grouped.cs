using System.Globalization;

namespace Reintegration.Localisation;

/// <summary>
/// A whole amount, rounded half to even, thousands set apart by a language's separator: what <c>ToString("#,0")</c>
/// writes. A week's digest writes hundreds of thousands of these, so digit by digit, straight into the sentence.
/// </summary>
public readonly struct Grouped(decimal amount, char separator) : ISpanFormattable
{
    /// <summary>Room for any decimal grouped: 29 digits, 9 separators and a sign.</summary>
    private const int MostChars = 40;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        Span<char> buffer = stackalloc char[MostChars];
        var text = Written(buffer);
        charsWritten = text.TryCopyTo(destination) ? text.Length : 0;
        return charsWritten == text.Length;
    }

    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MostChars];
        return new string(Written(buffer));
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    private ReadOnlySpan<char> Written(Span<char> buffer)
    {
        var rounded = Math.Round(amount);
        if (rounded is <= long.MinValue or > long.MaxValue)
        {
            rounded.TryFormat(buffer, out var length, "#,0", CultureInfo.InvariantCulture);
            buffer[..length].Replace(',', separator);
            return buffer[..length];
        }

        var whole = (long)rounded;
        var magnitude = (ulong)Math.Abs(whole);
        var at = buffer.Length;
        for (var digits = 0; digits == 0 || magnitude != 0; digits++, magnitude /= 10)
        {
            if (digits > 0 && digits % 3 == 0)
            {
                buffer[--at] = separator;
            }

            buffer[--at] = (char)('0' + (int)(magnitude % 10));
        }

        if (whole < 0)
        {
            buffer[--at] = '-';
        }

        return buffer[at..];
    }
}
