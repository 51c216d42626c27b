namespace RnnKit.Notebooks.Exercises;

/// <summary>
/// How <see cref="Grader"/> runs submissions. Specialise with <c>with { … }</c>. The engine stops a cell that runs
/// longer than <see cref="CellTimeout"/> by itself; the allowances only decide when the grader gives up on a
/// process that reports nothing (a hang the engine cannot stop) and kills it.
/// </summary>
public sealed record GradeOptions
{
    /// <summary>Longest one cell of a submission may run (status "timeout"); 60 s is ample for the lessons' small models.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra time for the first cell: the process starts and Roslyn warms up (a few seconds; 60 s leaves
    /// room on a loaded machine).</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra time per cell beyond <see cref="CellTimeout"/>: compiling the cell (not counted by the engine's
    /// timeout; seconds, more on a busy machine) and stopping it.</summary>
    public TimeSpan CellAllowance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The student's sandbox: memory and process limits, or none (`--unsafe-no-sandbox`).</summary>
    public Remote.SandboxLimits Sandbox { get; init; } = new();

    /// <summary>More folders the sandbox must not see (the output folder, the submissions), beyond the teacher's.</summary>
    public IReadOnlyList<string> Hidden { get; init; } = [];

    /// <summary>Time for the process to exit after its last cell before it is killed.</summary>
    public TimeSpan ExitAllowance { get; init; } = TimeSpan.FromSeconds(10);
}
