namespace RnnKit.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> executes a notebook. Specialise with <c>with { … }</c>.</summary>
public sealed record RunOptions
{
    /// <summary>The default per-cell limit: generous, lessons train small models in seconds.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Longest one cell may run (status "timeout"); null: no limit.</summary>
    public TimeSpan? CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>Run the cells after a failing one too (nbclient's allow_errors); by default a notebook stops there.</summary>
    public bool ContinueOnError { get; init; }

    /// <summary>The folder the code runs in; null: the notebook's own folder (the current one for an unsaved notebook).</summary>
    public string? WorkingDirectory { get; init; }
}
