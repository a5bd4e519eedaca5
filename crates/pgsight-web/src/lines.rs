//! Where each line of an input starts, for the gutter and the read-only view of large
//! inputs (which draws only the lines in view).

/// Inputs larger than this (bytes) open in a read-only view: browsers lay out a
/// textarea of that size slowly on every keystroke.
pub const LARGE_INPUT_BYTES: usize = 1_000_000;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LineIndex {
    /// Byte offset of each line's start; never empty.
    starts: Vec<usize>,
    /// Characters in the longest line.
    pub max_chars: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let mut max_chars = 0;
        let mut from = 0;
        // Built on the main thread when a 20 MB plan is opened: the lines are found by
        // bytes, and an ASCII line (most of any plan) is counted by its length.
        let chars = |line: &str| {
            if line.is_ascii() {
                line.len()
            } else {
                line.chars().count()
            }
        };
        for line in text.split_inclusive('\n') {
            let end = from + line.len();
            if let Some(line) = line.strip_suffix('\n') {
                max_chars = max_chars.max(chars(line));
                starts.push(end);
            } else {
                max_chars = max_chars.max(chars(line));
            }
            from = end;
        }
        Self { starts, max_chars }
    }

    /// Number of lines (a trailing newline starts an empty last line).
    pub fn count(&self) -> u32 {
        u32::try_from(self.starts.len()).unwrap_or(u32::MAX)
    }

    /// Line `n` (1-based) of `text`, without its newline (nor a `\r`).
    pub fn line<'t>(&self, text: &'t str, n: u32) -> &'t str {
        let i = n.saturating_sub(1) as usize;
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self.starts.get(i + 1).map_or(text.len(), |next| next - 1);
        text.get(start..end).unwrap_or("").trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_widths() {
        let text = "ab\nçé𝄞x\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.count(), 4);
        assert_eq!(index.line(text, 1), "ab");
        assert_eq!(index.line(text, 2), "çé𝄞x");
        assert_eq!(index.line(text, 3), "");
        assert_eq!(index.line(text, 4), "last");
        assert_eq!(index.line(text, 5), "");
        assert_eq!(index.max_chars, 4);
    }

    #[test]
    fn trailing_newline_and_crlf() {
        let text = "a\r\nb\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.count(), 3);
        assert_eq!(index.line(text, 1), "a");
        assert_eq!(index.line(text, 2), "b");
        assert_eq!(index.line(text, 3), "");
        assert_eq!(LineIndex::new("").count(), 1);
    }
}
