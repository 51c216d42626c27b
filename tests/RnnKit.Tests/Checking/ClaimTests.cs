using Xunit;

namespace RnnKit.Tests.Checking;

/// <summary>Claims: the line a held claim shows, the exception a failed one throws, report-only mode.</summary>
public class ClaimTests
{
    private static List<ClaimResult> Capture(Action act)
    {
        var shown = new List<ClaimResult>();
        var previous = Claim.Shown;
        Claim.Shown = shown.Add;
        try { act(); }
        finally { Claim.Shown = previous; }
        return shown;
    }

    [Fact]
    public void A_held_claim_shows_its_measurement_and_condition()
    {
        var shown = Capture(() => Claim.AtLeast("the LSTM solves the adding problem", 97.04, 90, "F1", "%"));

        Assert.Equal("✓ the LSTM solves the adding problem: 97.0 % (≥ 90.0 %)", Assert.Single(shown).ToString());
    }

    [Theory]
    [InlineData(0.3, true)]
    [InlineData(0.2, true)]
    [InlineData(0.19, false)]
    [InlineData(double.NaN, false)]
    public void Between_includes_its_bounds_and_fails_on_NaN(double measured, bool holds)
    {
        var shown = Capture(() =>
        {
            try { Claim.Between("x is moderate", measured, 0.2, 0.4); }
            catch (ClaimFailedException) { }
        });

        Assert.Equal(holds, Assert.Single(shown).Held);
    }

    [Fact]
    public void A_failed_claim_is_shown_then_throws_naming_claim_measurement_and_condition()
    {
        ClaimFailedException? thrown = null;
        var shown = Capture(() => thrown = Assert.Throws<ClaimFailedException>(() =>
            Claim.AtMost("the RNN stays near the baseline", 55.5, 40, "F1", "%", trained: true)));

        Assert.Equal("✗ the RNN stays near the baseline: 55.5 % (≤ 40.0 %)", Assert.Single(shown).ToString());
        Assert.Equal("The claim \"the RNN stays near the baseline\" does not hold: measured 55.5 %, needs ≤ 40.0 %", thrown!.Message);
        Assert.True(thrown.Claim.Trained);
    }

    [Fact]
    public void In_report_only_mode_a_failed_claim_is_shown_and_returned()
    {
        using var _ = KitSettings.Use(new KitSettings(ClaimsReportOnly: true));
        ClaimResult? result = null;
        var shown = Capture(() => result = Claim.That("A beats B", false, "A 1, B 2", "A > B"));

        Assert.False(result!.Held);
        Assert.Equal("✗ A beats B: A 1, B 2 (A > B)", Assert.Single(shown).ToString());
    }

    [Fact]
    public void A_claim_without_its_sentence_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Claim.That(" ", true, "1", "> 0"));
    }
}
