namespace RnnKit.Text;

/// <summary>A BLEU score and its parts.</summary>
/// <param name="Score">BP · exp(Σₙ (1/N) log pₙ), in [0, 1]; 0 when some pₙ is 0.</param>
/// <param name="Precisions">p₁ … p_N: the clipped n-gram precisions.</param>
/// <param name="BrevityPenalty">1 when the candidates are longer than the references, else exp(1 − r/c).</param>
/// <param name="CandidateLength">c: the candidates' words in total.</param>
/// <param name="ReferenceLength">r: per candidate, the length of the reference closest to it (the shorter on a tie), summed.</param>
public sealed record BleuScore(double Score, IReadOnlyList<double> Precisions, double BrevityPenalty, int CandidateLength, int ReferenceLength);

/// <summary>
/// BLEU (Papineni et al. 2002), corpus level: for each order n the candidates' n-grams are counted, each clipped to
/// the most times it occurs in any one reference of its sentence, and pₙ = clipped matches / candidate n-grams over
/// the whole corpus; BLEU-N = BP · exp(Σₙ₌₁ᴺ (1/N) log pₙ), with the brevity penalty BP = min(1, exp(1 − r/c)).
/// No smoothing: a corpus without a single matching n-gram of some order scores 0.
/// </summary>
public static class Bleu
{
    /// <summary>BLEU-N of a corpus: one candidate and one or more references per sentence.</summary>
    /// <exception cref="ArgumentException">Different numbers of candidates and reference sets, a sentence without references, or N &lt; 1.</exception>
    public static BleuScore Corpus(IReadOnlyList<IReadOnlyList<string>> candidates, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> references, int maxOrder = 4)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOrder, 1);
        if (candidates.Count != references.Count)
            throw new ArgumentException($"{candidates.Count} candidates but {references.Count} reference sets; each candidate needs its own references", nameof(references));
        var matches = new long[maxOrder];
        var totals = new long[maxOrder];
        int c = 0, r = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (references[i] is not { Count: > 0 })
                throw new ArgumentException($"sentence {i} has no reference", nameof(references));
            var candidate = candidates[i];
            c += candidate.Count;
            r += ClosestLength(candidate.Count, references[i]);
            for (var n = 1; n <= maxOrder; n++)
            {
                var (clipped, total) = ClippedMatches(candidate, references[i], n);
                matches[n - 1] += clipped;
                totals[n - 1] += total;
            }
        }
        var precisions = Enumerable.Range(0, maxOrder).Select(n => totals[n] == 0 ? 0.0 : (double)matches[n] / totals[n]).ToArray();
        var penalty = c == 0 ? 0.0 : c > r ? 1.0 : Math.Exp(1 - (double)r / c);
        var score = precisions.Any(p => p == 0) ? 0.0 : penalty * Math.Exp(precisions.Average(Math.Log));
        return new BleuScore(score, precisions, penalty, c, r);
    }

    /// <summary>BLEU-N of one sentence: <see cref="Corpus"/> of a corpus of one.</summary>
    public static BleuScore Sentence(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int maxOrder = 4) =>
        Corpus([candidate], [references], maxOrder);

    /// <summary>
    /// The candidate's n-grams that the references support, each counted at most as often as it occurs in the one
    /// reference where it occurs most ("the the the" against "the cat" matches once), and the candidate's n-grams.
    /// </summary>
    public static (int Clipped, int Total) ClippedMatches(IReadOnlyList<string> candidate, IReadOnlyList<IReadOnlyList<string>> references, int n)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var counts = NGrams(candidate, n);
        var most = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reference in references)
            foreach (var (gram, count) in NGrams(reference, n))
                most[gram] = Math.Max(most.GetValueOrDefault(gram), count);
        var clipped = counts.Sum(g => Math.Min(g.Value, most.GetValueOrDefault(g.Key)));
        return (clipped, Math.Max(0, candidate.Count - n + 1));
    }

    /// <summary>The length of the reference closest in length to the candidate; the shorter one on a tie.</summary>
    public static int ClosestLength(int candidateLength, IReadOnlyList<IReadOnlyList<string>> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
            throw new ArgumentException("at least one reference is needed", nameof(references));
        return references.Select(r => r.Count).OrderBy(l => Math.Abs(l - candidateLength)).ThenBy(l => l).First();
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> words, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= words.Count; i++)
        {
            // the unit separator cannot occur inside a word of a caption or a translation
            var gram = string.Join('\u001F', Enumerable.Range(i, n).Select(k => words[k]));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }
        return counts;
    }
}
