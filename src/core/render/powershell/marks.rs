//! The run marks both scripts print beside their own words, for the wizard's run report: the
//! format `core::run_report` defines and reads. The scripts call `$mark` with a tag and its
//! values; this module writes `$mark` itself and each call.

use crate::core::discovery::LINE_WIDTH;
use crate::core::facts::RULES_VERSION;
use crate::core::run_report::{ItemKind, Kind, Skip, Tag, Warning, FORMAT_VERSION, MARK_END, MAX_MESSAGE};

use super::quote::quote;
use super::writer::Writer;

/// Defines `$mark` and prints the run's first mark. `force`: the expression that says whether
/// the rollback runs with -Force (`$false` for the configuration script).
pub(in crate::core::render) fn begin(out: &mut Writer, kind: Kind, fragment: &str, force: &str) {
    out.comment("Marks for the wizard's run report: the grey ~push lines. They change nothing; a mark that fails is left out (the last mark's count shows the gap), and never stops the script.");
    out.comment(&format!("Values are percent-encoded ([System.Uri]::EscapeDataString, each value at most {MAX_MESSAGE} characters), no line is longer than {LINE_WIDTH} characters, and the last mark counts the marks before it and carries a check value: Adler-32-style sums, a mark at a time, of each mark's bytes."));
    out.template(
        r#"
        $marks = @{ n = 0; a = 1; b = 0 }
        $mark = {
            param($values)
            try {
                $line = '~push{0}'
                foreach ($value in $values) {
                    $text = [string]$value
                    if ($text.Length -gt {1}) {
                        $text = $text.Substring(0, {1})
                    }
                    $line += '|' + [System.Uri]::EscapeDataString($text).Replace('{2}', '%7E')
                }
                $line += '{2}'
                $sum = [int]([System.Text.Encoding]::UTF8.GetBytes($line + "`n") | Measure-Object -Sum).Sum
                while ($line.Length -gt {3}) {
                    Write-Host $line.Substring(0, {4}) -ForegroundColor DarkGray
                    $line = $line.Substring({4})
                }
                Write-Host $line -ForegroundColor DarkGray
                $marks['a'] = $marks['a'] + $sum
                while ($marks['a'] -ge 65521) {
                    $marks['a'] = $marks['a'] - 65521
                }
                $marks['b'] = $marks['b'] + $marks['a']
                while ($marks['b'] -ge 65521) {
                    $marks['b'] = $marks['b'] - 65521
                }
                $marks['n'] = $marks['n'] + 1
            }
            catch {
                # Left out: the run goes on as it would without marks.
            }
        }
        "#,
        &[&FORMAT_VERSION.to_string(), &MAX_MESSAGE.to_string(), &MARK_END.to_string(), &LINE_WIDTH.to_string(), &(LINE_WIDTH - 1).to_string()],
    );
    out.line(&call(Tag::Begin, &[&quote(kind.token()), &quote(RULES_VERSION), &quote(fragment), force]));
}

/// What the header says of the marks, and how to keep a run for the report.
pub(in crate::core::render) fn header_line(file: &str) -> String {
    format!(
        "It prints grey ~push lines beside its own words: they change nothing, and let the wizard read the run back. To keep the run in a file: Start-Transcript -Path .\\push-run.txt; .\\{file}; Stop-Transcript. Paste the output or that file into the wizard (\"After the run\"), or: lync-push-wizard --report push-run.txt"
    )
}

/// The last mark: the exit code, and the count and check value of the marks before it.
pub(in crate::core::render) fn end(out: &mut Writer) {
    out.line(&call(Tag::End, &["$global:LASTEXITCODE", "$marks['n']", "($marks['b'].ToString('X4') + $marks['a'].ToString('X4'))"]));
}

/// `& $mark @('tag', …)`: each value a PowerShell expression (a quoted literal or a variable).
pub(in crate::core::render) fn call(tag: Tag, values: &[&str]) -> String {
    format!("& $mark {}", array(tag, values))
}

/// `@('tag', …)`: a mark's values, to print later with `& $mark`.
pub(in crate::core::render) fn array(tag: Tag, values: &[&str]) -> String {
    let mut all = vec![quote(tag.token())];
    all.extend(values.iter().map(|value| value.to_string()));
    format!("@({})", all.join(", "))
}

pub(in crate::core::render) fn step(number: usize) -> String {
    call(Tag::Step, &[&number.to_string()])
}

pub(in crate::core::render) fn skipped(why: Skip) -> String {
    call(Tag::Skipped, &[&quote(why.token())])
}

/// `identity`: a PowerShell expression.
pub(in crate::core::render) fn created(kind: ItemKind, identity: &str) -> String {
    call(Tag::Created, &[&quote(kind.token()), identity])
}

pub(in crate::core::render) fn removed(kind: ItemKind, identity: &str) -> String {
    call(Tag::Removed, &[&quote(kind.token()), identity])
}

/// `identity`, `from` and `to`: PowerShell expressions.
pub(in crate::core::render) fn set(kind: ItemKind, identity: &str, property: &str, from: &str, to: &str) -> String {
    call(Tag::Set, &[&quote(kind.token()), identity, &quote(property), from, to])
}

pub(in crate::core::render) fn left(kind: ItemKind, identity: &str, force_undoes: bool) -> String {
    call(Tag::Left, &[&quote(kind.token()), identity, if force_undoes { "$true" } else { "$false" }])
}

/// `about`: a PowerShell expression naming what the warning is about ('' for nothing).
pub(in crate::core::render) fn warning(warning: Warning, about: &str) -> String {
    call(Tag::Warning, &[&quote(warning.token()), about])
}

pub(in crate::core::render) fn stop() -> String {
    call(Tag::Stop, &["$_.Exception.Message"])
}
