using Reintegration.Validation;

namespace Reintegration.Functions.Http;

/// <summary>Validation of a request that holds one item or an array of them.</summary>
public static class BatchValidation
{
    /// <summary>
    /// Every item's errors, their paths prefixed "[i]." when the body was an array, and a second copy
    /// of one external reference flagged: a request must not say two things about one item.
    /// </summary>
    public static ValidationErrors Validate<T>(IReadOnlyList<T> items, bool isArray, Func<T, string, ValidationErrors> validate, Func<T, string?> externalRefOf)
    {
        var errors = new ValidationErrors();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = isArray ? $"[{i}]." : "";
            errors.AddRange(validate(items[i], prefix));
            if (items[i] is { } item && externalRefOf(item) is { Length: > 0 } reference && !seen.TryAdd(reference, i))
            {
                errors.Add($"{prefix}externalRef", $"Repeats the external reference of item {seen[reference]}.");
            }
        }

        return errors;
    }
}
