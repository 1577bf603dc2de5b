using Reintegration.Localisation;
using Reintegration.Reference;

namespace Reintegration.Validation;

/// <summary>The rules for registering a centre.</summary>
/// <param name="reference">The reference data.</param>
/// <param name="allowLoopbackWebhooks">Whether a webhook may point to this machine: development and tests only.</param>
public sealed class CentreValidator(ReferenceData reference, bool allowLoopbackWebhooks = false)
{
    private readonly CodeRules _codes = new(reference);

    public ValidationErrors Validate(string name, string country, string? region, string? webhookUrl, string language)
    {
        var errors = new ValidationErrors();
        TextRules.Required(errors, "name", name);
        _codes.RegionalCountry(errors, "country", country);
        TextRules.Optional(errors, "region", region);
        if (!Words.IsSupported(language))
        {
            errors.Add("language", $"Must be {Words.CodesInProse}.");
        }

        if (webhookUrl is not null && WebhookAddress.Problem(webhookUrl, allowLoopbackWebhooks) is { } problem)
        {
            errors.Add("webhookUrl", problem);
        }

        return errors;
    }
}
