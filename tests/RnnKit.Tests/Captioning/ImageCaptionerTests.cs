using RnnKit.Captioning;
using RnnKit.Fast;
using RnnKit.Tests.Fast;
using Xunit;

namespace RnnKit.Tests.Captioning;

public class ImageCaptionerTests
{
    private const int Side = 5, Words = 7, Begin = 2, End = 3;

    private static ImageCaptioner Model(ImageFeed feed, int filters = 0, int seed = 1) => new(new ImageCaptionerConfig
    {
        ImageSize = Side * Side, Vocabulary = Words, BeginToken = Begin, EndToken = End,
        EmbeddingSize = 4, HiddenSize = 6, Feed = feed, ConvolutionFilters = filters, ConvolutionGrid = 2,
    }, new Random(seed));

    private static readonly IReadOnlyList<int>[] Captions = [[4, 5, 6], [5], [6, 4, 4, 5]];

    [Theory]
    [InlineData(ImageFeed.FirstInput, 0)]
    [InlineData(ImageFeed.InitialState, 0)]
    [InlineData(ImageFeed.FirstInput, 3)]
    [InlineData(ImageFeed.InitialState, 3)]
    public void Backward_agrees_with_finite_differences(ImageFeed feed, int filters)
    {
        var model = Model(feed, filters);
        var images = FastAssert.Random(new Random(5), Captions.Length * Side * Side);
        FastGradientCheck.Run(() => model.Loss(images, Captions), () => model.LossAndGradients(images, Captions), model.Parameters(),
            epsilon: filters > 0 ? 1e-3 : 1e-2, tolerance: 2e-2);
    }

    [Fact]
    public void The_log_probability_of_a_caption_is_minus_its_summed_cross_entropy()
    {
        var model = Model(ImageFeed.InitialState);
        var image = FastAssert.Random(new Random(6), Side * Side);
        var caption = Captions[2];
        var loss = model.Loss(image, [caption]);
        Assert.Equal(-loss * (caption.Count + 1), model.LogProbability(image, caption), 3);
    }

    [Theory]
    [InlineData(ImageFeed.FirstInput)]
    [InlineData(ImageFeed.InitialState)]
    public void Greedy_and_a_beam_of_one_agree_and_a_wider_beam_is_never_less_probable(ImageFeed feed)
    {
        var model = Model(feed, seed: 9);
        var random = new Random(7);
        for (var n = 0; n < 5; n++)
        {
            var image = FastAssert.Random(random, Side * Side);
            var greedy = model.Greedy(image, 1, maxLength: 6)[0];
            var one = model.BeamSearch(image, width: 1, maxLength: 6);
            Assert.Equal(greedy.Tokens, one.Tokens);
            Assert.Equal(greedy.LogProbability, model.LogProbability(image, greedy.Tokens) is var lp && greedy.Ended ? lp : greedy.LogProbability, 3);
            var wide = model.BeamSearch(image, width: 4, maxLength: 6);
            if (greedy.Ended && wide.Ended)
                Assert.True(wide.LogProbability >= greedy.LogProbability - 1e-4, $"beam {wide.LogProbability} < greedy {greedy.LogProbability}");
        }
    }

    [Fact]
    public void Training_learns_to_caption_two_images()
    {
        var model = Model(ImageFeed.FirstInput, seed: 2);
        var images = new float[2 * Side * Side];
        images[0] = 1;
        images[Side * Side + Side * Side - 1] = 1;
        IReadOnlyList<int>[] captions = [[4, 5], [6, 6, 4]];
        var adam = new FastAdam(model.Parameters(), new FastAdamConfig { LearningRate = 0.05f });
        for (var step = 0; step < 150; step++) model.TrainStep(images, captions, adam);
        var written = model.Greedy(images, 2);
        Assert.Equal(captions[0], written[0].Tokens);
        Assert.Equal(captions[1], written[1].Tokens);
    }

    [Fact]
    public void A_word_outside_the_vocabulary_is_named_with_its_caption_and_position()
    {
        var model = Model(ImageFeed.FirstInput);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Loss(new float[2 * Side * Side], [[4], [5, 99]]));
        Assert.Contains("caption 1, word 1: id 99", e.Message);
    }
}
