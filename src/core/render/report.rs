//! The run report: a run read back from its marks (`core::run_report`), said in the reader's
//! language whatever language the run printed, step by step as the plan of its own answers
//! names the steps, with what the exit code means and what to do next. `view` works it out
//! once; `markdown` (the command line and the export) and `html` (the page) only lay it out.

use crate::core::facts::ROLLBACK_FILE;
use crate::core::i18n::{fill, Language, ReportStrings};
use crate::core::run_report::{next, Event, Item, ItemKind, Kind, Next, Replication, Run, Skip, StepRun, Warning};
use crate::core::{plan, share, Answers, RULES_VERSION};

use super::html::{escape, Html};
use super::view::{step_views, StepView};

pub struct ReportView {
    pub title: String,
    pub exit: String,
    /// Who wrote the script, for which answers, and whether they are the ones given now.
    pub about: Vec<String>,
    /// The run's answers as a link fragment, when they differ from the answers given now.
    pub restore: Option<String>,
    pub restore_label: &'static str,
    pub steps: Vec<ReportStep>,
    pub next_heading: &'static str,
    pub next: Vec<String>,
    /// What to type next, one command a line.
    pub commands: Vec<String>,
    /// What is said after the commands (the other way out).
    pub after_commands: Vec<String>,
}

pub struct ReportStep {
    /// "Step 3: Enable federation on the Access Edge", "Undo step 3: …", or the pre-flight's
    /// name; a step's number alone when the run's answers plan nothing.
    pub heading: String,
    pub outcome: String,
    /// A test that did not pass, or the step it stopped in.
    pub failed: bool,
    pub lines: Vec<String>,
    pub trouble_heading: &'static str,
    pub troubles: Vec<String>,
}

/// The report of `run` in `lang`. `current`: the answers given now, if any.
pub fn view(lang: Language, run: &Run, current: Option<&Answers>) -> ReportView {
    let r = lang.report_strings();
    let (answers, errors) = share::from_fragment(&run.fragment);
    let planned = if errors.is_empty() { plan(&answers).ok() } else { None };
    let views = planned.as_ref().map(|p| step_views(lang.strings(), p)).unwrap_or_default();
    let title = match (run.kind, run.force) {
        (Kind::Configure, _) => r.title_configure,
        (Kind::Rollback, false) => r.title_rollback,
        (Kind::Rollback, true) => r.title_rollback_force,
    };
    let exit = match (run.kind, run.exit_code) {
        (_, None) => r.exit_unfinished,
        (Kind::Configure, Some(0)) => r.exit_configure_0,
        (Kind::Configure, Some(2)) => r.exit_configure_2,
        (Kind::Configure, Some(_)) => r.exit_configure_1,
        (Kind::Rollback, Some(0)) => r.exit_rollback_0,
        (Kind::Rollback, Some(3)) => r.exit_rollback_3,
        (Kind::Rollback, Some(_)) => r.exit_rollback_1,
    };
    let mut about = vec![fill(r.made_by, &[&run.rules, &run.fragment])];
    let same = current.is_some_and(|given| share::to_fragment(given) == run.fragment);
    let restore = match current {
        Some(_) if same => {
            about.push(r.same_answers.to_string());
            None
        }
        Some(_) => {
            about.push(r.other_answers.to_string());
            errors.is_empty().then(|| run.fragment.clone())
        }
        None => None,
    };
    if run.rules != RULES_VERSION {
        about.push(fill(r.other_rules, &[RULES_VERSION]));
    }
    if run.earlier_runs > 0 {
        about.push(fill(r.earlier_runs, &[&run.earlier_runs.to_string()]));
    }
    let steps = steps(r, run, &views);
    let (next, commands, after_commands) = what_next(r, run, &views);
    ReportView {
        title: title.to_string(),
        exit: exit.to_string(),
        about,
        restore,
        restore_label: r.restore_answers,
        steps,
        next_heading: r.next_heading,
        next,
        commands,
        after_commands,
    }
}

/// The pre-flight, each step the run printed, and each step of the plan it never reached.
fn steps(r: &ReportStrings, run: &Run, views: &[StepView]) -> Vec<ReportStep> {
    let mut out: Vec<ReportStep> = Vec::new();
    for step in &run.steps {
        out.push(ran(r, run, step, views));
        // The wait for replication comes between the changes and the tests: a row of its own.
        if let Some(replication) = step.events.iter().find_map(|e| if let Event::Replication(seen) = e { Some(seen) } else { None }) {
            out.push(replication_row(r, replication));
        }
    }
    // What the script would have run after where the output ends, as the plan numbers it.
    let last = run.steps.last().map_or(0, |step| step.number);
    let not_run = if run.exit_code.is_some() { r.outcome_not_run } else { r.outcome_not_reached };
    let rest: Vec<&StepView> = match run.kind {
        Kind::Configure => views.iter().filter(|v| !v.step.action.is_manual() && v.number > last).collect(),
        Kind::Rollback => views.iter().rev().filter(|v| !v.step.action.is_test() && (last == 0 || v.number < last)).collect(),
    };
    let ended_early = run.exit_code.is_none() || run.stopped().is_some();
    if ended_early {
        for view in rest {
            out.push(ReportStep {
                heading: heading(r, run.kind, view.number, Some(view)),
                outcome: not_run.to_string(),
                failed: false,
                lines: Vec::new(),
                trouble_heading: r.trouble_heading,
                troubles: Vec::new(),
            });
        }
    }
    out
}

fn heading(r: &ReportStrings, kind: Kind, number: usize, view: Option<&StepView>) -> String {
    let label = match kind {
        Kind::Configure => fill(r.step_label, &[&number.to_string()]),
        Kind::Rollback => fill(r.undo_label, &[&number.to_string()]),
    };
    match view {
        Some(view) => fill(r.heading, &[&label, &view.title]),
        None => label,
    }
}

fn replication_row(r: &ReportStrings, seen: &Replication) -> ReportStep {
    let outcome = match seen {
        Replication::Seen { pending: 0, .. } => r.replication_done,
        Replication::Seen { .. } => r.replication_late,
        Replication::Unread(_) => r.replication_unread,
    };
    ReportStep {
        heading: r.replication_label.to_string(),
        outcome: outcome.to_string(),
        failed: false,
        lines: said(r, &Event::Replication(seen.clone())),
        trouble_heading: r.trouble_heading,
        troubles: Vec::new(),
    }
}

fn ran(r: &ReportStrings, run: &Run, step: &StepRun, views: &[StepView]) -> ReportStep {
    let view = views.iter().find(|v| v.number == step.number);
    let tests: Vec<_> = step.tests().collect();
    let counted_failure = tests.iter().any(|t| t.counted && !t.passed());
    let has = |wanted: fn(&Event) -> bool| step.events.iter().any(wanted);
    let outcome = if step.stop().is_some() {
        r.outcome_stopped
    } else if !tests.is_empty() {
        match (tests.iter().all(|t| t.passed()), counted_failure) {
            (true, _) => r.outcome_test_passed,
            (false, true) => r.outcome_test_failed,
            (false, false) => r.outcome_test_uncounted,
        }
    } else if step.number == 0 {
        if run.steps.len() > 1 || run.exit_code.is_some() {
            r.outcome_passed
        } else {
            r.outcome_not_reached
        }
    } else if has(|e| matches!(e, Event::Left { .. })) {
        r.outcome_left
    } else if has(|e| matches!(e, Event::Created(_) | Event::Set { .. } | Event::Removed(_))) {
        match run.kind {
            Kind::Configure => r.outcome_changed,
            Kind::Rollback => r.outcome_undone,
        }
    } else {
        match (run.kind, step.events.iter().find_map(|e| if let Event::Skipped(skip) = e { Some(*skip) } else { None })) {
            (Kind::Configure, _) => r.outcome_already,
            (Kind::Rollback, Some(Skip::NotChanged)) => r.outcome_not_changed,
            (Kind::Rollback, Some(Skip::NothingToUndo)) => r.outcome_nothing_to_undo,
            (Kind::Rollback, Some(Skip::ByHand)) => r.outcome_by_hand,
            (Kind::Rollback, Some(Skip::Already) | None) => r.outcome_already_undone,
        }
    };
    // Troubleshooting is for a failure that is not only early: while replication was not seen
    // to finish, the next action says to wait and test again first.
    let troubles = if counted_failure && next(run) == Next::Troubleshoot {
        let join = |parts: [&str; 3]| parts.join(r.sentence_separator);
        view.map(|v| v.troubles.iter().map(|t| join([t.symptom, &t.cause, &fill(r.trouble_check, &[t.check])])).collect()).unwrap_or_default()
    } else {
        Vec::new()
    };
    ReportStep {
        heading: if step.number == 0 { r.preflight.to_string() } else { heading(r, run.kind, step.number, view) },
        outcome: outcome.to_string(),
        failed: step.stop().is_some() || counted_failure,
        lines: step.events.iter().filter(|e| !matches!(e, Event::Replication(_))).flat_map(|event| said(r, event)).collect(),
        trouble_heading: r.trouble_heading,
        troubles,
    }
}

fn item(r: &ReportStrings, item: &Item) -> String {
    let template = match item.kind {
        ItemKind::Provider => r.item_provider,
        ItemKind::AllowedDomain => r.item_allowed,
        ItemKind::PushSettings => r.item_push,
        ItemKind::AccessEdge => r.item_accessedge,
    };
    fill(template, &[&item.identity])
}

/// What one event says; a skip says nothing here (the step's outcome says it).
fn said(r: &ReportStrings, event: &Event) -> Vec<String> {
    match event {
        Event::Created(it) => vec![fill(r.event_created, &[&item(r, it)])],
        Event::Set { item: it, property, from, to } => vec![fill(r.event_set, &[&item(r, it), property, from, to])],
        Event::Removed(it) => vec![fill(r.event_removed, &[&item(r, it)])],
        Event::Left { item: it, .. } if it.kind == ItemKind::AccessEdge => vec![r.event_left_federation.to_string()],
        Event::Left { item: it, force_undoes } => {
            vec![fill(if *force_undoes { r.event_left_force } else { r.event_left_never }, &[&item(r, it)])]
        }
        Event::Skipped(_) => Vec::new(),
        Event::Warning { warning, about } => {
            let template = match warning {
                Warning::ProviderOtherIdentity => r.warning_provider_other_identity,
                Warning::ProviderDisabled => r.warning_provider_disabled,
                Warning::RoutingUnknown => r.warning_routing_unknown,
                Warning::EdgeFqdnNotAPool => r.warning_edge_fqdn,
                Warning::SiteOverridesGlobal => r.warning_site_overrides,
                Warning::TestNotCounted => r.warning_test_not_counted,
                Warning::EarlierRecord => r.warning_earlier_record,
            };
            vec![fill(template, &[about])]
        }
        Event::Replication(Replication::Seen { pending, replicas }) => {
            vec![fill(r.event_replication_seen, &[&(replicas - pending).to_string(), &replicas.to_string()])]
        }
        Event::Replication(Replication::Unread(message)) => vec![fill(r.event_replication_unread, &[message])],
        Event::Test(test) if test.threw => {
            let mut lines = vec![fill(r.event_test_threw, &[&test.error])];
            if !test.counted {
                lines.push(r.event_test_not_counted.to_string());
            }
            lines
        }
        Event::Test(test) => {
            let mut lines = vec![fill(r.event_test_result, &[&test.result])];
            if !test.passed() {
                lines.push(fill(r.event_test_error, &[&test.error]));
                lines.push(fill(r.event_test_diagnosis, &[&test.diagnosis]));
                if !test.counted {
                    lines.push(r.event_test_not_counted.to_string());
                }
            }
            lines
        }
        Event::Stop(message) => vec![fill(r.event_stop, &[message])],
    }
}

/// The next action in words, and the commands it needs.
fn what_next(r: &ReportStrings, run: &Run, views: &[StepView]) -> (Vec<String>, Vec<String>, Vec<String>) {
    let tests: Vec<String> = views.iter().filter(|v| v.step.action.is_test()).flat_map(|v| v.commands.iter().map(|c| c.command.clone())).collect();
    let or_rollback = fill(r.next_or_rollback, &[ROLLBACK_FILE]);
    match next(run) {
        Next::Done => (vec![r.next_done.to_string()], Vec::new(), Vec::new()),
        Next::FixAndRunAgain { step, .. } => {
            let text = match (run.kind, step) {
                (Kind::Rollback, _) => r.next_fix_rollback.to_string(),
                (Kind::Configure, 0) => r.next_fix_preflight.to_string(),
                (Kind::Configure, step) => fill(r.next_fix, &[&step.to_string()]),
            };
            let changed = run.events().any(|(_, e)| matches!(e, Event::Created(_) | Event::Set { .. } | Event::Removed(_)));
            let after = if run.kind == Kind::Configure && changed { vec![fill(r.next_undo_done_steps, &[ROLLBACK_FILE])] } else { Vec::new() };
            (vec![text], Vec::new(), after)
        }
        Next::WaitThenTestAgain => (vec![r.next_wait.to_string()], tests, vec![r.next_wait_troubles.to_string(), or_rollback]),
        Next::Troubleshoot => (vec![r.next_troubleshoot.to_string()], tests, vec![or_rollback]),
        Next::Undone => (vec![r.next_undone.to_string()], Vec::new(), Vec::new()),
        Next::RunWithForce(items) => {
            let list: Vec<String> = items.iter().map(|it| item(r, it)).collect();
            (vec![fill(r.next_force, &[&list.join(r.list_separator)])], vec![format!(".\\{ROLLBACK_FILE} -Force")], vec![r.next_by_hand.to_string()])
        }
        Next::Unfinished => (vec![r.next_unfinished.to_string()], Vec::new(), Vec::new()),
    }
}

/// The report as Markdown: what the command line prints and the page exports with the runbook.
pub fn markdown(view: &ReportView) -> String {
    let mut out = format!("# {}\n\n{}\n\n", view.title, view.exit);
    for line in &view.about {
        out.push_str(&format!("- {line}\n"));
    }
    out.push('\n');
    for step in &view.steps {
        out.push_str(&format!("## {}\n\n**{}**\n\n", step.heading, step.outcome));
        for line in &step.lines {
            out.push_str(&format!("- {line}\n"));
        }
        if !step.troubles.is_empty() {
            out.push_str(&format!("\n### {}\n\n", step.trouble_heading));
            for trouble in &step.troubles {
                out.push_str(&format!("- {trouble}\n"));
            }
        }
        if !step.lines.is_empty() || !step.troubles.is_empty() {
            out.push('\n');
        }
    }
    out.push_str(&format!("## {}\n\n", view.next_heading));
    for line in &view.next {
        out.push_str(&format!("{line}\n\n"));
    }
    if !view.commands.is_empty() {
        out.push_str("```powershell\n");
        for command in &view.commands {
            out.push_str(&format!("{command}\n"));
        }
        out.push_str("```\n");
    }
    // After a code fence, a blank line first; after a paragraph, one is there already.
    let gap = if view.commands.is_empty() { "" } else { "\n" };
    for line in &view.after_commands {
        out.push_str(&format!("{gap}{line}\n"));
    }
    out
}

/// The report as the page shows it. Every value from the paste is escaped.
pub fn html(view: &ReportView) -> Html {
    let mut out = String::new();
    out.push_str(&format!("<h3 id=\"report-heading\">{}</h3>", escape(&view.title)));
    out.push_str(&format!("<p class=\"report-exit\" data-testid=\"report-exit\">{}</p>", escape(&view.exit)));
    out.push_str("<ul class=\"help\">");
    for line in &view.about {
        out.push_str(&format!("<li>{}</li>", escape(line)));
    }
    out.push_str("</ul>");
    if let Some(fragment) = &view.restore {
        out.push_str(&format!("<p><a href=\"#{}\" data-testid=\"report-restore\">{}</a></p>", escape(fragment), escape(view.restore_label)));
    }
    out.push_str("<ol class=\"report-steps\" data-testid=\"report-steps\">");
    for step in &view.steps {
        let class = if step.failed { " class=\"failed\"" } else { "" };
        out.push_str(&format!("<li{class}><strong>{}</strong> <span class=\"report-outcome\">{}</span>", escape(&step.heading), escape(&step.outcome)));
        if !step.lines.is_empty() {
            out.push_str("<ul>");
            for line in &step.lines {
                out.push_str(&format!("<li>{}</li>", escape(line)));
            }
            out.push_str("</ul>");
        }
        if !step.troubles.is_empty() {
            out.push_str(&format!("<h4>{}</h4><ul>", escape(step.trouble_heading)));
            for trouble in &step.troubles {
                out.push_str(&format!("<li>{}</li>", escape(trouble)));
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out.push_str(&format!("<h4>{}</h4><div data-testid=\"report-next\">", escape(view.next_heading)));
    for line in &view.next {
        out.push_str(&format!("<p>{}</p>", escape(line)));
    }
    if !view.commands.is_empty() {
        out.push_str("<pre class=\"code\"><code>");
        out.push_str(&escape(&view.commands.join("\n")));
        out.push_str("</code></pre>");
    }
    for line in &view.after_commands {
        out.push_str(&format!("<p>{}</p>", escape(line)));
    }
    out.push_str("</div>");
    Html::trusted(out)
}
