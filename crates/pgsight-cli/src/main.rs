//! `pgsight`: the engine on the command line.
//!
//! Exit codes: 0 when no finding reaches `--fail-on`, 1 when one does, 2 for usage
//! errors or when no input could be read (the reason goes to stderr).

mod diff;
mod human;
mod logs;
mod migration;
mod output;
mod paths;
mod schema;
mod snapshot;
mod tree;

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use pgsight_core::report::NoteLevel;
use pgsight_core::{analyze, Config, Input, InputKind, Rule, Severity};

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
        /// EXPLAIN output (JSON or text): files or glob patterns; `-` for stdin.
        #[arg(long = "plan", value_name = "FILE", num_args = 1..)]
        plans: Vec<PathBuf>,
        /// DDL describing the current schema (e.g. pg_dump --schema-only), or a health
        /// snapshot (the JSON of `pgsight snapshot-sql`'s script).
        #[arg(long = "schema", value_name = "FILE", num_args = 1..)]
        schemas: Vec<PathBuf>,
        /// DDL that will run against a live database (e.g. `--migration 'migrations/*.sql'`).
        #[arg(long = "migration", value_name = "FILE", num_args = 1..)]
        migrations: Vec<PathBuf>,
        /// SQL queries.
        #[arg(long = "query", value_name = "FILE", num_args = 1..)]
        queries: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,
        /// Exit with 1 when a finding reaches this severity [default: from pgsight.toml, else error].
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Configuration file [default: pgsight.toml in this folder or the nearest parent].
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Print a link that opens the web app on these inputs, instead of the report.
        #[arg(long)]
        link: bool,
        /// Where the web app is served, for --link.
        #[arg(long, value_name = "URL", default_value = pgsight_core::share::DEFAULT_BASE_URL, requires = "link")]
        base_url: String,
        /// With --link: rename tables, columns, indexes, aliases and string literals
        /// (consistently across the inputs) before they go into the link.
        #[arg(long, requires = "link")]
        anonymize: bool,
        /// With --anonymize: write the mapping (kind, original, replacement per line) to
        /// this file, to read the shared report's names back. It stays on this machine.
        #[arg(long, value_name = "FILE", requires = "anonymize")]
        mapping: Option<PathBuf>,
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
    /// Compare two plans of one query, before and after a fix.
    Diff {
        /// The plan before the fix (EXPLAIN JSON or text), or `-` for stdin.
        before: PathBuf,
        /// The plan after the fix (EXPLAIN JSON or text), or `-` for stdin.
        after: PathBuf,
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Human)]
        format: diff::DiffFormat,
        /// Print a link that opens the web app's Compare view on both plans, instead of the comparison.
        #[arg(long)]
        link: bool,
        /// Where the web app is served, for --link.
        #[arg(long, value_name = "URL", default_value = pgsight_core::share::DEFAULT_BASE_URL, requires = "link")]
        base_url: String,
    },
    /// Summarize the plans auto_explain wrote to PostgreSQL server logs (stderr, csvlog
    /// or jsonlog): queries grouped by fingerprint, the rules that fire and cost most.
    Logs(logs::LogsArgs),
    /// Print the health snapshot script: one read-only query to run with psql
    /// (`psql -X -A -t -f script.sql > snapshot.json`), whose output `analyze --schema` reads.
    SnapshotSql,
    /// List the rules, or print one rule's documentation.
    Rules {
        /// A rule id, e.g. seq-scan-selective-filter.
        id: Option<String>,
        /// Write every rule's page and an index into this folder (docs/rules).
        #[arg(long, value_name = "DIR", conflicts_with = "id")]
        write_docs: Option<PathBuf>,
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
        Command::Analyze { plans, schemas, migrations, queries, format, fail_on, config, link, base_url, anonymize, mapping } => (|| {
            let files = [
                (InputKind::Plan, paths::expand(plans)?),
                (InputKind::Schema, paths::expand(schemas)?),
                (InputKind::Migration, paths::expand(migrations)?),
                (InputKind::Query, paths::expand(queries)?),
            ];
            if link {
                run_link(&files, &base_url, anonymize.then_some(mapping.as_ref()))
            } else {
                load_config(config.as_ref()).and_then(|config| run_analyze(&files, format, fail_on, &config))
            }
        })(),
        Command::Logs(args) => logs::run(args),
        Command::Schema { file, stats, format } => read_input(&file, &mut false).map(|(_, text)| {
            write_stdout(&schema::render(&text, stats, format == ReportFormat::Json));
            ExitCode::SUCCESS
        }),
        Command::SnapshotSql => Ok(snapshot::run()),
        Command::Rules { write_docs: Some(dir), .. } => write_rule_docs(&dir).map(|()| ExitCode::SUCCESS),
        Command::Rules { id, write_docs: None } => run_rules(id.as_deref()),
        Command::Diff { before, after, format, link: false, .. } => diff::run(&before, &after, format),
        Command::Diff { before, after, link: true, base_url, .. } => diff::run_link(&before, &after, &base_url),
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
    // Valid UTF-8 (the usual case) becomes the String without a copy.
    let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok((name, text))
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

/// `analyze --link`: the inputs packed into a web-app link (the URL fragment never
/// reaches a server). `anonymize`: anonymized first, the mapping written to the file
/// given.
fn run_link(files: &[(InputKind, Vec<PathBuf>)], base_url: &str, anonymize: Option<Option<&PathBuf>>) -> Result<ExitCode, UsageError> {
    use pgsight_core::share::SharedInputs;
    let mut shared = SharedInputs::default();
    let mut stdin_used = false;
    for (kind, paths) in files {
        for path in paths {
            let (_, text) = read_input(path, &mut stdin_used)?;
            let field = match kind {
                InputKind::Plan => &mut shared.plan,
                InputKind::Schema => &mut shared.schema,
                InputKind::Migration | InputKind::Query => &mut shared.sql,
            };
            if !field.is_empty() {
                field.push('\n');
            }
            field.push_str(&text);
            shared.sql_is_migration |= *kind == InputKind::Migration;
        }
    }
    if shared == SharedInputs::default() {
        return Err(UsageError("nothing to share: give --plan, --schema, --migration or --query".into()));
    }
    let has_queries = files.iter().any(|(k, p)| *k == InputKind::Query && !p.is_empty());
    if has_queries && shared.sql_is_migration {
        eprintln!("pgsight: the link holds one SQL input; queries and migrations are joined as a migration");
    }
    if let Some(mapping_file) = anonymize {
        let anonymized = pgsight_core::anonymize::anonymize(&shared);
        let mapping = &anonymized.mapping;
        for note in &mapping.notes {
            eprintln!("pgsight: anonymize: {note}");
        }
        if !mapping.kept.is_empty() {
            eprintln!("pgsight: anonymize: kept names that are also SQL words: {}", mapping.kept.join(", "));
        }
        match mapping_file {
            Some(path) => std::fs::write(path, mapping.to_text())
                .map_err(|e| UsageError(format!("{}: cannot write the mapping: {e}", path.display())))?,
            None => eprintln!("pgsight: anonymized {} names and strings (--mapping FILE keeps the mapping)", mapping.renamed.len()),
        }
        return print_link(&anonymized.inputs, base_url);
    }
    print_link(&shared, base_url)
}

/// Prints the web-app link for `shared`, refused when the app could not unpack it and
/// with a warning when it is long.
fn print_link(shared: &pgsight_core::share::SharedInputs, base_url: &str) -> Result<ExitCode, UsageError> {
    use pgsight_core::share::{link, link_size, LinkSize};
    // The web app refuses a link that unpacks to more than its cap: say so now.
    let unpacked = serde_json::to_vec(&shared).map_or(0, |json| json.len());
    let cap = pgsight_core::share::DEFAULT_MAX_DECODED_BYTES;
    if unpacked > cap {
        return Err(UsageError(format!(
            "the inputs take {unpacked} bytes, more than the {cap} bytes a share link may unpack to: the web app would refuse the link"
        )));
    }
    let url = link(base_url, shared);
    match link_size(url.len()) {
        LinkSize::Fine => {}
        LinkSize::TooLongForChat => eprintln!("pgsight: the link is {} characters: chat tools and e-mail may cut it", url.len()),
        LinkSize::TooLongForBrowsers => eprintln!("pgsight: the link is {} characters: some browsers will refuse it", url.len()),
    }
    write_stdout(&format!("{url}\n"));
    Ok(ExitCode::SUCCESS)
}

/// The configuration named by `--config`, else `pgsight.toml` found upward from the
/// working directory, else the defaults.
fn load_config(explicit: Option<&PathBuf>) -> Result<Config, UsageError> {
    let path = match explicit {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| dir.ancestors().map(|d| d.join("pgsight.toml")).find(|p| p.is_file())),
    };
    let Some(path) = path else { return Ok(Config::default()) };
    let text = std::fs::read_to_string(&path).map_err(|e| UsageError(format!("cannot read {}: {e}", path.display())))?;
    Config::from_toml(&text).map_err(|e| UsageError(format!("{}: {e}", path.display())))
}

fn run_analyze(files: &[(InputKind, Vec<PathBuf>)], format: ReportFormat, fail_on: Option<FailOn>, config: &Config) -> Result<ExitCode, UsageError> {
    let fail_on = fail_on.unwrap_or(match config.fail_on.as_deref() {
        Some("warning") => FailOn::Warning,
        Some("info") => FailOn::Info,
        Some("never") => FailOn::Never,
        _ => FailOn::Error,
    });
    if files.iter().flat_map(|(_, paths)| paths).filter(|p| p.as_os_str() == "-").count() > 1 {
        return Err(UsageError("`-` (stdin) can be given only once".into()));
    }
    // A file that cannot be read is listed as a failed input; the others are analyzed.
    let mut inputs = Vec::new();
    let mut unreadable = Vec::new();
    let mut stdin_used = false;
    for (kind, paths) in files {
        for path in paths {
            match read_input(path, &mut stdin_used) {
                Ok((name, text)) => inputs.push(Input::new(*kind, name, text)),
                Err(UsageError(reason)) => unreadable.push((*kind, path.display().to_string(), reason)),
            }
        }
    }
    if inputs.is_empty() && unreadable.is_empty() {
        return Err(UsageError("nothing to analyze: give --plan, --schema, --migration or --query (see --help)".into()));
    }
    let mut report = analyze(&inputs, config);
    for (kind, name, reason) in unreadable {
        let input = report.inputs.len();
        report.notes.push(pgsight_core::report::Note { level: NoteLevel::Error, message: reason, input, line: None, column: None });
        report.inputs.push(pgsight_core::report::InputSummary { name, kind, format: None, plans: 0, nodes: 0, statements: 0, ok: false });
    }
    // The plan trees and the schema view are for the web app; the CLI prints them with
    // `pgsight plan` and `pgsight schema`.
    report.plans.clear();
    report.schema.clear();
    let out = match format {
        ReportFormat::Json => report.to_json() + "\n",
        ReportFormat::Human => human::render(&report, &inputs, human::colour_enabled()),
        ReportFormat::Sarif => output::sarif::render(&report, std::env::current_dir().ok().as_deref()),
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

/// The rule pages: `<id>.md` per rule and a `README.md` index, generated from the
/// rules' doc comments. A test fails when the committed copies are stale.
pub fn rule_docs() -> Vec<(String, String)> {
    let mut index = String::from("# pgsight rules\n\nGenerated by `pgsight rules --write-docs docs/rules` from the rules' doc comments.\n\n| Rule | Category | Default severity | What it catches |\n|---|---|---|---|\n");
    let mut pages = Vec::new();
    for rule in Rule::ALL {
        let meta = rule.meta();
        index.push_str(&format!("| [`{0}`]({0}.md) | {1} | {2} | {3} |\n", meta.id, meta.category.as_str(), meta.severity, meta.summary));
        pages.push((format!("{}.md", meta.id), rule.doc_page()));
    }
    pages.push(("README.md".to_owned(), index));
    pages
}

fn write_rule_docs(dir: &std::path::Path) -> Result<(), UsageError> {
    std::fs::create_dir_all(dir).map_err(|e| UsageError(format!("cannot create {}: {e}", dir.display())))?;
    for (name, text) in rule_docs() {
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

/// Writes to stdout, ignoring a closed pipe (`pgsight ... | head`).
fn write_stdout(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
