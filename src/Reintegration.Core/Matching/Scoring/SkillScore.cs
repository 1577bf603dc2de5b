namespace Reintegration.Matching.Scoring;

/// <summary>The share of the opening's skills and licences the person has; 1 when it asks for none.</summary>
internal static class SkillScore
{
    public static double Of(Seeker seeker, CandidateOpening opening)
    {
        var required = opening.Skills.Length + opening.Licences.Length;
        if (required == 0)
        {
            return 1;
        }

        var held = 0;
        foreach (var skill in opening.Skills)
        {
            if (seeker.Skills.Contains(skill))
            {
                held++;
            }
        }

        foreach (var licence in opening.Licences)
        {
            if (seeker.Licences.Contains(licence))
            {
                held++;
            }
        }

        return (double)held / required;
    }
}
