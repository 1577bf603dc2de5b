namespace Reintegration.Domain;

/// <summary>The legal route by which a citizen of one state may work in another, from the mobility table.</summary>
public enum Pathway
{
    /// <summary>Work in one's own country: nothing to obtain.</summary>
    Domestic,

    /// <summary>Both states are in the Eurasian Economic Union: no work permit needed.</summary>
    FreeMovement,

    /// <summary>Visa-free entry, but a work permit or patent is needed.</summary>
    WorkPermit,

    /// <summary>A work visa to enter and a permit to work.</summary>
    VisaAndPermit,
}
