using System.Globalization;

namespace Reintegration.Localisation;

/// <summary>
/// "3,700–5,800 TJS (≈ 511 USD)": what is offered, and about how much that is in dollars, written straight into the sentence.
/// </summary>
public readonly struct MoneyRange(decimal min, decimal max, string currency, decimal usd, char separator) : ISpanFormattable
{
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var (from, to, dollars) = (new Grouped(min, separator), new Grouped(max, separator), new Grouped(usd, separator));
        return min == max
            ? destination.TryWrite(CultureInfo.InvariantCulture, $"{from} {currency} (≈ {dollars} USD)", out charsWritten)
            : destination.TryWrite(CultureInfo.InvariantCulture, $"{from}–{to} {currency} (≈ {dollars} USD)", out charsWritten);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{this}");

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();
}
