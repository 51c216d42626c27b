using RnnKit.Data;
using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class PoemSplitTests
{
    // 25 poems of two lines each; poem i repeats the character 'a' + i % 5, so the vocabulary is small and known.
    private static readonly Poem[] Poems = [.. Enumerable.Range(0, 25).Select(i =>
        new Poem($"poem {i}", "anon", null, [new string((char)('a' + i % 5), 4) + "，" + i, "末。"]))];

    [Fact]
    public void One_poem_in_ten_is_held_out_and_none_is_lost()
    {
        var split = PoemSplit.Of(Poems, seed: 1);
        Assert.Equal(Poems.Length / PoemSplit.HeldOutEvery, split.TestPoems.Count);
        Assert.Equal(Poems.Select(p => p.Title).Order(), split.TrainPoems.Concat(split.TestPoems).Select(p => p.Title).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_moves_it()
    {
        var titles = (int seed) => PoemSplit.Of(Poems, seed).TestPoems.Select(p => p.Title).ToArray();
        Assert.Equal(titles(1), titles(1));
        Assert.NotEqual(titles(1), titles(2));
    }

    [Fact]
    public void The_texts_join_poems_with_a_blank_line_and_are_encoded_one_id_per_character()
    {
        var split = PoemSplit.Of(Poems, seed: 3);
        Assert.Equal(string.Join("\n\n", split.TrainPoems.Select(p => p.Text)), split.TrainText);
        Assert.Equal(split.TrainText.Length, split.TrainIds.Length);
        Assert.Equal(split.TestText.Length, split.TestIds.Length);
    }

    [Fact]
    public void The_vocabulary_comes_from_the_training_poems_only()
    {
        var split = PoemSplit.Of(Poems, seed: 1);
        // Each poem's number is written out once: a digit seen fewer than MinFrequency times in training is <unk>.
        Assert.Equal(split.Vocabulary.EncodeCharacters(split.TestText), split.TestIds);
        var rare = split.TrainText.GroupBy(c => c).Where(g => g.Count() < PoemSplit.MinFrequency).Select(g => g.Key).ToList();
        Assert.NotEmpty(rare);
        Assert.All(rare, c => Assert.Equal(split.Vocabulary.UnknownIndex, split.Vocabulary.EncodeCharacters(c.ToString())[0]));
    }

    [Fact]
    public void Too_few_poems_to_hold_one_out_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => PoemSplit.Of(Poems[..5], seed: 1));
        Assert.Contains("at least 10 poems", e.Message);
    }
}
