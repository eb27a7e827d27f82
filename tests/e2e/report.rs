//! The run report on the release site: a run's output pasted or dropped is read by the page's
//! worker and shown step by step, with the exit code's meaning and the next action, in the
//! page's language whatever the run printed; damaged output is named by its line with nothing
//! lost; the report downloads as Markdown with the runbook. Screenshots of the four example runs
//! (tests/golden/run.*.txt, written by tests/run_report.rs) in both languages.

use std::path::PathBuf;

use serde_json::json;

use super::webdriver::{Driver, Session};
use super::{page_of_size, shots, site};

const RUNS: [&str; 4] = ["clean", "stopped", "before-replication", "rollback-left"];
const SEED: &str = "edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com";

fn output(run: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/run.{run}.txt"));
    std::fs::read_to_string(path).expect("the example run")
}

fn paste(session: &Session, text: &str) {
    session.exec(
        "const box = document.querySelector('[data-testid=report-input]'); box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }))",
        vec![json!(text)],
    );
}

#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn a_pasted_run_is_reported_step_by_step_in_both_languages() {
    let driver = Driver::start();
    for (lang, exits) in [
        ("en", ["Exit code 0", "Exit code 1", "Exit code 2", "Exit code 3"]),
        ("zh-TW", ["結束代碼 0", "結束代碼 1", "結束代碼 2", "結束代碼 3"]),
    ] {
        for (run, exit) in RUNS.into_iter().zip(exits) {
            let session = page_of_size(&driver, 1280, 2000, &format!("{}#{SEED}&lang={lang}", site()));
            session.click("report-summary");
            // As Start-Transcript keeps it: its header, CRLF, lines wrapped at 80 columns.
            let mut transcript = String::from("**********************\r\nWindows PowerShell transcript start\r\n");
            for line in output(run).lines() {
                let chars: Vec<char> = line.chars().collect();
                for piece in chars.chunks(80) {
                    transcript.push_str(&piece.iter().collect::<String>());
                    transcript.push_str("\r\n");
                }
            }
            paste(&session, &transcript);
            let report = session.wait_until_contains("report-view", exit);
            let next = session.content("report-next");
            match (run, lang) {
                ("clean", "en") => assert!(report.contains("They match the answers open in the wizard.") && next.starts_with("Done."), "{report}"),
                ("stopped", "en") => {
                    assert!(report.contains("Stopped here") && report.contains("Not run: the script stopped before it"), "{report}");
                    assert!(next.contains("Fix what it stopped on in step 4"), "{next}");
                }
                ("before-replication", "en") => {
                    assert!(next.contains("Wait until Get-CsManagementStoreReplicationStatus"), "{next}");
                    assert!(next.contains("Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'"), "{next}");
                    assert!(next.contains("If they still fail once every replica is up to date"), "{next}");
                }
                ("rollback-left", "en") => assert!(next.contains(".\\Undo-LyncPushNotifications.ps1 -Force"), "{next}"),
                ("rollback-left", _) => assert!(report.contains("維持原狀：裝載提供者 LyncOnline 在設定指令碼建立之後曾被變更。"), "{report}"),
                _ => {}
            }
            let shown = session.exec("return !document.getElementById('report-actions').hidden", vec![]);
            assert_eq!(shown, json!(true), "Print and Download are offered");
            session.exec("document.querySelector('[data-testid=report]').scrollIntoView()", vec![]);
            session.screenshot(&shots().join(format!("report-{run}-{lang}.png")));
        }
    }
}

#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn damaged_output_is_named_by_its_line_and_nothing_is_lost() {
    let driver = Driver::start();
    let session = page_of_size(&driver, 1280, 1200, &format!("{}#{SEED}", site()));
    session.click("report-summary");
    let good = output("clean");
    let end_line = good.lines().position(|l| l.starts_with("~push1|end|")).map(|i| i + 1).unwrap_or(0);
    for (damaged, says) in [
        (good.replacen("LyncOnline~", "LyncOnlime~", 1), format!("Line {end_line}: the check value does not match the marks")),
        (good.replacen("~push1|step|2~", "~push1|step|<img src=x onerror=alert(1)>~", 1), "characters a mark never holds".to_string()),
        ("Step 1 of 6: Add the Lync Online hosting provider\n".to_string(), "No run found".to_string()),
        ("x".repeat(2 << 20), "bytes; a run's output is read from at most".to_string()),
    ] {
        paste(&session, &damaged);
        session.wait_until_contains("report-status", &says);
        let rendered = session.exec("return document.querySelectorAll('#report-panel img, #report-panel script').length", vec![]);
        assert_eq!(rendered, json!(0), "no markup from the paste is rendered");
        let kept = session.exec("return document.querySelector('[data-testid=report-input]').value.length", vec![]);
        assert_eq!(kept, json!(damaged.chars().map(char::len_utf16).sum::<usize>()), "what was pasted stays in the box");
        let hidden = session.exec("return document.getElementById('report-view').hidden", vec![]);
        assert_eq!(hidden, json!(true), "no report of an output that does not read");
    }
    // Another script's run: said, with the way back to its answers.
    let other = page_of_size(&driver, 1280, 1200, &format!("{}#edge=lync2013&clients=ios-lync2010&access-edge=edge.fabrikam.com", site()));
    other.click("report-summary");
    paste(&other, &good);
    let report = other.wait_until_contains("report-view", "They are not the answers open in the wizard");
    assert!(report.contains("Use this run's answers"), "{report}");
}
