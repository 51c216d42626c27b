using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Formatting;

/// <summary>
/// The display functions of the .NET Interactive C# dialect. Notebook code sees them without a prefix (the engine
/// imports this class statically): <c>display(x)</c>, and <c>x.Display()</c> from <see cref="DisplayExtensions"/>.
/// Outside a notebook cell they print the value's text/plain form to the console.
/// </summary>
public static class DisplayFunctions
{
    private static int s_outsideCells;

    /// <summary>Shows <paramref name="value"/> as a <c>display_data</c> output and returns a handle to update it.</summary>
    /// <param name="value">Anything: formatted as the last expression of a cell would be.</param>
    /// <param name="mimeType">Force a MIME type, e.g. "text/html" for an HTML string.</param>
    // The lower-case name is the dialect's: notebooks written for Polyglot call display(...).
#pragma warning disable IDE1006
    public static DisplayedValue display(object? value, string? mimeType = null)
#pragma warning restore IDE1006
    {
        var context = DisplayContext.Current;
        var id = context?.NewDisplayId() ?? "display-" + Interlocked.Increment(ref s_outsideCells);
        var handle = new DisplayedValue(id, context, mimeType);
        var output = new DisplayOutput(MimeBundle.For(value, id, mimeType), null, id);
        if (context is null)
            Console.Out.WriteLine(output.Data[MimeTypes.PlainText]);
        else
            context.Emit(output);
        return handle;
    }

    /// <summary>
    /// Clears what this cell has shown so far (Jupyter's <c>clear_output</c>): at once, or with
    /// <paramref name="wait"/> just before the cell's next output, so a redrawn progress line does not flicker.
    /// Outside a notebook cell it does nothing.
    /// </summary>
    public static void ClearOutput(bool wait = false) => DisplayContext.Current?.Emit(new Model.ClearOutput(wait));
}

/// <summary><c>x.Display()</c>: the extension-method form of <see cref="DisplayFunctions.display"/>.</summary>
public static class DisplayExtensions
{
    public static DisplayedValue Display(this object? value, string? mimeType = null) => DisplayFunctions.display(value, mimeType);
}
