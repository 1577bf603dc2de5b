using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Validation;

/// <summary>Every rule an opening must meet before it is stored; all errors are reported at once.</summary>
public sealed class OpeningValidator(ReferenceData reference)
{
    private readonly CodeRules _codes = new(reference);

    /// <param name="opening">The opening as received (it may be null or incomplete).</param>
    /// <param name="today">Today, which the opening must not expire before.</param>
    /// <param name="byCentre">Whether a centre publishes it: then its texts may hold no web address, e-mail address or phone number.</param>
    /// <param name="prefix">Prepended to every path: "[3]." for the fourth item of an array.</param>
    public ValidationErrors Validate(Opening? opening, DateOnly today, bool byCentre, string prefix = "")
    {
        var errors = new ValidationErrors();
        if (opening is null)
        {
            errors.Add(prefix.TrimEnd('.') is { Length: > 0 } item ? item : "$", "An opening object is required.");
            return errors;
        }

        TextRules.Required(errors, $"{prefix}externalRef", opening.ExternalRef, Limits.MaxReference);
        TextRules.Required(errors, $"{prefix}employer", opening.Employer);
        TextRules.Required(errors, $"{prefix}title", opening.Title);
        _codes.UnitGroup(errors, $"{prefix}isco", opening.Isco);
        LocationRules.Check(errors, $"{prefix}location", opening.Location, _codes, reference);
        if (opening.Positions is < 1 or > Limits.MaxPositions)
        {
            errors.Add($"{prefix}positions", $"Positions must be between 1 and {Limits.MaxPositions}.");
        }

        TextRules.TextList(errors, $"{prefix}skills", opening.Skills);
        TextRules.TextList(errors, $"{prefix}licences", opening.Licences, Limits.MaxReference);
        _codes.Languages(errors, $"{prefix}languages", opening.Languages);
        if (opening.MinYears is < 0 or > Limits.MaxYears)
        {
            errors.Add($"{prefix}minYears", $"Minimum years must be between 0 and {Limits.MaxYears}.");
        }

        CheckWage(errors, prefix, opening.MonthlyWage);
        if (byCentre)
        {
            ContactRules.Check(errors, $"{prefix}title", opening.Title);
            ContactRules.Check(errors, $"{prefix}employer", opening.Employer);
            ContactRules.CheckList(errors, $"{prefix}skills", opening.Skills);
            ContactRules.CheckList(errors, $"{prefix}licences", opening.Licences);
        }

        if (opening.ExpiresOn is { } expiresOn && expiresOn < today)
        {
            errors.Add($"{prefix}expiresOn", $"The opening expired on {expiresOn:yyyy-MM-dd}, before today ({today:yyyy-MM-dd}).");
        }

        return errors;
    }

    private void CheckWage(ValidationErrors errors, string prefix, WageRange? wage)
    {
        if (wage is null)
        {
            return;
        }

        if (wage.Min is < 0 or > Limits.MaxMonthlyAmount)
        {
            errors.Add($"{prefix}monthlyWage.min", "The amount must be between 0 and 10^12.");
        }

        if (wage.Max is < 0 or > Limits.MaxMonthlyAmount)
        {
            errors.Add($"{prefix}monthlyWage.max", "The amount must be between 0 and 10^12.");
        }
        else if (wage.Max < wage.Min)
        {
            errors.Add($"{prefix}monthlyWage.max", "The maximum is below the minimum.");
        }

        _codes.Currency(errors, $"{prefix}monthlyWage.currency", wage.Currency);
    }
}
