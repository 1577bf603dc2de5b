using System.Net;
using Reintegration.Localisation;
using Reintegration.Reference;

namespace Reintegration.Validation;

/// <summary>The rules for registering a centre.</summary>
public sealed class CentreValidator(ReferenceData reference)
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

        if (webhookUrl is not null && WebhookProblem(webhookUrl) is { } problem)
        {
            errors.Add("webhookUrl", problem);
        }

        return errors;
    }

    /// <summary>Why a webhook address is refused: it must be https, or http to this machine (loopback) for local runs.</summary>
    public static string? WebhookProblem(string url)
    {
        if (url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "Must be an absolute https URL without credentials.";
        }

        return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)
            ? null
            : "Must use https (http is accepted only to loopback, for local runs).";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
