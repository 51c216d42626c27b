using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Formatting;

/// <summary>Where <c>display(...)</c> and <see cref="DisplayedValue.Update"/> send what they show.</summary>
internal interface IDisplayTarget
{
    /// <summary>A display id unique in the session.</summary>
    string NewDisplayId();

    /// <summary>Shows a new display.</summary>
    void Emit(Output output);

    /// <summary>Replaces the data of an earlier display with the same id.</summary>
    void Update(DisplayOutput output);
}

/// <summary>
/// The display target of the code running on this logical thread of control: an <see cref="AsyncLocal{T}"/>, so
/// tasks and threads a cell starts keep showing into that cell. The engine sets it for each cell it runs (its cell
/// context is the target); the display functions only read it, so formatting does not depend on execution.
/// </summary>
internal static class DisplayContext
{
    private static readonly AsyncLocal<IDisplayTarget?> s_current = new();

    public static IDisplayTarget? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }
}
