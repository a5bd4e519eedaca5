//! Clean-up of pasted EXPLAIN output before parsing.
//!
//! People paste plans with psql's `QUERY PLAN` header, its dashed rule and `(N rows)`
//! footer, `|` or `│` frames, `+` continuation marks, or pgAdmin's quoted cells with
//! doubled quotes. The cleaner removes those and keeps the line count, so an error
//! position in the cleaned text is the same line in the input.

use std::borrow::Cow;

use super::{PlanError, PlanFormat};

/// The cleaned text and how far each line moved left, to map columns back.
pub struct Cleaned<'a> {
    /// The input itself when nothing needed cleaning (plain psql or file output): a
    /// 100 MB plan is not copied.
    pub text: Cow<'a, str>,
    /// Characters removed from the start of each line (indexed by 0-based line).
    shifts: Vec<u32>,
}

impl Cleaned<'_> {
    /// Maps an error on the cleaned text back to the input's columns.
    pub fn map_error(&self, mut error: PlanError) -> PlanError {
        if let (Some(line), Some(column)) = (error.line, error.column) {
            let shift = self.shifts.get(line as usize - 1).copied().unwrap_or(0);
            error.column = Some(column + shift);
        }
        error
    }
}

const FRAME_CHARS: &[char] = &['|', '│', '┃', '║'];
const RULE_CHARS: &[char] = &['-', '+', '=', '─', '━', '═', '┼', '╪', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '|', '│', ' '];

/// Strips psql and pgAdmin decorations, keeping one output line per input line.
pub fn clean(input: &str) -> Cleaned<'_> {
    if let Some(unquoted) = unquote_pgadmin(input) {
        let (text, shifts) = clean_lines(&unquoted);
        return Cleaned { text: Cow::Owned(text), shifts };
    }
    let unchanged = |raw: &str| {
        let (kept, shift) = clean_line(raw);
        !raw.ends_with('\r') && shift == 0 && kept.len() == raw.len()
    };
    if input.split('\n').all(unchanged) {
        return Cleaned { text: Cow::Borrowed(input), shifts: Vec::new() };
    }
    let (text, shifts) = clean_lines(input);
    Cleaned { text: Cow::Owned(text), shifts }
}

fn clean_lines(input: &str) -> (String, Vec<u32>) {
    // One byte more than the input: a `\n` is pushed after the last line, then popped.
    let mut text = String::with_capacity(input.len() + 1);
    let mut shifts = Vec::new();
    for raw in input.split('\n') {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let (kept, shift) = clean_line(line);
        text.push_str(kept);
        text.push('\n');
        shifts.push(shift);
    }
    text.pop();
    (text, shifts)
}

/// True when [`clean_line`] keeps `line` as it is, decided from its ends alone: the
/// JSON lines and plan lines psql writes to a file. Anything else takes the full path.
fn is_plain(line: &str) -> bool {
    let bytes = line.as_bytes();
    let Some(&last) = bytes.last() else {
        return true;
    };
    // Trailing whitespace, a `+` continuation mark or a frame need the full check.
    if !last.is_ascii_graphic() || last == b'+' || last == b'|' {
        return false;
    }
    let Some(start) = bytes.iter().position(|b| *b != b' ') else {
        return false;
    };
    match bytes[start] {
        // JSON punctuation and `->`: neither a frame, a rule line nor a footer.
        b'"' | b'{' | b'}' | b'[' | b']' => true,
        b'-' => bytes.get(start + 1) == Some(&b'>'),
        b'A'..=b'Z' | b'a'..=b'z' => &line[start..] != "QUERY PLAN",
        _ => false,
    }
}

fn clean_line(line: &str) -> (&str, u32) {
    if is_plain(line) {
        (line, 0)
    } else {
        clean_line_full(line)
    }
}

fn clean_line_full(line: &str) -> (&str, u32) {
    let trimmed = line.trim();
    let inner = trimmed.trim_matches(FRAME_CHARS).trim();
    if inner == "QUERY PLAN" || is_rule_line(trimmed) || is_row_count_footer(inner) {
        return ("", 0);
    }
    let mut kept = line;
    let mut shift = 0;
    // A framed line: `| text |` or `│ text │`.
    let start = line.trim_start();
    if let Some(first) = start.chars().next().filter(|c| FRAME_CHARS.contains(c)) {
        let skip = line.len() - start.len() + first.len_utf8();
        shift = line[..skip].chars().count() as u32;
        kept = &line[skip..];
        let end = kept.trim_end();
        if let Some(last) = end.chars().last().filter(|c| FRAME_CHARS.contains(c)) {
            kept = &end[..end.len() - last.len_utf8()];
        }
    }
    // psql's aligned format marks a line that continues with `+` in its right border
    // (right after the text on the widest line). No EXPLAIN line ends with `+`.
    if let Some(body) = kept.trim_end().strip_suffix('+') {
        kept = body;
    }
    (kept.trim_end(), shift)
}

fn is_rule_line(line: &str) -> bool {
    line.chars().filter(|c| matches!(c, '-' | '─' | '━' | '═' | '=')).count() >= 3 && line.chars().all(|c| RULE_CHARS.contains(&c))
}

fn is_row_count_footer(line: &str) -> bool {
    let Some(body) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')) else {
        return false;
    };
    let mut words = body.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(n), Some("row" | "rows"), None) if n.chars().all(|c| c.is_ascii_digit())
    )
}

/// pgAdmin copies a JSON plan as one quoted cell with doubled quotes, and a text plan
/// as one quoted cell per line. Returns the unquoted text, or `None` when not quoted.
fn unquote_pgadmin(input: &str) -> Option<String> {
    let trimmed = input.trim();
    if let Some(inner) = trimmed.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        let starts_json = inner.trim_start().starts_with(['[', '{']);
        if starts_json && inner.contains("\"\"") {
            return Some(inner.replace("\"\"", "\""));
        }
    }
    // Stops at the first line that is not quoted: at once for plain plans.
    let mut lines = input.lines().filter(|l| !l.trim().is_empty()).peekable();
    let all_quoted = lines.peek().is_some()
        && lines.all(|l| {
            let t = l.trim();
            t.len() >= 2 && t.starts_with('"') && t.ends_with('"')
        });
    if !all_quoted {
        return None;
    }
    let out: Vec<String> = input
        .lines()
        .map(|l| {
            let t = l.trim();
            match t.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                Some(inner) => inner.replace("\"\"", "\""),
                None => String::new(),
            }
        })
        .collect();
    Some(out.join("\n"))
}

/// JSON when the first meaningful character opens a JSON value or the input holds a
/// `"Node Type"` key (auto_explain logs put a prefix before each JSON document).
pub fn detect(cleaned: &str) -> PlanFormat {
    let mut chars = cleaned.trim_start().chars();
    let first = chars.next();
    // `[` opens JSON only when an object, array or `]` follows: psql prompts such as
    // `[14003](2038152)postgres@db=#` start with `[` too.
    let after_bracket = chars.find(|c| !c.is_whitespace());
    let opens_json = match first {
        Some('{') => true,
        Some('[') => matches!(after_bracket, Some('{' | '[' | ']')),
        _ => false,
    };
    if opens_json || cleaned.contains("\"Node Type\"") {
        PlanFormat::Json
    } else {
        PlanFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_psql_aligned_json_output() {
        let pasted = "                 QUERY PLAN\n-----------------------------------\n [                                +\n   {                              +\n     \"Plan\": {\"Node Type\": \"Result\"}+\n   }                              +\n ]\n(1 row)\n";
        let cleaned = clean(pasted);
        assert_eq!(cleaned.text.lines().count(), pasted.lines().count());
        assert!(!cleaned.text.contains('+'));
        assert!(!cleaned.text.contains("QUERY PLAN"));
        assert!(!cleaned.text.contains("row)"));
        assert_eq!(detect(&cleaned.text), PlanFormat::Json);
    }

    #[test]
    fn strips_unicode_frames_and_keeps_columns_mappable() {
        let pasted = "┌────────────┐\n│ QUERY PLAN │\n├────────────┤\n│ Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) │\n└────────────┘";
        let cleaned = clean(pasted);
        assert_eq!(cleaned.text.lines().nth(3), Some(" Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)"));
        let mapped = cleaned.map_error(PlanError { message: String::new(), line: Some(4), column: Some(2) });
        assert_eq!(mapped.column, Some(3));
        assert_eq!(detect(&cleaned.text), PlanFormat::Text);
    }

    #[test]
    fn unquotes_pgadmin_cells() {
        let json = "\"[{\"\"Plan\"\": {\"\"Node Type\"\": \"\"Result\"\"}}]\"";
        assert_eq!(clean(json).text, "[{\"Plan\": {\"Node Type\": \"Result\"}}]");
        let text = "\"Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\"\n\"  Filter: (a = 'x''y')\"";
        assert_eq!(clean(text).text, "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n  Filter: (a = 'x''y')");
    }

    #[test]
    fn plain_output_is_borrowed_not_copied() {
        let json = "[\n  {\n    \"Plan\": {\n      \"Node Type\": \"Result\"\n    }\n  }\n]\n";
        let text = "Seq Scan on t  (cost=0.00..1.00 rows=1 width=4)\n  ->  Hash  (cost=1.00..1.00 rows=1 width=4)\nPlanning Time: 0.1 ms\n";
        for input in [json, text] {
            assert!(matches!(clean(input).text, Cow::Borrowed(_)), "{input}");
        }
        for decorated in ["QUERY PLAN\n[]", "Seq Scan on t \nx", "a\r\nb", " | x |", "(1 row)"] {
            assert!(matches!(clean(decorated).text, Cow::Owned(_)), "{decorated}");
        }
    }

    #[test]
    fn fast_path_agrees_with_the_full_check() {
        let lines = [
            "", "  ", "QUERY PLAN", "  QUERY PLAN", "QUERY PLAN |", "->  Seq Scan", "-- comment", "---", "(3 rows)", "\"Node Type\": 1,",
            "  Filter: (a + b)", "x +", "x|", "│ x │", "\tPlan", "Plan\t", "]", "Worker 0:  actual time=1..2", "- > x", "é",
        ];
        for line in lines {
            if is_plain(line) {
                assert_eq!(clean_line_full(line), (line, 0), "{line:?}");
            }
        }
    }

    #[test]
    fn plus_inside_content_is_kept() {
        assert_eq!(clean("  Filter: ((a + b) > 1)").text, "  Filter: ((a + b) > 1)");
    }
}
