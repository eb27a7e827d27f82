//! A small HTML tag reader and writer for the pages Trunk writes (quoted or minified attributes,
//! comments, raw-text `<script>`/`<style>`): enough to find the tags a single file changes and
//! replace them, keeping every other byte of the page as it was.

/// One tag of the page. A `<script>` or `<style>` token spans the whole element, its raw text
/// included (`raw`); other tokens span the tag alone.
#[derive(Debug)]
pub(super) struct Token {
    pub(super) name: String,
    pub(super) end_tag: bool,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) raw: Option<(usize, usize)>,
}

impl Token {
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param"];

pub(super) fn tokenize(html: &str) -> Result<Vec<Token>, String> {
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
pub(super) fn element_end(tokens: &[Token], index: usize) -> usize {
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

/// The tag again with `name` set to `value` and no `integrity`/`crossorigin` (nothing is fetched).
pub(super) fn rewrite_tag(token: &Token, name: &str, value: &str) -> String {
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

pub(super) fn kept_attrs(token: &Token, dropped: &[&str]) -> String {
    token
        .attrs
        .iter()
        .filter(|(name, _)| !dropped.contains(&name.as_str()))
        .map(|(name, value)| if value.is_empty() { format!(" {name}") } else { format!(" {name}=\"{}\"", escape_attr(value)) })
        .collect()
}

pub(super) fn escape_attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;")
}

pub(super) struct Edit {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

pub(super) fn apply(html: &str, mut edits: Vec<Edit>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
