namespace RnnKit;

/// <summary>A lesson claimed something its run did not show; the cell fails with the claim and what was measured.</summary>
public sealed class ClaimFailedException(ClaimResult claim)
    : Exception(Exercises.Feedback.ClaimDoesNotHold(claim.Text, claim.Measured, claim.Condition))
{
    public ClaimResult Claim { get; } = claim;
}
