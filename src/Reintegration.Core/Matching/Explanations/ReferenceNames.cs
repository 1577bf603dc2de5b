using Reintegration.Localisation;
using Reintegration.Reference;

namespace Reintegration.Matching.Explanations;

/// <summary>Codes written as names in one language; the code itself where the seeds have no name for it.</summary>
internal readonly struct ReferenceNames(ReferenceData reference, Words words)
{
    public string Country(string code) => reference.Countries.NameOf(code) is { } name ? words.Name(name) : code;

    public string Language(string code) => reference.Languages.Find(code) is { } language ? words.Name(language) : code;

    public string Occupation(string isco) => reference.Occupations.Find(isco) is { } occupation ? words.Title(occupation) : isco;
}
