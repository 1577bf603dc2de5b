namespace Reintegration.Functions.Audit;

/// <summary>
/// Marks a function that touches personal data (a profile, its matches, placements or digest entries, or
/// a walk-in profile): it goes through <see cref="Http.Api.HandleAuditedAsync"/>. A test calls every marked
/// function and finds its audit record, and fails for a function that is neither marked nor listed there
/// as touching none, so a new route cannot be added without saying which it is.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PersonalDataAttribute(string what) : Attribute
{
    /// <summary>What personal data the function touches.</summary>
    public string What { get; } = what;
}
