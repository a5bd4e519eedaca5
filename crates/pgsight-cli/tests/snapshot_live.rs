//! The health snapshot script against a real PostgreSQL: the test starts a throwaway
//! server on loopback (its own data directory and port, stopped at the end, also when
//! an assertion fails), installs PostgreSQL from Debian's packages when it is missing,
//! loads tests/snapshot/workload.sql, runs `pgsight snapshot-sql`'s script through
//! psql and analyzes the JSON, with pg_stat_statements loaded, then installed but not
//! loaded, then not installed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

/// `/usr/lib/postgresql/<major>/bin`, version 15 when installed, else the newest;
/// installs Debian's `postgresql` package when there is none.
fn bindir() -> PathBuf {
    let find = || -> Option<PathBuf> {
        let mut dirs: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|e| e.ok())
            .filter_map(|e| Some((e.file_name().to_str()?.parse::<u32>().ok()?, e.path().join("bin"))))
            .filter(|(_, bin)| bin.join("postgres").exists() && bin.join("initdb").exists() && bin.join("psql").exists())
            .collect();
        dirs.sort();
        dirs.iter().find(|(v, _)| *v == 15).or(dirs.last()).map(|(_, p)| p.clone())
    };
    if let Some(dir) = find() {
        return dir;
    }
    assert!(is_root(), "PostgreSQL is not installed and this test is not root: install it (apt-get install -y postgresql)");
    eprintln!("installing PostgreSQL from Debian's packages");
    let update = Command::new("apt-get").args(["update", "-qq"]).status().expect("apt-get update");
    assert!(update.success(), "apt-get update failed");
    let install = Command::new("apt-get")
        .args(["install", "-y", "-qq", "postgresql"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .expect("apt-get install");
    assert!(install.success(), "apt-get install postgresql failed");
    find().expect("PostgreSQL binaries after installing postgresql")
}

/// A throwaway server; dropping it stops it and removes its directory.
struct Server {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    root: bool,
}

impl Server {
    fn start() -> Server {
        let bin = bindir();
        let dir = std::env::temp_dir().join(format!("pgsight-snapshot-live-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        // initdb and postgres run as the postgres user when the test runs as root.
        std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o777)).expect("chmod temp dir");
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port");
        let server = Server { bin, dir, port, root: is_root() };
        let data = server.dir.join("data");
        let out = server.as_postgres("initdb", &["-D", path(&data), "-U", "postgres", "--no-sync", "-A", "trust", "-E", "UTF8", "--locale=C"]);
        assert!(out.status.success(), "initdb failed: {}", String::from_utf8_lossy(&out.stderr));
        server.pg_ctl_start(true);
        server
    }

    fn as_postgres(&self, program: &str, args: &[&str]) -> Output {
        let program = self.bin.join(program);
        let mut command = if self.root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        command.args(args).stdin(Stdio::null()).output().expect("run a PostgreSQL program")
    }

    fn pg_ctl_start(&self, pg_stat_statements: bool) {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -c port={} -c unix_socket_directories={} -c fsync=off -c autovacuum=off -c jit=off{}",
            self.port,
            self.dir.display(),
            if pg_stat_statements { " -c shared_preload_libraries=pg_stat_statements" } else { "" }
        );
        let data = self.dir.join("data");
        let log = self.dir.join("log");
        let out = self.as_postgres("pg_ctl", &["-D", path(&data), "-l", path(&log), "-w", "-o", &options, "start"]);
        assert!(out.status.success(), "the server did not start: {}", std::fs::read_to_string(&log).unwrap_or_default());
    }

    fn restart(&self, pg_stat_statements: bool) {
        let data = self.dir.join("data");
        let out = self.as_postgres("pg_ctl", &["-D", path(&data), "-w", "-m", "fast", "stop"]);
        assert!(out.status.success(), "stop failed: {}", String::from_utf8_lossy(&out.stderr));
        self.pg_ctl_start(pg_stat_statements);
    }

    /// Runs SQL (a script or one statement) through psql, one session; stdout.
    fn psql(&self, sql: &str, extra: &[&str]) -> String {
        let mut child = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", "-d", "postgres"])
            .args(extra)
            .args(["-f", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn psql");
        child.stdin.take().expect("stdin").write_all(sql.as_bytes()).expect("write to psql");
        let out = child.wait_with_output().expect("psql");
        assert!(out.status.success(), "psql failed: {}\n{sql}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self.as_postgres("pg_ctl", &["-D", path(&data), "-w", "-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn pgsight(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pgsight")).args(args).output().expect("run pgsight")
}

/// The snapshot as `pgsight analyze --schema` reads it: the report's JSON.
fn analyze(dir: &Path, name: &str, snapshot: &str) -> serde_json::Value {
    let file = dir.join(name);
    std::fs::write(&file, snapshot).expect("write snapshot");
    let out = pgsight(&["analyze", "--schema", path(&file), "--format", "json", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("report JSON")
}

fn rules(report: &serde_json::Value) -> Vec<String> {
    report["findings"].as_array().expect("findings").iter().map(|f| f["rule"].as_str().unwrap_or_default().to_owned()).collect()
}

#[test]
fn the_snapshot_script_runs_on_postgres_with_and_without_pg_stat_statements() {
    let started = Instant::now();
    let script = String::from_utf8(pgsight(&["snapshot-sql"]).stdout).expect("script");
    assert_eq!(script, pgsight_core::snapshot::SQL);
    let server = Server::start();

    // The fixture's workload, one session per part so statistics reach VACUUM and ANALYZE.
    let workload = std::fs::read_to_string(repo("tests/snapshot/workload.sql")).expect("workload.sql");
    for part in workload.split("\n-- session\n") {
        server.psql(part, &[]);
    }
    // Leaves orders_status_key invalid (the statuses repeat); psql fails, as expected.
    let _ = Command::new(server.bin.join("psql"))
        .args(["-X", "-q", "-h", "127.0.0.1", "-p", &server.port.to_string(), "-U", "postgres", "-d", "postgres"])
        .args(["-c", "CREATE UNIQUE INDEX CONCURRENTLY orders_status_key ON orders (status)"])
        .output();
    server.psql("SELECT pg_stat_statements_reset();", &[]);
    server.psql(&std::fs::read_to_string(repo("tests/snapshot/queries.sql")).expect("queries.sql"), &[]);

    // 1. pg_stat_statements loaded and installed.
    let json = server.psql(&script, &["-A", "-t"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("snapshot is not JSON ({e}): {json}"));
    assert_eq!(value["pgsight_snapshot_version"], pgsight_core::snapshot::VERSION);
    assert_eq!(value["pg_stat_statements"], "available");
    let version = value["server_version_num"].as_i64().unwrap_or(0);
    eprintln!("PostgreSQL {} ({version})", value["server_version"]);
    assert!(value["statements"].as_array().is_some_and(|s| s.iter().any(|s| s["query"] == "SELECT * FROM products WHERE sku = $1")), "{}", value["statements"]);
    let report = analyze(&server.dir, "loaded.json", &json);
    let found = rules(&report);
    for rule in ["unused-index", "invalid-index", "dead-tuples", "stale-statistics", "seq-scan-heavy-table", "slow-statement"] {
        assert!(found.iter().any(|r| r == rule), "{rule} missing from {found:?}");
    }
    assert!(report["inputs"][0]["ok"].as_bool().unwrap_or(false));

    // 2. Installed but not loaded: querying the view would fail; the script must not.
    server.restart(false);
    let json = server.psql(&script, &["-A", "-t"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("snapshot JSON without the library");
    assert_eq!(value["pg_stat_statements"], "not loaded");
    assert!(value["statements"].is_null());
    let report = analyze(&server.dir, "not-loaded.json", &json);
    assert!(rules(&report).iter().any(|r| r == "unused-index"));
    assert!(!rules(&report).iter().any(|r| r == "slow-statement"));

    // 3. Not installed at all.
    server.psql("DROP EXTENSION pg_stat_statements;", &[]);
    let json = server.psql(&script, &["-A", "-t"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("snapshot JSON without the extension");
    assert_eq!(value["pg_stat_statements"], "not installed");
    assert!(value["statements"].is_null());
    let report = analyze(&server.dir, "not-installed.json", &json);
    assert!(report["notes"].as_array().is_some_and(|n| n.iter().any(|n| n["message"].as_str().unwrap_or_default().contains("not installed"))));
    assert!(rules(&report).iter().any(|r| r == "dead-tuples"));

    drop(server);
    eprintln!("snapshot live test took {:.1} s", started.elapsed().as_secs_f64());
}
