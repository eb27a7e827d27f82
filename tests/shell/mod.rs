//! A modelled Lync Server Management Shell: an interpreter for the subset of PowerShell 2.0 the
//! generated scripts use (parsed with tree-sitter-powershell, lowered in `ast`, run in
//! `interpreter`), over a model of the Lync configuration store (`model`).
//!
//! ```ignore
//! let script = shell::Script::parse(&text)?;          // Err("line N: ... outside the modelled subset")
//! let mut machine = shell::Machine::new(shell::model::Deployment::fresh());
//! machine.fault_at = Some(3);                           // the 3rd store-touching call throws
//! let options = shell::RunOptions { script_path: Some(r"C:\LyncPush\x.ps1".into()), switches: vec!["Force".into()] };
//! let result = script.run(&mut machine, &options);
//! // result.output (host lines), result.exit_code ($LASTEXITCODE), result.failure (left the
//! // subset: a test failure), result.violations (undocumented properties read), result.calls;
//! // machine.deployment is the store afterwards, machine.reads counts every property read.
//! ```
//!
//! - `model::DOCUMENTED`: the properties each Lync object carries, cited to lync-objects.md.
//! - `model::SPECS`: every command and parameter the shell knows (push-facts.md §2); anything
//!   else, or a value of the wrong kind, is a failure.
//! - `Machine::next_run(fault)`: clears what one run recorded and sets the next fault.
//! - `model::diff(before, after)`: what changed, one readable line per item.
//! - `starts`: the starting deployments; `expect`: what each run must leave and say, from the
//!   answers and the model alone; `checks`: the property checks (a)-(h) the test file runs.
//! - `mutate`: mutants of a script's syntax tree, for the campaign that judges the checks.
#![allow(dead_code)]

pub mod ast;
pub mod checks;
pub mod expect;
pub mod interpreter;
pub mod model;
pub mod mutate;
pub mod regex;
pub mod starts;
pub mod value;

pub use interpreter::{RunOptions, RunResult};

use lync_push_wizard::core::render::{powershell::script, rollback::rollback};
use lync_push_wizard::core::{plan, Answers};
#[allow(unused_imports)]
pub use model::{diff, Machine};

/// A parsed and lowered script, ready to run any number of times.
pub struct Script {
    pub ast: ast::Script,
    /// The command names the script invokes, for the pre-flight check.
    pub commands: Vec<String>,
    /// The step headings a complete run prints, in order (set by `titled`; empty: unchecked).
    pub titles: Vec<String>,
    /// The answers' link fragment, as the header's "Share link:" gives it (without `#`).
    pub fragment: Option<String>,
}

impl Script {
    /// Parses with tree-sitter-powershell and lowers to the modelled subset. A syntax error or
    /// anything outside the subset is an `Err` naming the construct and its line.
    pub fn parse(text: &str) -> Result<Script, String> {
        let tree = crate::support::parse(text);
        let problems = crate::support::syntax_problems(&tree, text);
        if !problems.is_empty() {
            return Err(format!("syntax: {}", problems.join("; ")));
        }
        let lowerer = ast::Lowerer { src: text };
        let ast = lowerer.program(tree.root_node())?;
        let mut commands: Vec<String> =
            crate::support::commands(&tree, text).into_iter().map(|(name, _)| name.to_string()).collect();
        commands.sort();
        commands.dedup();
        let fragment = text
            .lines()
            .take_while(|line| line.starts_with('#') || line.trim().is_empty())
            .find_map(|line| line.trim_start_matches('#').trim_start().strip_prefix("Share link:"))
            .map(|link| link.trim().trim_start_matches('#').to_string());
        Ok(Script { ast, commands, titles: Vec::new(), fragment })
    }

    /// With the headings a complete run of it must print.
    pub fn titled(mut self, titles: Vec<String>) -> Script {
        self.titles = titles;
        self
    }

    pub fn run(&self, machine: &mut Machine, options: &RunOptions) -> RunResult {
        interpreter::run(&self.ast, machine, options)
    }
}

/// The code of a script as a behaviour: comments removed, and the answers' link in its first
/// mark (data the run only prints back) masked, so scripts that differ in nothing else are run
/// once for all. `the_first_mark_carries_the_headers_answers` (tests/run_report.rs) holds that
/// link to the header's for every answer set.
pub fn behaviour_of(text: &str) -> String {
    code_of(text)
        .lines()
        .map(|line| match line.trim_start().strip_prefix("& $mark @('begin', ") {
            Some(rest) => format!("& $mark @('begin', {})", rest.split(", ").next().unwrap_or_default()),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A run's output as `Start-Transcript` keeps it: its header and footer around the lines, each
/// line wrapped at `width` columns as a console of that width wraps it, CRLF line ends.
pub fn as_transcript(output: &[String], width: usize) -> String {
    let mut lines = vec![
        "**********************".to_string(),
        "Windows PowerShell Transcript Start".into(),
        "Start time: 20261208101500".into(),
        "Username  : CONTOSO\\lyncadmin".into(),
        "Machine   : LYNC-FE01 (Microsoft Windows NT 6.1.7601 Service Pack 1)".into(),
        "**********************".into(),
        "Transcript started, output file is C:\\LyncPush\\push-run.txt".into(),
    ];
    for line in output {
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() {
            lines.push(String::new());
        }
        for piece in chars.chunks(width) {
            lines.push(piece.iter().collect());
        }
    }
    lines.extend(["**********************".to_string(), "Windows PowerShell Transcript End".into(), "End time: 20261208101712".into(), "**********************".into()]);
    lines.join("\r\n") + "\r\n"
}

/// Parses and runs in one go (for small unit tests).
pub fn run_text(text: &str, machine: &mut Machine, options: &RunOptions) -> Result<RunResult, String> {
    Ok(Script::parse(text)?.run(machine, options))
}

/// The text of a script without its comments: two scripts with the same code behave the same.
pub fn code_of(text: &str) -> String {
    let tree = crate::support::parse(text);
    let (_, comments) = crate::support::literal_and_comment_ranges(&tree);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for range in comments {
        out.push_str(&text[at..range.start]);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The headings the configuration script and the rollback for `answers` print: each step of the
/// plan it runs, and each step the rollback undoes (every one but the tests), last first.
pub fn titles(answers: &Answers) -> (Vec<String>, Vec<String>) {
    use lync_push_wizard::core::{i18n::EN, text::step_title};
    let plan = plan(answers).unwrap_or_else(|e| panic!("{e:?}"));
    let total = plan.steps.len();
    // A step done by hand (the OCS 2007 R2 Edge's) is only named in the header.
    let steps: Vec<String> =
        plan.numbered().filter(|(_, s)| !s.action.is_manual()).map(|(n, s)| format!("Step {n} of {total}: {}", step_title(&EN, &s.action))).collect();
    let mut undo: Vec<String> =
        plan.numbered().filter(|(_, s)| !s.action.is_test()).map(|(n, s)| format!("Undo step {n} (\"{}\")", step_title(&EN, &s.action))).collect();
    undo.reverse();
    (steps, undo)
}

/// The configuration script and rollback for `answers`.
pub fn texts(answers: &Answers) -> (String, String) {
    let plan = plan(answers).unwrap_or_else(|e| panic!("{e:?}"));
    (script(&plan), rollback(&plan))
}

/// An answer set as its share link's fragment, for reports.
pub fn case_label(answers: &Answers) -> String {
    format!("#{}", lync_push_wizard::core::share::to_fragment(answers))
}

/// The property checks for one answer set's script and rollback texts (possibly mutated), over
/// the given starts. A text outside the modelled subset is reported under "modelled subset".
/// `first_only`: stop at the first finding.
pub fn check_texts(answers: &Answers, script_text: &str, rollback_text: &str, starts: &[starts::Start], first_only: bool) -> checks::Report {
    let label = case_label(answers);
    let (script_titles, rollback_titles) = titles(answers);
    let (s, r) = match (Script::parse(script_text), Script::parse(rollback_text)) {
        (Ok(s), Ok(r)) => (s.titled(script_titles), r.titled(rollback_titles)),
        (s, r) => {
            let mut report = checks::Report::default();
            for e in [s.err(), r.err()].into_iter().flatten() {
                report.fail(checks::SUBSET, "parse", format!("{label}: {e}"));
            }
            return report;
        }
    };
    checks::check_pair(&checks::Pair { label, answers, script: &s, rollback: &r }, starts, first_only)
}
