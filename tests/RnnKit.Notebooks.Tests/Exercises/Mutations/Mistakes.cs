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
        ],
        ["03-backpropagation-through-time.ipynb"] =
        [
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
        ],
        ["10-training-recurrent-networks.ipynb"] =
        [
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
        ],
        ["11-applications.ipynb"] =
        [
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
        ["04-the-binary-adder.ipynb"] = ["using RnnKit.Data.Tasks;", "const int Bits = 8, Delay = 2;"],
        ["06-gru.ipynb"] = ["using RnnKit.Data.Tasks;", "var gru = new GruCell(n_x, n_h", "var x = RandomMatrix(n_x, m);", "var loaded = (GruCell)PyTorchLayout.CreateCell("],
        ["07-deep-and-bidirectional-rnns.ipynb"] =
        [
            "using RnnKit.Data.Tasks;", "const int n_x = 3, n_h = 4, m = 2, T = 5;", "var bidirectional = new BidirectionalLayer(",
            "string TagOf(TaggedSentence s, int i)", "var sample = ToyLanguage.Generate(", "const int EmbeddingSize = 16", "var wordsWithTag =",
        ],
        ["08-text-generation.ipynb"] = ["using RnnKit.Fast;"],
        ["09-seq2seq-and-attention.ipynb"] = ["string Entries(", "var z = Vector<double>.Build.DenseOfArray([1.0, 0.0, 1.0]);"],
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
