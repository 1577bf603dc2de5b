using System.Globalization;
using Bogus;
using Bogus.DataSets;
using Reintegration.Demo.Settings;

namespace Reintegration.Demo.Generation;

/// <summary>
/// Pseudonymous display names, "F. K.": the initials of a name drawn from the Bogus locale that fits
/// the person's citizenship, in Latin letters.
/// </summary>
internal sealed class Initials
{
    private readonly NameSettings _names;
    private readonly Randomizer _random;
    private readonly Dictionary<string, Faker> _fakers = new(StringComparer.Ordinal);

    /// <param name="names">The locales and the Latin letters of demo.json.</param>
    /// <param name="random">The stream's randomizer, which every locale's <see cref="Faker"/> shares.</param>
    public Initials(NameSettings names, Randomizer random)
    {
        _names = names;
        _random = random;
    }

    public string Next(string citizenship, bool male)
    {
        var name = FakerFor(citizenship).Name;
        var gender = male ? Name.Gender.Male : Name.Gender.Female;
        var first = name.FirstName(gender);
        var last = name.LastName(gender);
        return $"{Latin(first)}. {Latin(last)}.";
    }

    private Faker FakerFor(string citizenship)
    {
        var locale = _names.Locales.GetValueOrDefault(citizenship, _names.DefaultLocale);
        if (!_fakers.TryGetValue(locale, out var faker))
        {
            _fakers[locale] = faker = new Faker(locale) { Random = _random };
        }

        return faker;
    }

    private string Latin(string name)
    {
        var first = name.TrimStart();
        if (first.Length == 0)
        {
            return "X";
        }

        var letter = StringInfo.GetNextTextElement(first);
        return _names.LatinInitials.TryGetValue(letter, out var latin) ? latin : letter.ToUpperInvariant();
    }
}
