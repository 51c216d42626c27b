namespace RnnKit.Captioning;

/// <summary>A decoded caption: its word ids (without &lt;eos&gt;), log P of the words and the end, and whether it ended.</summary>
public sealed record Caption(IReadOnlyList<int> Tokens, double LogProbability, bool Ended);
