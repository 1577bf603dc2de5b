namespace Reintegration.Validation;

/// <summary>
/// Every error found in an input, as field path → messages. Paths follow the JSON:
/// <c>citizenship</c>, <c>bans[0].until</c>, and <c>[3].occupations[1].isco</c> for item 3 of an array.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public int Count => _errors.Count;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }

        messages.Add(message);
    }

    public void AddRange(ValidationErrors other)
    {
        foreach (var (path, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(path, message);
            }
        }
    }

    /// <summary>
    /// Adds the errors of <paramref name="other"/> except those at or under a path that already has one:
    /// a value that could not be read is reported once, not again by the rules it could not be checked against.
    /// </summary>
    public void AddUncovered(ValidationErrors other)
    {
        var covered = _errors.Keys.ToList();
        foreach (var (path, messages) in other._errors)
        {
            if (!covered.Any(c => IsAtOrUnder(path, c)))
            {
                foreach (var message in messages)
                {
                    Add(path, message);
                }
            }
        }
    }

    public bool Has(string path) => _errors.ContainsKey(path);

    private static bool IsAtOrUnder(string path, string covered) =>
        covered == "$" || path == covered
        || path.Length > covered.Length && path.StartsWith(covered, StringComparison.Ordinal) && path[covered.Length] is '.' or '[';

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
