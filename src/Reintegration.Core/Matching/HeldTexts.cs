using System.Runtime.CompilerServices;

namespace Reintegration.Matching;

/// <summary>
/// A person's skills, licences or languages (normalised, distinct), each with its number in the
/// <see cref="Vocabulary"/> when the person was compiled. An opening's text numbered before then is held
/// exactly when its number is among these; one numbered later (an opening compiled since, bringing a text
/// new then) is compared by spelling with the person's texts that had no number, so the answer is exact.
/// </summary>
internal sealed class HeldTexts(string[] texts, int[] ids, int numberedBelow)
{
    /// <summary>The number of a text no opening had brought when the person was compiled.</summary>
    public const int Unnumbered = -1;

    public static HeldTexts None { get; } = new([], [], 0);

    public int Count => texts.Length;

    /// <summary>These texts' numbers as bits, for a bound taken before an opening is read.</summary>
    public NumberBits Bits { get; } = new(NumberBits.Of(ids), Array.IndexOf(ids, Unnumbered) >= 0 ? numberedBelow : int.MaxValue);

    /// <summary>Where the text numbered <paramref name="id"/>, spelt <paramref name="text"/>, is held; -1 when it is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(int id, string text)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        if (id < numberedBelow)
        {
            return -1;
        }

        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == Unnumbered && string.Equals(texts[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the text is held, by spelling (for explanations, which read a handful); -1 when it is not.</summary>
    public int IndexOf(string text) => Array.IndexOf(texts, text);

    public bool Contains(string text) => IndexOf(text) >= 0;
}
