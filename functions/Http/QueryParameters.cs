using System.Globalization;
using Microsoft.AspNetCore.Http;
using Reintegration.Domain;
using Reintegration.Localisation;
using Reintegration.Reference;
using Reintegration.Validation;

namespace Reintegration.Functions.Http;

/// <summary>Reads query parameters, collecting every error under the parameter's name.</summary>
public sealed class QueryParameters(HttpRequest request)
{
    public ValidationErrors Errors { get; } = new();

    public int Int(string name, int fallback, int min, int max)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Errors.Add(name, $"Must be a whole number from {min} to {max}.");
            return fallback;
        }

        return value;
    }

    public bool Bool(string name, bool fallback)
    {
        var text = request.Query[name].ToString();
        switch (text.ToLowerInvariant())
        {
            case "":
                return fallback;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                Errors.Add(name, Expected.Boolean);
                return fallback;
        }
    }

    /// <summary>A country of the region, or null when absent.</summary>
    public string? Country(string name, ReferenceData reference)
    {
        var text = Codes.Upper(request.Query[name].ToString());
        if (text.Length == 0)
        {
            return null;
        }

        if (reference.Countries.FindRegional(text) is null)
        {
            Errors.Add(name, $"Must be an ISO 3166-1 alpha-2 code of a state of the region ({string.Join(", ", reference.Countries.Regional.Select(c => c.Code))}).");
            return null;
        }

        return text;
    }

    /// <summary>An ISCO-08 unit group, or null when absent.</summary>
    public string? Isco(string name, ReferenceData reference)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!reference.Occupations.IsUnitGroup(text))
        {
            Errors.Add(name, "Must be an ISCO-08 unit group (four digits).");
            return null;
        }

        return text;
    }

    public string? Text(string name, int maxLength)
    {
        var text = request.Query[name].ToString();
        if (text.Length > maxLength)
        {
            Errors.Add(name, $"At most {maxLength} characters.");
            return null;
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>A language asked for by name (<c>lang=ru</c>), in any case; null when absent. One the service does not speak is an error naming those it does.</summary>
    public string? Lang(string name)
    {
        var text = Codes.Lower(request.Query[name].ToString());
        if (text.Length == 0)
        {
            return null;
        }

        if (!Words.IsSupported(text))
        {
            Errors.Add(name, $"Must be one of the languages there are: {string.Join(", ", Words.Codes)}.");
            return null;
        }

        return text;
    }

    /// <summary>The language to explain in: Accept-Language's first of <see cref="Words.Codes"/>, else the fallback (an unsupported one is not an error).</summary>
    public string Language(string fallback)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        var best = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var tag = pieces[0].Split('-')[0].ToLowerInvariant();
                var q = pieces.Skip(1).Select(p => p.StartsWith("q=", StringComparison.Ordinal)
                    && double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 1.0).FirstOrDefault(1.0);
                return (Tag: tag, Q: q);
            })
            .Where(x => Words.IsSupported(x.Tag) && x.Q > 0)
            .OrderByDescending(x => x.Q)
            .Select(x => x.Tag)
            .FirstOrDefault();
        return best ?? fallback;
    }
}
