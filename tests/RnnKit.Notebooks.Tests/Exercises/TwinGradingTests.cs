using RnnKit.Notebooks.Exercises;
using RnnKit.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.Notebooks.Tests.Exercises.Mutations;
using RnnKit.TestSupport;
using Xunit;
using Rnnkit = RnnKit.TestSupport.Cli;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>
/// Student versions and grading work on a Chinese twin exactly as on its English lesson (issue #23): lesson 05 and its
/// twin, cut down to their setup and the LSTM backward exercise as in <see cref="MutatedSolutionTests"/>, are the
/// teacher's source side by side; a Chinese student copy with a wrong answer gets Chinese feedback naming the
/// mistake, an English one the English feedback, each graded against its own edition; a Chinese submission saved
/// under another name still finds the twin by its language; the untouched Chinese copy says 尚未完成.
/// </summary>
public class TwinGradingTests
{
    private const string Lesson = "05-lstm.ipynb";
    private const string Twin = "05-lstm.zh.ipynb";

    private static readonly Mutation Mistake = Mutation.Named("5.4", "dc.PointwiseMultiply(c.Ft),", "dc,", nameof(Feedback.PreviousCellWithoutForget));

    private const string EnglishWords = "dc_prev is missing the forget gate";

    [Fact]
    public void A_chinese_student_copy_is_graded_against_the_twin_in_chinese_and_an_english_one_in_english()
    {
        var twinPath = Repo.PathOf("notebooks", Twin);
        if (!File.Exists(twinPath)) Assert.Skip($"{Twin} is not translated yet");
        var work = Repo.TempFolder("rnnkit-twin-grading");
        var source = Path.Combine(work, "source");
        Directory.CreateDirectory(source);
        Notebook Cut(string path)
        {
            var teacher = Notebook.Load(path);
            var cut = MutatedSolutionTests.CutDown(teacher, [.. ExerciseParser.Parse(teacher).Where(e => e.Id == Mistake.Exercise)]);
            cut.Save(Path.Combine(source, Path.GetFileName(path)));
            return cut;
        }
        var english = Cut(Repo.PathOf("notebooks", Lesson));
        var chinese = Cut(twinPath);

        // rnnkit student makes both student versions; the twin's keeps its language and says "not done" in it.
        var students = Path.Combine(work, "students");
        var student = Rnnkit.Run("student", source, "--out", students);
        Assert.True(student.ExitCode == 0, student.Stderr);
        var chineseStudent = Notebook.Load(Path.Combine(students, Twin));
        Assert.Equal(Editions.Chinese, Editions.LanguageOf(Path.Combine(students, Twin), chineseStudent));
        Assert.Contains("练习 5.4：尚未完成", chineseStudent.Cells.Select(c => c.Source).Aggregate(string.Concat));
        Assert.Contains("Exercise 5.4: not done yet", Notebook.Load(Path.Combine(students, Lesson)).Cells.Select(c => c.Source).Aggregate(string.Concat));

        var submissions = Path.Combine(work, "submissions");
        void Submit(Notebook notebook, string relative)
        {
            var path = Path.Combine(submissions, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            notebook.Save(path);
        }
        Notebook Wrong(Notebook cut) => MutatedSolutionTests.Mutate(cut, ExerciseParser.Parse(cut).Single(), Mistake);
        Submit(Wrong(chinese), $"li/{Twin}");
        Submit(Wrong(english), $"ann/{Lesson}");
        Submit(Wrong(chinese), "wang/my-lstm.ipynb");
        File.Copy(Path.Combine(students, Twin), Path.Combine(Directory.CreateDirectory(Path.Combine(submissions, "zhao")).FullName, Twin));

        var grades = Gradebooks.Grade(submissions, source, "60");

        var zh = grades.Exercise($"li/{Twin}", "5.4")["feedback"]!.GetValue<string>();
        Assert.Equal(0, grades.Submission($"li/{Twin}")["score"]!.GetValue<int>());
        Assert.Contains("dc_prev 不对：dc_prev 少了遗忘门：dc_prev = dc ⊙ Γf", zh);
        Assert.DoesNotContain(EnglishWords, zh);
        var en = grades.Exercise($"ann/{Lesson}", "5.4")["feedback"]!.GetValue<string>();
        Assert.Contains(EnglishWords, en);
        Assert.Contains("dc_prev 少了遗忘门", grades.Exercise("wang/my-lstm.ipynb", "5.4")["feedback"]!.GetValue<string>());
        Assert.Contains(grades.Submission("wang/my-lstm.ipynb")["notes"]!.AsArray(),
            n => n!.GetValue<string>().Contains($"holds the exercises of {Twin}", StringComparison.Ordinal));
        Assert.Contains("练习 5.4：尚未完成", grades.Exercise($"zhao/{Twin}", "5.4")["feedback"]!.GetValue<string>());

        // The feedback pages: the Chinese one in Chinese, graded against the twin; the English one against the lesson.
        var pages = Path.Combine(grades.OutFolder, ClassGrading.FeedbackFolderName);
        var zhPage = File.ReadAllText(Path.Combine(pages, "li_05-lstm.zh.html"));
        Assert.Contains("<html lang=\"zh-Hans\">", zhPage);
        Assert.Contains($"按 <code>{Twin}</code> 评分", zhPage);
        Assert.Contains("得分：0 / 5", zhPage);
        Assert.Contains("<td class=\"failed\">未通过</td>", zhPage);
        var enPage = File.ReadAllText(Path.Combine(pages, "ann_05-lstm.html"));
        Assert.Contains($"graded against <code>{Lesson}</code>", enPage);
        Assert.Contains("Score: 0 / 5", enPage);
    }
}
