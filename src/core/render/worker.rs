//! What the discovery reader answers the page. The reader is a web worker of its own
//! (src/bin/wizard_worker.rs) that the page starts only when a discovery block is pasted or
//! kept: parsing a block, the reading and the forecast are not in the page's own wasm, so a first
//! visit does not download them. Page and reader exchange arrays of strings:
//!
//! - `["read", <lang>, <pasted text>]` →
//!   `["read", "ok", <the block alone>, <what to say>, <fills: 4 strings>]` or
//!   `["read", "problem", <the problem, naming its line>]`;
//! - `["bytes", <lang>, <a chosen or dropped file>]`: as "read", with the text its bytes hold
//!   (`discovery::text_of`: UTF-16 as `>` saves it, or UTF-8); a file that cannot be read is
//!   the problem `read_failed` says;
//! - `["view", <n>, <lang>, <answers as a link fragment>, <kept block>]` →
//!   `["view", <n>, <the reading as HTML>, <the forecast as HTML, or "">]`; `<n>` lets the page
//!   drop a reply overtaken by a later request.
//!
//! - `["runbook", <lang>, <answers as a link fragment>]` → `["runbook", <the runbook as
//!   Markdown, or "" without a plan>]`.
//! - `["report", <lang>, <answers as a link fragment>, <a run's pasted output>]` →
//!   `["report", "ok", <the run report as HTML>, <the report and its script's runbook as
//!   Markdown>]` or `["report", "problem", <the problem, naming its line>]`;
//!   `["report-bytes", <lang>, <answers>, <a chosen or dropped file>]`: the same, from its bytes.
//!
//! The worker says `["ready"]` once it listens: the page holds its requests until then, since a
//! message that comes while the worker's wasm is still loading finds no one listening.
//!
//! Anything else gets `[]`. The HTML is the core's renderers' (`html::reading`, `html::outlook`).

use crate::core::discovery::{self, block_of};
use crate::core::i18n::Language;
use crate::core::plan::plan;
use crate::core::share::from_fragment;

use super::html;
use super::markdown::runbook;
use super::report;

pub const READ: &str = "read";
pub const VIEW: &str = "view";
pub const BYTES: &str = "bytes";
pub const RUNBOOK: &str = "runbook";
pub const REPORT: &str = "report";
pub const REPORT_BYTES: &str = "report-bytes";
pub const READY: &str = "ready";
pub const OK: &str = "ok";
pub const PROBLEM: &str = "problem";

/// The reply to one request.
pub fn respond(request: &[String]) -> Vec<String> {
    match request {
        [kind, lang, text] if kind == READ => read(language(lang), text),
        [kind, number, lang, fragment, block] if kind == VIEW => view(number, language(lang), fragment, block),
        [kind, lang, fragment, text] if kind == REPORT => run_report(language(lang), fragment, text),
        [kind, lang, fragment] if kind == RUNBOOK => {
            let lang = language(lang);
            let text = plan(&from_fragment(fragment).0).map(|plan| runbook(lang.strings(), &plan)).unwrap_or_default();
            vec![RUNBOOK.to_string(), text]
        }
        _ => Vec::new(),
    }
}

/// A chosen or dropped file's bytes: read as "read" reads a paste.
pub fn read_bytes(lang: &str, bytes: &[u8]) -> Vec<String> {
    read(language(lang), &discovery::text_of(bytes))
}

/// A chosen or dropped file of a run's output: read as "report" reads a paste.
pub fn report_bytes(lang: &str, fragment: &str, bytes: &[u8]) -> Vec<String> {
    run_report(language(lang), fragment, &discovery::text_of(bytes))
}

/// The run report of a pasted output, beside the answers given now; for the export, the report
/// and the runbook of the run's own answers.
fn run_report(lang: Language, fragment: &str, text: &str) -> Vec<String> {
    match crate::core::run_report::parse(text) {
        Ok(run) => {
            let given = from_fragment(fragment);
            let view = report::view(lang, &run, (given.1.is_empty() && !fragment.is_empty()).then_some(&given.0));
            let mut markdown = report::markdown(&view);
            if let Ok(plan) = plan(&from_fragment(&run.fragment).0) {
                markdown.push_str("\n---\n\n");
                markdown.push_str(&runbook(lang.strings(), &plan));
            }
            vec![REPORT.to_string(), OK.to_string(), report::html(&view).into_string(), markdown]
        }
        Err(problem) => vec![REPORT.to_string(), PROBLEM.to_string(), problem.message(lang.report_strings())],
    }
}

/// A chosen or dropped file of a run's output that could not be read.
pub fn report_failed(lang: &str) -> Vec<String> {
    vec![REPORT.to_string(), PROBLEM.to_string(), language(lang).report_strings().panel_unreadable.to_string()]
}

/// A chosen or dropped file that could not be read.
pub fn read_failed(lang: &str) -> Vec<String> {
    vec![READ.to_string(), PROBLEM.to_string(), language(lang).discovery_strings().panel_unreadable.to_string()]
}

fn language(token: &str) -> Language {
    Language::from_token(token).unwrap_or(Language::En)
}

fn read(lang: Language, text: &str) -> Vec<String> {
    let d = lang.discovery_strings();
    match (discovery::parse(text), block_of(text)) {
        (Ok(found), Some(block)) => {
            let mut reply = vec![READ.to_string(), OK.to_string(), block, d.panel_read.to_string()];
            reply.extend(discovery::fill(&found).fills().to_strings());
            reply
        }
        (Ok(_), None) => vec![READ.to_string(), PROBLEM.to_string(), d.problem_no_block.to_string()],
        (Err(problem), _) => vec![READ.to_string(), PROBLEM.to_string(), problem.message(d)],
    }
}

fn view(number: &str, lang: Language, fragment: &str, block: &str) -> Vec<String> {
    let d = lang.discovery_strings();
    let (reading, outlook) = match discovery::parse(block) {
        Ok(found) => {
            let answers = from_fragment(fragment).0;
            let reading = html::reading(d, &discovery::fill(&found).view(lang, Some(&answers)));
            match plan(&answers) {
                Ok(plan) => {
                    let outlook = discovery::forecast(&plan, &found).view(&plan, lang);
                    // What stops the script is said where the block was pasted too.
                    (html::outlook_stops(d, &outlook.stops).into_string() + reading.as_str(), html::outlook(d, &outlook).into_string())
                }
                Err(_) => (reading.into_string(), String::new()),
            }
        }
        // A kept block that no longer reads (edited in storage) says why, as a paste would.
        Err(problem) => (html::problem(&problem.message(d)).into_string(), String::new()),
    };
    vec![VIEW.to_string(), number.to_string(), reading, outlook]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::discovery::Fills;
    use crate::core::share::to_fragment;
    use crate::core::{Answers, EdgeServer, MobileClient};

    const BLOCK: &str = include_str!("../../../tests/golden/discovery.fresh.txt");

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|item| item.to_string()).collect()
    }

    #[test]
    fn a_read_keeps_the_block_alone_and_gives_its_answers() {
        let pasted = format!("PS C:\\> .\\Get-LyncPushDeployment.ps1\r\n{}PS C:\\> ", BLOCK.replace('\n', "\r\n"));
        let reply = respond(&strings(&[READ, "zh-TW", &pasted]));
        assert_eq!(&reply[..4], [READ, OK, BLOCK, Language::ZhTw.discovery_strings().panel_read]);
        let fills = Fills::from_strings(&reply[4..]).expect("four strings");
        assert_eq!(fills, Fills { access_edge: Some("accessproxy.contoso.com".into()), provider: Some(None) });
        let mut answers = Answers { provider_exists: true, provider_identity: "Office365".into(), ..Answers::default() };
        fills.apply(&mut answers);
        assert!(!answers.provider_exists && answers.provider_identity.is_empty() && answers.access_edge == "accessproxy.contoso.com");
    }

    #[test]
    fn a_damaged_paste_is_a_problem_naming_its_line() {
        let damaged = BLOCK.replace("~site|Site:Dublin", "~site|Site:Dubl1n");
        let reply = respond(&strings(&[READ, "en", &damaged]));
        assert_eq!(reply[..2], [READ, PROBLEM]);
        assert!(reply[2].starts_with(&format!("Line {}: the check value", BLOCK.lines().count())), "{}", reply[2]);
        assert_eq!(respond(&strings(&[READ, "en", "<script>alert(1)</script>"]))[2], Language::En.discovery_strings().problem_no_block);
    }

    #[test]
    fn a_view_shows_the_reading_and_the_plan_against_it() {
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        discovery::fill(&discovery::parse(BLOCK).unwrap()).apply(&mut answers);
        let reply = respond(&strings(&[VIEW, "7", "en", &to_fragment(&answers), BLOCK]));
        assert_eq!(reply[..2], [VIEW, "7"]);
        assert!(reply[2].contains("<dd>accessproxy.contoso.com, the FQDN of the one Edge pool.</dd>"), "{}", reply[2]);
        assert!(reply[3].contains("<li>Will add push.lync.com to the allowed domains.</li>"), "{}", reply[3]);
        // Without a plan (answers missing), the reading alone.
        let reply = respond(&strings(&[VIEW, "8", "en", "", BLOCK]));
        assert!(!reply[2].is_empty() && reply[3].is_empty());
        assert!(respond(&strings(&[VIEW, "9", "en"])).is_empty(), "a request of another shape gets no reply");
    }

    #[test]
    fn the_runbook_is_the_plans_in_the_pages_language() {
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        let plan = plan(&answers).expect("a plan");
        for lang in [Language::En, Language::ZhTw] {
            let reply = respond(&strings(&[RUNBOOK, lang.token(), &to_fragment(&answers)]));
            assert_eq!(reply, [RUNBOOK.to_string(), runbook(lang.strings(), &plan)]);
        }
        assert_eq!(respond(&strings(&[RUNBOOK, "en", ""])), [RUNBOOK, ""], "no plan, no runbook");
    }

    /// A run's output read into its report: the HTML and, for the export, the Markdown with the
    /// runbook of the run's answers; a value holding markup is shown as text; a damaged output is
    /// a problem naming its line.
    #[test]
    fn a_runs_output_becomes_its_report() {
        let output = include_str!("../../../tests/golden/run.stopped.txt");
        let fragment = "edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com";
        let reply = respond(&strings(&[REPORT, "zh-TW", fragment, output]));
        assert_eq!(reply[..2], [REPORT, OK]);
        assert!(reply[2].contains("在此停止") && reply[2].contains("與精靈中目前開啟的答案相同。"), "{}", reply[2]);
        assert!(reply[3].starts_with("# 執行報告：設定指令碼") && reply[3].contains("\n---\n\n"), "{}", reply[3]);
        let damaged = output.replacen("|step|2~", "|step|3~", 1);
        let reply = respond(&strings(&[REPORT, "en", fragment, &damaged]));
        assert_eq!(reply[..2], [REPORT, PROBLEM]);
        assert!(reply[2].starts_with("Line ") && reply[2].contains("the check value does not match the marks"), "{}", reply[2]);
        // A message carrying markup: encoded in its mark, escaped in the report.
        let marks = [
            format!("~push1|begin|configure|2026.12.07|{}|False~", fragment.replace('=', "%3D").replace('&', "%26").replace(',', "%2C")),
            "~push1|step|1~".to_string(),
            "~push1|stop|%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E~".to_string(),
        ];
        let check = crate::core::run_report::check(marks.iter().map(String::as_str));
        let text = format!("{}\n~push1|end|1|3|{check:08X}~\n", marks.join("\n"));
        let reply = respond(&strings(&[REPORT, "en", "", &text]));
        assert_eq!(reply[..2], [REPORT, OK], "{reply:?}");
        assert!(!reply[2].contains("<img") && reply[2].contains("&lt;img src=x onerror=alert(1)&gt;"), "{}", reply[2]);
        assert_eq!(report_failed("en"), [REPORT, PROBLEM, Language::En.report_strings().panel_unreadable]);
    }

    #[test]
    fn fills_survive_the_message() {
        for fills in [
            Fills::default(),
            Fills { access_edge: Some(String::new()), provider: Some(None) },
            Fills { access_edge: Some("edge.contoso.com".into()), provider: Some(Some(String::new())) },
            Fills { access_edge: None, provider: Some(Some("1 Office365".into())) },
        ] {
            assert_eq!(Fills::from_strings(&fills.to_strings()), Some(fills.clone()));
        }
        assert_eq!(Fills::from_strings(&strings(&["2", "", "0", ""])), None);
        assert_eq!(Fills::from_strings(&strings(&["1", ""])), None);
    }
}
