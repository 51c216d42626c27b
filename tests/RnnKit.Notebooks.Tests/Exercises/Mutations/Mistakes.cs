using RnnKit.Exercises;
using static RnnKit.Notebooks.Tests.Exercises.Mutations.Mutation;

namespace RnnKit.Notebooks.Tests.Exercises.Mutations;

/// <summary>
/// The named mistakes of every lesson's exercises, each made in the teacher's own solution (#19): one mutation per
/// diagnostic a <see cref="Check"/> method can give (every message of <see cref="Feedback"/> the Check files use,
/// unless <see cref="NotMistakes"/> says why not), and for the exercises checked by their own test cells, at least
/// the most common mistake and each distinct message their tests give.
/// </summary>
public static class Mistakes
{
    public static readonly IReadOnlyDictionary<string, Mutation[]> ByLesson = new Dictionary<string, Mutation[]>
    {
        ["00-setup-and-tour.ipynb"] =
        [
            Named("0.1", "return z.Map(Math.Tanh);", "return z;", nameof(Feedback.NoActivation)),
            Named("0.1", "return z.Map(Math.Tanh);", "return z.Map(s => 1 / (1 + Math.Exp(-s)));", nameof(Feedback.SigmoidActivation)),
            Named("0.1", "return z.Map(Math.Tanh);", "return z.Map(Math.Tanh).Transpose();", nameof(Feedback.RnnStepShape)),
            Named("0.1", "    for (var j = 0; j < z.ColumnCount; j++)\n        z.SetColumn(j, z.Column(j) + ba.Column(0));\n", "",
                nameof(Feedback.TermAtFault), nameof(Feedback.RnnBiasHint)),
            Named("0.1", "var z = Wax * xt + Waa * a_prev;", "var z = Waa * a_prev;", nameof(Feedback.RnnInputTermHint)),
            Named("0.1", "var z = Wax * xt + Waa * a_prev;", "var z = Wax * xt;", nameof(Feedback.RnnRecurrentTermHint)),
            Named("0.1", "return z.Map(Math.Tanh);", "return z.Map(s => Math.Max(0, s));", nameof(Feedback.NoTermExplains)),
            Told("0.2", "for (var t = 0; t <= lag; t++)", "for (var t = 0; t < lag; t++)", "MemoryTrace(cell, xs, 5) is", nameof(Feedback.NumberExpected)),
            Told("0.2", "return (a - b).FrobeniusNorm();", "return (a - b).Column(0).L2Norm();", "MemoryTrace over 3 examples, lag 7 is"),
            // The hidden check at lag 0 says what the visible one says (a MemoryTrace is wrong), for a mistake no
            // plausible mutation makes right at lag 5 and wrong at lag 0.
        ],
        ["01-language-models.ipynb"] =
        [
            Told("1.1", "contextCount + k * vocabularySize", "contextCount + k", "P(second | first) is", nameof(Feedback.NumberExpected)),
            Told("1.1", "return denominator == 0 ? 1.0 / vocabularySize : (ngramCount + k) / denominator;", "return (ngramCount + k) / denominator;",
                "a context never seen, k = 0 is NaN", nameof(Feedback.NaNExpected)),
            Told("1.2", "probabilities.Average(p => Math.Log(p))", "probabilities.Sum(p => Math.Log(p))", "perplexity of a uniform model over 50 tokens is"),
            Told("1.2", "return Math.Exp(-probabilities.Average(p => Math.Log(p)));", "return probabilities.Average(p => 1 / p);",
                "perplexity of four probabilities is"),
        ],
        ["02-the-recurrent-network.ipynb"] =
        [
            Told("2.1", "return (a_next, Activations.Softmax(logits));", "return (a_next, logits);", "yhat has the right shape"),
            Told("2.1", "return (a_next, Activations.Softmax(logits));", "return (a_next.Transpose(), Activations.Softmax(logits));", "a_next has shape (5, 3), expected (3, 5).",
                nameof(Feedback.ShapeExpected)),
            Told("2.1", "    for (var j = 0; j < z.ColumnCount; j++) z.SetColumn(j, z.Column(j) + ba.Column(0));\n", "", "a_next has the right shape"),
            Named("2.2", "for (var t = 0; t < x.Count; t++)", "for (var t = x.Count - 1; t >= 0; t--)", nameof(Feedback.WrongOrder)),
            Named("2.2", "var a_prev = a0;", "var a_prev = a0 * 0;", nameof(Feedback.ZeroStart)),
            Named("2.2", "        a_prev = a_next;\n", "", nameof(Feedback.StateNotCarried)),
            Named("2.2", "new RnnCellCache(a_next, a_prev,", "new RnnCellCache(a_next, a_next,", nameof(Feedback.CacheHoldsANext)),
            Named("2.2", "var logits = Wya * a_next;", "var logits = Wya * a_prev;", nameof(Feedback.PredictionFromPrevious)),
            Named("2.2", "y_pred.Add(Activations.Softmax(logits));", "y_pred.Add(logits);", nameof(Feedback.NoSoftmax)),
            Named("2.2", "        for (var j = 0; j < z.ColumnCount; j++) z.SetColumn(j, z.Column(j) + ba.Column(0));\n", "", nameof(Feedback.NoBa)),
            Named("2.2", "        for (var j = 0; j < logits.ColumnCount; j++) logits.SetColumn(j, logits.Column(j) + by.Column(0));\n", "", nameof(Feedback.NoBy)),
            Named("2.2", "var a = new List<Matrix<double>>();", "var a = new List<Matrix<double>> { a0 };", nameof(Feedback.ForwardCountWithA0)),
            Named("2.2", "for (var t = 0; t < x.Count; t++)", "for (var t = 0; t < x.Count - 1; t++)", nameof(Feedback.ForwardCount)),
            Named("2.2", "return new RnnForwardPass(a, y_pred, caches);", "return null;", nameof(Feedback.ForwardReturnedNull)),
            Named("2.2", "return new RnnForwardPass(a, y_pred, caches);", "return new RnnForwardPass(a, null, caches);", nameof(Feedback.ForwardReturnedNo)),
            Named("2.2", "caches.Add(new RnnCellCache(a_next, a_prev, x[t], Wax, Waa, ba));", "caches.Add(null);", nameof(Feedback.ForwardNullCache)),
            Named("2.2", "a.Add(a_next);", "a.Add(a_next.Transpose());", nameof(Feedback.Transposed)),
            Told("2.3", "return total;", "return total / yHats.Count;", "total loss of the tagger is"),
            Told("2.3", "total -= Math.Log(", "total += Math.Log(", "total loss of the tagger is"),
        ],
        ["03-backpropagation-through-time.ipynb"] =
        [
            Told("3.1", "jacobian.SetRow(i, w.Row(i) * (1 - h[i] * h[i]));", "jacobian.SetRow(i, w.Row(i));", "BackwardStep against finite differences has the right shape"),
            Told("3.1", "return jacobian;", "return jacobian.Transpose();", "BackwardStep against finite differences has the right shape"),
            Told("3.2", "return w.Evd().EigenValues.Max(e => e.Magnitude);", "return w.L2Norm();", "SpectralRadius(WithRadius(1.2)) is"),
            Told("3.3", "var scale = norm > maxNorm ? maxNorm / norm : 1.0;", "var scale = maxNorm / norm;", "ClipByNorm leaves a gradient of norm 0.5 alone (maxNorm 1)"),
            Told("3.3", "return grads.Select(g => g * scale).ToList();", "return grads.Select(g => g.FrobeniusNorm() > maxNorm ? g * (maxNorm / g.FrobeniusNorm()) : g).ToList();",
                "first tensor of a gradient of norm 5 clipped to 1"),
            Told("3.3", "return grads.Select(g => g * scale).ToList();", "foreach (var g in grads) g.MapInplace(v => v * scale);\n    return grads.ToList();",
                "the input was not modified"),
            Named("3.4", "daNext.PointwiseMultiply(cache.ANext.Map(a => 1 - a * a))", "daNext.Clone()", nameof(Feedback.NoTanhDerivative)),
            Named("3.4", "cache.ANext.Map(a => 1 - a * a)", "cache.APrev.Map(a => 1 - a * a)", nameof(Feedback.DerivativeAtPreviousState)),
            Named("3.4", "cache.ANext.Map(a => 1 - a * a)", "cache.ANext.Map(a => 1 - a)", nameof(Feedback.DerivativeNotSquared)),
            Named("3.4", "dz * cache.APrev.Transpose(), dba", "dz * cache.ANext.Transpose(), dba", nameof(Feedback.DWaaWithANext)),
            Named("3.4", "var dba = dz.RowSums().ToColumnMatrix();", "var dba = dz;", nameof(Feedback.BiasNotSummed)),
            Named("3.4", "var dba = dz.RowSums().ToColumnMatrix();", "var dba = dz.RowSums().ToColumnMatrix() / dz.ColumnCount;", nameof(Feedback.BiasAveraged)),
            Named("3.4", "var dba = dz.RowSums().ToColumnMatrix();", "var dba = dz.ColumnSums().ToRowMatrix();", nameof(Feedback.SummedOverUnits)),
            Named("3.4", "dz * cache.Xt.Transpose()", "cache.Xt * dz.Transpose()", nameof(Feedback.Transposed)),
            Named("3.4", "cache.Wax.Transpose() * dz, cache.Waa.Transpose() * dz", "cache.Waa.Transpose() * dz, cache.Waa.Transpose() * dz", nameof(Feedback.ItHasShape)),
            Named("3.4", "cache.Wax.Transpose() * dz, ", "cache.Wax * dz, ", nameof(Feedback.MismatchedProduct)),
            Named("3.5", "RnnCellBackward(da[t] + daPrev, caches[t])", "RnnCellBackward(da[t], caches[t])", nameof(Feedback.NotCarried)),
            Named("3.5", "for (var t = caches.Count - 1; t >= 0; t--)", "for (var t = 0; t < caches.Count; t++)", nameof(Feedback.ForwardInTime)),
            Named("3.5", "dWax += step.DWax;", "dWax = step.DWax;", nameof(Feedback.Overwritten)),
            Named("3.5", "return new RnnGradients(dx, daPrev, dWax, dWaa, dba);", "return null;", nameof(Feedback.ReturnedNull)),
            Named("3.5", "var dx = new Matrix<double>[caches.Count];", "var dx = new Matrix<double>[first.Xt.ColumnCount];", nameof(Feedback.WrongStepCount)),
        ],
        ["04-the-binary-adder.ipynb"] =
        [
            Told("4.1", "return (total % 2, total / 2);", "return (total / 2, total % 2);", "AdderStep(0, 1, 1) is", nameof(Feedback.ValueExpected)),
            Told("4.1", "return (total % 2, total / 2);", "return (total % 2, a & b);", "AdderStep(1, 0, 1) is"),
            Told("4.2", "        carry = c;\n", "", "AddWithAutomaton(5, 3, 8) is"),
            Told("4.2", "return sum | ((long)carry << bits);", "return sum;", ", 8) is"),
            Told("4.2", "sum |= (long)s << i;", "sum |= s << i;", ", 32) is"),
        ],
        ["05-lstm.ipynb"] =
        [
            Told("5.2", "for (var j = t + 1; j < keep.Length; j++)", "for (var j = t; j < keep.Length; j++)", "MemoryGradient for the 1.7 example, t = 0 is 0, expected 1"),
            Told("5.2", "var gradient = read[^1] * write[t];", "var gradient = write[t];", "MemoryGradient (random gates, t = "),
            Named("5.3", "var concat = aPrev.Stack(xt);", "var concat = xt.Stack(aPrev);", nameof(Feedback.ConcatenationSwapped)),
            Named("5.3", "var cct = Activations.Tanh(", "var cct = Activations.Sigmoid(", nameof(Feedback.SigmoidCandidate)),
            Named("5.3", "ft.PointwiseMultiply(cPrev) + it.PointwiseMultiply(cct)", "it.PointwiseMultiply(cPrev) + ft.PointwiseMultiply(cct)", nameof(Feedback.GatesSwapped)),
            Named("5.3", "ot.PointwiseMultiply(Activations.Tanh(cNext))", "ot.PointwiseMultiply(cNext)", nameof(Feedback.NoTanhOfCell)),
            Named("5.3", "Activations.Sigmoid(", "Activations.Tanh(", nameof(Feedback.TanhGates)),
            Named("5.4", "dc.PointwiseMultiply(c.CPrev).PointwiseMultiply", "dc.PointwiseMultiply", nameof(Feedback.ForgetWithoutPreviousCell)),
            Named("5.4", "var dc = dcNext + daNext.PointwiseMultiply(c.Ot).PointwiseMultiply(1 - tanhC.PointwisePower(2));", "var dc = dcNext;",
                nameof(Feedback.NoPathThroughOutput)),
            Named("5.4", "dc.PointwiseMultiply(c.Ft),", "dc,", nameof(Feedback.PreviousCellWithoutForget)),
            Named("5.4", "daNext.PointwiseMultiply(c.Ot).PointwiseMultiply(1 - tanhC.PointwisePower(2))", "daNext.PointwiseMultiply(c.Ot)",
                nameof(Feedback.NoTanhDerivativeOfCell)),
            Named("5.4", "c.Ot.PointwiseMultiply(1 - c.Ot)", "c.Ot", nameof(Feedback.GateDerivativeWithoutComplement))
                with { Also = [("c.It.PointwiseMultiply(1 - c.It)", "c.It"), ("c.Ft.PointwiseMultiply(1 - c.Ft)", "c.Ft")] },
        ],
        ["06-gru.ipynb"] =
        [
            Told("6.1", "r.PointwiseMultiply(Columns.AddBias(Whn * h_prev, bhn))", "Columns.AddBias(Whn * r.PointwiseMultiply(h_prev), bhn)",
                "h_next is Cho et al.'s original GRU"),
            Told("6.1", "return (1 - z).PointwiseMultiply(n) + z.PointwiseMultiply(h_prev);", "return z.PointwiseMultiply(n) + (1 - z).PointwiseMultiply(h_prev);",
                "h_next when z = 1 (it must equal h_prev; is z the weight of the OLD state?)"),
            Told("6.1", "Columns.AddBias(Wxn * x, bxn) + r.PointwiseMultiply(Columns.AddBias(Whn * h_prev, bhn))",
                "Columns.AddBias(Columns.AddBias(Wxn * x, bxn) + r.PointwiseMultiply(Whn * h_prev), bhn)",
                "bhn goes inside the reset gate's product", nameof(Feedback.TermAtFault)),
            Told("6.1", "Columns.AddBias(Wxn * x, bxn) + r.PointwiseMultiply(Columns.AddBias(Whn * h_prev, bhn))",
                "Wxn * x + r.PointwiseMultiply(Columns.AddBias(Columns.AddBias(Whn * h_prev, bhn), bxn))", "bxn is added outside the reset gate"),
            Told("6.1", "Columns.AddBias(Whn * h_prev, bhn)", "Columns.AddBias(Whn * r.PointwiseMultiply(h_prev), bhn)",
                "the reset gate multiplies Whn·h_prev + bhn after the product"),
            Told("6.1", "Activations.Sigmoid(Columns.AddBias(Wxr * x + Whr * h_prev, br))", "Activations.Sigmoid(Wxr * x + Whr * h_prev)",
                "look at how you add the reset gate's bias br"),
            Told("6.1", "Columns.AddBias(Wxz * x + Whz * h_prev, bz)", "Columns.AddBias(Columns.AddBias(Wxz * x + Whz * h_prev, bz), bz)",
                "look at how you add the update gate's bias bz"),
            Named("6.2", "dhNext.PointwiseMultiply(c.HPrev - c.N)", "dhNext.PointwiseMultiply(c.N - c.HPrev)", nameof(Feedback.UpdateSignFlipped)),
            Named("6.2", "var dhPrev = dhNext.PointwiseMultiply(c.Z) + ", "var dhPrev = ", nameof(Feedback.NoDirectPath)),
            Named("6.2", "dhNext.PointwiseMultiply(1 - c.Z)", "dhNext.PointwiseMultiply(c.Z)", nameof(Feedback.CandidateWithZ)),
            Named("6.2", "dnPre.PointwiseMultiply(c.HiddenPart)", "dnPre.PointwiseMultiply(p.Whn * c.HPrev)", nameof(Feedback.ResetWithoutHiddenBias)),
            Named("6.2", "dHidden * c.HPrev.Transpose(), Sum(dnPre)", "dnPre * c.HPrev.Transpose(), Sum(dnPre)", nameof(Feedback.WhnWithoutReset)),
            Named("6.2", "var dnPre = dn.PointwiseMultiply(1 - c.N.PointwisePower(2));", "var dnPre = dn;", nameof(Feedback.CandidateTanhDerivative)),
            Told("6.3", "MapInplace(_ => 40.0)", "MapInplace(_ => -40.0)", "h⟨50⟩ (it must equal h⟨0⟩)"),
        ],
        ["07-deep-and-bidirectional-rnns.ipynb"] =
        [
            Told("7.1", "dBackward[steps - 1 - t] = dYs[t]", "dBackward[t] = dYs[t]", "∂L/∂x⟨1⟩", nameof(Feedback.EntriesWrong)),
            Told("7.1", "fromBackward[steps - 1 - t]", "fromBackward[t]", "∂L/∂x⟨1⟩"),
            Told("7.1", "Enumerable.Range(0, steps).Select", "Enumerable.Range(0, steps - 1).Select", "number of input gradients is 4, expected 5"),
            Told("7.1", "fromForward[t] + fromBackward[steps - 1 - t]", "(fromForward[t] + fromBackward[steps - 1 - t]).Transpose()", "∂L/∂x⟨1⟩",
                nameof(Feedback.ShapeExpected)),
            Told("7.2", "weights += directions * (3 * (hidden * rows + hidden * hidden + hidden) + hidden);",
                "weights += directions * 3 * (hidden * rows + hidden * hidden + hidden);", "one uni-directional layer (3 → 4) is"),
            Told("7.2", "rows = directions * hidden;", "rows = hidden;", "the bidirectional layer above is"),
            Told("7.3", "return wordsWithTag[\"NOUN\"].Contains(next) ? \"ADJ\" : \"NOUN\";", "return \"NOUN\";", "'light' in 'the light boat sleeps .' is"),
            Told("7.3", "? \"B-PER\" : \"B-LOC\"", "? \"B-LOC\" : \"B-PER\"", "'paris' in 'paris sleeps .' is"),
            // The count of right-context words tagged right fails only for a rule that gets both examples right and
            // other words wrong, which no plausible edit of this four-line rule does.
        ],
        ["08-text-generation.ipynb"] =
        [
            Told("8.1", "zi / temperature", "zi", "at T = 0.5 (same seed as TemperatureSampling.Sample) is"),
            Told("8.1", "Math.Exp(s - max)", "Math.Exp(s)", "a draw from huge logits (no overflow) is"),
            Told("8.2", ".Take(k)", ".Take(k + 1)", "which is not among the 5 largest logits"),
            Told("8.3", ".OrderByDescending(k => Math.Abs(", ".OrderBy(k => Math.Abs(", "the unit that follows the position (6 units, 200 tokens) is"),
            Told("8.3", "Math.Abs(MathNet.Numerics.Statistics.Correlation.Pearson(reading.HiddenUnit(k), position))",
                "MathNet.Numerics.Statistics.Correlation.Pearson(reading.HiddenUnit(k), position)", "a unit that follows minus the position (a negative r counts too) is"),
            Told("8.3", "ids[t] == newlineId", "ids[t] == 0", "the line break given as newlineId = 21 is"),
        ],
        ["09-seq2seq-and-attention.ipynb"] =
        [
            Told("9.1", "var alpha = exp / exp.Sum();", "var alpha = exp;", "α for the lesson's z and h"),
            Told("9.1", "context += alpha[i] * keys[i];", "context += keys[i];", "c for the lesson's z and h"),
            Told("9.1", "Math.Exp(e - scores.Maximum())", "Math.Exp(e)", "α with large scores"),
            Named("9.2", "alpha.PointwiseMultiply(dAlpha - alpha.DotProduct(dAlpha))", "dAlpha", nameof(Feedback.ScoresAreDAlpha)),
            Named("9.2", "alpha.PointwiseMultiply(dAlpha - alpha.DotProduct(dAlpha))", "alpha.PointwiseMultiply(dAlpha)", nameof(Feedback.ScoresMissCrossTerm)),
            Named("9.2", "alpha.PointwiseMultiply(dAlpha - alpha.DotProduct(dAlpha))", "dAlpha - alpha.DotProduct(dAlpha)", nameof(Feedback.ScoresMissAlpha)),
            Named("9.2", "dAlpha - alpha.DotProduct(dAlpha)", "dAlpha + alpha.DotProduct(dAlpha)", nameof(Feedback.ScoresCrossTermSign)),
            Named("9.2", "dAlpha - alpha.DotProduct(dAlpha)", "alpha.DotProduct(dAlpha) - dAlpha", nameof(Feedback.ScoresSign)),
            Named("9.2", "dAlpha - alpha.DotProduct(dAlpha)", "dAlpha - dAlpha.Sum() / dAlpha.Count", nameof(Feedback.ScoresInTwoSteps)),
            Named("9.2", "var dAlpha = H.TransposeThisAndMultiply(dContext);", "var dAlpha = H * dContext;", nameof(Feedback.AttentionStopped)),
            Named("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = alpha.OuterProduct(dContext);", nameof(Feedback.KeysTransposed)),
            Named("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = dContext.OuterProduct(dScores);", nameof(Feedback.KeysWithScores)),
            Named("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = dContext.OuterProduct(dAlpha);", nameof(Feedback.KeysWithDAlpha)),
            Named("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = Matrix<double>.Build.DenseOfColumnVectors(Enumerable.Repeat(dContext, alpha.Count));",
                nameof(Feedback.KeysUnweighted)),
            Named("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = dContext.OuterProduct(alpha.PointwiseMultiply(alpha));", nameof(Feedback.KeysLinear)),
            Named("9.2", "return (dScores, dH);", "return (dScores, null);", nameof(Feedback.IsNull)),
            Told("9.3", ".Take(width)", "", "first step, prefixes is \"a,b,c\", expected \"a,b\"", nameof(Feedback.ValueExpected)),
            Told("9.3", "return beam\n        .SelectMany(", "return beam.Take(1)\n        .SelectMany(", "second step, prefixes is"),
            Told("9.3", "LogP: h.LogP + t.LogP", "LogP: t.LogP", "log p of \"ba\" is"),
        ],
        ["10-training-recurrent-networks.ipynb"] =
        [
            Told("10.1", "gradient(w + mu * v)", "gradient(w)", "v' is the heavy-ball update"),
            Told("10.1", "gradient(w + mu * v)", "gradient(w + v)", "the gradient is taken at w + v; the look-ahead point is w + μv"),
            Told("10.1", "var vNext = mu * v - alpha", "var vNext = v - alpha", "v' (the new velocity) has the right shape", nameof(Feedback.EntriesWrong)),
            Told("10.1", "return (w + vNext, vNext);", "return (w + v, vNext);", "w' moved by the old velocity v"),
            Named("10.2", "var mHat = mNext / (1 - Math.Pow(beta1, t));", "var mHat = mNext;", nameof(Feedback.AdamNoCorrection)),
            Named("10.2", "Math.Pow(beta1, t)", "Math.Pow(beta1, t + 1)", nameof(Feedback.AdamPowerPlusOne)) with { Also = [("Math.Pow(beta2, t)", "Math.Pow(beta2, t + 1)")] },
            Named("10.2", "(1 - Math.Pow(beta1, t))", "(1 - beta1)", nameof(Feedback.AdamWithoutPower)) with { Also = [("(1 - Math.Pow(beta2, t))", "(1 - beta2)")] },
            Named("10.2", "(1 - beta2) * g.PointwisePower(2)", "(1 - beta2) * g", nameof(Feedback.AdamVOfG)),
            Named("10.2", "beta1 * m + (1 - beta1) * g", "beta1 * m + g", nameof(Feedback.AdamMWithoutOneMinus)),
            Named("10.2", "(1 - beta2) * g.PointwisePower(2)", "g.PointwisePower(2)", nameof(Feedback.AdamVWithoutOneMinus)),
            Named("10.2", "vHat.PointwiseSqrt() + epsilon", "(vHat + epsilon).PointwiseSqrt()", nameof(Feedback.AdamEpsilonInside)),
            Named("10.2", "vHat.PointwiseSqrt() + epsilon", "vHat + epsilon", nameof(Feedback.AdamNoRoot)),
            Named("10.2", "alpha * mHat.PointwiseDivide(vHat.PointwiseSqrt() + epsilon)", "alpha * mNext.PointwiseDivide(vNext.PointwiseSqrt() + epsilon)",
                nameof(Feedback.AdamUpdateFromUncorrected)),
            Named("10.2", "new AdamStepResult(wNext, mNext, vNext, mHat, vHat)", "new AdamStepResult(wNext, mHat, vHat, mHat, vHat)", nameof(Feedback.AdamCorrectedKept)),
            Named("10.2", "var wNext = w - alpha", "var wNext = w + alpha", nameof(Feedback.AdamUphill)),
            Named("10.2", "return new AdamStepResult(wNext, mNext, vNext, mHat, vHat);", "return null;", nameof(Feedback.AdamReturnedNull)),
            Told("10.4", "return new CgState(x, r, r + beta * s.P, s.Iteration + 1);", "return null;", "CgIteration returned null"),
            Told("10.4", "var alpha = rr / s.P.DotProduct(ap);", "var alpha = rr / s.P.DotProduct(s.P);", "x (look at the step length α = rᵀr / pᵀAp)"),
            Told("10.4", "var r = s.R - alpha * ap;", "var r = s.R + alpha * ap;", "r (the residual moves by −α·Ap)"),
            Told("10.4", "var beta = r.DotProduct(r) / rr;", "var beta = rr / r.DotProduct(r);", "p (β = r'ᵀr' / rᵀr with the new residual r'"),
            Told("10.4", "s.Iteration + 1", "s.Iteration", "Iteration is"),
        ],
        ["11-applications.ipynb"] =
        [
            Told("11.1", "for (var t = 0; t < lengths[b]; t++)", "for (var t = 0; t < steps; t++)", "the padding (set to 100 here) got into the mean"),
            Told("11.1", "pooled[b * size + k] /= lengths[b];", "pooled[b * size + k] /= steps;", "you divided by T, the padded length"),
            Told("11.1", "states[(t * batch + b) * size + k]", "states[(b * steps + t) * size + k]", "check the index: the state of sequence b at step t"),
            Told("11.1", "var pooled = new float[batch * size];", "var pooled = new float[steps * size];", "expected 4 values (B × size = 2 × 2), got 6"),
            Told("11.2", "return (clipped, Math.Max(0, candidate.Length - n + 1));", "return (clipped, candidate.Length);", "n-grams (never fewer than 0)"),
            Told("11.2", "Math.Min(g.Value, referenceCounts.Max(r => r.GetValueOrDefault(g.Key)))",
                "(referenceCounts.Max(r => r.GetValueOrDefault(g.Key)) > 0 ? g.Value : 0)", "you count every candidate n-gram found in a reference"),
            Told("11.2", "referenceCounts.Max(", "referenceCounts.Sum(", "too many: clip by the maximum over the references, not by their sum"),
            Told("11.2", "referenceCounts.Max(", "referenceCounts.Min(", "too few: an n-gram may match up to its count"),
            Told("11.3", "((lengths[b] - 1) * batch + b)", "((lengths.Max() - 1) * batch + b)", "you read every sequence at step T − 1, the padded end"),
            Told("11.3", "return total / batch;", "return total;", "that is the sum over the batch: divide by B for the mean"),
            Told("11.3", "total += max + Math.Log(z.Sum(v => Math.Exp(v - max))) - z[labels[b]];", "total -= max + Math.Log(z.Sum(v => Math.Exp(v - max))) - z[labels[b]];",
                "the sign: the loss is −log of the true class's probability"),
            Told("11.3", "total += max + Math.Log(", "total += Math.Log(", "L = log Σ exp(z) − z_y for each sequence's own last scores"),
            Named("11.4", "int Last(int b) => lengths[b] - 1;", "int Last(int b) => steps - 1;", nameof(Feedback.ReaderAtPaddedEnd)),
            Named("11.4", "if (t == Last(b))", "if (t <= Last(b))", nameof(Feedback.ReaderEveryStep)),
            Named("11.4", "dz[labels[b], b] -= 1;", "{ }", nameof(Feedback.ReaderNoOneHot)),
            Named("11.4", "dz /= m;", "", nameof(Feedback.ReaderSummed)),
            Named("11.4", "var da = daPrev.Clone();", "var da = daPrev * 0;", nameof(Feedback.ReaderNotCarried)),
            Named("11.4", "dWax += dzCell * c.Xt.Transpose();", "dWax = dzCell * c.Xt.Transpose();", nameof(Feedback.Overwritten))
                with { Also = [("dWaa += dzCell * c.APrev.Transpose();", "dWaa = dzCell * c.APrev.Transpose();"), ("dba += dzCell", "dba = dzCell")] },
            Named("11.4", "var dzCell = da.PointwiseMultiply(c.ANext.Map(a => 1 - a * a));", "var dzCell = da.PointwiseMultiply(c.APrev.Map(a => 1 - a * a));",
                nameof(Feedback.InTheCellStep), nameof(Feedback.DerivativeAtPreviousState)),
            Named("11.4", "var dx = new Matrix<double>[steps];", "var dx = new Matrix<double>[m];", nameof(Feedback.ReaderDxCount)),
        ],
        ["12-handwriting.ipynb"] =
        [
            Told("12.1", "Math.Ceiling(length / spacing - 1e-9)", "Math.Floor(length / spacing)", "gaps and one more point than gaps"),
            Told("12.1", "    points[n] = stroke[^1];\n", "", "the first and last points must be the stroke's own ends"),
            Told("12.1", "var target = k * length / n;", "var target = k * spacing;", "measure positions along the line"),
            Told("12.1", "if (length == 0) return [stroke[0]];", "if (length == 0) return null;", "a dot: ResampleStroke returned null."),
            Told("12.2", "Math.Sqrt(oneMinus)", "oneMinus", "look at the normalising constant"),
            Told("12.2", "- 2 * rho * u * v", "+ 2 * rho * u * v", "With ρ = 0 you are right, so look at the terms with ρ"),
            Told("12.2", "(x1 - mu1) / sigma1", "(x1 - mu1) / sigma2", "Even with ρ = 0 it differs: check u = (x₁−μ₁)/σ₁"),
            Told("12.3", "return u < 1 / (1 + Math.Exp(-logit));", "return u < 1 / (1 + Math.Exp(logit));", "check the sign of the logit (Graves' convention is the opposite of ours)"),
            Told("12.3", "return u < 1 / (1 + Math.Exp(-logit));", "return u >= 1 / (1 + Math.Exp(-logit));", "the pen should lift when u < e, not when u ≥ e"),
            Told("12.3", "return u < 1 / (1 + Math.Exp(-logit));", "return u < logit;", "Lift exactly when u < e."),
            Named("12.4", "g[c] = pi[c] - gamma;", "g[c] = gamma - pi[c];", nameof(Feedback.MixturePiSign)),
            Named("12.4", "g[c] = pi[c] - gamma;", "g[c] = -gamma / pi[c];", nameof(Feedback.MixturePiWithRespectToPi)),
            Named("12.4", "gamma = Math.Exp(logW[c] - logSum);", "gamma = Math.Exp(logW[c]);", nameof(Feedback.MixtureGammaNotNormalised)),
            Named("12.4", "g[k + c] = -gamma * C * (u - rho * v) / sx;", "g[k + c] = -gamma * C * u / sx;", nameof(Feedback.MixtureMuWithoutCorrelation)),
            Named("12.4", "-gamma * C * (u - rho * v) / sx;", "-gamma * (u - rho * v) / sx;", nameof(Feedback.MixtureMuWithoutC))
                with { Also = [("-gamma * C * (v - rho * u) / sy;", "-gamma * (v - rho * u) / sy;")] },
            Named("12.4", "g[3 * k + c] = gamma * (1 - C * u * (u - rho * v));", "g[3 * k + c] = gamma * (1 - C * u * (u - rho * v)) / sx;",
                nameof(Feedback.MixtureSigmaWithRespectToSigma)),
            Named("12.4", "g[3 * k + c] = gamma * (1 - C * u * (u - rho * v));", "g[3 * k + c] = -gamma * C * u * (u - rho * v);", nameof(Feedback.MixtureSigmaWithoutOne)),
            Named("12.4", "g[5 * k + c] = -gamma * (u * v + rho * (1 - C * z));", "g[5 * k + c] = -gamma * (u * v + rho * (1 - C * z)) / (1 - rho * rho);",
                nameof(Feedback.MixtureRhoWithRespectToRho)),
            Named("12.4", "g[2 * k + c] = -gamma * C * (v - rho * u) / sy;", "g[2 * k + c] = -gamma * C * (u - rho * v) / sy;", nameof(Feedback.MixtureYNotSwapped))
                with { Also = [("g[4 * k + c] = gamma * (1 - C * v * (v - rho * u));", "g[4 * k + c] = gamma * (1 - C * u * (u - rho * v));")] },
            Named("12.4", "g[6 * k] = e - p;", "g[6 * k] = p - e;", nameof(Feedback.MixturePenSign)),
            Named("12.4", "-logSum - pen", "-logSum", nameof(Feedback.MixtureNoPenTerm)),
            Named("12.4", "var logSum = max + Math.Log(logW.Sum(l => Math.Exp(l - max)));", "var logSum = Math.Log(logW.Sum(Math.Exp));", nameof(Feedback.MixtureNotFinite)),
            Named("12.4", "return new MixtureDensityStep(-logSum - pen, g);", "return null;", nameof(Feedback.MixtureReturnedNull)),
            Named("12.4", "var g = Vector<double>.Build.Dense(6 * k + 1);", "var g = Vector<double>.Build.Dense(6 * k);", nameof(Feedback.MixtureGradientCount))
                with { Also = [("    g[6 * k] = e - p;\n", "")] },
        ],
    };

    /// <summary>Cells a lesson's exercise tests read besides the setup (found by a line they hold), in the lesson's order: cheap ones only.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Context = new Dictionary<string, string[]>
    {
        ["00-setup-and-tour.ipynb"] = ["var cell = new RnnCell(", "Matrix<double> x1 =", "var layer = new RecurrentLayer(cell);", "const int memoryLag = 5;"],
        ["01-language-models.ipynb"] = ["using RnnKit.Text;", "var split = PoemSplit.Of("],
        ["02-the-recurrent-network.ipynb"] =
            ["using RnnKit.Data;", "const int n_x = 4, n_a = 3, n_y = 2, m = 5;", "const int T = 6;", "var (tagLogits, _) = tagger.ForwardSequence(", "var tags = Enumerable.Range(0, T)"],
        ["03-backpropagation-through-time.ipynb"] = ["using MathNet.Numerics.Distributions;", "const int Hidden = 4, Distance = 30;"],
        ["04-the-binary-adder.ipynb"] = ["using RnnKit.Data.Tasks;", "const int Bits = 8, Delay = 2;"],
        ["05-lstm.ipynb"] = ["using RnnKit.Data.Tasks;", "(double[] C, double[] Y) MemoryCell(", "double NumericSlope("],
        ["06-gru.ipynb"] = ["using RnnKit.Data.Tasks;", "var gru = new GruCell(n_x, n_h", "var x = RandomMatrix(n_x, m);", "var loaded = (GruCell)PyTorchLayout.CreateCell("],
        ["07-deep-and-bidirectional-rnns.ipynb"] =
        [
            "using RnnKit.Data.Tasks;", "const int n_x = 3, n_h = 4, m = 2, T = 5;", "var bidirectional = new BidirectionalLayer(",
            "string TagOf(TaggedSentence s, int i)", "var sample = ToyLanguage.Generate(", "const int EmbeddingSize = 16", "var wordsWithTag =",
        ],
        ["08-text-generation.ipynb"] = ["using RnnKit.Fast;"],
        ["09-seq2seq-and-attention.ipynb"] = ["string Entries(", "var z = Vector<double>.Build.DenseOfArray([1.0, 0.0, 1.0]);"],
        ["10-training-recurrent-networks.ipynb"] = ["using System.Diagnostics;", "const int ValleySteps = 60;", "var start = Vec(-3, 0.6);"],
        ["11-applications.ipynb"] = ["using RnnKit.Captioning;"],
        ["12-handwriting.ipynb"] = ["using RnnKit.Handwriting;", "const int Classes = 200;", "var shownCharacters = HanziCollection.Load("],
    };

    /// <summary>Graded exercises no mutation reaches, and why: their tests read what only a lesson's training gives.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unmutated = new Dictionary<string, string>
    {
        ["5.1"] = "its tests read the trained LSTM's forget gates (lstmTrained, shownCaches): only the lesson's training gives them",
        ["10.3"] = "its hidden test reads the lesson's fitted echo-state network, a cell too slow to run once per wrong submission",
    };

    /// <summary>
    /// Messages the Check files use that no mutation names, and why: the words around a diagnosis (what was
    /// checked, separators, the frame a named mistake sits in), and diagnoses no plausible edit of a lesson's
    /// solution reaches (the unit tests in tests/RnnKit.Tests feed those).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotMistakes = new Dictionary<string, string>
    {
        [nameof(Feedback.Comma)] = "a separator",
        [nameof(Feedback.Or)] = "a separator",
        [nameof(Feedback.SentenceGap)] = "a separator",
        [nameof(Feedback.ListSeparator)] = "a separator",
        [nameof(Feedback.Entry)] = "one wrong entry inside EntriesWrong",
        [nameof(Feedback.Gradients)] = "the frame of the wrong values and the right ones; the mistake is named inside it",
        [nameof(Feedback.GradientWrong)] = "the frame 'dWaa is wrong: …' of a named mistake",
        [nameof(Feedback.GradientShapeHint)] = "the frame 'dba: …' of a shape hint",
        [nameof(Feedback.ShapesOnly)] = "a shape hint with no more to say than ItHasShape's words, which the 3.4 mutation giving dxt da_prev's shape names",
        [nameof(Feedback.ValueWrong)] = "the place 'a⟨2⟩ is wrong' in SequenceMistake's frame",
        [nameof(Feedback.SequenceMistake)] = "the frame of a mistake that fits the whole forward pass; the mistake is named inside it",
        [nameof(Feedback.TermsMistake)] = "the frame of a mistake that fits every term; the mistake is named inside it",
        [nameof(Feedback.MoreNames)] = "'… and 3 more' in TermsMistake's frame",
        [nameof(Feedback.AttentionShapes)] = "the sizes of the attention check, said with a diagnosis",
        [nameof(Feedback.AdamStepAt)] = "which step of Adam was checked",
        [nameof(Feedback.ReaderWhat)] = "which batch the N:1 reader was checked on",
        [nameof(Feedback.MixtureWhat)] = "which pen step the mixture was checked on",
        [nameof(Feedback.MixturePenDown)] = "which pen step the mixture was checked on",
        [nameof(Feedback.MixturePenLifted)] = "which pen step the mixture was checked on",
        [nameof(Feedback.MixtureFar)] = "which pen step the mixture was checked on",
        [nameof(Feedback.MixtureLoss)] = "the name of the loss among the gradients",
        [nameof(Feedback.NotFinite)] = "Check.Finite's message, and no lesson calls Check.Finite",
        [nameof(Feedback.TermsCombine)] =
            "Check.Isolating's message for a mistake that vanishes when any one of several terms is zero — a product of two " +
            "terms, which neither RnnStep's sum (0.1) nor the GRU step's (6.1, isolated by its own test cell) is written with",
        [nameof(Feedback.ScoresCount)] =
            "dScores of another length than T_x: the only vectors at hand in AttentionContextBackward are dc (n_h) and α's (T_x), " +
            "and returning dc for dScores is not a plausible slip",
    };
}
