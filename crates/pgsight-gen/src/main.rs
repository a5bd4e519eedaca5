//! `pgsight-gen [DIR]`: writes the benchmark inputs into DIR (default
//! `target/bench-inputs`).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 1 {
        eprintln!("usage: pgsight-gen [DIR]   (default: target/bench-inputs)");
        return if args.len() > 1 { ExitCode::from(2) } else { ExitCode::SUCCESS };
    }
    let dir = PathBuf::from(args.first().map_or("target/bench-inputs", String::as_str));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("pgsight-gen: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    for file in pgsight_gen::standard_set() {
        let path = dir.join(&file.file);
        if let Err(e) = std::fs::write(&path, &file.text) {
            eprintln!("pgsight-gen: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        let what = if file.kind == pgsight_gen::Kind::Schema { "tables" } else { "nodes" };
        println!("{:<40} {:>8.1} MB  {:>6} {what}", path.display(), file.text.len() as f64 / 1e6, file.count);
    }
    // The two biggest JSON plans are over the CLI's default 64 MiB input cap.
    let config = dir.join("pgsight.toml");
    if let Err(e) = std::fs::write(&config, "# Written by pgsight-gen: the largest generated plans are over the default cap.\nmax-input-mb = 256\n") {
        eprintln!("pgsight-gen: cannot write {}: {e}", config.display());
        return ExitCode::FAILURE;
    }
    println!("{:<40} (max-input-mb = 256, for --config)", config.display());
    ExitCode::SUCCESS
}
