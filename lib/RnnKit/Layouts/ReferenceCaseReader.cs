using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// Reads the fields of a reference case with messages that name the field, the shape it should have and where it
/// differs, e.g. "weight_hh: expected 3 rows of 4 numbers, but weight_hh[1] has length 5".
/// </summary>
internal sealed class ReferenceCaseReader
{
    /// <summary>Fields that describe a case rather than feed it (the generator's name and seed, torch's answers).</summary>
    private static readonly HashSet<string> Metadata = ["name", "seed", "comment", "expected"];

    private static readonly string[] DimensionNames = ["steps", "rows", "numbers"];

    private readonly JsonElement _root;

    public ReferenceCaseReader(JsonElement root, IEnumerable<string> knownFields)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new ReferenceCaseException($"a reference case must be a JSON object, got {Describe(root.ValueKind)}");
        _root = root;
        var known = knownFields.ToHashSet(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
            if (!known.Contains(property.Name) && !Metadata.Contains(property.Name))
                throw new ReferenceCaseException($"{property.Name}: unknown field; expected {string.Join(", ", known)}");
    }

    public bool Has(string field) => _root.TryGetProperty(field, out var e) && e.ValueKind != JsonValueKind.Null;

    public string String(string field)
    {
        var e = Required(field);
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ReferenceCaseException($"{field}: expected a string, got {Describe(e.ValueKind)}");
    }

    public int PositiveInt(string field)
    {
        var e = Required(field);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v) || v < 1)
            throw new ReferenceCaseException($"{field}: expected a positive integer, got {e.GetRawText()}");
        return v;
    }

    /// <summary>The length of the outer array of <paramref name="field"/> (at least 1).</summary>
    public int Length(string field, int depth = 0)
    {
        var e = Required(field);
        var path = field;
        for (var d = 0; d <= depth; d++)
        {
            if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0)
                throw new ReferenceCaseException($"{path}: expected a non-empty array, got {(e.ValueKind == JsonValueKind.Array ? "an empty one" : Describe(e.ValueKind))}");
            if (d < depth)
            {
                e = e[0];
                path += "[0]";
            }
        }
        return e.GetArrayLength();
    }

    /// <summary>[n] numbers.</summary>
    public Vector<double> Vector(string field, int length) => Vector<double>.Build.DenseOfArray(Numbers(field, [length]));

    /// <summary>[rows][columns] numbers as a (rows, columns) matrix.</summary>
    public Matrix<double> Matrix(string field, int rows, int columns)
    {
        var flat = Numbers(field, [rows, columns]);
        return Matrix<double>.Build.Dense(rows, columns, (i, j) => flat[i * columns + j]);
    }

    /// <summary>[batch][size] numbers (PyTorch's rows = examples) as a (size, batch) matrix, one column per example.</summary>
    public Matrix<double> Columns(string field, int batch, int size) => Matrix(field, batch, size).Transpose();

    /// <summary>[steps][batch][size] numbers as one (size, batch) matrix per step.</summary>
    public List<Matrix<double>> Sequence(string field, int steps, int batch, int size)
    {
        var flat = Numbers(field, [steps, batch, size]);
        return Enumerable.Range(0, steps)
            .Select(t => Matrix<double>.Build.Dense(size, batch, (i, b) => flat[(t * batch + b) * size + i]))
            .ToList();
    }

    private JsonElement Required(string field) =>
        _root.TryGetProperty(field, out var e) && e.ValueKind != JsonValueKind.Null
            ? e
            : throw new ReferenceCaseException($"{field}: missing");

    /// <summary>Reads a nested array of the given dimensions, row-major, or says where it differs.</summary>
    private double[] Numbers(string field, int[] dims)
    {
        var expected = $"{field}: expected {Describe(dims)}";
        var flat = new List<double>();
        void Read(JsonElement e, int depth, string path)
        {
            if (depth == dims.Length)
            {
                if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v) || !double.IsFinite(v))
                    throw new ReferenceCaseException($"{expected}, but {path} is {e.GetRawText()}, not a finite number");
                flat.Add(v);
                return;
            }
            if (e.ValueKind != JsonValueKind.Array)
                throw new ReferenceCaseException($"{expected}, but {path} is {Describe(e.ValueKind)}, not an array");
            if (e.GetArrayLength() != dims[depth])
                throw new ReferenceCaseException($"{expected}, but {path} has length {e.GetArrayLength()}");
            var k = 0;
            foreach (var item in e.EnumerateArray())
                Read(item, depth + 1, $"{path}[{k++}]");
        }
        Read(Required(field), 0, field);
        return flat.ToArray();
    }

    /// <summary>"5 numbers", "3 rows of 4 numbers", "5 steps of 2 rows of 3 numbers".</summary>
    private static string Describe(int[] dims) =>
        string.Join(" of ", dims.Select((n, k) => $"{n} {DimensionNames[DimensionNames.Length - dims.Length + k]}"));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
