using Xunit;

namespace RnnKit.Tests.Core;

/// <summary>Kit: seeds moved by the run seed, step counts cut by short training, settings read from the environment.</summary>
public class KitTests
{
    [Fact]
    public void Seeds_are_unchanged_by_default_and_by_run_seed_zero()
    {
        using (KitSettings.Use(new KitSettings()))
            Assert.Equal(5, Kit.Seed(5));
        using (KitSettings.Use(new KitSettings(Seed: 0)))
            Assert.Equal(5, Kit.Seed(5));
    }

    [Fact]
    public void A_run_seed_moves_every_seed_and_keeps_them_distinct()
    {
        using var _ = KitSettings.Use(new KitSettings(Seed: 2));
        var seeds = Enumerable.Range(0, 100).Select(Kit.Seed).ToList();

        Assert.Equal(5 + 2 * Kit.SeedStride, Kit.Seed(5));
        Assert.Equal(100, seeds.Distinct().Count());
        Assert.Equal(new Random(Kit.Seed(7)).Next(), Kit.Random(7).Next());
    }

    [Fact]
    public void Short_training_divides_steps_by_ten_and_keeps_at_least_one()
    {
        using (KitSettings.Use(new KitSettings(ShortTraining: true)))
        {
            Assert.Equal(15, Kit.Steps(150));
            Assert.Equal(1, Kit.Steps(3));
        }
        using (KitSettings.Use(new KitSettings()))
            Assert.Equal(150, Kit.Steps(150));
    }

    [Fact]
    public void Scoped_settings_reach_threads_started_inside_the_scope()
    {
        using var _ = KitSettings.Use(new KitSettings(Seed: 1));
        var seen = 0;
        var thread = new Thread(() => seen = Kit.Seed(0));
        thread.Start();
        thread.Join();

        Assert.Equal(Kit.SeedStride, seen);
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kit.Seed(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Kit.Steps(0));
    }

    [Fact]
    public void Settings_give_a_child_process_the_variables_that_carry_them()
    {
        var settings = new KitSettings(Seed: 3, ShortTraining: true, ClaimsReportOnly: true);
        var variables = settings.ToEnvironment();

        Assert.Equal("3", variables[KitSettings.SeedVariable]);
        Assert.Equal("1", variables[KitSettings.ShortTrainingVariable]);
        Assert.Equal("report", variables[KitSettings.ClaimsVariable]);
    }

    [Fact]
    public void The_feedback_language_is_a_setting_carried_to_a_child_process()
    {
        Assert.Equal(KitSettings.English, new KitSettings().Language);
        Assert.Equal(KitSettings.Chinese, KitSettings.ParseLanguage(KitSettings.LanguageVariable, " zh-Hans "));
        Assert.Equal(KitSettings.English, KitSettings.ParseLanguage(KitSettings.LanguageVariable, ""));
        Assert.Contains("RNNKIT_LANGUAGE=zh-CN: expected 'en' or 'zh-Hans'",
            Assert.Throws<ArgumentException>(() => KitSettings.ParseLanguage(KitSettings.LanguageVariable, "zh-CN")).Message);
        Assert.Equal("zh-Hans", new KitSettings(Language: KitSettings.Chinese).ToEnvironment()[KitSettings.LanguageVariable]);
        Assert.Equal("", new KitSettings().ToEnvironment()[KitSettings.LanguageVariable]);
    }
}
