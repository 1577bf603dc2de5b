using System.Collections.Concurrent;

namespace Reintegration.Matching;

/// <summary>
/// Skills, licences and language codes numbered in the order openings bring them, so that scoring
/// compares small integers rather than hashing each text of every opening it reads. Only openings add
/// texts (<see cref="IdOf"/>); a person's are looked up (<see cref="Held"/>), so that what walk-in
/// queries send does not grow it. It grows by each distinct text an opening ever brings, like interning.
/// </summary>
internal sealed class Vocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _adding = new();
    private int _count;

    /// <summary>The text's number, given it now if it has none.</summary>
    public int IdOf(string text)
    {
        if (_ids.TryGetValue(text, out var id))
        {
            return id;
        }

        lock (_adding)
        {
            if (!_ids.TryGetValue(text, out id))
            {
                id = _count;
                _ids[text] = id;
                // Published after the entry, so that whoever reads the count finds every number below it.
                Volatile.Write(ref _count, id + 1);
            }

            return id;
        }
    }

    /// <summary>The numbers of each text, as it stands now; <see cref="HeldTexts.Unnumbered"/> for a text no opening has brought.</summary>
    public HeldTexts Held(string[] texts)
    {
        var numberedBelow = Volatile.Read(ref _count);
        var ids = new int[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            ids[i] = _ids.TryGetValue(texts[i], out var id) ? id : HeldTexts.Unnumbered;
        }

        return new HeldTexts(texts, ids, numberedBelow);
    }
}
