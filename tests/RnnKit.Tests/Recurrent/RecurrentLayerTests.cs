using MathNet.Numerics.LinearAlgebra;
using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Recurrent;

public class RecurrentLayerTests
{
    private const int Input = 3, Hidden = 4, Batch = 2, Steps = 5;

    public static TheoryData<string> Kinds => ["rnn_tanh", "rnn_relu", "lstm", "gru"];

    /// <summary>The inputs of a sequence as checkable tensors: x⟨t⟩ per step, h0 and (LSTM) c0.</summary>
    private sealed record Inputs(List<Parameter> Xs, Parameter H0, Parameter? C0)
    {
        public IReadOnlyList<Matrix<double>> Values => Xs.Select(x => x.Value).ToList();

        public RecurrentState Initial => new(H0.Value, C0?.Value);

        public List<Parameter> All => [.. Xs, H0, .. C0 is null ? Array.Empty<Parameter>() : [C0]];

        public void Accumulate(SequenceGradients grads)
        {
            for (var t = 0; t < Xs.Count; t++) Xs[t].Accumulate(grads.Dxs[t]);
            H0.Accumulate(grads.DInitial.H);
            C0?.Accumulate(grads.DInitial.C!);
        }

        public static Inputs Random(IRecurrentCell cell, int steps, Random random)
        {
            var start = TestMatrices.State(cell, Batch, random);
            return new(
                Enumerable.Range(0, steps).Select(t => new Parameter($"x{t}", TestMatrices.Uniform(cell.InputSize, Batch, random))).ToList(),
                new Parameter("h0", start.H), start.C is null ? null : new Parameter("c0", start.C));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Many_to_many_bptt_passes_the_gradient_check(string kind)
    {
        var random = new Random(21);
        var layer = new RecurrentLayer(TestMatrices.Cell(kind, Input, Hidden, seed: 22));
        var inputs = Inputs.Random(layer.Cell, Steps, random);
        var dHs = TestMatrices.Sequence(Steps, Hidden, Batch, random);
        var dFinal = TestMatrices.State(layer.Cell, Batch, random);

        double Loss()
        {
            var (output, _) = layer.Forward(inputs.Values, inputs.Initial);
            return output.Hs.Zip(dHs, TestMatrices.Dot).Sum() + TestMatrices.Dot(output.Final, dFinal);
        }

        var report = GradientCheck.Run(Loss, () =>
        {
            var (_, cache) = layer.Forward(inputs.Values, inputs.Initial);
            inputs.Accumulate(layer.Backward(dHs.ToList<Matrix<double>?>(), cache, dFinal));
        }, layer.Parameters(), inputs.All);

        TestMatrices.AssertPassed(report);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Many_to_one_bptt_passes_the_gradient_check(string kind)
    {
        var random = new Random(23);
        var layer = new RecurrentLayer(TestMatrices.Cell(kind, Input, Hidden, seed: 24));
        var inputs = Inputs.Random(layer.Cell, Steps, random);
        var dLast = TestMatrices.Uniform(Hidden, Batch, random);

        var report = GradientCheck.Run(
            () => TestMatrices.Dot(layer.Forward(inputs.Values, inputs.Initial).Output.Last, dLast),
            () =>
            {
                var (_, cache) = layer.Forward(inputs.Values, inputs.Initial);
                inputs.Accumulate(layer.BackwardLast(dLast, cache));
            }, layer.Parameters(), inputs.All);

        TestMatrices.AssertPassed(report);
    }

    [Theory]
    [InlineData("rnn_tanh", 2, 3)]
    [InlineData("lstm", 2, 3)]
    [InlineData("gru", 3, 3)]
    [InlineData("lstm", 1, 2)]
    public void Truncated_bptt_is_the_gradient_of_each_window_with_its_entering_state_detached(string kind, int k1, int k2)
    {
        const int steps = 7;
        var random = new Random(25);
        var layer = new RecurrentLayer(TestMatrices.Cell(kind, Input, Hidden, seed: 26));
        var inputs = Inputs.Random(layer.Cell, steps, random);
        var dHs = TestMatrices.Sequence(steps, Hidden, Batch, random);
        var truncation = new TruncatedBptt(k1, k2);
        var windows = truncation.Windows(steps).ToList();
        // the state entering each window, computed once with the unperturbed weights: a constant, as detached
        var entering = windows.Select(w => w.From == 0 ? (RecurrentState?)null
            : layer.Forward(inputs.Values.Take(w.From).ToList(), inputs.Initial).Output.Final).ToList();

        double Loss()
        {
            var total = 0.0;
            for (var k = 0; k < windows.Count; k++)
            {
                var (from, firstInjected, end) = windows[k];
                var (output, _) = layer.Forward(inputs.Values.Skip(from).Take(end - from + 1).ToList(), entering[k] ?? inputs.Initial);
                for (var t = firstInjected; t <= end; t++) total += TestMatrices.Dot(output.Hs[t - from], dHs[t]);
            }
            return total;
        }

        var report = GradientCheck.Run(Loss, () =>
        {
            var (_, cache) = layer.Forward(inputs.Values, inputs.Initial);
            inputs.Accumulate(layer.BackwardTruncated(dHs.ToList<Matrix<double>?>(), cache, truncation));
        }, layer.Parameters(), inputs.All);

        TestMatrices.AssertPassed(report);
    }

    [Fact]
    public void Truncation_as_long_as_the_sequence_is_full_bptt()
    {
        var random = new Random(27);
        var layer = new RecurrentLayer(new LstmCell(Input, Hidden, seed: 28));
        var xs = TestMatrices.Sequence(Steps, Input, Batch, random);
        var dHs = TestMatrices.Sequence(Steps, Hidden, Batch, random).ToList<Matrix<double>?>();
        var (_, cache) = layer.Forward(xs);
        var full = layer.Backward(dHs, cache);
        var fullGrads = layer.Parameters().Select(p => p.Grad.Clone()).ToList();
        layer.ZeroGrad();
        var truncated = layer.BackwardTruncated(dHs, cache, new TruncatedBptt(Steps, Steps));
        Assert.All(layer.Parameters().Zip(fullGrads), pair => Assert.True((pair.First.Grad - pair.Second).FrobeniusNorm() < 1e-12));
        Assert.True((full.Dxs[0] - truncated.Dxs[0]).FrobeniusNorm() < 1e-12);
        Assert.True((full.DInitial.C! - truncated.DInitial.C!).FrobeniusNorm() < 1e-12);
    }

    [Fact]
    public void Truncation_windows_follow_williams_and_peng()
    {
        Assert.Equal([(0, 0, 1), (0, 2, 3), (2, 4, 5), (4, 6, 6)], new TruncatedBptt(2, 4).Windows(7));
        Assert.Equal([(0, 0, 2), (3, 3, 5), (6, 6, 6)], new TruncatedBptt(3, 3).Windows(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TruncatedBptt(3, 2));
    }

    [Fact]
    public void A_wrong_input_names_the_step_and_both_shapes()
    {
        var layer = new RecurrentLayer(new GruCell(Input, Hidden));
        var xs = new[] { Matrix<double>.Build.Dense(Input, Batch), Matrix<double>.Build.Dense(Input + 1, Batch) };
        var e = Assert.Throws<ShapeMismatchException>(() => layer.Forward(xs));
        Assert.Contains("step 1", e.Message);
        Assert.Contains($"({Input}, {Batch})", e.Message);
        Assert.Contains($"({Input + 1}, {Batch})", e.Message);

        var h0 = new RecurrentState(Matrix<double>.Build.Dense(Hidden, Batch + 1));
        var e2 = Assert.Throws<ShapeMismatchException>(() => layer.Forward([xs[0]], h0));
        Assert.Contains($"({Hidden}, {Batch + 1})", e2.Message);
    }

    [Fact]
    public void Caches_are_values_so_two_forwards_can_be_backpropagated_in_any_order()
    {
        var random = new Random(29);
        var layer = new RecurrentLayer(new RnnCell(Input, Hidden, seed: 30));
        var a = TestMatrices.Sequence(Steps, Input, Batch, random);
        var b = TestMatrices.Sequence(Steps, Input, Batch, random);
        var dLast = TestMatrices.Uniform(Hidden, Batch, random);
        var (_, cacheA) = layer.Forward(a);
        var (_, cacheB) = layer.Forward(b);
        var fromA = layer.BackwardLast(dLast, cacheA);
        var (_, cacheAgain) = layer.Forward(a);
        var fromAgain = layer.BackwardLast(dLast, cacheAgain);
        Assert.Equal(fromAgain.Dxs[0], fromA.Dxs[0]);
        Assert.NotEqual(layer.BackwardLast(dLast, cacheB).Dxs[0], fromA.Dxs[0]);
    }
}
