//! Lowering double-quoted strings: the text, `$var` and `$( )` parts of an expandable string, and
//! PowerShell 2.0's backtick escapes. Apart because the escapes are a small language of their
//! own (about_Escape_Characters).

use tree_sitter::Node;

use super::{named_kids, Lowerer, R};
use crate::shell::ast::{Expr, StrPart};

impl Lowerer<'_> {
    pub(super) fn expandable(&self, node: Node) -> R<Expr> {
        let full = self.text(node);
        let start = node.start_byte();
        let mut parts = Vec::new();
        let mut cursor = start + 1; // after the opening quote
        let end = node.end_byte() - 1; // before the closing quote
        let children: Vec<Node> = named_kids(node);
        for child in children {
            let (cs, ce) = (child.start_byte(), child.end_byte());
            if cs > cursor {
                parts.push(StrPart::Text(self.unescape(&self.src[cursor..cs], node)?));
            }
            match child.kind() {
                "variable" => parts.push(StrPart::Var(self.var(child)?)),
                "sub_expression" => parts.push(StrPart::Sub(self.inner_statements(child)?)),
                _ => return self.unsupported(child, "this part of a string"),
            }
            cursor = ce;
        }
        if end > cursor {
            parts.push(StrPart::Text(self.unescape(&self.src[cursor..end], node)?));
        }
        if !full.ends_with('"') {
            return self.unsupported(node, "this string");
        }
        if parts.iter().all(|p| matches!(p, StrPart::Text(_))) {
            let text: String = parts.iter().map(|p| if let StrPart::Text(t) = p { t.as_str() } else { "" }).collect();
            return Ok(Expr::Str(text));
        }
        Ok(Expr::Expand(parts))
    }

    fn unescape(&self, raw: &str, node: Node) -> R<String> {
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '`' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('0') => out.push('\0'),
                    Some('a') => out.push('\u{7}'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('v') => out.push('\u{b}'),
                    // Any other escaped character is itself (about_Escape_Characters; Parser.Tests.ps1
                    // "escaping any character with no special meaning just returns that char"). `e and
                    // `u{} are escapes only from PowerShell 6 on: in 2.0 and 3.0 they are "e" and "u".
                    Some(other) => out.push(other),
                    None => return self.unsupported(node, "this escape sequence"),
                },
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.push('"');
                }
                '$' => match chars.peek() {
                    None => out.push('$'),
                    Some(n) if n.is_whitespace() || *n == '"' => out.push('$'),
                    _ => return self.unsupported(node, "a '$' form in a string"),
                },
                _ => out.push(c),
            }
        }
        Ok(out)
    }
}
