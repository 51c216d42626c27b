namespace RnnKit.Cli;

/// <summary>The exit codes of every verb; scripts and tests rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Ok = 0;

    /// <summary>Bad input or a failure the message explains (missing file, bad JSON, hash mismatch, ...).</summary>
    public const int Error = 1;

    /// <summary>The job ran but some of its work failed: a notebook cell, an exercise, a benchmark goal.</summary>
    public const int Failed = 2;

    /// <summary>Stopped by Ctrl-C (SIGINT), as shells report it; nothing half-written was put in place.</summary>
    public const int Interrupted = 130;

    /// <summary>The command line itself is wrong (unknown verb or option, missing argument).</summary>
    public const int Usage = 64;
}
