use super::*;
use crate::core::discovery::is_safe;

/// Marks as the scripts print them (`render::powershell::marks`): encoded, split at 72
/// characters, and an `end` that counts and checks the marks before it.
struct Printer {
    lines: Vec<String>,
    marks: Vec<String>,
}

impl Printer {
    fn new() -> Printer {
        Printer { lines: Vec::new(), marks: Vec::new() }
    }

    fn say(&mut self, line: &str) -> &mut Printer {
        self.lines.push(line.to_string());
        self
    }

    fn mark(&mut self, values: &[&str]) -> &mut Printer {
        let mut text = "~push1".to_string();
        for value in values {
            text.push('|');
            for byte in value.bytes() {
                if is_safe(byte) {
                    text.push(byte as char);
                } else {
                    text.push_str(&format!("%{byte:02X}"));
                }
            }
        }
        text.push('~');
        self.marks.push(text.clone());
        let chars: Vec<char> = text.chars().collect();
        for piece in chars.chunks(72) {
            self.lines.push(piece.iter().collect());
        }
        self
    }

    fn end(&mut self, code: i64) -> &mut Printer {
        let (count, check) = (self.marks.len().to_string(), format!("{:08X}", check(self.marks.iter().map(String::as_str))));
        self.mark(&["end", &code.to_string(), &count, &check])
    }

    fn text(&self) -> String {
        self.lines.join("\n") + "\n"
    }
}

const FRAGMENT: &str = "edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com";

/// A first run of the seed's script that fails its tests before replication.
fn first_run() -> Printer {
    let mut p = Printer::new();
    p.mark(&["begin", "configure", "2026.12.07", FRAGMENT, "False"]).say("Pre-flight checks (nothing is changed until they pass)");
    p.say("Step 1 of 6: Add the Lync Online hosting provider (sipfed.online.lync.com)").mark(&["step", "1"]);
    p.say("  Done: added hosting provider LyncOnline for sipfed.online.lync.com.").mark(&["created", "provider", "LyncOnline"]);
    p.mark(&["step", "2"]).mark(&["skipped", "already"]);
    p.mark(&["step", "3"]).mark(&["set", "push", "Global", "EnableApplePushNotificationService", "False", "True"]);
    p.mark(&["warning", "site-overrides-global", "site:Redmond"]);
    p.mark(&["step", "4"]).mark(&["set", "accessedge", "Global", "AllowFederatedUsers", "False", "True"]);
    p.mark(&["replication", "2", "3"]);
    p.mark(&["step", "5"]).mark(&["test", "True", "returned", "Failure", "504, Server time-out", "ErrorCode=2, Source=accessproxy"]);
    p.mark(&["step", "6"]).mark(&["test", "True", "threw", "", "A 504 (Server time-out) response was received from the network and the operation failed. See the exception details for more information.", ""]);
    p.say("WARNING: Every step is done, but 2 test(s) did not pass: see the results above and the troubleshooting in the plan.");
    p.end(2);
    p
}

#[test]
fn a_run_is_read_back_step_by_step() {
    let run = parse(&first_run().text()).unwrap_or_else(|problem| panic!("{problem:?}"));
    assert_eq!((run.kind, run.rules.as_str(), run.fragment.as_str(), run.force), (Kind::Configure, "2026.12.07", FRAGMENT, false));
    assert_eq!(run.steps.iter().map(|s| s.number).collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(run.steps[1].events, [Event::Created(Item { kind: ItemKind::Provider, identity: "LyncOnline".into() })]);
    assert_eq!(run.steps[2].events, [Event::Skipped(Skip::Already)]);
    assert_eq!(
        run.steps[3].events[0],
        Event::Set { item: Item { kind: ItemKind::PushSettings, identity: "Global".into() }, property: "EnableApplePushNotificationService".into(), from: "False".into(), to: "True".into() }
    );
    assert_eq!(run.steps[3].events[1], Event::Warning { warning: Warning::SiteOverridesGlobal, about: "site:Redmond".into() });
    assert_eq!(run.replication(), Some(&Replication::Seen { pending: 2, replicas: 3 }));
    let tests: Vec<&TestRun> = run.steps.iter().flat_map(|s| s.tests()).collect();
    assert_eq!(tests.len(), 2);
    assert_eq!((tests[0].result.as_str(), tests[0].error.as_str(), tests[0].passed()), ("Failure", "504, Server time-out", false));
    assert!(tests[1].threw && tests[1].error.starts_with("A 504 (Server time-out)"));
    assert_eq!((run.exit_code, run.earlier_runs), (Some(2), 0));
    assert_eq!(next(&run), Next::WaitThenTestAgain);
}

/// A console or a transcript wraps at its width, and ends lines with CRLF; a transcript adds its
/// header and footer. The run reads the same at every width down to 8 columns.
#[test]
fn wrapped_at_any_width_the_run_reads_the_same() {
    let text = first_run().text();
    let plain = parse(&text).unwrap_or_else(|problem| panic!("{problem:?}"));
    let strip = |mut run: Run| {
        run.line = 0;
        run.steps.iter_mut().for_each(|s| s.line = 0);
        run
    };
    for width in 8..=100 {
        let mut wrapped = String::from("**********************\r\nWindows PowerShell Transcript Start\r\nStart time: 20261208101500\r\n**********************\r\n");
        for line in text.lines() {
            let chars: Vec<char> = line.chars().collect();
            for piece in chars.chunks(width) {
                wrapped.push_str(&piece.iter().collect::<String>());
                wrapped.push_str("\r\n");
            }
        }
        wrapped.push_str("**********************\r\nWindows PowerShell Transcript End\r\n");
        let read = parse(&wrapped).unwrap_or_else(|problem| panic!("width {width}: {problem:?}"));
        assert_eq!(strip(read), strip(plain.clone()), "width {width}");
    }
}

#[test]
fn a_transcript_of_several_runs_is_read_at_its_last() {
    let mut second = Printer::new();
    second.mark(&["begin", "configure", "2026.12.07", FRAGMENT, "False"]);
    for n in 1..=4 {
        second.mark(&["step", &n.to_string()]).mark(&["skipped", "already"]);
    }
    second.mark(&["replication", "0", "3"]);
    for n in 5..=6 {
        second.mark(&["step", &n.to_string()]).mark(&["test", "True", "returned", "Success", "", ""]);
    }
    second.end(0);
    let text = first_run().text() + "PS C:\\LyncPush> .\\Enable-LyncPushNotifications.ps1\n" + &second.text();
    let run = parse(&text).unwrap_or_else(|problem| panic!("{problem:?}"));
    assert_eq!((run.exit_code, run.earlier_runs), (Some(0), 1));
    assert_eq!(next(&run), Next::Done);
}

/// Each way a paste goes wrong gets its own message, naming the line.
#[test]
fn damaged_input_is_named_by_its_line() {
    let text = first_run().text();
    let lines: Vec<&str> = text.lines().collect();
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle)).map(|i| i + 1).unwrap_or(0);
    let with = |index: usize, replacement: &str| {
        let mut l = lines.clone();
        l[index - 1] = replacement;
        l.join("\n")
    };
    let end_line = at("~push1|end|");
    // A changed letter in a value.
    let changed = text.replacen("LyncOnline~", "LyncOnlime~", 1);
    assert_eq!(parse(&changed), Err(Problem::Check { line: end_line }));
    // A mark lost.
    let step2 = at("~push1|step|2~");
    let lost = { let mut l = lines.clone(); l.remove(step2 - 1); l.join("\n") };
    assert_eq!(parse(&lost), Err(Problem::Count { line: end_line - 1, said: 15, found: 14 }));
    // Cut inside the long mark of the thrown test: the mark never ends.
    let thrown = at("|threw|");
    assert_eq!(parse(&lines[..thrown].join("\n")), Err(Problem::Unclosed { line: thrown }));
    // Cut between marks: a run with no end, read as unfinished.
    let cut = parse(&lines[..step2].join("\n")).unwrap_or_else(|problem| panic!("{problem:?}"));
    assert_eq!((cut.exit_code, next(&cut)), (None, Next::Unfinished));
    // Markup, a space, another version, no begin, nothing at all.
    assert_eq!(parse(&with(step2, "~push1|step|<b>2</b>~")), Err(Problem::Characters { line: step2 }));
    assert_eq!(parse(&with(step2, "~push1|step|2 ~")), Err(Problem::Characters { line: step2 }));
    assert_eq!(parse(&with(1, "~push2|begin|configure~")), Err(Problem::Version { line: 1, found: "2".into() }));
    assert_eq!(parse(&lines[2..].join("\n")), Err(Problem::NoBegin { line: at("~push1|step|1~") - 2 }));
    assert_eq!(parse("Step 1 of 6: Add the Lync Online hosting provider\n"), Err(Problem::NoRun));
    assert!(matches!(parse(&"x".repeat(crate::core::discovery::MAX_TEXT_BYTES + 1)), Err(Problem::TooLarge { .. })));
}

/// Marks out of their place, or of values the scripts never write, are refused.
#[test]
fn marks_must_fit_their_run() {
    let run = |build: &dyn Fn(&mut Printer)| {
        let mut p = Printer::new();
        p.mark(&["begin", "configure", "2026.12.07", FRAGMENT, "False"]);
        build(&mut p);
        parse(&p.text())
    };
    let order = |r: Result<Run, Problem>| matches!(r, Err(Problem::Order { .. }));
    let value = |r: Result<Run, Problem>| matches!(r, Err(Problem::Value { .. }));
    assert!(order(run(&|p| {
        p.mark(&["step", "2"]).mark(&["step", "1"]);
    })));
    assert!(order(run(&|p| {
        p.mark(&["step", "1"]).mark(&["stop", "boom"]).mark(&["step", "2"]);
    })));
    assert!(order(run(&|p| {
        p.mark(&["begin", "configure", "2026.12.07", FRAGMENT, "False"]).end(0).mark(&["step", "1"]);
    })));
    assert!(value(run(&|p| {
        p.end(1);
    })), "exit 1 without a stop");
    assert!(value(run(&|p| {
        p.mark(&["stop", "boom"]).end(0);
    })), "a stop without exit 1");
    assert!(value(run(&|p| {
        p.end(3);
    })), "3 is the rollback's");
    assert!(value(run(&|p| {
        p.mark(&["replication", "4", "3"]);
    })));
    assert!(value(run(&|p| {
        p.mark(&["created", "printer", "x"]);
    })));
    assert!(matches!(run(&|p| {
        p.mark(&["made", "x"]);
    }), Err(Problem::Mark { .. })));
    assert!(matches!(run(&|p| {
        p.mark(&["step", "1", "2"]);
    }), Err(Problem::Mark { .. })));
    let fine = run(&|p| {
        p.mark(&["step", "1"]).mark(&["stop", "This shell lacks Get-CsPushNotificationConfiguration."]).end(1);
    });
    assert_eq!(
        fine.as_ref().map(next),
        Ok(Next::FixAndRunAgain { step: 1, message: "This shell lacks Get-CsPushNotificationConfiguration.".into() })
    );
}

#[test]
fn a_rollback_says_what_force_would_undo() {
    let mut p = Printer::new();
    p.mark(&["begin", "rollback", "2026.12.07", FRAGMENT, "False"]);
    p.mark(&["step", "4"]).mark(&["left", "accessedge", "Global", "True"]);
    p.mark(&["step", "3"]).mark(&["set", "push", "Global", "EnableApplePushNotificationService", "True", "False"]);
    p.mark(&["step", "2"]).mark(&["removed", "allowed", "push.lync.com"]);
    p.mark(&["step", "1"]).mark(&["left", "provider", "LyncOnline", "False"]);
    p.end(3);
    let run = parse(&p.text()).unwrap_or_else(|problem| panic!("{problem:?}"));
    assert_eq!(next(&run), Next::RunWithForce(vec![Item { kind: ItemKind::AccessEdge, identity: "Global".into() }]));
    let mut q = Printer::new();
    q.mark(&["begin", "rollback", "2026.12.07", FRAGMENT, "True"]).mark(&["step", "4"]).mark(&["step", "2"]).end(0);
    let forced = parse(&q.text()).unwrap_or_else(|problem| panic!("{problem:?}"));
    assert!(forced.force);
    assert_eq!(next(&forced), Next::Undone);
    let mut r = Printer::new();
    r.mark(&["begin", "rollback", "2026.12.07", FRAGMENT, "False"]).mark(&["step", "2"]).mark(&["step", "3"]);
    assert!(matches!(parse(&r.text()), Err(Problem::Order { .. })), "the rollback undoes the last step first");
}
