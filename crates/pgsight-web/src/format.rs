//! Numbers as the page shows them: compact, aligned, no surprises.

use pgsight_core::plan::metrics::{Buffers, EstimateDirection, Misestimate};

/// A misestimate at least this large gets a badge in the tree.
pub const MISESTIMATE_BADGE_FACTOR: f64 = 10.0;

/// `999`, `1,234`, `12.3k`, `1.23M`, `4.5B`; fractional rows (PostgreSQL 16+ per-loop
/// averages) keep two decimals below ten.
pub fn compact(n: f64) -> String {
    if !n.is_finite() {
        return "–".to_owned();
    }
    let abs = n.abs();
    if abs < 10.0 && n.fract() != 0.0 {
        return trim_zeros(format!("{n:.2}"));
    }
    if abs < 10_000.0 {
        return grouped(n.round());
    }
    let (value, unit) = if abs < 1e6 {
        (n / 1e3, "k")
    } else if abs < 1e9 {
        (n / 1e6, "M")
    } else {
        (n / 1e9, "B")
    };
    format!("{}{unit}", three_digits(value))
}

/// `1,234,567`: the exact integer with thousands separators.
pub fn grouped(n: f64) -> String {
    if !n.is_finite() {
        return "–".to_owned();
    }
    let negative = n < 0.0;
    let digits = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative {
        format!("-{out}")
    } else {
        out
    }
}

/// Three significant digits: `1.23`, `12.3`, `123`.
fn three_digits(v: f64) -> String {
    let abs = v.abs();
    let s = if abs < 10.0 {
        format!("{v:.2}")
    } else if abs < 100.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.0}")
    };
    trim_zeros(s)
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A duration: `0.042 ms`, `12.3 ms`, `456 ms`, `1.23 s`, `2 min 5 s`.
pub fn ms(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    if v < 1.0 {
        format!("{} ms", trim_zeros(format!("{v:.3}")))
    } else if v < 1_000.0 {
        format!("{} ms", three_digits(v))
    } else if v < 60_000.0 {
        format!("{} s", three_digits(v / 1_000.0))
    } else {
        let total = (v / 1_000.0).round() as u64;
        format!("{} min {} s", total / 60, total % 60)
    }
}

/// A share of 0..=1 as `45.2%`, `<0.1%` for a sliver, `0%` for none.
pub fn percent(share: f64) -> String {
    if !share.is_finite() || share <= 0.0 {
        "0%".to_owned()
    } else if share < 0.001 {
        "<0.1%".to_owned()
    } else if share >= 0.9995 {
        "100%".to_owned()
    } else {
        format!("{:.1}%", share * 100.0)
    }
}

/// Bytes: `512 B`, `2.3 kB`, `12.4 MB`, `1.1 GB` (decimal units).
pub fn bytes(n: f64) -> String {
    if n < 1_000.0 {
        format!("{n:.0} B")
    } else if n < 1e6 {
        format!("{} kB", three_digits(n / 1e3))
    } else if n < 1e9 {
        format!("{} MB", three_digits(n / 1e6))
    } else {
        format!("{} GB", three_digits(n / 1e9))
    }
}

/// PostgreSQL's block size.
const BLOCK_BYTES: f64 = 8_192.0;

/// The blocks a node touched (shared and local, hit or read), as data volume.
pub fn buffers_total(b: &Buffers) -> f64 {
    b.shared_hit + b.shared_read + b.local_hit + b.local_read
}

/// The tree's buffer column: the volume of pages touched, or nothing.
pub fn buffers_short(b: &Buffers) -> Option<String> {
    let total = buffers_total(b);
    (total > 0.0).then(|| bytes(total * BLOCK_BYTES))
}

/// The buffer line of the detail panel: `shared hit 1,234 · read 56 · temp written 8`.
pub fn buffers_long(b: &Buffers) -> Option<String> {
    let parts: Vec<String> = [
        ("shared hit", b.shared_hit),
        ("shared read", b.shared_read),
        ("shared dirtied", b.shared_dirtied),
        ("shared written", b.shared_written),
        ("local hit", b.local_hit),
        ("local read", b.local_read),
        ("temp read", b.temp_read),
        ("temp written", b.temp_written),
    ]
    .iter()
    .filter(|(_, v)| *v > 0.0)
    .map(|(k, v)| format!("{k} {}", grouped(*v)))
    .collect();
    (!parts.is_empty()).then(|| format!("{} (blocks of 8 kB)", parts.join(" · ")))
}

/// The misestimate badge, when the factor is large enough: `×120 under`.
pub fn misestimate_badge(m: &Misestimate) -> Option<String> {
    (m.factor >= MISESTIMATE_BADGE_FACTOR).then(|| {
        let dir = match m.direction {
            EstimateDirection::Under => "under",
            EstimateDirection::Over => "over",
        };
        format!("×{} {dir}", compact(m.factor.round()))
    })
}

/// Its tooltip.
pub fn misestimate_title(m: &Misestimate) -> String {
    let what = match m.direction {
        EstimateDirection::Under => "more rows than the planner estimated",
        EstimateDirection::Over => "fewer rows than the planner estimated",
    };
    format!("{} times {what} (per loop)", compact(m.factor))
}

/// `1 finding`, `3 findings`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// How long ago `then` was, both in milliseconds since the epoch.
pub fn ago(now_ms: f64, then_ms: f64) -> String {
    let s = ((now_ms - then_ms) / 1_000.0).max(0.0);
    if s < 60.0 {
        "just now".to_owned()
    } else if s < 3_600.0 {
        format!("{} min ago", (s / 60.0).floor())
    } else if s < 86_400.0 {
        format!("{} h ago", (s / 3_600.0).floor())
    } else {
        let days = (s / 86_400.0).floor() as u64;
        if days == 1 {
            "yesterday".to_owned()
        } else {
            format!("{days} days ago")
        }
    }
}

/// `line 3, column 7`, `line 3`, or nothing.
pub fn position(line: Option<u32>, column: Option<u32>) -> Option<String> {
    match (line, column) {
        (Some(l), Some(c)) => Some(format!("line {l}, column {c}")),
        (Some(l), None) => Some(format!("line {l}")),
        _ => None,
    }
}

/// Shortens `text` to at most `max` characters, with an ellipsis.
pub fn ellipsize(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_numbers() {
        assert_eq!(compact(0.0), "0");
        assert_eq!(compact(999.0), "999");
        assert_eq!(compact(1_234.0), "1,234");
        assert_eq!(compact(9_999.0), "9,999");
        assert_eq!(compact(12_345.0), "12.3k");
        assert_eq!(compact(999_000.0), "999k");
        assert_eq!(compact(1_000_000.0), "1M");
        assert_eq!(compact(1_234_567.0), "1.23M");
        assert_eq!(compact(4_500_000_000.0), "4.5B");
        assert_eq!(compact(0.5), "0.5");
        assert_eq!(compact(2.25), "2.25");
        assert_eq!(compact(f64::NAN), "–");
    }

    #[test]
    fn grouped_numbers() {
        assert_eq!(grouped(0.0), "0");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1000.0), "1,000");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(grouped(-4_200.0), "-4,200");
    }

    #[test]
    fn durations() {
        assert_eq!(ms(0.042), "0.042 ms");
        assert_eq!(ms(0.5), "0.5 ms");
        assert_eq!(ms(12.34), "12.3 ms");
        assert_eq!(ms(456.7), "457 ms");
        assert_eq!(ms(1_234.0), "1.23 s");
        assert_eq!(ms(125_000.0), "2 min 5 s");
    }

    #[test]
    fn percents() {
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.0004), "<0.1%");
        assert_eq!(percent(0.4523), "45.2%");
        assert_eq!(percent(1.0), "100%");
    }

    #[test]
    fn byte_sizes() {
        assert_eq!(bytes(512.0), "512 B");
        assert_eq!(bytes(2_345.0), "2.35 kB");
        assert_eq!(bytes(12_400_000.0), "12.4 MB");
        assert_eq!(bytes(1.1e9), "1.1 GB");
    }

    #[test]
    fn buffers() {
        let b = Buffers {
            shared_hit: 1_000.0,
            shared_read: 24.0,
            temp_written: 8.0,
            ..Buffers::default()
        };
        assert_eq!(buffers_short(&b).as_deref(), Some("8.39 MB"));
        assert_eq!(
            buffers_long(&b).as_deref(),
            Some("shared hit 1,000 · shared read 24 · temp written 8 (blocks of 8 kB)")
        );
        assert_eq!(buffers_short(&Buffers::default()), None);
        assert_eq!(buffers_long(&Buffers::default()), None);
    }

    #[test]
    fn misestimates() {
        let big = Misestimate {
            factor: 123.4,
            direction: EstimateDirection::Under,
        };
        assert_eq!(misestimate_badge(&big).as_deref(), Some("×123 under"));
        let small = Misestimate {
            factor: 9.9,
            direction: EstimateDirection::Over,
        };
        assert_eq!(misestimate_badge(&small), None);
        let over = Misestimate {
            factor: 15_000.0,
            direction: EstimateDirection::Over,
        };
        assert_eq!(misestimate_badge(&over).as_deref(), Some("×15k over"));
        assert!(misestimate_title(&big).contains("more rows"));
    }

    #[test]
    fn relative_times() {
        let now = 1_700_000_000_000.0;
        assert_eq!(ago(now, now - 5_000.0), "just now");
        assert_eq!(ago(now, now - 5.0 * 60_000.0), "5 min ago");
        assert_eq!(ago(now, now - 3.0 * 3_600_000.0), "3 h ago");
        assert_eq!(ago(now, now - 30.0 * 3_600_000.0), "yesterday");
        assert_eq!(ago(now, now - 5.0 * 86_400_000.0), "5 days ago");
        assert_eq!(ago(now, now + 10_000.0), "just now");
    }

    #[test]
    fn positions_and_words() {
        assert_eq!(
            position(Some(3), Some(7)).as_deref(),
            Some("line 3, column 7")
        );
        assert_eq!(position(Some(3), None).as_deref(), Some("line 3"));
        assert_eq!(position(None, Some(7)), None);
        assert_eq!(plural(1, "node"), "1 node");
        assert_eq!(plural(3, "node"), "3 nodes");
        assert_eq!(ellipsize("  short ", 10), "short");
        assert_eq!(ellipsize("a rather long title", 10), "a rather…");
    }
}
