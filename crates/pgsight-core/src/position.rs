//! Source positions, converted in one place.
//!
//! Parsers (ours and sqlparser) speak 1-based lines and character columns; the
//! terminal wants byte offsets and the DOM wants UTF-16 offsets.

/// 1-based line and character column of byte `offset` in `text`. Offsets past the
/// end or inside a character are clamped to the nearest character start.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (to_u32(line), to_u32(column))
}

/// Byte offset of a 1-based line and character column; `None` past the text.
pub fn byte_offset(text: &str, line: u32, column: u32) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line as usize - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[line_start..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let wanted = column.saturating_sub(1) as usize;
    match line_text.char_indices().nth(wanted) {
        Some((i, _)) => Some(line_start + i),
        None if line_text.chars().count() == wanted => Some(line_start + line_text.len()),
        None => None,
    }
}

/// UTF-16 code-unit offset of byte `offset` (what DOM selection APIs take).
pub fn utf16_offset(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    text[..offset].encode_utf16().count()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_agree_across_units() {
        let text = "ab\nçé𝄞x\n";
        let x = text.find('x').expect("x");
        assert_eq!(line_column(text, x), (2, 4));
        assert_eq!(byte_offset(text, 2, 4), Some(x));
        // 'ç' and 'é' are one UTF-16 unit each, '𝄞' is two.
        assert_eq!(utf16_offset(text, x), 3 + 4);
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(byte_offset(text, 9, 1), None);
    }
}
