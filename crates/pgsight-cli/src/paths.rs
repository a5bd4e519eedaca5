//! File arguments: several per flag, and glob patterns expanded here (Windows shells
//! pass `migrations/*.sql` through unexpanded; so does a quoted pattern anywhere).

use std::path::PathBuf;

use crate::UsageError;

/// Whether an argument is a glob pattern rather than a file name.
fn is_pattern(arg: &str) -> bool {
    arg.contains(['*', '?', '['])
}

/// Expands each pattern into the files it matches, in name order; other arguments
/// (and `-`, and a file whose name merely contains `*`) stay as they are. A pattern
/// that matches no file is a usage error.
pub fn expand(args: Vec<PathBuf>) -> Result<Vec<PathBuf>, UsageError> {
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        let text = arg.to_string_lossy().into_owned();
        if !is_pattern(&text) || arg.exists() {
            out.push(arg);
            continue;
        }
        let options = glob::MatchOptions { case_sensitive: !cfg!(windows), require_literal_separator: true, require_literal_leading_dot: true };
        let paths = glob::glob_with(&text, options).map_err(|e| UsageError(format!("bad pattern `{text}`: {e}")))?;
        let mut matched: Vec<PathBuf> = paths.filter_map(Result::ok).filter(|p| !p.is_dir()).collect();
        if matched.is_empty() {
            return Err(UsageError(format!("no file matches `{text}`")));
        }
        matched.sort();
        out.extend(matched);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_expand_in_order_and_must_match() {
        let dir = std::env::temp_dir().join(format!("pgsight-glob-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
        for name in ["b.sql", "a.sql", "c.txt"] {
            std::fs::write(dir.join(name), "").expect("write");
        }
        let pattern = dir.join("*.sql");
        let expanded = expand(vec![PathBuf::from("-"), pattern]).map_err(|e| e.0).expect("expands");
        assert_eq!(expanded, vec![PathBuf::from("-"), dir.join("a.sql"), dir.join("b.sql")]);
        let none = expand(vec![dir.join("*.json")]).map(|_| ()).map_err(|e| e.0);
        assert!(none.as_ref().is_err_and(|m| m.starts_with("no file matches")), "{none:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
