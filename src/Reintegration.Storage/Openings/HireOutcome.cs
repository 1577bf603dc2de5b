namespace Reintegration.Storage.Openings;

/// <summary>What became of an attempt to take one position of an opening for a person.</summary>
public enum HireOutcome
{
    /// <summary>A position was taken now.</summary>
    Hired,

    /// <summary>This person already holds a position of this opening: nothing more was taken.</summary>
    AlreadyHired,

    /// <summary>Every position is filled, or the opening is closed.</summary>
    NoPositionLeft,

    NotFound,

    /// <summary>The centre already holds as many positions of this opening, published by another, as it may.</summary>
    LimitPerOpening,

    /// <summary>The centre took as many positions of others' openings today as it may.</summary>
    LimitPerDay,
}
