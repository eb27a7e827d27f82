//! The single file's Content-Security-Policy: it fetches nothing, and allows its inline scripts
//! and styles by the SHA-256 hash a browser computes for them, never by `'unsafe-inline'`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The page's policy for the single file: scripts and styles by hash, wasm compiled from bytes,
/// images from `data:` only, and no fetch of the page's own origin.
pub(super) fn single_file_policy(policy: &str, script_hashes: &[String], style_hashes: &[String]) -> String {
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

/// A CSP hash source for this exact text: `'sha256-<base64>'`, of its UTF-8 bytes as a browser
/// hashes them.
pub(super) fn sha256_source(text: &str) -> String {
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
}
