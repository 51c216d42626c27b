using System.Text;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// Routes Console.Out and Console.Error to the running cell (found through <see cref="CellContext.Current"/>) as
/// stdout/stderr stream outputs, and Console.In to the running cell's input (<see cref="CellContext.ReadLine"/>);
/// writes and reads made outside any cell go to the console the process started with.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly Lock s_gate = new();
    private static TextWriter? s_installedOut;
    private static TextWriter? s_installedError;
    private static TextReader? s_installedIn;

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
            if (!ReferenceEquals(Console.In, s_installedIn))
            {
                Console.SetIn(new CellReader(Console.In));
                s_installedIn = Console.In;
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

    /// <summary>
    /// Reads through the running cell a line at a time; <see cref="Read()"/> and <see cref="Peek"/> hand out the
    /// characters of the line last asked for (kept for that cell only).
    /// </summary>
    private sealed class CellReader(TextReader outside) : TextReader
    {
        private readonly Lock _gate = new();
        private (CellContext Cell, string Text)? _rest;

        public override string? ReadLine()
        {
            if (CellContext.Current is not { } cell) return outside.ReadLine();
            var rest = TakeRest(cell);
            if (rest is null) return cell.ReadLine();
            return rest.EndsWith('\n') ? rest[..^1] : rest + cell.ReadLine();
        }

        public override int Peek() => Next(consume: false);

        public override int Read() => Next(consume: true);

        private int Next(bool consume)
        {
            if (CellContext.Current is not { } cell) return consume ? outside.Read() : outside.Peek();
            var rest = TakeRest(cell) ?? cell.ReadLine() + "\n";
            lock (_gate)
                _rest = !consume ? (cell, rest) : rest.Length > 1 ? (cell, rest[1..]) : null;
            return rest[0];
        }

        private string? TakeRest(CellContext cell)
        {
            lock (_gate)
            {
                var rest = _rest is { } r && ReferenceEquals(r.Cell, cell) ? r.Text : null;
                _rest = null;
                return rest;
            }
        }
    }
}
