//! Just enough Markdown for the core's rule docs: headings, paragraphs, lists and
//! fenced code blocks, with `code` and **bold** spans. The result is data; the page
//! renders it as elements and text nodes (never as HTML).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading { level: u8, text: String },
    Paragraph(String),
    List(Vec<String>),
    Code { lang: String, text: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Code(String),
    Strong(String),
}

pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let mut lines = markdown.lines();

    fn flush(out: &mut Vec<Block>, paragraph: &mut Vec<&str>, list: &mut Vec<String>) {
        if !paragraph.is_empty() {
            out.push(Block::Paragraph(paragraph.join(" ")));
            paragraph.clear();
        }
        if !list.is_empty() {
            out.push(Block::List(std::mem::take(list)));
        }
    }

    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if let Some(lang) = trimmed.strip_prefix("```") {
            flush(&mut out, &mut paragraph, &mut list);
            let mut code = Vec::new();
            for inner in lines.by_ref() {
                if inner.trim_start().starts_with("```") {
                    break;
                }
                code.push(inner);
            }
            out.push(Block::Code {
                lang: lang.trim().to_owned(),
                text: code.join("\n"),
            });
        } else if trimmed.is_empty() {
            flush(&mut out, &mut paragraph, &mut list);
        } else if let Some((level, text)) = heading(trimmed) {
            flush(&mut out, &mut paragraph, &mut list);
            out.push(Block::Heading {
                level,
                text: text.to_owned(),
            });
        } else if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            if !paragraph.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            list.push(item.trim().to_owned());
        } else if !list.is_empty() && line.starts_with("  ") {
            // A continuation of the last list item.
            if let Some(last) = list.last_mut() {
                last.push(' ');
                last.push_str(trimmed);
            }
        } else {
            if !list.is_empty() {
                flush(&mut out, &mut paragraph, &mut list);
            }
            paragraph.push(trimmed);
        }
    }
    flush(&mut out, &mut paragraph, &mut list);
    out
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some((hashes as u8, line[hashes..].trim()))
    } else {
        None
    }
}

/// Splits a line of text into plain, `code` and **strong** spans. Unclosed markers
/// stay as text.
pub fn spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('`') {
            if let Some(end) = after.find('`') {
                push_text(&mut out, &mut plain);
                out.push(Span::Code(after[..end].to_owned()));
                rest = &after[end + 1..];
                continue;
            }
        } else if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**") {
                push_text(&mut out, &mut plain);
                out.push(Span::Strong(after[..end].to_owned()));
                rest = &after[end + 2..];
                continue;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            plain.push(c);
        }
        rest = chars.as_str();
    }
    push_text(&mut out, &mut plain);
    out
}

fn push_text(out: &mut Vec<Span>, plain: &mut String) {
    if !plain.is_empty() {
        out.push(Span::Text(std::mem::take(plain)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_blocks_of_a_rule_doc() {
        let doc = "# sort-spill\n\nA sort that spilled.\n\n## What it does\nFinds a Sort\nthat ran out.\n\n```text\nSort  (actual)\n  Sort Key: x\n```\n- one\n- two\n  continued\n\nAfter.";
        assert_eq!(
            blocks(doc),
            vec![
                Block::Heading {
                    level: 1,
                    text: "sort-spill".into()
                },
                Block::Paragraph("A sort that spilled.".into()),
                Block::Heading {
                    level: 2,
                    text: "What it does".into()
                },
                Block::Paragraph("Finds a Sort that ran out.".into()),
                Block::Code {
                    lang: "text".into(),
                    text: "Sort  (actual)\n  Sort Key: x".into()
                },
                Block::List(vec!["one".into(), "two continued".into()]),
                Block::Paragraph("After.".into()),
            ]
        );
    }

    #[test]
    fn code_right_after_a_paragraph_line() {
        let doc = "Give it memory:\n```sql\nSET work_mem = '32MB';\n```";
        assert_eq!(
            blocks(doc),
            vec![
                Block::Paragraph("Give it memory:".into()),
                Block::Code {
                    lang: "sql".into(),
                    text: "SET work_mem = '32MB';".into()
                },
            ]
        );
    }

    #[test]
    fn unclosed_fence_takes_the_rest() {
        assert_eq!(
            blocks("```\na\nb"),
            vec![Block::Code {
                lang: String::new(),
                text: "a\nb".into()
            }]
        );
    }

    #[test]
    fn hash_without_space_is_text() {
        assert_eq!(
            blocks("#hashtag"),
            vec![Block::Paragraph("#hashtag".into())]
        );
    }

    #[test]
    fn inline_spans() {
        assert_eq!(
            spans("Set `work_mem` for **this** session, é `unclosed"),
            vec![
                Span::Text("Set ".into()),
                Span::Code("work_mem".into()),
                Span::Text(" for ".into()),
                Span::Strong("this".into()),
                Span::Text(" session, é `unclosed".into()),
            ]
        );
        assert_eq!(spans(""), vec![]);
    }

    #[test]
    fn every_rule_doc_renders_to_blocks() {
        for rule in pgsight_core::Rule::ALL {
            let page = blocks(&rule.doc_page());
            assert!(
                matches!(page.first(), Some(Block::Heading { level: 1, .. })),
                "{}",
                rule.id()
            );
            assert!(
                page.iter()
                    .any(|b| matches!(b, Block::Heading { level: 2, text } if text == "Fix")),
                "{}",
                rule.id()
            );
            assert!(
                page.iter().any(|b| matches!(b, Block::Code { .. })),
                "{} has no example",
                rule.id()
            );
        }
    }
}
