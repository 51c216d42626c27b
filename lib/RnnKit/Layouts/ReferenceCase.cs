using System.Text.Json;
using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// One recurrent layer's forward and backward in PyTorch's layout (DESIGN.md, "reference case format"): weights
/// fused as PyTorch stores them, x as [T][B][I], states as [B][H]. Computed by the scratch layer in double
/// precision, so that it can be compared with PyTorch number for number. In memory every matrix follows the
/// lessons' convention, one column per example.
/// </summary>
/// <param name="Kind">The cell (PyTorch's "rnn_tanh", "rnn_relu", "lstm" or "gru" in the case file).</param>
/// <param name="Weights">weight_ih (G·H, I), weight_hh (G·H, H), bias_ih, bias_hh (G·H).</param>
/// <param name="Xs">x⟨t⟩ (I, B) per step.</param>
/// <param name="H0">h0 (H, B).</param>
/// <param name="C0">c0 (H, B) for an LSTM, otherwise null.</param>
/// <param name="DYs">∂L/∂y⟨t⟩ (H, B) per step.</param>
/// <param name="DhN">∂L/∂h_n (H, B) or null.</param>
/// <param name="DcN">∂L/∂c_n (H, B) or null (LSTM only).</param>
public sealed record ReferenceCase(CellKind Kind, PyTorchWeights Weights, IReadOnlyList<Matrix<double>> Xs, Matrix<double> H0,
    Matrix<double>? C0, IReadOnlyList<Matrix<double>> DYs, Matrix<double>? DhN, Matrix<double>? DcN)
{
    private static readonly string[] Fields =
        ["cell", "input_size", "hidden_size", "weight_ih", "weight_hh", "bias_ih", "bias_hh", "x", "h0", "c0", "dy", "dh_n", "dc_n"];

    /// <summary>Parses and checks a case; every problem is a <see cref="ReferenceCaseException"/> naming the field.</summary>
    public static ReferenceCase Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ReferenceCaseException($"not valid JSON: {e.Message}");
        }
        using (document)
        {
            var read = new ReferenceCaseReader(document.RootElement, Fields);
            var name = read.String("cell");
            if (!CellKinds.TryParse(name, out var kind))
                throw new ReferenceCaseException($"cell: expected \"rnn_tanh\", \"rnn_relu\", \"lstm\" or \"gru\", got \"{name}\"");
            var gates = kind.GateCount();
            var lstm = kind.HasCellState();
            var input = read.PositiveInt("input_size");
            var hidden = read.PositiveInt("hidden_size");
            var weights = new PyTorchWeights(
                read.Matrix("weight_ih", gates * hidden, input),
                read.Matrix("weight_hh", gates * hidden, hidden),
                read.Vector("bias_ih", gates * hidden),
                read.Vector("bias_hh", gates * hidden));
            var steps = read.Length("x");
            var batch = read.Length("x", depth: 1);
            if (!lstm)
                foreach (var field in new[] { "c0", "dc_n" })
                    if (read.Has(field))
                        throw new ReferenceCaseException($"{field}: only an lstm has a cell state, but cell is \"{name}\"");
            if (lstm && !read.Has("c0"))
                throw new ReferenceCaseException("c0: missing (an lstm needs the initial cell state)");
            return new ReferenceCase(kind, weights,
                read.Sequence("x", steps, batch, input),
                read.Columns("h0", batch, hidden),
                lstm ? read.Columns("c0", batch, hidden) : null,
                read.Sequence("dy", steps, batch, hidden),
                read.Has("dh_n") ? read.Columns("dh_n", batch, hidden) : null,
                read.Has("dc_n") ? read.Columns("dc_n", batch, hidden) : null);
        }
    }

    /// <summary>
    /// Runs the layer forward and backward for L = Σ y·dy + Σ h_n·dh_n + Σ c_n·dc_n and returns DESIGN.md's output
    /// object: y [T][B][H], h_n [B][H], c_n (lstm), grads {weight_ih, weight_hh, bias_ih, bias_hh, x, h0, c0 (lstm)}.
    /// </summary>
    public JsonObject Compute()
    {
        var cell = PyTorchLayout.CreateCell(Kind, Weights);
        var layer = new RecurrentLayer(cell);
        var (output, cache) = layer.Forward(Xs, new RecurrentState(H0, C0));
        RecurrentState? dFinal = DhN is null && DcN is null
            ? null
            : new RecurrentState(DhN ?? Matrix<double>.Build.Dense(H0.RowCount, H0.ColumnCount), DcN);
        var grads = layer.Backward(DYs.ToList<Matrix<double>?>(), cache, dFinal);
        var weightGrads = PyTorchLayout.ExportGradients(cell);

        var gradsJson = new JsonObject
        {
            ["weight_ih"] = Rows(weightGrads.WeightIh),
            ["weight_hh"] = Rows(weightGrads.WeightHh),
            ["bias_ih"] = Numbers(weightGrads.BiasIh),
            ["bias_hh"] = Numbers(weightGrads.BiasHh),
            ["x"] = new JsonArray([.. grads.Dxs.Select(d => Rows(d.Transpose()))]),
            ["h0"] = Rows(grads.DInitial.H.Transpose()),
        };
        var result = new JsonObject
        {
            ["y"] = new JsonArray([.. output.Hs.Select(h => Rows(h.Transpose()))]),
            ["h_n"] = Rows(output.Final.H.Transpose()),
        };
        if (cell.HasCellState)
        {
            result["c_n"] = Rows(output.Final.C!.Transpose());
            gradsJson["c0"] = Rows(grads.DInitial.C!.Transpose());
        }
        result["grads"] = gradsJson;
        return result;
    }

    private static JsonArray Numbers(IEnumerable<double> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonArray Rows(Matrix<double> m) => new([.. m.EnumerateRows().Select(r => (JsonNode)Numbers(r))]);
}
