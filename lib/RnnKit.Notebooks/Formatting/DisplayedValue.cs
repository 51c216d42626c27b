using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Formatting;

/// <summary>
/// The handle <c>display(x)</c> returns: <see cref="Update"/> replaces what was shown (a Jupyter
/// <c>update_display_data</c> for the same display id; in a notebook file the earlier output's data is replaced in
/// place). Used for live training progress.
/// </summary>
public sealed class DisplayedValue
{
    private readonly IDisplayTarget? _context;
    private readonly string? _mimeType;

    internal DisplayedValue(string displayId, IDisplayTarget? context, string? mimeType)
    {
        DisplayId = displayId;
        _context = context;
        _mimeType = mimeType;
    }

    /// <summary>The Jupyter display id shared by the display and its updates.</summary>
    public string DisplayId { get; }

    /// <summary>Shows <paramref name="newValue"/> in place of the displayed value.</summary>
    public void Update(object? newValue)
    {
        var output = new DisplayOutput(MimeBundle.For(newValue, DisplayId, _mimeType), null, DisplayId);
        var context = DisplayContext.Current ?? _context;
        if (context is null)
            Console.Out.WriteLine(output.Data[MimeTypes.PlainText]);
        else
            context.Update(output);
    }
}
