using Microsoft.Data.Sqlite;

namespace RnnKit.Notebooks.Kernel;

/// <summary>One input of the history: its session, its line (In[n]), the code, and its text/plain result if any.</summary>
internal sealed record HistoryEntry(int Session, int Line, string Input, string? Output);

/// <summary>
/// The inputs the kernel ran (with store_history) and their text/plain results, for history_request: kept in a
/// small SQLite file shared by every session of the user (so history reaches across kernel restarts), or in memory
/// when there is no file or it cannot be opened. Sessions are numbered 1, 2, … in the file; lines are the execution
/// counts. Queries follow IPython's HistoryManager: tail, range (stop exclusive; session 0 or less counts back from
/// this one) and search (a glob pattern, as SQLite's GLOB: * ? [abc], case-sensitive). Used from one thread.
/// </summary>
internal sealed class KernelHistory : IDisposable
{
    /// <summary>Entries kept in the file; older ones are removed when a session starts.</summary>
    public const int MaxEntries = 10_000;

    /// <summary>A result longer than this is stored cut (the history is for finding inputs, not archiving outputs).</summary>
    public const int MaxStoredOutput = 4_096;

    private readonly SqliteConnection _db;

    private KernelHistory(SqliteConnection db, string? file)
    {
        _db = db;
        File = file;
        Execute("""
            CREATE TABLE IF NOT EXISTS sessions (session INTEGER PRIMARY KEY AUTOINCREMENT, start TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS history (session INTEGER NOT NULL, line INTEGER NOT NULL, source TEXT NOT NULL,
                output TEXT, PRIMARY KEY (session, line));
            """);
        Execute("DELETE FROM history WHERE rowid <= (SELECT MAX(rowid) FROM history) - $max", ("$max", MaxEntries));
        using var start = Command("INSERT INTO sessions (start) VALUES ($now) RETURNING session", ("$now", DateTimeOffset.UtcNow.ToString("O")));
        Session = Convert.ToInt32(start.ExecuteScalar());
    }

    /// <summary>This kernel's session number.</summary>
    public int Session { get; }

    /// <summary>The file the history is in; null when it is in memory.</summary>
    public string? File { get; }

    /// <summary>
    /// The history in <paramref name="file"/> (created with its folder if missing), or in memory when
    /// <paramref name="file"/> is null or cannot be used; what went wrong is written to <paramref name="log"/>.
    /// </summary>
    public static KernelHistory Open(string? file, TextWriter log)
    {
        if (file is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 5 }.ToString());
                db.Open();
                try
                {
                    return new KernelHistory(db, file);
                }
                catch
                {
                    db.Dispose();
                    throw;
                }
            }
            catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
            {
                log.WriteLine($"rnnkit kernel: history file {file} cannot be used ({e.Message}); keeping this session's history in memory");
            }
        }
        var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();
        return new KernelHistory(memory, null);
    }

    /// <summary>Records In[<paramref name="line"/>] of this session.</summary>
    public void Add(int line, string input) =>
        Execute("INSERT OR REPLACE INTO history (session, line, source) VALUES ($session, $line, $source)",
            ("$session", Session), ("$line", line), ("$source", input));

    /// <summary>Records the text/plain result of In[<paramref name="line"/>] (Out[n]).</summary>
    public void SetOutput(int line, string output) =>
        Execute("UPDATE history SET output = $output WHERE session = $session AND line = $line",
            ("$output", output.Length > MaxStoredOutput ? output[..MaxStoredOutput] + "…" : output), ("$session", Session), ("$line", line));

    /// <summary>The last <paramref name="n"/> inputs of all sessions, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int n) =>
        OldestFirst(Query("SELECT session, line, source, output FROM history ORDER BY session DESC, line DESC LIMIT $n", ("$n", n)));

    /// <summary>
    /// Lines <paramref name="start"/> (inclusive) to <paramref name="stop"/> (exclusive; 0 or less: to the end) of
    /// <paramref name="session"/>; a session of 0 or less counts back from this one (0 is this one, -1 the one before).
    /// </summary>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int stop)
    {
        if (session <= 0) session += Session;
        return Query("SELECT session, line, source, output FROM history WHERE session = $session AND line >= $start " +
                     "AND ($stop <= 0 OR line < $stop) ORDER BY line", ("$session", session), ("$start", start), ("$stop", stop));
    }

    /// <summary>
    /// Inputs matching the glob <paramref name="pattern"/>, oldest first: the last <paramref name="n"/> (all if
    /// null), each input once if <paramref name="unique"/> (its latest run).
    /// </summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int? n, bool unique) =>
        OldestFirst(Query("SELECT session, line, source, output FROM history WHERE source GLOB $pattern " +
              "AND (NOT $unique OR rowid IN (SELECT MAX(rowid) FROM history WHERE source GLOB $pattern GROUP BY source)) " +
              "ORDER BY session DESC, line DESC LIMIT $n",
            ("$pattern", pattern), ("$unique", unique), ("$n", n ?? -1)));

    public void Dispose() => _db.Dispose();

    private static List<HistoryEntry> OldestFirst(List<HistoryEntry> newestFirst)
    {
        newestFirst.Reverse();
        return newestFirst;
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private List<HistoryEntry> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var entries = new List<HistoryEntry>();
        while (reader.Read())
            entries.Add(new HistoryEntry(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return entries;
    }
}
