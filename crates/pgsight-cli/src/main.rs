//! `pgsight`: the engine on the command line.
//!
//! Exit codes: 0 when no finding reaches `--fail-on`, 1 when one does, 2 for usage
//! errors or when no input could be read (the reason goes to stderr).

mod output;
mod schema;
mod tree;

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use pgsight_core::report::NoteLevel;
use pgsight_core::{analyze, Config, Input, InputKind, Report, Rule, Severity};

#[derive(Parser)]
#[command(name = "pgsight", version, about = "Diagnoses PostgreSQL query plans, schemas and migrations, offline.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a plan as a tree with exclusive time, estimated vs actual rows and misestimate.
    Plan {
        /// EXPLAIN output (JSON or text), or `-` for stdin.
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = PlanFormatArg::Human)]
        format: PlanFormatArg,
    },
    /// Run the rules over plans, schemas, migrations and queries.
    Analyze {
        /// EXPLAIN output (JSON or text). Repeatable; `-` for stdin.
        #[arg(long = "plan", value_name = "FILE")]
        plans: Vec<PathBuf>,
        /// DDL describing the current schema (e.g. pg_dump --schema-only).
        #[arg(long = "schema", value_name = "FILE")]
        schemas: Vec<PathBuf>,
        /// DDL that will run against a live database.
        #[arg(long = "migration", value_name = "FILE")]
        migrations: Vec<PathBuf>,
        /// SQL queries.
        #[arg(long = "query", value_name = "FILE")]
        queries: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Exit with 1 when a finding reaches this severity.
        #[arg(long, value_enum, default_value_t = FailOn::Error)]
        fail_on: FailOn,
    },
    /// Summarize the schema a DDL script (e.g. pg_dump --schema-only) builds.
    Schema {
        /// DDL, or `-` for stdin.
        file: PathBuf,
        /// Print how many statements were read, and how, instead of the schema.
        #[arg(long)]
        stats: bool,
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
    },
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, e.g. seq-scan-selective-filter.
        id: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum PlanFormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Human,
    Json,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
    /// A pull-request comment.
    Markdown,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// A failure that ends the run with exit code 2.
struct UsageError(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Plan { file, format } => run_plan(&file, format),
        Command::Analyze { plans, schemas, migrations, queries, format, fail_on } => {
            let files = [(InputKind::Plan, plans), (InputKind::Schema, schemas), (InputKind::Migration, migrations), (InputKind::Query, queries)];
            run_analyze(&files, format, fail_on)
        }
        Command::Schema { file, stats, format } => read_input(&file, &mut false).map(|(_, text)| {
            write_stdout(&schema::render(&text, stats, format == ReportFormat::Json));
            ExitCode::SUCCESS
        }),
        Command::Rules { id } => run_rules(id.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(UsageError(message)) => {
            eprintln!("pgsight: {message}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file, or stdin for `-`. Invalid UTF-8 is replaced, not fatal: plans and
/// DDL are text, and one bad byte should not hide the rest.
fn read_input(path: &PathBuf, stdin_used: &mut bool) -> Result<(String, String), UsageError> {
    let mut bytes = Vec::new();
    let name = if path.as_os_str() == "-" {
        if *stdin_used {
            return Err(UsageError("`-` (stdin) can be given only once".into()));
        }
        *stdin_used = true;
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| UsageError(format!("cannot read stdin: {e}")))?;
        "stdin".to_owned()
    } else {
        bytes = std::fs::read(path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))?;
        path.display().to_string()
    };
    Ok((name, String::from_utf8_lossy(&bytes).into_owned()))
}

fn run_plan(file: &PathBuf, format: PlanFormatArg) -> Result<ExitCode, UsageError> {
    let (name, text) = read_input(file, &mut false)?;
    let parsed = pgsight_core::plan::parse(&text).map_err(|e| UsageError(format!("{name}: {e}")))?;
    let out = match format {
        PlanFormatArg::Json => pgsight_core::plan::write::to_explain_json(&parsed.documents),
        PlanFormatArg::Human => tree::render(&parsed.documents),
    };
    write_stdout(&out);
    Ok(ExitCode::SUCCESS)
}

fn run_analyze(files: &[(InputKind, Vec<PathBuf>)], format: ReportFormat, fail_on: FailOn) -> Result<ExitCode, UsageError> {
    let mut inputs = Vec::new();
    let mut stdin_used = false;
    for (kind, paths) in files {
        for path in paths {
            let (name, text) = read_input(path, &mut stdin_used)?;
            inputs.push(Input::new(*kind, name, text));
        }
    }
    if inputs.is_empty() {
        return Err(UsageError("nothing to analyze: give --plan, --schema, --migration or --query (see --help)".into()));
    }
    let mut report = analyze(&inputs, &Config::default());
    // The plan trees are for the web app; the CLI prints them with `pgsight plan`.
    report.plans.clear();
    let out = match format {
        ReportFormat::Json => report.to_json() + "\n",
        ReportFormat::Human => render_human(&report),
        ReportFormat::Sarif => output::sarif::render(&report),
        ReportFormat::Markdown => pgsight_core::render::markdown::render(&report),
        ReportFormat::Github => output::github::render(&report),
    };
    write_stdout(&out);
    if format != ReportFormat::Human || !std::io::stdout().is_terminal() {
        // Errors also go to stderr so a pipeline's log shows why an input was skipped.
        for note in report.notes.iter().filter(|n| n.level == NoteLevel::Error) {
            eprintln!("pgsight: {}", note_text(note));
        }
    }
    if report.inputs.iter().all(|i| !i.ok) {
        return Err(UsageError("no input could be analyzed".into()));
    }
    let failed = fail_on.threshold().is_some_and(|t| report.max_severity().is_some_and(|s| s >= t));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn note_text(note: &pgsight_core::report::Note) -> String {
    match (note.line, note.column) {
        (Some(line), Some(column)) => format!("{} (line {line}, column {column})", note.message),
        (Some(line), None) => format!("{} (line {line})", note.message),
        _ => note.message.clone(),
    }
}

fn render_human(report: &Report) -> String {
    let mut out = String::new();
    for finding in &report.findings {
        out.push_str(&finding.render_text());
        out.push('\n');
    }
    for note in &report.notes {
        let level = match note.level {
            NoteLevel::Info => "note",
            NoteLevel::Warning => "warning",
            NoteLevel::Error => "error",
        };
        out.push_str(&format!("{level}: {}\n", note_text(note)));
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let read: Vec<String> = report
        .inputs
        .iter()
        .filter(|i| i.ok)
        .map(|i| match i.kind {
            InputKind::Plan => format!("{} ({} plan(s), {} nodes)", i.name, i.plans, i.nodes),
            _ => format!("{} ({} statements)", i.name, i.statements),
        })
        .collect();
    out.push_str(&format!(
        "{} finding(s): {} error, {} warning, {} info · read {}\n",
        report.findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
        if read.is_empty() { "nothing".to_owned() } else { read.join(", ") }
    ));
    out
}

fn run_rules(id: Option<&str>) -> Result<ExitCode, UsageError> {
    match id {
        None => {
            let mut out = String::new();
            for rule in Rule::ALL {
                let meta = rule.meta();
                out.push_str(&format!("{:<28} {:<9} {:<7} {}\n", meta.id, meta.category.as_str(), meta.severity, meta.summary));
            }
            write_stdout(&out);
        }
        Some(id) => {
            let rule = Rule::from_id(id).ok_or_else(|| UsageError(format!("unknown rule `{id}`; `pgsight rules` lists them")))?;
            write_stdout(&rule.doc_page());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout, ignoring a closed pipe (`pgsight ... | head`).
fn write_stdout(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
