namespace Reintegration.Validation;

/// <summary>Checks every free-text field shares: present, bounded, and free of control characters.</summary>
public static class TextRules
{
    public static void Required(ValidationErrors errors, string path, string? value, int maxLength = Limits.MaxText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "Required.");
            return;
        }

        Optional(errors, path, value, maxLength);
    }

    public static void Optional(ValidationErrors errors, string path, string? value, int maxLength = Limits.MaxText)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(path, $"At most {maxLength} characters.");
        }

        if (value.Any(IsForbidden))
        {
            errors.Add(path, "Control and text-direction override characters are not allowed.");
        }
    }

    /// <summary>At most <see cref="Limits.MaxListItems"/> items, each a required text.</summary>
    public static void TextList(ValidationErrors errors, string path, IReadOnlyList<string> values, int maxLength = Limits.MaxText)
    {
        if (CountWithin(errors, path, values.Count))
        {
            for (var i = 0; i < values.Count; i++)
            {
                Required(errors, $"{path}[{i}]", values[i], maxLength);
            }
        }
    }

    public static bool CountWithin(ValidationErrors errors, string path, int count)
    {
        if (count <= Limits.MaxListItems)
        {
            return true;
        }

        errors.Add(path, $"At most {Limits.MaxListItems} items.");
        return false;
    }

    // Bidirectional embeddings, overrides and isolates can make a text read differently from what it
    // holds; legitimate right-to-left text (Dari, Pashto) needs none of them.
    private static bool IsForbidden(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
