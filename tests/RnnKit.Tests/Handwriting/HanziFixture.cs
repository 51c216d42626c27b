using RnnKit.Handwriting;
using RnnKit.TestSupport;

namespace RnnKit.Tests.Handwriting;

/// <summary>The repository's six hand-written characters in hanzi-writer-data's format (Fixtures/hanzi).</summary>
internal static class HanziFixture
{
    public static string Folder => Repo.PathOf("tests", "RnnKit.Tests", "Handwriting", "Fixtures", "hanzi");

    public static HanziCollection Load() => HanziCollection.Load(Folder);
}
