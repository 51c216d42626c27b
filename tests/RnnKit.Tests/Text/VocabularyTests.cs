using RnnKit.Text;
using Xunit;

namespace RnnKit.Tests.Text;

public class VocabularyTests
{
    [Fact]
    public void Characters_are_text_elements_not_utf16_chars()
    {
        // 𠀀 (U+20000) is two UTF-16 chars; "é" written as e + combining acute is two code points; each is one character.
        var tokens = Tokens.Characters("床前𠀀e\u0301");
        Assert.Equal(["床", "前", "𠀀", "e\u0301"], tokens);
    }

    [Fact]
    public void Cjk_vocabulary_reserves_specials_then_orders_by_frequency()
    {
        var v = Vocabulary.OfCharacters("明月明月光𠀀");
        Assert.Equal(["<unk>", "<pad>", "<bos>", "<eos>", "明", "月", "光", "𠀀"], v.Tokens);
        Assert.Equal(0, v.UnknownIndex);
        Assert.Equal(1, v[SpecialTokens.Padding]);
        Assert.Equal(2, v.BeginIndex);
        Assert.Equal(3, v.EndIndex);
        Assert.Equal(2, v.Frequency("明"));
        Assert.Equal(7, v["𠀀"]);
    }

    [Fact]
    public void Encode_then_decode_round_trips_and_unknowns_become_unk()
    {
        var v = Vocabulary.OfCharacters("床前明月光，疑是地上霜。");
        var ids = v.EncodeCharacters("明月𠀀光");
        Assert.Equal(v.UnknownIndex, ids[2]);
        Assert.Equal("明月<unk>光", v.DecodeToString(ids));
        Assert.Equal("床前明月光", v.DecodeToString(v.EncodeCharacters("床前明月光")));
    }

    [Fact]
    public void Min_frequency_sends_rare_words_to_unk()
    {
        var v = Vocabulary.OfWords("the cat sat on the mat the end", new VocabularyOptions { MinFrequency = 2 });
        Assert.Equal(5, v.Count);
        Assert.Equal(4, v["the"]);
        Assert.Equal(v.UnknownIndex, v["cat"]);
        Assert.False(v.Contains("cat"));
        Assert.Equal(1, v.Frequency("cat"));
    }

    [Fact]
    public void Index_outside_the_vocabulary_is_named()
    {
        var v = Vocabulary.OfCharacters("ab");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => v.TokenAt(6));
        Assert.Contains("index 6", e.Message);
        Assert.Contains("6 tokens", e.Message);
    }
}
