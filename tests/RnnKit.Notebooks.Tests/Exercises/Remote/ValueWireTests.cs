using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using RnnKit.Notebooks.Exercises.Remote;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises.Remote;

/// <summary>What crosses between the grader and a sandbox: plain values and kit objects survive exactly; anything
/// else, and anything malformed, is refused with a message, never built.</summary>
public class ValueWireTests
{
    private static readonly ValueWire Wire = new(_ => throw new InvalidOperationException("no callbacks here"), (_, _) => throw new InvalidOperationException());

    private static T RoundTrip<T>(T value) => (T)Wire.Read(JsonNode.Parse(Wire.Write(value)!.ToJsonString()), typeof(T))!;

    [Fact]
    public void Numbers_matrices_tuples_and_collections_come_back_equal()
    {
        Assert.Equal(double.NaN, RoundTrip(double.NaN));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(RoundTrip(-0.0)));
        Assert.Equal(123456789012345L, RoundTrip(123456789012345L));
        Assert.Equal((3, "x", 0.5), RoundTrip((3, "x", 0.5)));
        var m = Matrix<double>.Build.Dense(3, 2, (i, j) => i - 0.1 * j);
        Assert.Equal(m, RoundTrip(m));
        Assert.Equal([1.5, 2.5], RoundTrip(new List<double> { 1.5, 2.5 }));
        var words = new Dictionary<string, HashSet<string>> { ["NOUN"] = ["cat", "dog"], ["ADJ"] = ["red"] };
        var back = RoundTrip(words);
        Assert.True(back["NOUN"].Contains("dog") && back["ADJ"].SetEquals(["red"]));
        var shared = Matrix<double>.Build.Dense(1, 1, 7);
        var pair = RoundTrip(new[] { shared, shared });
        Assert.Same(pair[0], pair[1]);
    }

    [Fact]
    public void A_seeded_random_continues_where_it_was_and_copies_back_in_place()
    {
        var random = new Random(5);
        random.Next();
        var copy = RoundTrip(random);
        Assert.Equal(random.Next(), copy.Next());

        var original = new Random(9);
        var used = new Random(9);
        used.NextDouble();
        ValueWire.CopyInto(original, RoundTrip(used));
        Assert.Equal(used.NextDouble(), original.NextDouble());
        var target = Matrix<double>.Build.Dense(2, 2);
        ValueWire.CopyInto(target, Matrix<double>.Build.Dense(2, 2, 3.0));
        Assert.Equal(3.0, target[1, 1]);
    }

    [Fact]
    public void Types_outside_the_kit_and_malformed_values_are_refused()
    {
        Assert.Throws<ValueWireException>(() => Wire.Write(new MemoryStream()));
        Assert.Throws<ValueWireException>(() => Wire.Read(JsonNode.Parse("""{"t": "System.IO.FileInfo, System.Private.CoreLib", "id": 0, "fields": {}}"""), typeof(object)));
        Assert.Throws<ValueWireException>(() => Wire.Read(JsonNode.Parse("""{"t": "System.Double[], System.Private.CoreLib", "id": 0, "lengths": [5], "bytes": "AAAA"}"""), typeof(double[])));
        Assert.Throws<ValueWireException>(() => Wire.Read(JsonNode.Parse("""{"ref": 3}"""), typeof(object)));
        Assert.Throws<ValueWireException>(() => Wire.Read(JsonNode.Parse("\"text\""), typeof(Matrix<double>)));
        Assert.Throws<ValueWireException>(() => Wire.Read(null, typeof(int)));
        var deep = "1";
        for (var i = 0; i < ValueWire.MaxDepth + 5; i++)
            deep = $$"""{"t": "System.Object[], System.Private.CoreLib", "id": {{i}}, "lengths": [1], "items": [{{deep}}]}""";
        Assert.Throws<ValueWireException>(() => Wire.Read(JsonNode.Parse(deep, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 2000 }), typeof(object)));
    }

    [Fact]
    public void A_compiler_made_list_travels_as_an_array()
    {
        IReadOnlyList<string> words = ["a", "b"];
        Assert.Equal(["a", "b"], (string[])Wire.Read(Wire.Write(words.Select(w => w)), typeof(IReadOnlyList<string>))!);
    }
}
