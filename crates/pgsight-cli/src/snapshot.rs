//! `pgsight snapshot-sql`: prints the health snapshot script. The user runs it with
//! psql on their own server and gives the JSON it prints to `pgsight analyze
//! --schema`; pgsight itself never connects to a database.

use std::process::ExitCode;

/// The script, with how to run it in its header comment.
pub fn run() -> ExitCode {
    crate::write_stdout(pgsight_core::snapshot::SQL);
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        eprintln!(
            "pgsight: save it and run it with psql, then analyze the output:\n  pgsight snapshot-sql > pgsight-snapshot.sql\n  {}\n  pgsight analyze --schema snapshot.json",
            pgsight_core::snapshot::USAGE
        );
    }
    ExitCode::SUCCESS
}
