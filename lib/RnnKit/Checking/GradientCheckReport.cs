using System.Globalization;
using System.Text;

namespace RnnKit;

public enum GradientCheckKind
{
    Parameter,
    Input,
}

/// <summary>One checked tensor: its relative and largest absolute error, and the size of its analytic gradient.</summary>
public sealed record GradientCheckEntry(string Name, GradientCheckKind Kind, string Shape, double RelativeError,
    double MaxAbsoluteError, double AnalyticNorm);

/// <summary>The result of <see cref="GradientCheck.Run"/>: one entry per parameter and input, printable as a table.</summary>
public sealed record GradientCheckReport(IReadOnlyList<GradientCheckEntry> Entries, double Tolerance)
{
    public double MaxRelativeError => Entries.Count == 0 ? 0 : Entries.Max(e => e.RelativeError);

    /// <summary>True when every tensor's relative error is at most <see cref="Tolerance"/> (and none is NaN).</summary>
    public bool Passed => Entries.All(e => e.RelativeError <= Tolerance);

    public IEnumerable<GradientCheckEntry> Failures => Entries.Where(e => !(e.RelativeError <= Tolerance));

    public override string ToString()
    {
        var width = Math.Max("tensor".Length, Entries.Count == 0 ? 0 : Entries.Max(e => e.Name.Length));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"tensor".PadRight(width)}  {"kind",-9}  {"shape",-10}  {"rel. error",10}  {"max abs",10}  {"|grad|",10}");
        foreach (var e in Entries)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{e.Name.PadRight(width)}  {e.Kind.ToString().ToLowerInvariant(),-9}  {e.Shape,-10}  {e.RelativeError,10:0.00e+00}  {e.MaxAbsoluteError,10:0.00e+00}  {e.AnalyticNorm,10:0.00e+00}{(e.RelativeError <= Tolerance ? "" : "  FAIL")}");
        text.Append(CultureInfo.InvariantCulture,
            $"{(Passed ? "passed" : "FAILED")}: max relative error {MaxRelativeError:0.00e+00} (tolerance {Tolerance:0.0e+00})");
        return text.ToString();
    }
}
