//! The CLI never panics: every fixture file and some garbage (random bytes, empty,
//! huge, invalid UTF-8, NUL bytes) through every subcommand and format must end with
//! exit code 0, 1 or 2, never 101 (a panic) or a signal. With several inputs, a bad one
//! is listed on stderr with its reason and the others are still analyzed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgsight")).args(args).output().expect("run pgsight")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder of its own under the system temp folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("pgsight-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("mkdir");
        Self(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write");
        path.display().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture_files() -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![repo("tests/scenarios"), repo("tests/schemas"), repo("crates/pgsight-core/tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for path in std::fs::read_dir(&dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.display().to_string());
            }
        }
    }
    out.sort();
    out
}

/// Deterministic noise (xorshift), so a failure can be replayed.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

/// What plans and SQL are made of, for random text.
const ALPHABET: &[u8] = b" ()->,:'\"\n[]{}aZ09;=.$";

/// Inputs no fixture has: random bytes, nothing, a 6 MiB single line, invalid UTF-8
/// inside a real plan, NUL bytes.
fn garbage(dir: &TempDir) -> Vec<String> {
    let mut plan = std::fs::read(repo("tests/scenarios/seq-scan-orders-status.json")).expect("scenario");
    plan.splice(200..200, [0xFF, 0xFE, 0xC3]);
    // Large but few tokens: token-dense inputs are the core tests' job (and slow here).
    let mut huge = b"Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) Filter: (a = '".to_vec();
    huge.extend(b"x".repeat(6 * 1024 * 1024));
    huge.extend(b"'::text) ; SELECT 1;");
    vec![
        dir.file("random.bin", &noise(64 * 1024, 0x9E37_79B9_7F4A_7C15)),
        dir.file("random-text.txt", &noise(16 * 1024, 42).iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()]).collect::<Vec<u8>>()),
        dir.file("empty.json", b""),
        dir.file("huge-line.txt", &huge),
        dir.file("invalid-utf8.json", &plan),
        dir.file("nul.sql", b"CREATE TABLE t (a int);\0\0SELECT 1;\0"),
    ]
}

/// Runs every job (on a few threads) and returns the ones that did not end with 0, 1 or 2.
fn crashes(jobs: Vec<Vec<String>>) -> Vec<String> {
    let jobs = std::sync::Mutex::new(jobs);
    let found = std::sync::Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()).min(4);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let Some(args) = jobs.lock().expect("lock").pop() else { break };
                let out = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
                let code = out.status.code();
                if !matches!(code, Some(0..=2)) || stderr(&out).contains("panicked") {
                    found.lock().expect("lock").push(format!("pgsight {}: exit {code:?}\n{}", args.join(" "), stderr(&out)));
                }
            });
        }
    });
    found.into_inner().expect("lock")
}

#[test]
fn no_input_makes_the_cli_panic() {
    let dir = TempDir::new("hostile");
    let mut files = fixture_files();
    assert!(files.len() > 300, "fixtures found: {}", files.len());
    files.extend(garbage(&dir));
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<String>>();

    let mut jobs: Vec<Vec<String>> = Vec::new();
    // One file per run: every file through plan, schema and diff, the formats in turn.
    let plan_formats = ["human", "json"];
    let schema_flags: [&[&str]; 4] = [&[], &["--format", "json"], &["--stats"], &["--stats", "--format", "json"]];
    let diff_formats = ["human", "json", "markdown"];
    for (i, file) in files.iter().enumerate() {
        jobs.push(strings(&["plan", file, "--format", plan_formats[i % 2]]));
        let mut schema = strings(&["schema", file]);
        schema.extend(strings(schema_flags[i % 4]));
        jobs.push(schema);
        let other = &files[(i + 1) % files.len()];
        jobs.push(strings(&["diff", file, other, "--format", diff_formats[i % 3]]));
    }
    // Every file in every report format at once: as every kind of input for JSON; as a
    // plan and, for SQL and garbage, as one SQL kind in turn for the other formats
    // (reading every plan as SQL four more times only costs time).
    let sql_flags = ["--schema", "--migration", "--query"];
    let garbage_dir = dir.0.display().to_string();
    for (i, format) in ["json", "human", "sarif", "markdown", "github"].into_iter().enumerate() {
        let mut args = strings(&["analyze", "--format", format, "--fail-on", "info"]);
        for file in &files {
            args.extend(["--plan".to_owned(), file.clone()]);
            let sql_or_garbage = file.ends_with(".sql") || file.starts_with(&garbage_dir);
            for flag in sql_flags.iter().filter(|&&flag| i == 0 || (sql_or_garbage && flag == sql_flags[i % 3])) {
                args.extend([flag.to_string(), file.clone()]);
            }
        }
        jobs.push(args);
    }
    let mut link = strings(&["analyze", "--link"]);
    for file in &files {
        link.extend(["--plan".to_owned(), file.clone()]);
    }
    jobs.push(link);

    let found = crashes(jobs);
    assert!(found.is_empty(), "{} runs crashed:\n{}", found.len(), found.join("\n"));
}

#[test]
fn bad_inputs_are_listed_and_the_others_analyzed() {
    let dir = TempDir::new("bad-inputs");
    let good = repo("tests/scenarios/seq-scan-orders-status.json").display().to_string();
    let garbage = dir.file("garbage.json", b"{\"Plan\": oops");
    let missing = dir.0.join("missing.json").display().to_string();

    let out = run(&["analyze", "--plan", &garbage, "--plan", &missing, "--plan", &good, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "one input was analyzed: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("cannot read {missing}")), "{err}");
    assert!(err.contains(&format!("{garbage}: ")), "the unreadable plan's reason: {err}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let inputs = report["inputs"].as_array().expect("inputs");
    assert_eq!(inputs.len(), 3, "every input is listed: {inputs:?}");
    assert_eq!(inputs.iter().filter(|i| i["ok"] == true).count(), 1);
    assert!(inputs.iter().any(|i| i["name"] == missing.as_str() && i["ok"] == false));
    assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()), "the good plan's findings");

    let out = run(&["analyze", "--plan", &garbage, "--plan", &missing]);
    assert_eq!(out.status.code(), Some(2), "nothing could be analyzed");
    let err = stderr(&out);
    assert!(err.contains("cannot read") && err.contains("no input could be analyzed"), "{err}");
}

#[test]
fn invalid_utf8_is_read_lossily() {
    let dir = TempDir::new("utf8");
    let mut plan = std::fs::read_to_string(repo("tests/scenarios/seq-scan-orders-status.json")).expect("scenario").into_bytes();
    let at = plan.windows(7).position(|w| w == b"orders\"").expect("a relation name");
    plan.splice(at..at, [0xFF, 0xC3]);
    let path = dir.file("latin1.json", &plan);
    let out = run(&["analyze", "--plan", &path, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["inputs"][0]["ok"], true);
    let tree = run(&["plan", &path]);
    assert_eq!(tree.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&tree.stdout).contains("\u{FFFD}\u{FFFD}orders"), "bad bytes become U+FFFD");
}

#[test]
fn inputs_over_the_size_cap_are_refused_with_a_note() {
    let dir = TempDir::new("cap");
    let config = dir.file("pgsight.toml", b"max-input-mb = 1\n");
    let big = dir.file("big.sql", &b"SELECT 1;\n".repeat(150_000));
    let good = repo("tests/scenarios/seq-scan-orders-status.json").display().to_string();
    let out = run(&["analyze", "--config", &config, "--query", &big, "--plan", &good, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("the input is 1.4 MiB (1500000 bytes), over the input size cap of 1 MiB"), "{err}");
    let out = run(&["analyze", "--config", &config, "--query", &big]);
    assert_eq!(out.status.code(), Some(2), "the only input was refused");
}

#[test]
fn share_links_stay_under_the_unpacking_cap() {
    use pgsight_core::share::{decode, DEFAULT_MAX_DECODED_BYTES};
    let dir = TempDir::new("link");
    // 2 MB compresses to a short link that opens.
    let medium = "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n".repeat(40_000);
    let path = dir.file("medium.txt", medium.as_bytes());
    let out = run(&["analyze", "--plan", &path, "--link", "--base-url", "http://localhost/"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let url = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let shared = decode(url.strip_prefix("http://localhost/#/s/").expect("share route"), DEFAULT_MAX_DECODED_BYTES).expect("opens");
    assert_eq!(shared.plan, medium);
    // 9 MB would compress just as well, but the web app would refuse to unpack it.
    let path = dir.file("huge.txt", "a".repeat(9 * 1024 * 1024).as_bytes());
    let out = run(&["analyze", "--plan", &path, "--link"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a share link may unpack to"), "{}", stderr(&out));
}
