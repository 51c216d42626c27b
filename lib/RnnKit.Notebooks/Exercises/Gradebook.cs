using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Exercises;

/// <summary>The statuses of an exercise in the gradebook (DESIGN.md).</summary>
public static class ExerciseStatus
{
    /// <summary>The feedback of a passed exercise.</summary>
    public const string PassedFeedback = "All tests passed.";

    /// <summary>The answer cell ran and every test passed: full points.</summary>
    public const string Passed = "passed";

    /// <summary>The answer cell ran but a test failed (including "Exercise ID: not done yet").</summary>
    public const string Failed = "failed";

    /// <summary>The answer cell itself failed: compile error or exception.</summary>
    public const string Error = "error";

    /// <summary>The answer or a test ran out of time.</summary>
    public const string Timeout = "timeout";

    /// <summary>The submission has no answer cell for the exercise (its header line is gone).</summary>
    public const string Missing = "missing";
}

/// <summary>One exercise of one submission.</summary>
public sealed record ExerciseGrade(string Id, string Title, int Score, int Max, string Status, string Feedback);

/// <summary>One submission: its file, total, exercises; <see cref="Error"/> says why it could not be graded at all.</summary>
public sealed record SubmissionGrade(string File, int Score, int Max, IReadOnlyList<ExerciseGrade> Exercises, string? Error = null)
{
    /// <summary>The teacher's notebook it was graded against; null when none matched.</summary>
    public string? Source { get; init; }

    /// <summary>What the teacher should know that is no grade: a file name of another lesson, a sandbox restarted.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The submission's language (its rnnkit.language): the feedback page is written in it.</summary>
    public string Language { get; init; } = KitSettings.English;
}

/// <summary>
/// The result of `rnnkit grade`: JSON exactly as DESIGN.md fixes it (<c>{"submissions": [{"file", "score", "max",
/// "exercises": [{"id", "score", "max", "status", "feedback"}]}]}</c>, plus <c>"error"</c> on a submission that
/// could not be graded) and a CSV for the class: one row per submission, one column per exercise, total and max.
/// </summary>
public sealed record Gradebook(IReadOnlyList<SubmissionGrade> Submissions)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson()
    {
        var submissions = Submissions.Select(s =>
        {
            var node = new JsonObject
            {
                ["file"] = s.File,
                ["score"] = s.Score,
                ["max"] = s.Max,
                ["exercises"] = new JsonArray(s.Exercises.Select(e => (JsonNode)new JsonObject
                {
                    ["id"] = e.Id,
                    ["score"] = e.Score,
                    ["max"] = e.Max,
                    ["status"] = e.Status,
                    ["feedback"] = e.Feedback,
                }).ToArray()),
            };
            if (s.Error is not null) node["error"] = s.Error;
            if (s.Notes.Count > 0) node["notes"] = new JsonArray(s.Notes.Select(n => (JsonNode)n).ToArray());
            return (JsonNode)node;
        });
        return new JsonObject { ["submissions"] = new JsonArray(submissions.ToArray()) }.ToJsonString(Json) + "\n";
    }

    /// <summary>RFC 4180 CSV: <c>file,&lt;exercise ids…&gt;,total,max</c>; an exercise a submission lacks is empty.</summary>
    public string ToCsv()
    {
        var ids = Submissions.SelectMany(s => s.Exercises.Select(e => e.Id)).Distinct(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', new[] { "file" }.Concat(ids).Append("total").Append("max").Select(Field)).Append('\n');
        foreach (var s in Submissions)
        {
            var scores = ids.Select(id => s.Exercises.FirstOrDefault(e => e.Id == id)?.Score.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.AppendJoin(',', new[] { Field(s.File) }.Concat(scores)
                .Append(s.Score.ToString(CultureInfo.InvariantCulture)).Append(s.Max.ToString(CultureInfo.InvariantCulture))).Append('\n');
        }
        return csv.ToString();
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"") + "\"";
}
