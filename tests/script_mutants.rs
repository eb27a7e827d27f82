#![cfg(not(target_arch = "wasm32"))]
//! The mutation campaign over the generated scripts: plausible one-line bugs, made on each
//! script's PowerShell syntax tree (tests/shell/mutate.rs), each run through the modelled
//! shell's behaviour checks. A mutant is killed when a check fails; one that survives is either
//! listed in `tests/script-mutants.equivalent.txt` with its reason, or fails this test.
//!
//! - `a_sample_of_mutants_is_killed` (in `./dev test`): every 7th mutant signature.
//! - `the_eight_kinds_of_bug_are_caught` (in `./dev test`): one of each kind an administrator
//!   would suffer, made by hand.
//! - `the_whole_campaign` (`./dev mutants`, or `cargo test --release --test script_mutants --
//!   --ignored --nocapture`): every mutant; prints the table by class, and the equivalents
//!   that no longer survive.

mod shell;
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use lync_push_wizard::core::{Answers, EdgeServer, MobileClient, PoolVersion};
use shell::checks::{check_sequence_with, for_answers, Pair, Step};
use shell::mutate::{mutants, Class, Mutant};
use shell::starts::{few, starts};
use shell::{case_label, check_texts, texts, titles, Script};
use support::{answers, with_provider, with_site};

const EQUIVALENTS: &str = include_str!("script-mutants.equivalent.txt");

/// One answer set of each kind of script: both services globally, APNS at a site, an existing
/// hybrid provider at a site, the OCS 2007 R2 route, a Skype for Business Server 2019 pool (no
/// push test), and MPNS alone on Lync Server 2010.
fn sample_answer_sets() -> Vec<Answers> {
    let mut sfb = answers(EdgeServer::Sfb2019, &[MobileClient::IosSfb, MobileClient::WpSfb]);
    sfb.pool = Some(PoolVersion::Sfb2019);
    vec![
        answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]),
        with_site(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]), "Redmond"),
        with_site(with_provider(Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2013, &[MobileClient::WpLync2013]) }, "Office365"), "Redmond"),
        answers(EdgeServer::Ocs2007R2, &[MobileClient::IosLync2010, MobileClient::WpLync2010]),
        sfb,
        Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2010, &[MobileClient::WpLync2010]) },
    ]
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fate {
    Killed,
    Survived,
    /// The mutated text does not parse: no script to run.
    Unviable,
}

struct Outcome {
    class: Class,
    fate: Fate,
    /// The check that killed it.
    by: Option<&'static str>,
}

/// The equivalents file: a signature line, then an indented `because:` line. Signatures are
/// compared trimmed (a deleted statement's signature ends in a space).
fn equivalents() -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let mut lines = EQUIVALENTS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).peekable();
    while let Some(signature) = lines.next() {
        let reason = lines.next_if(|l| l.trim_start().starts_with("because:")).map(|l| l.trim_start()["because:".len()..].trim().to_string());
        map.insert(signature.trim().to_string(), reason.unwrap_or_default());
    }
    map
}

/// Runs the mutants, each signature until one answer set's checks kill it. `keep` picks the
/// signatures to try (by their index in sorted order).
fn campaign(keep: impl Fn(usize) -> bool) -> BTreeMap<String, Outcome> {
    let starts = starts();
    let sets = sample_answer_sets();
    // Every signature with its mutants, by answer set and script.
    let mut by_signature: BTreeMap<String, Vec<(usize, bool, Mutant)>> = BTreeMap::new();
    let rendered: Vec<(String, String)> = sets.iter().map(texts).collect();
    for (i, (s, r)) in rendered.iter().enumerate() {
        for (is_rollback, text) in [(false, s), (true, r)] {
            for m in mutants(text) {
                let signature = format!("{} | {}", if is_rollback { "rollback" } else { "script" }, m.signature);
                by_signature.entry(signature).or_default().push((i, is_rollback, m));
            }
        }
    }
    let mut outcomes = BTreeMap::new();
    for (index, (signature, tries)) in by_signature.into_iter().enumerate() {
        if !keep(index) {
            continue;
        }
        let class = tries[0].2.class;
        let mut fate = Fate::Unviable;
        let mut by = None;
        for (i, is_rollback, m) in &tries {
            let (s, r) = &rendered[*i];
            let (s2, r2) = if *is_rollback { (s.clone(), m.apply(r)) } else { (m.apply(s), r.clone()) };
            if Script::parse(if *is_rollback { &r2 } else { &s2 }).is_err() {
                continue;
            }
            let mut report = check_texts(&sets[*i], &s2, &r2, &starts, true);
            if report.findings.is_empty() {
                report = in_sequences(&sets[*i], &s2, &r2);
            }
            match report.findings.keys().next() {
                Some(property) => {
                    fate = Fate::Killed;
                    by = Some(*property);
                    break;
                }
                None => fate = Fate::Survived,
            }
        }
        outcomes.insert(signature, Outcome { class, fate, by });
    }
    outcomes
}

/// The answer set's (possibly mutated) scripts in sequences: after an earlier run with fewer
/// clients, whose undo record they share, then rolled back without and with -Force; and run,
/// rolled back and run again.
fn in_sequences(answers: &Answers, script: &str, rollback: &str) -> shell::checks::Report {
    let mut report = shell::checks::Report::default();
    report.first_only = true;
    let (st, rt) = titles(answers);
    let (Ok(s), Ok(r)) = (Script::parse(script), Script::parse(rollback)) else { return report };
    let (s, r) = (s.titled(st), r.titled(rt));
    let mutated = Pair { label: case_label(answers), answers, script: &s, rollback: &r };
    // The earlier run: the same answers with their first client only.
    let mut earlier_answers = answers.clone();
    let first = *answers.clients.iter().next().expect("a client");
    for c in answers.clients.clone().iter() {
        earlier_answers.set_client(*c, *c == first);
    }
    let (es, er) = texts(&earlier_answers);
    let (et, ert) = titles(&earlier_answers);
    let (es, er) = (Script::parse(&es).unwrap().titled(et), Script::parse(&er).unwrap().titled(ert));
    let earlier = Pair { label: case_label(&earlier_answers), answers: &earlier_answers, script: &es, rollback: &er };
    let earlier_configures = shell::expect::need(&earlier_answers).configure;
    let mut sequences: Vec<(&str, Vec<Step>)> = vec![("run, rollback, run", vec![Step::Configure(&mutated), Step::Rollback(&mutated, true), Step::Configure(&mutated), Step::Rollback(&mutated, false)])];
    if earlier_configures {
        sequences.push((
            "after a run with fewer clients",
            vec![Step::Configure(&earlier), Step::Configure(&mutated), Step::Rollback(&mutated, false), Step::Rollback(&mutated, true)],
        ));
    }
    for start in few(&["fresh", "global Apple on", "site settings present, Microsoft on", "Office365 provider for sipfed"]) {
        let start = for_answers(answers, &start);
        for (name, steps) in &sequences {
            report.merge(check_sequence_with(name, steps, &start, true, false), 1);
            if !report.findings.is_empty() {
                return report;
            }
        }
    }
    report
}

/// The table by class; the survivors not listed as equivalent (which fail the test); the listed
/// ones that were tried and did not survive (stale entries).
fn report(outcomes: &BTreeMap<String, Outcome>) -> (String, Vec<String>, Vec<String>) {
    let equivalents = equivalents();
    let mut table = String::from("class                  mutants  killed  survived  equivalent  unviable\n");
    let mut killers: BTreeMap<&str, usize> = BTreeMap::new();
    for class in Class::ALL {
        let of: Vec<(&String, &Outcome)> = outcomes.iter().filter(|(_, o)| o.class == *class).collect();
        let count = |f: Fate| of.iter().filter(|(_, o)| o.fate == f).count();
        let equivalent = of.iter().filter(|(s, o)| o.fate == Fate::Survived && equivalents.contains_key(s.trim())).count();
        table.push_str(&format!(
            "{:<22} {:>7} {:>7} {:>9} {:>11} {:>9}\n",
            class.name(),
            of.len(),
            count(Fate::Killed),
            count(Fate::Survived) - equivalent,
            equivalent,
            count(Fate::Unviable)
        ));
    }
    for o in outcomes.values() {
        if let Some(by) = o.by {
            *killers.entry(by).or_insert(0) += 1;
        }
    }
    table.push_str(&format!("killed by: {}\n", killers.iter().map(|(k, n)| format!("{k} {n}")).collect::<Vec<_>>().join(", ")));
    let unexplained: Vec<String> =
        outcomes.iter().filter(|(s, o)| o.fate == Fate::Survived && !equivalents.contains_key(s.trim())).map(|(s, _)| s.clone()).collect();
    let stale: Vec<String> = outcomes.iter().filter(|(s, o)| o.fate != Fate::Survived && equivalents.contains_key(s.trim())).map(|(s, _)| s.clone()).collect();
    (table, unexplained, stale)
}

fn judge(outcomes: &BTreeMap<String, Outcome>, began: Instant) {
    let (table, unexplained, stale) = report(outcomes);
    println!("{table}{} mutants in {:.1} s", outcomes.len(), began.elapsed().as_secs_f64());
    for s in &stale {
        println!("listed as equivalent, but no longer survives: {s}");
    }
    assert!(
        unexplained.is_empty(),
        "{} mutant(s) survived the behaviour checks and are not listed in tests/script-mutants.equivalent.txt:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    assert!(stale.is_empty(), "equivalents that no longer survive: remove them from tests/script-mutants.equivalent.txt");
}

#[test]
fn a_sample_of_mutants_is_killed() {
    let began = Instant::now();
    let outcomes = campaign(|i| i % 7 == 0);
    assert!(outcomes.len() >= 150, "the sample shrank to {} mutants", outcomes.len());
    judge(&outcomes, began);
}

#[test]
#[ignore = "the whole campaign: ./dev mutants"]
fn the_whole_campaign() {
    let began = Instant::now();
    let outcomes = campaign(|_| true);
    judge(&outcomes, began);
}

#[test]
fn every_class_makes_mutants_of_a_script() {
    let (s, r) = texts(&sample_answer_sets()[0]);
    let classes: BTreeSet<Class> = mutants(&s).iter().chain(mutants(&r).iter()).map(|m| m.class).collect();
    assert_eq!(classes.len(), Class::ALL.len(), "classes without a mutant: {:?}", Class::ALL.iter().filter(|c| !classes.contains(c)).collect::<Vec<_>>());
    // A mutant changes the text, and a signature names the line before and after.
    for m in mutants(&s).iter().take(200) {
        assert_ne!(m.apply(&s), s, "{}", m.signature);
        assert!(m.signature.contains(" => "), "{}", m.signature);
    }
}

/// Swaps the first line containing `first` with the line after it.
fn swap_with_next(text: &str, first: &str, next: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    let i = (0..lines.len() - 1).find(|&i| lines[i].contains(first) && lines[i + 1].contains(next)).expect("the two lines");
    lines.swap(i, i + 1);
    lines.join("\n") + "\n"
}

/// The eight kinds of bug a hurried edit of the renderer makes and an administrator would
/// suffer, each made once in the seed's scripts: every one is caught.
#[test]
fn the_eight_kinds_of_bug_are_caught() {
    let seed = sample_answer_sets().remove(0);
    let (s, r) = texts(&seed);
    let replace = |text: &str, from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        text.replacen(from, to, 1)
    };
    let bugs: Vec<(&str, String, String)> = vec![
        ("the replication wait never waits", replace(&s, "$waited -lt 300", "$waited -lt 0"), r.clone()),
        ("a failed test reported as success", replace(&s, "$global:LASTEXITCODE = 2", "$global:LASTEXITCODE = 0"), r.clone()),
        ("a second run overwrites the record", replace(&s, "if (-not $record['PushSettings'].ContainsKey('Global')) {", "if ($true) {"), r.clone()),
        (
            "the record saved after the change",
            swap_with_next(&s, "$record | Export-Clixml -Path $recordPath", "Set-CsPushNotificationConfiguration -EnableApplePushNotificationService"),
            r.clone(),
        ),
        ("the provider's Enabled inverted in the script", replace(&s, "if (-not $provider[0].Enabled) {", "if ($provider[0].Enabled) {"), r.clone()),
        ("the provider's Enabled inverted in the rollback", s.clone(), replace(&r, "(-not $provider[0].Enabled -or", "($provider[0].Enabled -or")),
        (
            "a value restored from the wrong key",
            s.clone(),
            replace(&r, "-EnableApplePushNotificationService $entry['AppleBefore']", "-EnableApplePushNotificationService $entry['MicrosoftBefore']"),
        ),
        ("the record never retired", s.clone(), replace(&r, "Rename-Item -Path $recordPath -NewName $doneName", "")),
    ];
    let starts = starts();
    let mut missed = Vec::new();
    for (name, script, rollback) in &bugs {
        assert!(script != &s || rollback != &r, "{name}: no change made");
        let mut report = check_texts(&seed, script, rollback, &starts, true);
        if report.findings.is_empty() {
            report = in_sequences(&seed, script, rollback);
        }
        match report.findings.keys().next() {
            Some(by) => println!("{name}: caught by {by}"),
            None => missed.push(*name),
        }
    }
    assert!(missed.is_empty(), "not caught: {missed:?}");
}

/// Every mutant signature of the sample's scripts, for keeping the equivalents file up to date
/// when a script's text changes (`-- --ignored --nocapture list_signatures`).
#[test]
#[ignore = "a listing, not a check"]
fn list_signatures() {
    for answers in sample_answer_sets() {
        let (s, r) = texts(&answers);
        for (kind, text) in [("script", s), ("rollback", r)] {
            for m in mutants(&text) {
                println!("{kind} | {}", m.signature);
            }
        }
    }
}
