namespace RnnKit.Data;

/// <summary>One poem of a corpus: its title, author, the author's dates if the source gives them, and its lines.</summary>
/// <param name="Title">The title without the 《》 brackets when it is only a bracketed name.</param>
/// <param name="Author">The poet's name.</param>
/// <param name="Lifespan">E.g. "９４６－９９９" for the Song poems (kept as printed), null when the source has none.</param>
/// <param name="Lines">The lines of the poem, punctuation kept, without empty lines.</param>
public sealed record Poem(string Title, string Author, string? Lifespan, IReadOnlyList<string> Lines)
{
    /// <summary>The lines joined with '\n': the text a character model trains on.</summary>
    public string Text => string.Join('\n', Lines);

    public override string ToString() => $"{Title} — {Author} ({Lines.Count} lines)";
}
