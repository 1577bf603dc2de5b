using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Validation;

/// <summary>Checks of codes against the reference data: countries, currencies, languages, ISCO, CEFR.</summary>
internal sealed class CodeRules(ReferenceData reference)
{
    public void IsoCountry(ValidationErrors errors, string path, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(path, "Required: an ISO 3166-1 alpha-2 code.");
        }
        else if (!reference.Countries.IsIsoCode(code))
        {
            errors.Add(path, $"Unknown country '{Shown(code)}': expected an ISO 3166-1 alpha-2 code, such as TJ.");
        }
    }

    /// <summary>A state of the region, where homes and openings may be.</summary>
    public void RegionalCountry(ValidationErrors errors, string path, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(path, "Required: an ISO 3166-1 alpha-2 code.");
        }
        else if (reference.Countries.FindRegional(code) is null)
        {
            errors.Add(path, $"Unknown country '{Shown(code)}': expected one of the region's states ({string.Join(", ", reference.Countries.Regional.Select(c => c.Code))}).");
        }
    }

    public void CountryList(ValidationErrors errors, string path, IReadOnlyList<string> codes)
    {
        if (TextRules.CountWithin(errors, path, codes.Count))
        {
            for (var i = 0; i < codes.Count; i++)
            {
                IsoCountry(errors, $"{path}[{i}]", codes[i]);
            }
        }
    }

    public void Currency(ValidationErrors errors, string path, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(path, "Required: an ISO 4217 code.");
        }
        else if (reference.Currencies.Find(code) is null)
        {
            errors.Add(path, $"Unknown currency '{Shown(code)}': expected one of {string.Join(", ", reference.Currencies.All.Select(c => c.Code).Order(StringComparer.Ordinal))}.");
        }
    }

    public void Languages(ValidationErrors errors, string path, IReadOnlyList<LanguageSkill> languages)
    {
        if (!TextRules.CountWithin(errors, path, languages.Count))
        {
            return;
        }

        for (var i = 0; i < languages.Count; i++)
        {
            var language = languages[i];
            if (language is null)
            {
                errors.Add($"{path}[{i}]", "Required.");
                continue;
            }

            if (string.IsNullOrEmpty(language.Code) || reference.Languages.Find(language.Code) is null)
            {
                errors.Add($"{path}[{i}].code", $"Unknown language '{Shown(language.Code)}': expected an ISO 639-1 code, such as ru.");
            }
            else if (languages.Take(i).Any(l => l?.Code == language.Code))
            {
                errors.Add($"{path}[{i}].code", $"'{language.Code}' is listed twice.");
            }

            if (!Cefr.TryParse(language.Level, out _))
            {
                errors.Add($"{path}[{i}].level", $"'{Shown(language.Level)}' is not a CEFR level: expected A1, A2, B1, B2, C1 or C2.");
            }
        }
    }

    public void UnitGroup(ValidationErrors errors, string path, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(path, "Required: an ISCO-08 unit group (four digits).");
        }
        else if (reference.Occupations.Find(code) is not { } occupation)
        {
            errors.Add(path, $"Unknown ISCO-08 code '{Shown(code)}'.");
        }
        else if (occupation.Level != Occupation.UnitGroupLevel)
        {
            errors.Add(path, $"'{code}' is an ISCO-08 group of level {occupation.Level}: a four-digit unit group is required.");
        }
    }

    /// <summary>Echoes a bad value back, cut short, so a message never carries a whole hostile input.</summary>
    private static string Shown(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
