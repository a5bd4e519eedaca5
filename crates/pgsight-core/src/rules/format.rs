//! Number formatting for finding text: one style everywhere.

/// `999990` → `999,990`; fractions keep up to two digits (`12.5`).
pub fn count(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let rounded = (n * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let frac = (rounded.abs() - rounded.abs().trunc()) * 100.0;
    if frac.round() >= 1.0 {
        let f = format!("{:02}", frac.round() as u64);
        out.push('.');
        out.push_str(f.trim_end_matches('0'));
    }
    if rounded < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// Milliseconds, with precision that suits the size: `0.042 ms`, `12.3 ms`, `1,342 ms`.
pub fn ms(value: f64) -> String {
    if value >= 100.0 {
        format!("{} ms", count(value.round()))
    } else if value >= 1.0 {
        format!("{value:.1} ms")
    } else {
        format!("{value:.3} ms")
    }
}

/// A share 0..=1 as a percentage: `99.9%`, `42%`, `<0.1%`.
pub fn percent(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 0.1 {
        "<0.1%".to_owned()
    } else if p >= 10.0 && (p - p.round()).abs() < 0.05 {
        format!("{p:.0}%")
    } else {
        format!("{p:.1}%")
    }
}

/// A ratio as `12x`, `1,234x`.
pub fn factor(x: f64) -> String {
    format!("{}x", count(x.round()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(count(999_990.0), "999,990");
        assert_eq!(count(12.5), "12.5");
        assert_eq!(count(1_000_000.0), "1,000,000");
        assert_eq!(ms(1342.4), "1,342 ms");
        assert_eq!(ms(0.0421), "0.042 ms");
        assert_eq!(percent(0.999), "99.9%");
        assert_eq!(percent(0.5), "50%");
        assert_eq!(factor(1234.4), "1,234x");
    }
}
