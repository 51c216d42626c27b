using System.Text.Json.Nodes;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Exercises;

/// <summary>What a cell of a grading notebook is for.</summary>
public enum CellRole
{
    /// <summary>A cell of the student's that belongs to no exercise (setup, notes, experiments).</summary>
    Other,

    /// <summary>The student's answer cell of an exercise.</summary>
    Answer,

    /// <summary>A test cell of an exercise, restored from the teacher's notebook (hidden tests included).</summary>
    Test,

    /// <summary>
    /// The teacher's answer cell of an exercise, run only when that exercise failed, so later exercises that use
    /// its functions are graded on their own merit.
    /// </summary>
    Fallback,
}

/// <summary>
/// The role of each cell in the notebook the grader runs, stored in the cell's metadata under
/// <c>rnnkit_grade</c> (<c>{"role": "test", "exercise": "3.2", "label": "cell 5", "student_cell": 4}</c>) so the
/// grading process needs nothing but the notebook. <c>label</c> is how messages name the cell to the student;
/// <c>student_cell</c> is the cell's 0-based index in the student's notebook (null for the teacher's cells).
/// </summary>
public sealed record GradingRole(CellRole Role, string? Exercise, string Label, int? StudentCell = null)
{
    public const string MetadataKey = "rnnkit_grade";

    public void WriteTo(Cell cell) => cell.Metadata[MetadataKey] = new JsonObject
    {
        ["role"] = Role.ToString().ToLowerInvariant(),
        ["exercise"] = Exercise,
        ["label"] = Label,
        ["student_cell"] = StudentCell,
    };

    /// <summary>The role written by <see cref="WriteTo"/>; a cell without one is <see cref="CellRole.Other"/>.</summary>
    public static GradingRole Of(Cell cell, int index)
    {
        var node = cell.Metadata[MetadataKey] as JsonObject;
        var role = Enum.TryParse<CellRole>(node?["role"]?.GetValue<string>(), ignoreCase: true, out var r) ? r : CellRole.Other;
        return new GradingRole(role, node?["exercise"]?.GetValue<string>(), node?["label"]?.GetValue<string>() ?? $"cell {index + 1}",
            node?["student_cell"]?.GetValue<int>());
    }
}
