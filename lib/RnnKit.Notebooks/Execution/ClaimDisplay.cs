using RnnKit.Notebooks.Formatting;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Execution;

/// <summary>
/// Routes the library's claims into the running cell as their own output (<see cref="ClaimMime"/>); outside a cell
/// they are printed, as the library does by default. Installed once by the engine.
/// </summary>
internal static class ClaimDisplay
{
    public static void Install() => Claim.Shown = Show;

    private static void Show(ClaimResult claim)
    {
        if (CellContext.Current is { } context)
            context.Emit(new DisplayOutput(ClaimMime.For(claim)));
        else
            Console.Out.WriteLine(claim.ToString());
    }
}
