//! What a first visit downloads, raw and gzip -9, and the staged copies the bench serves.

use std::path::Path;
use std::process::Command;

pub struct FileSize {
    pub name: String,
    pub raw: u64,
    pub gzip: u64,
}

/// A staged site: the files a first visit downloads, and the rest of its build.
pub struct Staged {
    pub first_visit: Vec<FileSize>,
    /// Built but not downloaded by a first visit (the single-file page, zh-TW/, ...).
    pub other: Vec<FileSize>,
    /// Top-level files left out of the first visit that `index.html` names all the same: the
    /// rule in `is_first_visit` may be missing one, and the size would then read low. The
    /// single-file page and the files fetched only on demand (`on_demand`) are left out of this
    /// check: the page may well link to them.
    pub named_but_not_counted: Vec<String>,
}

/// The single-file build of the wizard, reported beside the transfer size, not in it.
pub const SINGLE_FILE: &str = "lync-push-wizard.html";

/// Whether a first visit of `index.html` downloads this top-level file of a build, `names` being
/// all of them: the page, its stylesheet, the wasm the page names and its JavaScript glue,
/// `start.js`, the favicon and `lang.js`. Named by rule rather than "every file", so that what is
/// built beside them (the single-file page, `zh-TW/`, a worker's wasm the page starts only when
/// needed) never counts against the size a visitor pays for. `loaded`: the page without its
/// `<noscript>` parts, whose stylesheet only a browser without script fetches.
pub fn is_first_visit(name: &str, names: &[String], loaded: &str) -> bool {
    let named_wasm = |wasm: &str| wasm.ends_with("_bg.wasm") && loaded.contains(wasm) && names.iter().any(|n| n == wasm);
    let glue = name.strip_suffix(".js").is_some_and(|stem| named_wasm(&format!("{stem}_bg.wasm")));
    name == "index.html"
        || name == "start.js"
        || name == "lang.js"
        || glue
        || (name.ends_with(".css") && loaded.contains(name))
        || named_wasm(name)
        || (name.starts_with("favicon") && [".svg", ".ico", ".png"].iter().any(|ext| name.ends_with(ext)))
}

/// Copies a build to `into` (subfolders too, so every link on the page resolves), with a
/// `gzip -9` copy of every file beside it for the server to send gzip-encoded, and sorts the
/// top-level files into what a first visit downloads and the rest.
pub fn stage(dist: &Path, into: &Path) -> Result<Staged, String> {
    let _ = std::fs::remove_dir_all(into);
    let mut staged = Staged { first_visit: Vec::new(), other: Vec::new(), named_but_not_counted: Vec::new() };
    let files = copy_tree(dist, into, Path::new(""))?;
    let names: Vec<String> = files.iter().map(|(relative, _)| relative.clone()).collect();
    let page = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("{}/index.html: {e}", dist.display()))?;
    let loaded = without_noscript(&page);
    for (relative, size) in files {
        let top_level = !relative.contains('/');
        if top_level && is_first_visit(&relative, &names, &loaded) {
            staged.first_visit.push(size);
        } else {
            staged.other.push(size);
        }
    }
    staged.named_but_not_counted =
        staged.other.iter().filter(|f| !f.name.contains('/') && f.name != SINGLE_FILE && !on_demand(&f.name) && loaded.contains(&f.name)).map(|f| f.name.clone()).collect();
    Ok(staged)
}

/// Files the page names but fetches only when asked: a worker's loader (the discovery reader,
/// started when a block is pasted) and a script offered as a download.
fn on_demand(name: &str) -> bool {
    name.ends_with("_loader.js") || name.ends_with(".ps1")
}

/// The page without its `<noscript>…</noscript>` parts: what a browser with script loads.
fn without_noscript(page: &str) -> String {
    without_elements(page, "<noscript>", "</noscript>")
}

/// `text` without every run from `open` to the next `close` (both included).
pub fn without_elements(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        rest = rest[start..].find(close).map_or("", |end| &rest[start + end + close.len()..]);
    }
    out.push_str(rest);
    out
}

/// Copies `from` into `into` recursively, gzipping each file; every file's path relative to
/// the build's root (with `/`) and its sizes, sorted by path.
fn copy_tree(from: &Path, into: &Path, prefix: &Path) -> Result<Vec<(String, FileSize)>, String> {
    std::fs::create_dir_all(into).map_err(|e| format!("{}: {e}", into.display()))?;
    let mut entries: Vec<_> = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?.flatten().collect();
    entries.sort_by_key(|entry| entry.file_name());
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.path();
        let relative = prefix.join(entry.file_name());
        if path.is_dir() {
            files.extend(copy_tree(&path, &into.join(entry.file_name()), &relative)?);
            continue;
        }
        let name = relative.to_string_lossy().replace('\\', "/");
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gzip = gzip(&path)?;
        let target = into.join(entry.file_name());
        std::fs::write(&target, &raw).map_err(|e| format!("{}: {e}", target.display()))?;
        std::fs::write(format!("{}.gz", target.display()), &gzip).map_err(|e| e.to_string())?;
        files.push((name.clone(), FileSize { name, raw: raw.len() as u64, gzip: gzip.len() as u64 }));
    }
    Ok(files)
}

fn gzip(path: &Path) -> Result<Vec<u8>, String> {
    let output = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("gzip failed on {}", path.display()));
    }
    Ok(output.stdout)
}

pub fn total_raw(files: &[FileSize]) -> u64 {
    files.iter().map(|f| f.raw).sum()
}

pub fn total_gzip(files: &[FileSize]) -> u64 {
    files.iter().map(|f| f.gzip).sum()
}

