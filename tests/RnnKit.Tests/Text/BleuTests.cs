using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

/// <summary>BLEU against examples worked out by hand (the first is Papineni et al.'s own).</summary>
public class BleuTests
{
    private static string[] W(string s) => s.Split(' ');

    [Fact]
    public void Repeated_words_are_clipped_to_their_count_in_one_reference()
    {
        // Papineni et al. 2002, §2.1.1: "the" seven times; at most twice in reference 1, once in reference 2 → 2/7
        var (clipped, total) = Bleu.ClippedMatches(W("the the the the the the the"), [W("the cat is on the mat"), W("there is a cat on the mat")], 1);
        Assert.Equal((2, 7), (clipped, total));
    }

    [Fact]
    public void The_maximum_over_references_not_their_sum()
    {
        // "the cat" occurs twice in reference 1 and once in reference 2: the candidate's three are clipped to 2, not 3
        var result = Bleu.ClippedMatches(W("the cat the cat the cat"), [W("the cat and the cat"), W("the cat")], 2);
        // bigrams: the cat ×3, cat the ×2 → "the cat" min(3, 2) = 2, "cat the" min(2, 0) = 0
        Assert.Equal((2, 5), result);
    }

    [Fact]
    public void Bleu_2_of_one_sentence_by_hand()
    {
        // candidate "a small plus at the top" (6 words) against "a small plus at the top left" (7 words)
        // p1 = 6/6, p2 = 5/5, c = 6 < r = 7 → BP = exp(1 − 7/6); BLEU-2 = BP · exp((log 1 + log 1)/2) = exp(−1/6)
        var score = Bleu.Sentence(W("a small plus at the top"), [W("a small plus at the top left")], 2);
        Assert.Equal([1.0, 1.0], score.Precisions);
        Assert.Equal(Math.Exp(-1.0 / 6), score.BrevityPenalty, 12);
        Assert.Equal(Math.Exp(-1.0 / 6), score.Score, 12);
        Assert.Equal((6, 7), (score.CandidateLength, score.ReferenceLength));
    }

    [Fact]
    public void Corpus_bleu_pools_counts_before_dividing()
    {
        // sentence 1: "a big cross" vs "a big square": p1 2/3, p2 1/2; sentence 2: "on the left" vs itself: 3/3, 2/2
        // pooled: p1 = 5/6, p2 = 3/4; c = r = 6 → BP = 1; BLEU-2 = sqrt(5/6 · 3/4) = sqrt(0.625)
        var score = Bleu.Corpus([W("a big cross"), W("on the left")], [[W("a big square")], [W("on the left")]], 2);
        Assert.Equal(5.0 / 6, score.Precisions[0], 12);
        Assert.Equal(3.0 / 4, score.Precisions[1], 12);
        Assert.Equal(1.0, score.BrevityPenalty);
        Assert.Equal(Math.Sqrt(0.625), score.Score, 12);
    }

    [Fact]
    public void Closest_reference_length_prefers_the_shorter_on_a_tie_and_a_longer_candidate_is_not_penalised()
    {
        Assert.Equal(4, Bleu.ClosestLength(5, [W("a b c d"), W("a b c d e f")]));
        var score = Bleu.Sentence(W("a b c d e"), [W("a b c d"), W("a b c d e f")], 1);
        Assert.Equal(1.0, score.BrevityPenalty);
        Assert.Equal(1.0, score.Score);
    }

    [Fact]
    public void No_matching_n_gram_of_some_order_gives_zero_and_bad_input_is_named()
    {
        Assert.Equal(0.0, Bleu.Sentence(W("plus a"), [W("a plus")], 2).Score);
        Assert.Equal(0.0, Bleu.Sentence(W("a"), [W("a b c d")], 2).Score); // no bigram at all
        var e = Assert.Throws<ArgumentException>(() => Bleu.Corpus([W("a")], [[W("a")], [W("b")]]));
        Assert.Contains("1 candidates but 2 reference sets", e.Message);
        var none = Assert.Throws<ArgumentException>(() => Bleu.Corpus([W("a")], [[]]));
        Assert.Contains("sentence 0 has no reference", none.Message);
    }
}
