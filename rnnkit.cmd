@echo off
rem The `rnnkit` command on Windows (./rnnkit elsewhere, the same two steps): builds the CLI (Release, incremental,
rem silent unless it fails) and runs it with the arguments given. Everything else lives in the CLI.
rem Usage: rnnkit VERB [ARGS...]   e.g. rnnkit build, rnnkit run notebooks\02-the-recurrent-network.ipynb
dotnet msbuild "%~dp0lib\RnnKit.Cli\RnnKit.Cli.csproj" -restore -p:Configuration=Release -nologo -v:q -clp:NoSummary 1>&2 || (echo rnnkit: the build failed ^(above^) 1>&2 & exit /b 1)
dotnet "%~dp0lib\RnnKit.Cli\bin\Release\net10.0\RnnKit.Cli.dll" %*
