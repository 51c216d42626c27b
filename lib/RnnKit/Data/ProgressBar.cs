namespace RnnKit.Data;

/// <summary>
/// A one-line progress bar for downloads, redrawn in place with '\r' on a text writer (stderr in the CLI):
/// <c>tang300 [##########..........]  50%  44.5 KB / 88.9 KB</c>. It redraws only when the whole percentage
/// changes (or every <see cref="UnknownLengthStep"/> bytes when the total is unknown), so a fast local copy
/// does not flood the terminal.
/// </summary>
public sealed class ProgressBar(TextWriter writer, string label, long? total)
{
    /// <summary>Width of the bar in characters.</summary>
    public const int Width = 20;

    /// <summary>Bytes between redraws when the server sends no Content-Length.</summary>
    public const long UnknownLengthStep = 256 * 1024;

    private const double BytesPerKilobyte = 1024.0;
    private long _lastDrawn = -1;

    public void Report(long done)
    {
        var mark = total is > 0 ? done * 100 / total.Value : done / UnknownLengthStep;
        if (mark == _lastDrawn)
            return;
        _lastDrawn = mark;
        if (total is > 0)
        {
            var filled = (int)Math.Min(Width, done * Width / total.Value);
            writer.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {mark,3}%  {Kilobytes(done)} / {Kilobytes(total.Value)}");
        }
        else
            writer.Write($"\r{label} {Kilobytes(done)}");
        writer.Flush();
    }

    /// <summary>Ends the line (call once, after the last <see cref="Report"/>).</summary>
    public void Finish()
    {
        writer.WriteLine();
        writer.Flush();
    }

    private static string Kilobytes(long bytes) =>
        (bytes / BytesPerKilobyte).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
