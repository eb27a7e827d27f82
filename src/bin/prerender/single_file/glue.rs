//! The wasm-bindgen glue as the single file's start-up module: inline, nothing imports it and it
//! may fetch nothing, so its exports become local and the wasm comes along in base64.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// The inline module that starts the app: the glue with its exports made local, then the wasm
/// decoded from base64 and handed to the glue's init, so nothing is fetched.
pub(super) fn start_module(glue: &str, url: &str, wasm: &[u8]) -> Result<String, String> {
    let (glue, init) = unexport(glue).map_err(|e| format!("the wasm-bindgen glue {url}: {e}"))?;
    let mut text = glue;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("{\nconst b = atob(\"");
    text.push_str(&STANDARD.encode(wasm));
    text.push_str("\");\nconst bytes = new Uint8Array(b.length);\nfor (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\nawait ");
    text.push_str(&init);
    text.push_str("({ module_or_path: bytes });\n}\n");
    Ok(text)
}

/// The glue without its `export` statements (an inline module is imported by nobody), and the
/// local name of its default export, the init function. Refuses glue that imports a file.
fn unexport(glue: &str) -> Result<(String, String), String> {
    let bytes = glue.as_bytes();
    let mut out = String::with_capacity(glue.len());
    let mut init: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let at_statement = i == 0 || matches!(bytes[i - 1], b'\n' | b';' | b'}' | b'{' | b' ' | b'\t' | b'\r');
        let keyword_end = |word: &str| {
            glue[i..].starts_with(word) && !bytes.get(i + word.len()).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'$')
        };
        if at_statement && (i == 0 || !is_ident_byte(bytes[i - 1])) && keyword_end("import") {
            let next = glue[i + 6..].trim_start();
            if next.starts_with('{') || next.starts_with('*') || next.starts_with('"') || next.starts_with('\'') || next.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$') {
                return Err(format!("it imports another file ({}…): it cannot be inlined", &glue[i..(i + 60).min(glue.len())].lines().next().unwrap_or("")));
            }
        }
        if at_statement && (i == 0 || !is_ident_byte(bytes[i - 1])) && keyword_end("export") {
            let after = i + 6;
            let rest = &glue[after..];
            let trimmed = rest.trim_start();
            let skipped = rest.len() - trimmed.len();
            out.push_str(&glue[copied..i]);
            if let Some(default) = trimmed.strip_prefix("default") {
                // `export default NAME;`
                let name: String = default.trim_start().chars().take_while(|c| is_ident_byte(*c as u8) && c.is_ascii()).collect();
                if name.is_empty() {
                    return Err("its default export is not a name".into());
                }
                init = Some(name.clone());
                let name_at = after + skipped + 7 + (default.len() - default.trim_start().len());
                let end = past_semicolon(glue, name_at + name.len());
                copied = end;
                i = end;
                continue;
            } else if trimmed.starts_with('{') {
                // `export { a, b as default };`
                let close = trimmed.find('}').ok_or("an export list is not closed")?;
                for item in trimmed[1..close].split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    let mut parts = item.split_ascii_whitespace();
                    let local = parts.next().unwrap_or_default();
                    if parts.next() == Some("as") && parts.next() == Some("default") {
                        init = Some(local.to_string());
                    }
                }
                let after_list = &trimmed[close + 1..];
                if after_list.trim_start().starts_with("from") {
                    return Err("it re-exports from another file: it cannot be inlined".into());
                }
                let end = past_semicolon(glue, after + skipped + close + 1);
                copied = end;
                i = end;
                continue;
            } else {
                // `export function f`, `export const x`, `export class C`: keep the declaration.
                copied = after + skipped;
                i = copied;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&glue[copied..]);
    let init = init.ok_or("it has no default export (the init function)")?;
    Ok((out, init))
}

/// Where a statement that ends at `end` (before spaces and an optional `;`) really ends.
fn past_semicolon(glue: &str, end: usize) -> usize {
    let end = end + glue[end..].len() - glue[end..].trim_start_matches([' ', '\t']).len();
    if glue[end..].starts_with(';') { end + 1 } else { end }
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minified_glue_exports_are_understood() {
        let (code, init) = unexport("let a=1;function b(){}export function c(){}export{x as initSync,b as default};").unwrap();
        assert_eq!(init, "b");
        assert_eq!(code, "let a=1;function b(){}function c(){}");
        assert!(unexport("import * as s from './snippets/x.js';\nexport default f;").unwrap_err().contains("imports another file"));
        // `import.meta` and dynamic `import()` are fine in an inline module.
        assert!(unexport("const u = new URL('x', import.meta.url);\nexport default f;").is_ok());
    }
}
