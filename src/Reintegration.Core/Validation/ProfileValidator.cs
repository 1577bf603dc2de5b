using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Validation;

/// <summary>Every rule a profile must meet before it is stored or matched; all errors are reported at once.</summary>
public sealed class ProfileValidator(ReferenceData reference)
{
    private readonly CodeRules _codes = new(reference);

    /// <param name="profile">The profile as received (it may be null or incomplete).</param>
    /// <param name="today">The centre's today, for consent dates.</param>
    /// <param name="prefix">Prepended to every path: "[3]." for the fourth item of an array.</param>
    public ValidationErrors Validate(Profile? profile, DateOnly today, string prefix = "")
    {
        var errors = new ValidationErrors();
        if (profile is null)
        {
            errors.Add(prefix.TrimEnd('.') is { Length: > 0 } item ? item : "$", "A profile object is required.");
            return errors;
        }

        TextRules.Required(errors, $"{prefix}externalRef", profile.ExternalRef, Limits.MaxReference);
        TextRules.Required(errors, $"{prefix}displayName", profile.DisplayName);
        _codes.IsoCountry(errors, $"{prefix}citizenship", profile.Citizenship);
        if (profile.Status is null)
        {
            errors.Add($"{prefix}status", "Required: returningMigrant or refugee.");
        }

        CheckRefugeeFields(errors, prefix, profile);
        LocationRules.Check(errors, $"{prefix}home", profile.Home, _codes, reference);
        CheckBans(errors, prefix, profile.Bans);
        CheckOccupations(errors, prefix, profile.Occupations);
        TextRules.TextList(errors, $"{prefix}skills", profile.Skills);
        TextRules.TextList(errors, $"{prefix}licences", profile.Licences, Limits.MaxReference);
        _codes.Languages(errors, $"{prefix}languages", profile.Languages);
        _codes.CountryList(errors, $"{prefix}relocation.countries", profile.Relocation.Countries);
        CheckMinimumWage(errors, prefix, profile.MinMonthlyWage);
        CheckConsent(errors, prefix, profile.Consent, today);
        return errors;
    }

    private void CheckRefugeeFields(ValidationErrors errors, string prefix, Profile profile)
    {
        _codes.CountryList(errors, $"{prefix}fledCountries", profile.FledCountries);
        if (profile.Status != PersonStatus.Refugee && profile.FledCountries.Count > 0)
        {
            errors.Add($"{prefix}fledCountries", "Only a refugee has fled countries.");
        }

        if (profile.Status != PersonStatus.Refugee && profile.VoluntaryRepatriation)
        {
            errors.Add($"{prefix}voluntaryRepatriation", "Only a refugee repatriates.");
        }
    }

    private void CheckBans(ValidationErrors errors, string prefix, IReadOnlyList<EntryBan> bans)
    {
        if (!TextRules.CountWithin(errors, $"{prefix}bans", bans.Count))
        {
            return;
        }

        for (var i = 0; i < bans.Count; i++)
        {
            var path = $"{prefix}bans[{i}]";
            var ban = bans[i];
            if (ban is null)
            {
                errors.Add(path, "Required.");
                continue;
            }

            _codes.IsoCountry(errors, $"{path}.country", ban.Country);
            if (ban is { From: { } from, Until: { } until } && until < from)
            {
                errors.Add($"{path}.until", $"The ban ends ({until:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
            }
        }
    }

    private void CheckOccupations(ValidationErrors errors, string prefix, IReadOnlyList<OccupationExperience> occupations)
    {
        if (occupations.Count == 0)
        {
            // Matching starts from the person's occupational field; elementary work (ISCO major group 9) counts.
            errors.Add($"{prefix}occupations", "At least one ISCO-08 unit group is required.");
            return;
        }

        if (!TextRules.CountWithin(errors, $"{prefix}occupations", occupations.Count))
        {
            return;
        }

        for (var i = 0; i < occupations.Count; i++)
        {
            var path = $"{prefix}occupations[{i}]";
            var occupation = occupations[i];
            if (occupation is null)
            {
                errors.Add(path, "Required.");
                continue;
            }

            _codes.UnitGroup(errors, $"{path}.isco", occupation.Isco);
            if (occupations.Take(i).Any(o => o?.Isco == occupation.Isco) && !string.IsNullOrEmpty(occupation.Isco))
            {
                errors.Add($"{path}.isco", $"'{occupation.Isco}' is listed twice.");
            }

            if (occupation.Years is < 0 or > Limits.MaxYears)
            {
                errors.Add($"{path}.years", $"Years of experience must be between 0 and {Limits.MaxYears}.");
            }
        }
    }

    private void CheckMinimumWage(ValidationErrors errors, string prefix, Money? wage)
    {
        if (wage is null)
        {
            return;
        }

        if (wage.Amount is < 0 or > Limits.MaxMonthlyAmount)
        {
            errors.Add($"{prefix}minMonthlyWage.amount", "The amount must be between 0 and 10^12.");
        }

        _codes.Currency(errors, $"{prefix}minMonthlyWage.currency", wage.Currency);
    }

    private static void CheckConsent(ValidationErrors errors, string prefix, Consent consent, DateOnly today)
    {
        if (!consent.DataProcessing)
        {
            errors.Add($"{prefix}consent.dataProcessing", "Consent to data processing must be given (true) before a profile is stored.");
        }

        if (consent.GivenOn is not { } givenOn)
        {
            errors.Add($"{prefix}consent.givenOn", "Required: the day consent was given.");
        }
        else if (givenOn > today)
        {
            errors.Add($"{prefix}consent.givenOn", "Consent cannot be given in the future.");
        }
    }
}
