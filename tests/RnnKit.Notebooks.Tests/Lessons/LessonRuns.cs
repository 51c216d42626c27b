namespace RnnKit.Notebooks.Tests.Lessons;

/// <summary>
/// The tests that run every lesson (the course build, grading each lesson, nbconvert through the kernel) take turns:
/// on a 2-core machine three of them at once made each lesson three times slower than a student would see it, and
/// the lesson budget measured the contention instead of the lesson. Light tests still run beside them.
/// </summary>
internal static class LessonRuns
{
    private static readonly SemaphoreSlim Turn = new(1, 1);

    public static T OneAtATime<T>(Func<T> run)
    {
        Turn.Wait();
        try
        {
            return run();
        }
        finally
        {
            Turn.Release();
        }
    }
}
