namespace RnnKit.Notebooks.Exercises;

/// <summary>How <see cref="Grader"/> runs submissions. Specialise with <c>with { … }</c>.</summary>
public sealed record GradeOptions
{
    /// <summary>Longest one cell of a submission may run (status "timeout"); 60 s is ample for the lessons' small models.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra time for the grading process to start and compile its first cell (Roslyn warms up in a few
    /// seconds; 60 s leaves room on a loaded machine).</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra time, after a cell's own timeout, for the engine to stop it and report, before the grader
    /// kills the process.</summary>
    public TimeSpan StopAllowance { get; init; } = TimeSpan.FromSeconds(10);
}
