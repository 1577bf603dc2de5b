namespace Reintegration.Validation;

/// <summary>
/// Every error found in an input, as field path → messages. Paths follow the JSON:
/// <c>citizenship</c>, <c>bans[0].until</c>, and <c>[3].occupations[1].isco</c> for item 3 of an array.
/// At most <see cref="MaxPaths"/> paths are kept, and <see cref="MaxMessagesPerPath"/> messages each;
/// the paths beyond are counted in <see cref="Omitted"/>, so that no input, however broken, makes an
/// answer that grows with it.
/// </summary>
public sealed class ValidationErrors
{
    public const int MaxPaths = 100;
    public const int MaxMessagesPerPath = 5;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _omitted = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0 && _omitted.Count == 0;

    public int Count => _errors.Count;

    /// <summary>How many more paths had errors than are kept.</summary>
    public int Omitted => _omitted.Count;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            if (_errors.Count >= MaxPaths)
            {
                _omitted.Add(path);
                return;
            }

            _errors[path] = messages = [];
        }

        if (messages.Count < MaxMessagesPerPath)
        {
            messages.Add(message);
        }
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

        _omitted.UnionWith(other._omitted.Where(p => !_errors.ContainsKey(p)));
    }

    /// <summary>
    /// Adds the errors of <paramref name="other"/> except those at or under a path that already has one:
    /// a value that could not be read is reported once, not again by the rules it could not be checked against.
    /// </summary>
    public void AddUncovered(ValidationErrors other)
    {
        var covered = _errors.Keys.Concat(_omitted).ToList();
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

        _omitted.UnionWith(other._omitted.Where(path => !covered.Any(c => IsAtOrUnder(path, c)) && !_errors.ContainsKey(path)));
    }

    public bool Has(string path) => _errors.ContainsKey(path);

    private static bool IsAtOrUnder(string path, string covered) =>
        covered == "$" || path == covered
        || path.Length > covered.Length && path.StartsWith(covered, StringComparison.Ordinal) && path[covered.Length] is '.' or '[';

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
