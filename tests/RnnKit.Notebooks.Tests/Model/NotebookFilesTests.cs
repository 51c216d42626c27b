using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Model;

/// <summary>The one rule for finding notebooks: what a folder stands for, and the inputs that are refused.</summary>
public class NotebookFilesTests
{
    private static string Course()
    {
        var root = Repo.TempFolder();
        foreach (var file in new[]
                 {
                     "01-b.ipynb", "00-a.ipynb", "README.md", ".hidden.ipynb", "00-a.executed.ipynb",
                     ".ipynb_checkpoints/00-a-checkpoint.ipynb", ".git/x.ipynb", "bin/y.ipynb", "obj/z.ipynb",
                     "alice/02-c.ipynb", "alice/data.csv", "data/only.csv",
                 })
        {
            var path = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
        return root;
    }

    [Fact]
    public void A_folder_stands_for_its_notebooks_in_name_order_without_copies_checkpoints_or_dot_files()
    {
        var root = Course();
        Assert.Equal(["00-a.ipynb", "01-b.ipynb"], NotebookFiles.Find([root]).Select(f => f.Name));
        Assert.Equal(["00-a.ipynb", "01-b.ipynb", Path.Combine("alice", "02-c.ipynb")],
            NotebookFiles.Find([root], recursive: true).Select(f => f.Name));
    }

    [Fact]
    public void A_file_given_stands_for_itself_by_its_file_name()
    {
        var path = Path.Combine(Course(), "alice", "02-c.ipynb");
        Assert.Equal([new NotebookFile(path, "02-c.ipynb")], NotebookFiles.Find([path]));
    }

    [Fact]
    public void Walk_keeps_the_other_files_of_the_course_and_leaves_out_what_the_rule_leaves_out()
    {
        var root = Course();
        Assert.Equal(["00-a.ipynb", "01-b.ipynb", "README.md", Path.Combine("alice", "02-c.ipynb"), Path.Combine("alice", "data.csv"), Path.Combine("data", "only.csv")],
            NotebookFiles.Walk(root).Select(f => Path.GetRelativePath(root, f)));
    }

    [Fact]
    public void A_missing_path_a_file_that_is_no_notebook_and_a_folder_without_notebooks_are_named()
    {
        var root = Course();
        Assert.Contains("nowhere: no such file or folder",
            Assert.Throws<NotebookInputException>(() => NotebookFiles.Find([Path.Combine(root, "nowhere")])).Message);
        Assert.Contains("README.md: not a notebook",
            Assert.Throws<NotebookInputException>(() => NotebookFiles.Find([Path.Combine(root, "README.md")])).Message);
        Assert.Contains("the folder has no .ipynb notebooks",
            Assert.Throws<NotebookInputException>(() => NotebookFiles.Find([Path.Combine(root, "data")])).Message);
    }

    [Fact]
    public void A_folder_overlaps_a_source_it_is_inside_contains_or_is()
    {
        var root = Course();
        var lesson = Path.Combine(root, "00-a.ipynb");
        Assert.True(NotebookFiles.Overlap(root, root));
        Assert.True(NotebookFiles.Overlap(Path.Combine(root, "site"), root));
        Assert.True(NotebookFiles.Overlap(Path.GetDirectoryName(root)!, root));
        Assert.True(NotebookFiles.Overlap(root, lesson));
        Assert.False(NotebookFiles.Overlap(Path.Combine(root, "alice"), Path.Combine(root, "data")));
        Assert.False(NotebookFiles.Overlap(root + "-site", root));
    }
}
