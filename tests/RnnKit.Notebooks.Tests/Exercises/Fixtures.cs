using RnnKit.TestSupport;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>Where the exercise fixtures are.</summary>
internal static class Fixtures
{
    public static string Folder { get; } = Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Exercises", "Fixtures");

    /// <summary>A teacher's notebook with three exercises (1.1 RnnStep 2 points, 1.2 learningRate 1, 1.3 Softmax 2).</summary>
    public static string TeacherNotebook { get; } = Path.Combine(Folder, "rnn-step.ipynb");
}
