using System.Text;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell (found through <see cref="CellContext.Current"/>) as
/// stdout/stderr stream outputs; writes made outside any cell go to the console the process started with.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly Lock s_gate = new();
    private static TextWriter? s_installedOut;
    private static TextWriter? s_installedError;

    /// <summary>Installs the routing writers, again if someone replaced them since.</summary>
    public static void Ensure()
    {
        lock (s_gate)
        {
            if (!ReferenceEquals(Console.Out, s_installedOut))
            {
                Console.SetOut(new CellWriter("stdout", Console.Out));
                s_installedOut = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, s_installedError))
            {
                Console.SetError(new CellWriter("stderr", Console.Error));
                s_installedError = Console.Error;
            }
        }
    }

    private sealed class CellWriter(string name, TextWriter outside) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var cell = CellContext.Current;
            if (cell is null)
                outside.Write(value);
            else
                cell.Emit(new StreamOutput(name, value));
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override void Flush()
        {
            if (CellContext.Current is null) outside.Flush();
        }
    }
}
