using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.Notebooks.Tests.Lessons;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>
/// Wrong submissions made at test time from the teacher's own solutions (#19), so they follow the lessons as they
/// change: each named mistake is put into one answer, the submission is graded with `rnnkit grade`, and it must lose
/// exactly that exercise's points with feedback naming the mistake. The lesson is cut down to its setup and the
/// backward-pass exercises, whose tests need nothing else, so grading takes seconds, not a lesson's training.
/// </summary>
public class MutatedSolutionTests
{
    /// <summary>A mistake: text of the teacher's solution replaced by a wrong version, and what the feedback must say.</summary>
    public sealed record Mutation(string Exercise, string Find, string Replace, string Feedback);

    private static readonly Dictionary<string, Mutation[]> ByLesson = new()
    {
        ["02-the-recurrent-network.ipynb"] =
        [
            new("2.2", "for (var t = 0; t < x.Count; t++)", "for (var t = x.Count - 1; t >= 0; t--)", "the steps run in the wrong order"),
            new("2.2", "var a_prev = a0;", "var a_prev = a0 * 0;", "the first step starts from zeros"),
            new("2.2", "        a_prev = a_next;\n", "", "the state must be carried"),
            new("2.2", "new RnnCellCache(a_next, a_prev,", "new RnnCellCache(a_next, a_next,", "the cache holds a⟨t⟩ where a⟨t−1⟩ belongs"),
            new("2.2", "y_pred.Add(Activations.Softmax(logits));", "y_pred.Add(logits);", "the prediction has no softmax"),
        ],
        ["03-backpropagation-through-time.ipynb"] =
        [
            new("3.4", "daNext.PointwiseMultiply(cache.ANext.Map(a => 1 - a * a))", "daNext.Clone()", "the tanh derivative is missing"),
            new("3.4", "dz * cache.APrev.Transpose(), dba", "dz * cache.ANext.Transpose(), dba", "dWaa uses a⟨t⟩"),
            new("3.4", "var dba = dz.RowSums().ToColumnMatrix();", "var dba = dz;", "a bias gradient sums over the"),
            new("3.5", "RnnCellBackward(da[t] + daPrev, caches[t])", "RnnCellBackward(da[t], caches[t])", "the gradient from the next step is not added"),
            new("3.5", "dWax += step.DWax;", "dWax = step.DWax;", "keep only one step's share"),
        ],
        ["05-lstm.ipynb"] =
        [
            new("5.3", "var concat = aPrev.Stack(xt);", "var concat = xt.Stack(aPrev);", "the concatenation is [x⟨t⟩; a⟨t−1⟩]"),
            new("5.3", "ot.PointwiseMultiply(Activations.Tanh(cNext))", "ot.PointwiseMultiply(cNext)", "the tanh of the cell is missing"),
            new("5.4", "dc.PointwiseMultiply(c.CPrev).PointwiseMultiply", "dc.PointwiseMultiply", "the forget gate's gradient is missing c⟨t−1⟩"),
            new("5.4", "dc.PointwiseMultiply(c.Ft),", "dc,", "dc_prev is missing the forget gate"),
        ],
        ["06-gru.ipynb"] =
        [
            new("6.2", "dhNext.PointwiseMultiply(c.HPrev - c.N)", "dhNext.PointwiseMultiply(c.N - c.HPrev)", "the update gate's gradient has the wrong sign"),
            new("6.2", "var dhPrev = dhNext.PointwiseMultiply(c.Z) + ", "var dhPrev = ", "dh_prev misses the direct path"),
        ],
        ["09-seq2seq-and-attention.ipynb"] =
        [
            new("9.2", "alpha.PointwiseMultiply(dAlpha - alpha.DotProduct(dAlpha))", "dAlpha", "dScores equals ∂L/∂α = Hᵀ·dc"),
            new("9.2", "alpha.PointwiseMultiply(dAlpha - alpha.DotProduct(dAlpha))", "alpha.PointwiseMultiply(dAlpha)", "the softmax Jacobian is missing its −α_i α_j term"),
            new("9.2", "dAlpha - alpha.DotProduct(dAlpha)", "dAlpha + alpha.DotProduct(dAlpha)", "with the wrong sign"),
            new("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = alpha.OuterProduct(dContext);", "dH is the transpose of the right answer"),
            new("9.2", "var dH = dContext.OuterProduct(alpha);", "var dH = dContext.OuterProduct(dScores);", "it uses the score gradient where it needs the weights"),
        ],
        ["10-training-recurrent-networks.ipynb"] =
        [
            new("10.2", "var mHat = mNext / (1 - Math.Pow(beta1, t));", "var mHat = mNext;", "not bias-corrected"),
            new("10.2", "(1 - beta2) * g.PointwisePower(2)", "(1 - beta2) * g", "v averages g, not g²"),
            new("10.2", "vHat.PointwiseSqrt() + epsilon", "(vHat + epsilon).PointwiseSqrt()", "ε is added inside the square root"),
            new("10.2", "new AdamStepResult(wNext, mNext, vNext, mHat, vHat)", "new AdamStepResult(wNext, mHat, vHat, mHat, vHat)", "are the corrected m̂ and v̂"),
            new("10.2", "beta1 * m + (1 - beta1) * g", "beta1 * m + g", "m adds the whole gradient"),
        ],
        ["11-applications.ipynb"] =
        [
            new("11.4", "int Last(int b) => lengths[b] - 1;", "int Last(int b) => steps - 1;", "every sequence is read at the padded end T"),
            new("11.4", "if (t == Last(b))", "if (t <= Last(b))", "the output's gradient enters at every step"),
            new("11.4", "dz[labels[b], b] -= 1;", "{ }", "subtract 1 at each sequence's label"),
            new("11.4", "dz /= m;", "", "the loss is the mean over the batch"),
            new("11.4", "var da = daPrev.Clone();", "var da = daPrev * 0;", "the gradient from the next step is not added"),
        ],
        ["12-handwriting.ipynb"] =
        [
            new("12.4", "g[c] = pi[c] - gamma;", "g[c] = gamma - pi[c];", "∂L/∂ŷπ has the wrong sign"),
            new("12.4", "g[k + c] = -gamma * C * (u - rho * v) / sx;", "g[k + c] = -gamma * C * u / sx;", "missing the correlation term"),
            new("12.4", "g[3 * k + c] = gamma * (1 - C * u * (u - rho * v));", "g[3 * k + c] = gamma * (1 - C * u * (u - rho * v)) / sx;", "the gradient with respect to σ"),
            new("12.4", "g[5 * k + c] = -gamma * (u * v + rho * (1 - C * z));", "g[5 * k + c] = -gamma * (u * v + rho * (1 - C * z)) / (1 - rho * rho);", "the gradient with respect to ρ"),
            new("12.4", "g[6 * k] = e - p;", "g[6 * k] = p - e;", "∂L/∂ŷe has the wrong sign"),
            new("12.4", "-logSum - pen", "-logSum", "the loss is missing the pen term"),
            new("12.4", "var logSum = max + Math.Log(logW.Sum(l => Math.Exp(l - max)));", "var logSum = Math.Log(logW.Sum(Math.Exp));", "work in logarithms"),
        ],
    };

    /// <summary>Cells a lesson's exercise tests read besides the setup (found by a line they hold): cheap ones only.</summary>
    private static readonly Dictionary<string, string[]> Context = new()
    {
        ["09-seq2seq-and-attention.ipynb"] = ["string Entries(", "var z = Vector<double>.Build.DenseOfArray([1.0, 0.0, 1.0]);"],
    };

    public static TheoryData<string> Lessons() => [.. ByLesson.Keys.Where(l => LessonTests.LessonFiles().Any(f => Path.GetFileName(f) == l))];

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Each_mistake_costs_exactly_its_exercise_and_is_named(string lesson)
    {
        var mutations = ByLesson[lesson];
        var teacher = Notebook.Load(Repo.PathOf("notebooks", lesson));
        var exercises = ExerciseParser.Parse(teacher).Where(e => mutations.Any(m => m.Exercise == e.Id)).ToList();
        var cut = CutDown(teacher, exercises, Context.GetValueOrDefault(lesson, []));

        var work = Repo.TempFolder("rnnkit-mutations");
        var source = Path.Combine(work, "source");
        Directory.CreateDirectory(source);
        cut.Save(Path.Combine(source, lesson));
        var submissions = Path.Combine(work, "submissions");
        Submit(cut, Path.Combine(submissions, "honest", lesson));
        for (var k = 0; k < mutations.Length; k++)
            Submit(Mutate(cut, ExerciseParser.Parse(cut).Single(e => e.Id == mutations[k].Exercise), mutations[k]), Path.Combine(submissions, $"mistake{k}", lesson));

        var grades = Gradebooks.Grade(submissions, source, "60");
        var max = exercises.Sum(e => e.Points);
        Assert.Equal(max, grades.Submission($"honest/{lesson}")["score"]!.GetValue<int>());
        for (var k = 0; k < mutations.Length; k++)
        {
            var m = mutations[k];
            var points = exercises.Single(e => e.Id == m.Exercise).Points;
            var file = $"mistake{k}/{lesson}";
            Assert.True(grades.Submission(file)["score"]!.GetValue<int>() == max - points,
                $"{m.Exercise} with '{m.Replace}': score {grades.Submission(file)["score"]} of {max}, expected {max - points}");
            var feedback = grades.Exercise(file, m.Exercise)["feedback"]!.GetValue<string>();
            Assert.True(feedback.Contains(m.Feedback, StringComparison.Ordinal),
                $"{m.Exercise} with '{m.Replace}': the feedback does not name the mistake ('{m.Feedback}'):\n{feedback}");
        }
    }

    /// <summary>The title, the setup cell, the exercises' usings, the context cells, and the exercises' answer and test cells.</summary>
    internal static Notebook CutDown(Notebook teacher, IReadOnlyList<Exercise> exercises, IReadOnlyList<string>? context = null)
    {
        var cut = teacher.Clone();
        cut.Cells.Clear();
        cut.Cells.Add(teacher.Cells[0].Clone());
        cut.Cells.Add(teacher.CodeCells.First().Clone());
        cut.Cells.Add(Cell.Code("using RnnKit.Exercises;"));
        foreach (var line in context ?? [])
        {
            var cell = teacher.CodeCells.FirstOrDefault(c => c.Source.Contains(line, StringComparison.Ordinal));
            Assert.True(cell is not null, $"no code cell of the lesson holds '{line}', which its exercise tests need: update the context to the lesson");
            cut.Cells.Add(cell.Clone());
        }
        foreach (var exercise in exercises)
            foreach (var index in exercise.Tests.Select(t => t.Cell).Prepend(exercise.AnswerCell))
                cut.Cells.Add(teacher.Cells[index].Clone());
        foreach (var cell in cut.Cells) cell.ClearOutputs();
        return cut;
    }

    internal static Notebook Mutate(Notebook cut, Exercise exercise, Mutation m)
    {
        var copy = cut.Clone();
        var cell = copy.Cells[exercise.AnswerCell];
        Assert.True(cell.Source.Contains(m.Find, StringComparison.Ordinal),
            $"exercise {m.Exercise}'s solution no longer contains '{m.Find}': update the mutation to the lesson");
        cell.Source = cell.Source.Replace(m.Find, m.Replace, StringComparison.Ordinal);
        return copy;
    }

    private static void Submit(Notebook notebook, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        notebook.Save(path);
    }
}
