#![cfg(not(target_arch = "wasm32"))]
//! The structure's rules, held against the source itself (ARCHITECTURE.md, "Architecture
//! invariants"): a rule only a reviewer remembers is a rule that erodes.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn source(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The lines of a file that are code, not comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l)).filter(|(_, l)| !l.trim_start().starts_with("//"))
}

/// Renderers read views; only the view builder reads the sentence table. The PowerShell
/// renderer lays out `render::view::ScriptView` and never reaches for `core::text`, the
/// language table or its English instance (`i18n::fill`, the placeholder filler, is not the table).
#[test]
fn the_powershell_renderer_reads_only_prepared_views() {
    let mut found = Vec::new();
    for file in rust_files(&source("src/core/render/powershell")) {
        let text = fs::read_to_string(&file).expect("readable");
        for (number, line) in code_lines(&text) {
            let reaches = ["core::text", "text::", "Strings", "ZH_TW", "i18n::{"].iter().any(|word| line.contains(word))
                || line.split(|c: char| !c.is_ascii_alphanumeric() && c != '_').any(|word| word == "EN")
                || (line.contains("i18n::") && !line.contains("i18n::fill;"));
            if reaches {
                found.push(format!("{}:{number}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "the PowerShell renderer reads sentences itself:\n{}", found.join("\n"));
}

/// No import circle between the answers and the decision: one module (`answers::shell_of`)
/// answers which shell runs the steps, and the decision imports it from below.
#[test]
fn the_answers_do_not_import_the_decision() {
    let text = fs::read_to_string(source("src/core/answers.rs")).expect("readable");
    let upward: Vec<String> = code_lines(&text).filter(|(_, l)| l.contains("decision::")).map(|(n, l)| format!("{n}: {}", l.trim())).collect();
    assert!(upward.is_empty(), "answers.rs reaches up into the decision:\n{}", upward.join("\n"));
}

/// No file in `src/` over 450 lines: a file that grows past it holds more than one concern, and
/// is split by concern (ARCHITECTURE.md, the code map).
#[test]
fn no_source_file_is_over_450_lines() {
    let long: Vec<String> = rust_files(&source("src"))
        .into_iter()
        .filter_map(|file| {
            let lines = fs::read_to_string(&file).expect("readable").lines().count();
            (lines > 450).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by concern:\n{}", long.join("\n"));
}
