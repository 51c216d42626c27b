using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// The site cannot be written: a notebook's content cannot be rendered, two lessons would share a page, or the
/// KaTeX/plotly.js assets cannot be had. The message names the file, cell or asset and what to do.
/// </summary>
public sealed class SiteExportException(string message, Exception? inner = null) : NotebookInputException(message, inner);
