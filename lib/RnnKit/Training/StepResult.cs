namespace RnnKit;

/// <summary>What one training step's forward and backward pass reports to the <see cref="Trainer"/>.</summary>
/// <param name="Loss">The loss of the batch (the value the gradients are of), e.g. mean cross-entropy per token.</param>
/// <param name="Tokens">How many tokens (time steps × examples) the batch covered, for tokens per second.</param>
public readonly record struct StepResult(double Loss, int Tokens);
