using System.Numerics;
using System.Runtime.CompilerServices;

namespace Reintegration.Matching;

/// <summary>
/// A set of texts' numbers (<see cref="Vocabulary"/>) folded onto 64 bits, number n on bit n % 64: enough to bound,
/// before an opening is read, how many of its texts a person holds (<see cref="MostHeld"/>). A text held
/// without a number can still match an opening's text by spelling, one numbered from <see cref="SpelledFrom"/> on.
/// </summary>
/// <param name="Bits">The bits of the numbered texts.</param>
/// <param name="SpelledFrom">
/// The first number an opening's text may have and still be held by spelling (<see cref="HeldTexts"/>): the
/// vocabulary's count when the texts were numbered, if one of them had no number; <see cref="int.MaxValue"/> if all had.
/// </param>
internal readonly record struct NumberBits(ulong Bits, int SpelledFrom)
{
    public static NumberBits None { get; } = new(0, int.MaxValue);

    /// <summary>The bits of these numbers, <see cref="HeldTexts.Unnumbered"/> left out.</summary>
    public static ulong Of(int[] numbers)
    {
        var bits = 0UL;
        foreach (var number in numbers)
        {
            if (number != HeldTexts.Unnumbered)
            {
                bits |= 1UL << (number % 64);
            }
        }

        return bits;
    }

    /// <summary>Both sets of texts as one: their bits, and the earlier of the numbers from which either matches by spelling.</summary>
    public NumberBits With(NumberBits other) => new(Bits | other.Bits, Math.Min(SpelledFrom, other.SpelledFrom));

    /// <summary>
    /// The most of an opening's <paramref name="count"/> numbered texts, on <paramref name="opening"/>'s bits,
    /// these can hold, provided none of them is numbered from <see cref="SpelledFrom"/> on. A text is held
    /// only if its bit is among these (held by number, the same number has the same bit), and the texts on
    /// one bit number at most as many as the opening put there: one for each bit the two share, plus one
    /// for each of the opening's texts that falls on a bit an earlier one of its own took
    /// (<paramref name="count"/> less the opening's bits). Exact when its texts take distinct bits; never
    /// above <paramref name="count"/>, as the shared bits are some of the opening's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int MostHeld(ulong opening, int count) =>
        BitOperations.PopCount(Bits & opening) + count - BitOperations.PopCount(opening);

    /// <summary>
    /// <see cref="MostHeld"/> as a share of the opening's <paramref name="count"/> texts, the same division the
    /// scores make; 1 when it asks for none, or when its highest number, <paramref name="lastNumber"/>, is one a
    /// text of these could match by spelling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double MostHeldShare(ulong opening, int count, int lastNumber) =>
        count == 0 || lastNumber >= SpelledFrom ? 1 : (double)MostHeld(opening, count) / count;
}
