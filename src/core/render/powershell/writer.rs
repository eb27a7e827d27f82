//! An indenting writer for PowerShell text, with comments wrapped for review.

use crate::core::i18n::fill;

use super::quote::quote;

pub(in crate::core::render) struct Writer {
    pub(in crate::core::render) text: String,
    depth: usize,
}

impl Writer {
    pub(in crate::core::render) fn new() -> Writer {
        Writer { text: String::new(), depth: 0 }
    }

    /// A writer whose lines start `depth` levels in, for a part rendered on its own and then
    /// placed inside a block.
    pub(in crate::core::render) fn at_depth(depth: usize) -> Writer {
        Writer { text: String::new(), depth }
    }

    /// Fixed script text, written as it reads in a raw string: the template's own indentation
    /// is removed and the writer's added, and `{0}`, `{1}` … are filled from `values`. A
    /// template holds whole blocks (its braces balance); it never holds user input unquoted.
    pub(in crate::core::render) fn template(&mut self, template: &str, values: &[&str]) {
        // `fill` knows `{0}` to `{9}`: an eleventh value would leave `{10}` in the script, which
        // PowerShell runs as a script block that prints itself.
        debug_assert!(values.len() <= 10, "a template takes at most ten values");
        let text = fill(template, values);
        let lines: Vec<&str> = text.lines().skip_while(|line| line.trim().is_empty()).collect();
        let lines = &lines[..lines.iter().rposition(|line| !line.trim().is_empty()).map_or(0, |last| last + 1)];
        let margin = lines
            .iter()
            .filter(|line| !line.trim().is_empty())
            .map(|line| line.len() - line.trim_start().len())
            .min()
            .unwrap_or(0);
        for line in lines {
            self.line(line.get(margin..).unwrap_or("").trim_end());
        }
    }

    pub(in crate::core::render) fn line(&mut self, code: &str) {
        if !code.is_empty() {
            for _ in 0..self.depth {
                self.text.push_str("    ");
            }
            self.text.push_str(code);
        }
        self.text.push('\n');
    }

    /// A comment, wrapped at about 100 columns so a reviewer never scrolls sideways. Breaks fall
    /// on spaces of the original text, so aligned columns keep their spacing; continuation lines
    /// are indented two more than the first.
    /// A visual break inside a block. Never an empty line: pasted into the console host of
    /// PowerShell 2.0-4.0, an empty line ends the input, and the rest of the block would run
    /// piece by piece outside it.
    pub(in crate::core::render) fn gap(&mut self) {
        self.line("#");
    }

    pub(in crate::core::render) fn comment(&mut self, text: &str) {
        // Our prose and validated values hold no line breaks; folding them keeps that true.
        let text = text.replace(['\r', '\n'], " ");
        let width = 100usize.saturating_sub(self.depth * 4 + 2).max(40);
        let indent = " ".repeat(text.len() - text.trim_start().len() + 2);
        let mut rest = text.trim_end();
        let mut prefix = "";
        loop {
            let room = width - prefix.len();
            // Past the room inside a character (an ü, a Chinese one): the rest goes on one line,
            // never a cut through a character.
            if rest.len() <= room || !rest.is_char_boundary(room + 1) || !rest.is_char_boundary(room) {
                self.line(format!("# {prefix}{rest}").trim_end());
                return;
            }
            // The last space that fits, not inside the leading indent; else the next one at all.
            let lead = rest.len() - rest.trim_start().len();
            let cut = rest[..=room].rfind(' ').filter(|&at| at > lead).or_else(|| rest[room..].find(' ').map(|at| room + at));
            let Some(cut) = cut else {
                self.line(format!("# {prefix}{rest}").trim_end());
                return;
            };
            self.line(&format!("# {prefix}{}", rest[..cut].trim_end()));
            rest = rest[cut..].trim_start();
            prefix = &indent;
        }
    }

    /// A comment kept on one line whatever its length: the header's answers, whose share link
    /// `share::from_script` reads back from a single line.
    pub(in crate::core::render) fn comment_line(&mut self, text: &str) {
        self.line(format!("# {}", text.replace(['\r', '\n'], " ")).trim_end());
    }

    pub(in crate::core::render) fn say(&mut self, message: &str) {
        self.line(&format!("Write-Host {}", quote(message)));
    }

    pub(in crate::core::render) fn open(&mut self, code: &str) {
        self.line(&format!("{code} {{"));
        self.depth += 1;
    }

    pub(in crate::core::render) fn close(&mut self) {
        self.depth -= 1;
        self.line("}");
    }

    /// Closes the outermost script block and passes it `arguments`.
    pub(in crate::core::render) fn close_script_block(&mut self, arguments: &str) {
        self.depth -= 1;
        self.line(&format!("}} {arguments}"));
    }

    /// `}` then `else {` on the next line: PowerShell 2.0 accepts both, this reads more plainly.
    pub(in crate::core::render) fn reopen(&mut self, code: &str) {
        self.close();
        self.open(code);
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    /// A comment is folded at spaces, never through a character: a letter of two, three or four
    /// bytes (ü, 如, 😀) at any place around the fold, as a site name or a translated sentence
    /// can put it, leaves every character whole and the text as it was.
    #[test]
    fn a_comment_never_folds_through_a_character() {
        for letter in ["ü", "如", "😀"] {
            for before in 80..110 {
                for depth in 0..3 {
                    // One long word up to the fold (a URL, a name), the letter at its end.
                    let text = format!("{}{letter}{letter} and more words after it to fold", "a".repeat(before));
                    let mut out = Writer::new();
                    out.depth = depth;
                    out.comment(&text);
                    let folded: Vec<&str> = out.text.lines().map(|line| line.trim_start().trim_start_matches('#').trim()).collect();
                    assert_eq!(folded.join(" "), text, "{letter} after {before}, depth {depth}");
                }
            }
        }
    }

    /// An indented comment whose first word outruns the line is never folded inside its indent:
    /// no line of indent alone.
    #[test]
    fn a_comment_is_never_folded_inside_its_indent() {
        for indent in 1..8 {
            let mut out = Writer::new();
            out.comment(&format!("{}{} end", " ".repeat(indent), "w".repeat(120)));
            assert!(out.text.lines().all(|line| line.trim_start_matches('#').trim().len() > 2), "indent {indent}: {:?}", out.text);
        }
    }
}
