namespace RnnKit.Platform;

/// <summary>
/// A file another program holds open so that this one may not write, replace or delete it: on Windows an editor
/// (VS Code), a browser or Explorer's preview pane keeps files of the course site or an executed lesson locked while
/// <c>rnnkit build</c> replaces them. .NET reports it as an IOException whose HResult carries Windows'
/// ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION; on Linux and macOS, where .NET emulates FileShare.None with an
/// advisory lock, the raw errno EWOULDBLOCK (11 on Linux, 35 on macOS).
/// </summary>
public static class FileInUse
{
    private const int SharingViolation = 32;
    private const int LockViolation = 33;
    private const int Win32Facility = unchecked((int)0x80070000);
    private const int FacilityMask = unchecked((int)0xFFFF0000);
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;

    /// <summary>True when <paramref name="e"/> says another program holds the file.</summary>
    public static bool Is(IOException e) =>
        (e.HResult & FacilityMask) == Win32Facility
            ? (e.HResult & ~FacilityMask) is SharingViolation or LockViolation
            : !OperatingSystem.IsWindows() && e.HResult == (OperatingSystem.IsMacOS() ? MacWouldBlock : LinuxWouldBlock);

    /// <summary>The message a person can act on: which file (the runtime's message names it) and what to do.</summary>
    public static string Explain(IOException e) =>
        $"{e.Message.TrimEnd('.')}. Another program has it open — on Windows an editor such as VS Code, a browser or " +
        "Explorer's preview pane locks the files it shows. Close the file there (or the program) and run the command again.";
}
