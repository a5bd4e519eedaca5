//! The timestamps PostgreSQL's JSON prints (`2024-05-01T12:00:00.123456+02:00`), read
//! just enough to say how long before the snapshot something happened.

/// Seconds since 1970-01-01 UTC, or `None` when the text is not such a timestamp.
pub fn epoch_seconds(text: &str) -> Option<f64> {
    let text = text.trim();
    let (date, rest) = text.split_at(text.find(['T', ' '])?);
    let mut d = date.split('-');
    let (year, month, day): (i64, i64, i64) = (d.next()?.parse().ok()?, d.next()?.parse().ok()?, d.next()?.parse().ok()?);
    let rest = &rest[1..];
    let zone_at = rest.find(['+', '-', 'Z']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let mut c = clock.split(':');
    let (hour, minute): (f64, f64) = (c.next()?.parse().ok()?, c.next()?.parse().ok()?);
    let second: f64 = c.next().unwrap_or("0").parse().ok()?;
    let offset = match zone.chars().next() {
        Some(sign @ ('+' | '-')) => {
            let mut z = zone[1..].split(':');
            let h: f64 = z.next()?.parse().ok()?;
            let m: f64 = z.next().unwrap_or("0").parse().ok()?;
            let s = (h * 3600.0) + m * 60.0;
            if sign == '+' { s } else { -s }
        }
        _ => 0.0,
    };
    let days = days_from_civil(year, month, day) as f64;
    Some(days * 86_400.0 + hour * 3600.0 + minute * 60.0 + second - offset)
}

/// Days from `earlier` to `later` (both timestamps), when both read.
pub fn age_days(earlier: &str, later: &str) -> Option<f64> {
    Some((epoch_seconds(later)? - epoch_seconds(earlier)?) / 86_400.0)
}

/// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = (if y >= 0 { y } else { y - 399 }) / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_postgres_json_timestamps() {
        assert_eq!(epoch_seconds("1970-01-01T00:00:00+00:00"), Some(0.0));
        assert_eq!(epoch_seconds("2024-03-01T00:00:00Z"), Some(1_709_251_200.0));
        assert_eq!(epoch_seconds("2024-03-01T02:00:00+02:00"), Some(1_709_251_200.0));
        assert_eq!(epoch_seconds("2024-02-29T19:30:00-04:30"), Some(1_709_251_200.0));
        assert!((epoch_seconds("2024-03-01T00:00:00.25+00").unwrap_or(0.0) - 1_709_251_200.25).abs() < 1e-6);
        assert_eq!(age_days("2024-03-01T00:00:00+00:00", "2024-03-11T00:00:00+00:00"), Some(10.0));
        assert_eq!(epoch_seconds("yesterday"), None);
    }
}
