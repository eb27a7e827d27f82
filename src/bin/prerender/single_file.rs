//! The built site as one self-contained HTML file, for opening from disk (`file://`) on hosts
//! without a web server. Chromium refuses module scripts from `file://` (origin `null`) and the
//! stylesheet's `integrity` check fails there, so the single file fetches nothing: its style,
//! scripts, wasm and favicon are all in the page, and its Content-Security-Policy allows exactly
//! those inline texts by SHA-256 hash (never `'unsafe-inline'`).
//!
//! Native only: the HTML is scanned with a small tag reader that knows the shape Trunk writes
//! (quoted or minified attributes, comments, raw-text `<script>`/`<style>`); the hashes and
//! base64 come from the `sha2` and `base64` crates, which the wasm never links.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The page `index_html` (a finished page of the built site, whose assets are relative URLs like
/// `./main-<hash>.css`) as one self-contained file: the stylesheet as a `<style>`, the start-up
/// module script replaced by one inline module holding the wasm-bindgen glue and the wasm in
/// base64, other classic scripts inlined in place, the favicon (and any `<img>`) as `data:` URLs,
/// preloads dropped, and the Content-Security-Policy rewritten to allow exactly these inline
/// texts by hash. `read_asset` gets each URL as written in the page and returns the file's bytes.
/// The page's `data-testid="from-disk"` notice (telling a reader to open this very file) is
/// dropped. Errors name what is missing or cannot be inlined.
pub fn inline_page(index_html: &str, read_asset: &dyn Fn(&str) -> Option<Vec<u8>>) -> Result<String, String> {
    let tokens = tokenize(index_html)?;
    let mut edits: Vec<Edit> = Vec::new();
    let mut script_hashes: Vec<String> = Vec::new();
    let mut style_hashes: Vec<String> = Vec::new();
    let mut csp: Option<(&Token, String)> = None; // the meta element and its policy
    let mut stylesheets = 0;
    let mut start_scripts = 0;

    let read = |what: &str, url: &str| -> Result<Vec<u8>, String> {
        if is_external(url) {
            return Err(format!("{what} {url} is not a file of the site: a single file cannot fetch it"));
        }
        read_asset(url).ok_or_else(|| format!("{what} {url} could not be read"))
    };
    let read_text = |what: &str, url: &str| -> Result<String, String> {
        let bytes = read(what, url)?;
        let text = String::from_utf8(bytes).map_err(|_| format!("{what} {url} is not UTF-8"))?;
        // The HTML parser turns CR LF and CR into LF before a script's text is hashed.
        Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
    };

    let mut skip_until: Option<usize> = None; // inside the dropped from-disk notice
    for (index, token) in tokens.iter().enumerate() {
        if let Some(end) = skip_until {
            if token.start < end {
                continue;
            }
            skip_until = None;
        }
        if token.end_tag {
            continue;
        }
        if token.attr("data-testid") == Some("from-disk") {
            let end = element_end(&tokens, index);
            edits.push(Edit { start: token.start, end, text: String::new() });
            skip_until = Some(end);
            continue;
        }
        match token.name.as_str() {
            "meta" if token.attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy")) => {
                let policy = token.attr("content").ok_or("the Content-Security-Policy <meta> has no content")?;
                if csp.is_some() {
                    return Err("the page has two Content-Security-Policy <meta> elements".into());
                }
                csp = Some((token, policy.to_string()));
            }
            "link" => {
                let rels = token.attr("rel").unwrap_or("").to_ascii_lowercase();
                let rels: Vec<&str> = rels.split_ascii_whitespace().collect();
                let href = token.attr("href");
                if rels.contains(&"stylesheet") {
                    let href = href.ok_or("a stylesheet <link> has no href")?;
                    let css = read_text("the stylesheet", href)?;
                    raw_text_fits("style", href, &css)?;
                    style_hashes.push(sha256_source(&css));
                    let media = token.attr("media").map(|m| format!(" media=\"{}\"", escape_attr(m))).unwrap_or_default();
                    edits.push(Edit { start: token.start, end: token.end, text: format!("<style{media}>{css}</style>") });
                    stylesheets += 1;
                } else if rels.iter().any(|r| matches!(*r, "preload" | "modulepreload" | "prefetch" | "preconnect" | "dns-prefetch")) {
                    edits.push(Edit { start: token.start, end: token.end, text: String::new() });
                } else if rels.iter().any(|r| r.contains("icon")) {
                    let href = href.ok_or("an icon <link> has no href")?;
                    if !href.starts_with("data:") {
                        let url = data_url(href, &read("the icon", href)?)?;
                        edits.push(Edit { start: token.start, end: token.end, text: rewrite_tag(token, "href", &url) });
                    }
                } else if rels.contains(&"manifest") {
                    return Err(format!("the page links a manifest ({}): a single file cannot carry it", href.unwrap_or("no href")));
                }
            }
            "script" => {
                let (content_start, content_end) = token.raw.expect("script is raw text");
                let src = token.attr("src");
                let module = token.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("module"));
                if let (Some(js), Some(wasm)) = (token.attr("data-js"), token.attr("data-wasm")) {
                    let glue = read_text("the wasm-bindgen glue", js)?;
                    let wasm = read("the wasm", wasm)?;
                    let text = start_module(&glue, js, &wasm)?;
                    raw_text_fits("script", js, &text)?;
                    script_hashes.push(sha256_source(&text));
                    edits.push(Edit { start: token.start, end: token.end, text: format!("<script type=\"module\">{text}</script>") });
                    start_scripts += 1;
                } else if let Some(src) = src {
                    if module {
                        return Err(format!("the module script {src} is not the start-up script (no data-js and data-wasm): it cannot be inlined"));
                    }
                    if token.attr("defer").is_some() {
                        return Err(format!("the script {src} is deferred: inline, it would run at once; load it without defer"));
                    }
                    if !index_html[content_start..content_end].trim().is_empty() {
                        return Err(format!("the script {src} has both a src and text"));
                    }
                    let text = read_text("the script", src)?;
                    raw_text_fits("script", src, &text)?;
                    script_hashes.push(sha256_source(&text));
                    let kept = kept_attrs(token, &["src", "integrity", "crossorigin", "async", "defer", "nonce"]);
                    edits.push(Edit { start: token.start, end: token.end, text: format!("<script{kept}>{text}</script>") });
                }
            }
            "img" => {
                if let Some(src) = token.attr("src").filter(|s| !s.starts_with("data:")) {
                    let url = data_url(src, &read("the image", src)?)?;
                    edits.push(Edit { start: token.start, end: token.end, text: rewrite_tag(token, "src", &url) });
                }
            }
            "iframe" | "embed" | "source" | "video" | "audio" | "track" | "input" | "object" => {
                if let Some(src) = token.attr("src").or_else(|| token.attr("data")).filter(|s| !s.starts_with("data:")) {
                    return Err(format!("<{} src=\"{src}\"> cannot be inlined", token.name));
                }
            }
            _ => {}
        }
    }

    if stylesheets == 0 {
        return Err("no stylesheet <link rel=stylesheet href=…> found".into());
    }
    match start_scripts {
        0 => return Err("no start-up <script type=module data-js=… data-wasm=…> found".into()),
        1 => {}
        n => return Err(format!("{n} start-up scripts (data-js and data-wasm) found; expected one")),
    }
    let (meta, policy) = csp.ok_or("no Content-Security-Policy <meta http-equiv> found")?;
    let policy = single_file_policy(&policy, &script_hashes, &style_hashes);
    let attrs: String = meta
        .attrs
        .iter()
        .map(|(name, value)| {
            let value = if name == "content" { &policy } else { value };
            format!(" {name}=\"{}\"", escape_attr(value))
        })
        .collect();
    edits.push(Edit { start: meta.start, end: meta.end, text: format!("<meta{attrs}>") });

    Ok(apply(index_html, edits))
}

/// The page's policy for the single file: scripts and styles by hash, wasm compiled from bytes,
/// images from `data:` only, and no fetch of the page's own origin.
fn single_file_policy(policy: &str, script_hashes: &[String], style_hashes: &[String]) -> String {
    let script_src = format!("script-src {} 'wasm-unsafe-eval'", script_hashes.join(" "));
    let style_src = format!("style-src {}", style_hashes.join(" "));
    let img_src = "img-src data:".to_string();
    let mut out: Vec<String> = Vec::new();
    let (mut script, mut style, mut img) = (false, false, false);
    for directive in policy.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let mut words = directive.split_ascii_whitespace();
        let name = words.next().unwrap_or_default().to_ascii_lowercase();
        match name.as_str() {
            "script-src" => {
                out.push(script_src.clone());
                script = true;
            }
            "style-src" => {
                out.push(style_src.clone());
                style = true;
            }
            "img-src" => {
                out.push(img_src.clone());
                img = true;
            }
            // Nothing else is fetched: 'self' (and anything inline or eval) goes.
            _ => {
                let sources: Vec<&str> = words
                    .filter(|w| !matches!(w.to_ascii_lowercase().as_str(), "'self'" | "'unsafe-inline'" | "'unsafe-eval'" | "'unsafe-hashes'"))
                    .collect();
                let sources = if sources.is_empty() { "'none'".to_string() } else { sources.join(" ") };
                out.push(format!("{name} {sources}"));
            }
        }
    }
    for (present, directive) in [(script, script_src), (style, style_src), (img, img_src)] {
        if !present {
            out.push(directive);
        }
    }
    out.join("; ")
}

/// The inline module that starts the app: the glue with its exports made local, then the wasm
/// decoded from base64 and handed to the glue's init, so nothing is fetched.
fn start_module(glue: &str, url: &str, wasm: &[u8]) -> Result<String, String> {
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

/// Raw text ends at the first `</script` (or `</style`), and `<!--` can change how a script's
/// text is read: refuse such text rather than hash something the browser reads differently.
fn raw_text_fits(element: &str, url: &str, text: &str) -> Result<(), String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains(&format!("</{element}")) || (element == "script" && lower.contains("<!--")) || text.contains('\0') {
        return Err(format!("{url} contains `</{element}`, `<!--` or NUL: it cannot be inlined as a <{element}> element"));
    }
    Ok(())
}

fn is_external(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("//") || lower.split_once(':').is_some_and(|(scheme, _)| !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
}

fn data_url(url: &str, bytes: &[u8]) -> Result<String, String> {
    let path = url.split(['?', '#']).next().unwrap_or(url).to_ascii_lowercase();
    let mime = match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("jpg" | "jpeg") => "image/jpeg",
        _ => return Err(format!("{url}: no known image type for a data: URL")),
    };
    Ok(format!("data:{mime};base64,{}", STANDARD.encode(bytes)))
}

/// The tag again with `name` set to `value` and no `integrity`/`crossorigin` (nothing is fetched).
fn rewrite_tag(token: &Token, name: &str, value: &str) -> String {
    let mut out = format!("<{}", token.name);
    for (attr, old) in &token.attrs {
        match attr.as_str() {
            "integrity" | "crossorigin" => {}
            a if a == name => out.push_str(&format!(" {a}=\"{}\"", escape_attr(value))),
            a => out.push_str(&format!(" {a}=\"{}\"", escape_attr(old))),
        }
    }
    out.push('>');
    out
}

fn kept_attrs(token: &Token, dropped: &[&str]) -> String {
    token
        .attrs
        .iter()
        .filter(|(name, _)| !dropped.contains(&name.as_str()))
        .map(|(name, value)| if value.is_empty() { format!(" {name}") } else { format!(" {name}=\"{}\"", escape_attr(value)) })
        .collect()
}

fn escape_attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

struct Edit {
    start: usize,
    end: usize,
    text: String,
}

fn apply(html: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| e.start);
    let mut out = String::with_capacity(html.len() + edits.iter().map(|e| e.text.len()).sum::<usize>());
    let mut at = 0;
    for edit in edits {
        if edit.start < at {
            continue; // inside an element already replaced (the dropped notice)
        }
        out.push_str(&html[at..edit.start]);
        out.push_str(&edit.text);
        at = edit.end;
    }
    out.push_str(&html[at..]);
    out
}

// ---- A small HTML tag reader -------------------------------------------------------------------

/// One tag of the page. A `<script>` or `<style>` token spans the whole element, its raw text
/// included (`raw`); other tokens span the tag alone.
#[derive(Debug)]
struct Token {
    name: String,
    end_tag: bool,
    attrs: Vec<(String, String)>,
    start: usize,
    end: usize,
    raw: Option<(usize, usize)>,
}

impl Token {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];

fn tokenize(html: &str) -> Result<Vec<Token>, String> {
    let bytes = html.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").ok_or("an HTML comment is not closed")?;
            i = start + 4 + end + 3;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = start + rest.find('>').ok_or("a <!…> is not closed")? + 1;
            continue;
        }
        let end_tag = rest.starts_with("</");
        let name_at = start + if end_tag { 2 } else { 1 };
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let mut j = name_at;
        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'/' && bytes[j] != b'>' {
            j += 1;
        }
        let name = html[name_at..j].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() {
                return Err(format!("the <{name}> tag is not closed"));
            }
            if bytes[j] == b'>' {
                j += 1;
                break;
            }
            let name_start = j;
            while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !matches!(bytes[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            let attr = html[name_start..j].to_ascii_lowercase();
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let close = html[j + 1..].find(quote as char).ok_or(format!("the {attr} attribute of <{name}> is not closed"))?;
                        value = decode_entities(&html[j + 1..j + 1 + close]);
                        j += close + 2;
                    }
                    _ => {
                        let value_start = j;
                        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                            j += 1;
                        }
                        value = decode_entities(&html[value_start..j]);
                    }
                }
            }
            if !attr.is_empty() && !attrs.iter().any(|(n, _)| *n == attr) {
                attrs.push((attr, value));
            }
        }
        let mut token = Token { name, end_tag, attrs, start, end: j, raw: None };
        if !end_tag && matches!(token.name.as_str(), "script" | "style") {
            let close = format!("</{}", token.name);
            let content_end = j + html[j..].to_ascii_lowercase().find(&close).ok_or(format!("a <{}> element is not closed", token.name))?;
            let tag_end = content_end + html[content_end..].find('>').ok_or(format!("a </{}> tag is not closed", token.name))? + 1;
            token.raw = Some((j, content_end));
            token.end = tag_end;
        }
        i = token.end;
        tokens.push(token);
    }
    Ok(tokens)
}

/// Where the element opened by `tokens[index]` ends: after its matching end tag.
fn element_end(tokens: &[Token], index: usize) -> usize {
    let open = &tokens[index];
    if open.raw.is_some() || VOID.contains(&open.name.as_str()) {
        return open.end;
    }
    let mut depth = 0;
    for token in &tokens[index + 1..] {
        if token.name == open.name && token.raw.is_none() {
            if token.end_tag {
                if depth == 0 {
                    return token.end;
                }
                depth -= 1;
            } else {
                depth += 1;
            }
        }
    }
    open.end
}

fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// ---- Hash sources -----------------------------------------------------------------------------

/// A CSP hash source for this exact text: `'sha256-<base64>'`, of its UTF-8 bytes as a browser
/// hashes them.
fn sha256_source(text: &str) -> String {
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(text.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_hash_sources_match_known_values() {
        // The CSP specification's own example: `alert('Hello, world.');`.
        assert_eq!(sha256_source("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
        assert_eq!(sha256_source(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
        // Non-ASCII text is hashed as its UTF-8 bytes, as the browser does.
        assert_eq!(sha256_source("問題"), "'sha256-SY/JYhCXrE3edPkFyCnaddQnv52ToWr/1PF5TV2jYW8='");
    }

    const GLUE: &str = "let wasm;\nfunction __wbg_finalize_init(instance, module) { wasm = instance.exports; return wasm; }\n\
async function __wbg_init(module_or_path) {\n    if (module_or_path === undefined) { module_or_path = new URL('app_bg.wasm', import.meta.url); }\n    const { instance, module } = await __wbg_load(await module_or_path, imports);\n    return __wbg_finalize_init(instance, module);\n}\n\
function initSync(module) { }\n\nexport { initSync };\nexport default __wbg_init;\n";

    const PAGE: &str = r#"<!doctype html><html lang=en><head><meta charset=utf-8>
<meta http-equiv=Content-Security-Policy content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<link rel=icon href=./favicon-1a2b.svg integrity=sha384-abc>
<script src="./lang-77.js"></script>
<link rel=stylesheet href=./main-5b06c2aafc2d1637.css integrity=sha384-Zz crossorigin=anonymous>
<link rel=modulepreload href=./app-9f.js crossorigin=anonymous integrity=sha384-x>
<link rel=preload href=./app-9f_bg.wasm crossorigin=anonymous integrity=sha384-y as=fetch type=application/wasm>
<script type="module" src="./start.js" data-js="./app-9f.js" data-wasm="./app-9f_bg.wasm"></script>
</head><body><header class=masthead><h1>Wizard</h1></header>
<div data-testid="from-disk" class="from-disk"><p>Open <a href="./lync-push-wizard.html">lync-push-wizard.html</a> <b>instead</b>.</p></div>
<noscript>Needs JavaScript.</noscript></body></html>"#;

    fn assets(url: &str) -> Option<Vec<u8>> {
        Some(match url {
            "./favicon-1a2b.svg" => b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            "./lang-77.js" => b"document.documentElement.lang = navigator.language;\r\n".to_vec(),
            "./main-5b06c2aafc2d1637.css" => b"body{margin:0}\n.masthead{color:#123}".to_vec(),
            "./app-9f.js" => GLUE.as_bytes().to_vec(),
            "./app-9f_bg.wasm" => b"\0asm\x01\0\0\0".to_vec(),
            _ => return None,
        })
    }

    /// The inline `<script>` and `<style>` texts of a page, read back by the same reader.
    fn inline_texts(page: &str, element: &str) -> Vec<String> {
        tokenize(page)
            .unwrap()
            .iter()
            .filter(|t| t.name == element && !t.end_tag)
            .map(|t| {
                let (start, end) = t.raw.unwrap();
                page[start..end].to_string()
            })
            .collect()
    }

    fn directive<'a>(policy: &'a str, name: &str) -> Vec<&'a str> {
        let found = policy.split(';').map(str::trim).find(|d| d.split_ascii_whitespace().next() == Some(name));
        found.unwrap_or_else(|| panic!("no {name} in {policy}")).split_ascii_whitespace().skip(1).collect()
    }

    fn policy_of(page: &str) -> String {
        let tokens = tokenize(page).unwrap();
        let meta = tokens.iter().find(|t| t.attr("http-equiv") == Some("Content-Security-Policy")).expect("a CSP meta");
        meta.attr("content").unwrap().to_string()
    }

    #[test]
    fn the_policy_lists_exactly_the_hashes_of_the_inline_texts() {
        let page = inline_page(PAGE, &assets).unwrap();
        let policy = policy_of(&page);
        let scripts = inline_texts(&page, "script");
        let styles = inline_texts(&page, "style");
        assert_eq!(scripts.len(), 2, "lang.js and the start-up module");
        assert_eq!(styles.len(), 1);
        let mut expected: Vec<String> = scripts.iter().map(|s| sha256_source(s)).collect();
        expected.push("'wasm-unsafe-eval'".into());
        assert_eq!(directive(&policy, "script-src"), expected, "{policy}");
        assert_eq!(directive(&policy, "style-src"), vec![sha256_source(&styles[0])]);
        assert_eq!(directive(&policy, "img-src"), vec!["data:"]);
        assert_eq!(directive(&policy, "default-src"), vec!["'none'"]);
        assert_eq!(directive(&policy, "connect-src"), vec!["'none'"], "nothing to fetch");
        assert_eq!(directive(&policy, "base-uri"), vec!["'none'"]);
        assert_eq!(directive(&policy, "form-action"), vec!["'none'"]);
        assert!(!policy.contains("'self'") && !policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
        // CR LF became LF, as the HTML parser reads it before hashing, and the hash is the one a
        // browser computes for that text (`printf '%s\n' … | openssl dgst -sha256 -binary | base64`).
        assert_eq!(scripts[0], "document.documentElement.lang = navigator.language;\n");
        assert_eq!(expected[0], "'sha256-dHKcHUm3MgnMT5W5a/XVhIwLwAyZyirxDdHcJ96jcdo='");
    }

    #[test]
    fn the_start_up_module_runs_the_glue_inline_with_the_wasm_bytes() {
        let page = inline_page(PAGE, &assets).unwrap();
        let scripts = inline_texts(&page, "script");
        let module = &scripts[1];
        assert!(page.contains("<script type=\"module\">let wasm;"), "one inline module in place of start.js");
        assert!(!module.contains("export "), "no export statements left: {module}");
        assert!(module.contains("async function __wbg_init(module_or_path)"));
        assert!(module.contains("function initSync(module)"));
        assert!(module.contains("atob(\"AGFzbQEAAAA=\")"), "the wasm bytes in base64: {module}");
        assert!(module.trim_end().ends_with("await __wbg_init({ module_or_path: bytes });\n}"), "{module}");
        // The classic script stays where it was, before the stylesheet.
        assert!(page.find("navigator.language").unwrap() < page.find("<style>").unwrap());
    }

    #[test]
    fn no_relative_asset_url_remains() {
        let page = inline_page(PAGE, &assets).unwrap();
        for token in tokenize(&page).unwrap() {
            for (name, value) in &token.attrs {
                if name == "src" || (name == "href" && token.name != "a") {
                    assert!(value.starts_with("data:"), "<{} {name}={value}> is left", token.name);
                }
                assert!(!matches!(name.as_str(), "integrity" | "data-js" | "data-wasm"), "<{} {name}> is left", token.name);
            }
        }
        for file in ["main-5b06c2aafc2d1637.css", "app-9f.js\"", "app-9f_bg.wasm\"", "start.js", "favicon-1a2b.svg", "lang-77.js"] {
            assert!(!page.contains(file), "{file} is still named");
        }
        assert!(page.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,PHN2Zy"), "{page}");
        assert!(!page.contains("from-disk") && !page.contains("instead"), "the notice to open this file is dropped");
        assert!(page.contains("<noscript>Needs JavaScript.</noscript>"), "the rest of the page is kept");
    }

    #[test]
    fn errors_name_what_is_missing() {
        let err = |page: &str, read: &dyn Fn(&str) -> Option<Vec<u8>>| inline_page(page, read).unwrap_err();
        let no_link = PAGE.replace("<link rel=stylesheet href=./main-5b06c2aafc2d1637.css integrity=sha384-Zz crossorigin=anonymous>", "");
        assert!(err(&no_link, &assets).contains("no stylesheet"), "{}", err(&no_link, &assets));
        let no_start = PAGE.replace(r#"<script type="module" src="./start.js" data-js="./app-9f.js" data-wasm="./app-9f_bg.wasm"></script>"#, "");
        assert!(err(&no_start, &assets).contains("no start-up <script"));
        let no_csp = PAGE.replace("http-equiv=Content-Security-Policy", "name=x");
        assert!(err(&no_csp, &assets).contains("no Content-Security-Policy"));
        let missing = |name: &'static str| move |url: &str| if url.contains(name) { None } else { assets(url) };
        assert!(err(PAGE, &missing("main-")).contains("the stylesheet ./main-5b06c2aafc2d1637.css could not be read"));
        assert!(err(PAGE, &missing("_bg.wasm")).contains("the wasm ./app-9f_bg.wasm could not be read"));
        assert!(err(PAGE, &missing("app-9f.js")).contains("the wasm-bindgen glue ./app-9f.js could not be read"));
        assert!(err(PAGE, &missing("lang-")).contains("the script ./lang-77.js could not be read"));
        assert!(err(PAGE, &missing("favicon")).contains("the icon ./favicon-1a2b.svg could not be read"));
        let no_default = |url: &str| if url == "./app-9f.js" { Some(GLUE.replace("export default __wbg_init;", "").into_bytes()) } else { assets(url) };
        assert!(err(PAGE, &no_default).contains("no default export"));
        let ends_script = |url: &str| if url == "./lang-77.js" { Some(b"x = '</script>'".to_vec()) } else { assets(url) };
        assert!(err(PAGE, &ends_script).contains("./lang-77.js contains `</script`"));
        let external = PAGE.replace("./lang-77.js", "https://cdn.example/lang.js");
        assert!(err(&external, &assets).contains("https://cdn.example/lang.js is not a file of the site"));
        let deferred = PAGE.replace(r#"<script src="./lang-77.js">"#, r#"<script defer src="./lang-77.js">"#);
        assert!(err(&deferred, &assets).contains("deferred"));
    }

    #[test]
    fn assets_are_asked_for_by_the_url_the_page_writes() {
        let page = PAGE.replace("href=./main-", "href=../main-");
        let asked = std::cell::RefCell::new(Vec::new());
        let read = |url: &str| {
            asked.borrow_mut().push(url.to_string());
            assets(&url.replacen("../", "./", 1))
        };
        inline_page(&page, &read).unwrap();
        assert_eq!(
            *asked.borrow(),
            ["./favicon-1a2b.svg", "./lang-77.js", "../main-5b06c2aafc2d1637.css", "./app-9f.js", "./app-9f_bg.wasm"],
            "in page order, as written"
        );
    }

    #[test]
    fn minified_glue_exports_are_understood() {
        let (code, init) = unexport("let a=1;function b(){}export function c(){}export{x as initSync,b as default};").unwrap();
        assert_eq!(init, "b");
        assert_eq!(code, "let a=1;function b(){}function c(){}");
        assert!(unexport("import * as s from './snippets/x.js';\nexport default f;").unwrap_err().contains("imports another file"));
        // `import.meta` and dynamic `import()` are fine in an inline module.
        assert!(unexport("const u = new URL('x', import.meta.url);\nexport default f;").is_ok());
    }

    #[test]
    fn the_reader_handles_quotes_entities_and_comments() {
        let tokens = tokenize("<!-- <script src=x> --><p title='a &amp; b' data-x=\"&quot;\" hidden><script>if (a<b) {}</script></p>").unwrap();
        let names: Vec<_> = tokens.iter().map(|t| (t.end_tag, t.name.as_str())).collect();
        assert_eq!(names, vec![(false, "p"), (false, "script"), (true, "p")]);
        assert_eq!(tokens[0].attr("title"), Some("a & b"));
        assert_eq!(tokens[0].attr("data-x"), Some("\""));
        assert_eq!(tokens[0].attr("hidden"), Some(""));
        assert_eq!(element_end(&tokens, 0), tokens[2].end);
    }
}
