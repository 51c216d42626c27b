namespace RnnKit;

/// <summary>How long to train and what to do between backward pass and update.</summary>
/// <param name="Steps">Number of optimizer steps (one batch each).</param>
/// <param name="ClipNorm">Clip the global gradient norm to this before each update; <c>null</c> turns clipping off.</param>
/// <param name="ReportEvery">Call the progress callback every this many steps (and always after the last).</param>
/// <param name="LossSmoothing">β of the exponential moving average shown as the smoothed loss (min-char-rnn uses 0.999 for per-character loss).</param>
public sealed record TrainerConfig(int Steps = 1000, double? ClipNorm = 5.0, int ReportEvery = 50, double LossSmoothing = 0.9);
