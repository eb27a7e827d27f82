//! The result's parts as `Html`: the verdict with its status facts, the plan's steps, the tests,
//! what is still missing (`pending`, `problems`), the coloured script lines and the script cards'
//! headers, the jump bar, and the notices. Apart from the choice lists because these show what
//! the answers lead to and are drawn again each time it changes, whereas the questions' markup is
//! written once, before the wasm arrives, and only kept in step after that.

use crate::core::decision::Verdict;
use crate::core::i18n::Strings;
use crate::core::plan::{Note, Plan, StatusFact};
use crate::core::text;
use crate::core::FieldError;

use crate::core::render::powershell::{tokens, TokenKind};
use crate::core::render::view::step_views;
use super::{action_button, code_words, element, escape, push_escaped, Action, Html};

/// A notice (`text`), with "keep the link's answers" when it `asks` which answers to keep,
/// "bring back" when it `offers_back` answers the user had, and "dismiss" when it does not ask.
pub fn notice(t: &Strings, text: &str, asks: bool, offers_back: bool) -> Html {
    let mut out = String::new();
    element(&mut out, "<p class=\"notice\"><span>", text, "</span><span class=\"actions\">");
    if asks {
        action_button(&mut out, "secondary", Action::Dismiss, "keep-link", t.keep_link);
    }
    if offers_back {
        action_button(&mut out, if asks { "secondary" } else { "link-button" }, Action::BringBack, "bring-back", t.bring_back);
    }
    if !asks {
        action_button(&mut out, "link-button", Action::Dismiss, "dismiss", t.dismiss);
    }
    out.push_str("</span></p>");
    Html(out)
}

/// The jump bar's buttons: Edit, then one per part of the result.
pub fn jump_bar(t: &Strings) -> Html {
    let mut out = String::new();
    action_button(&mut out, "link-button edit", Action::Edit, "edit-answers", t.edit_answers);
    for (to, text) in [(Action::ToPlan, t.plan_heading), (Action::ToScript, t.script_heading_short), (Action::ToTests, t.tests_heading), (Action::ToUndo, t.undo_heading_short)] {
        action_button(&mut out, "link-button", to, &format!("jump-{}", to.token()), text);
    }
    Html(out)
}

/// A script card's heading (`<test_id>-heading`, where a jump link lands), its Copy and
/// Download buttons and the switch for wrapping long lines (on when `wrap`), for the card's one
/// listener.
pub fn script_header(t: &Strings, title: &str, test_id: &str, wrap: bool) -> Html {
    let mut out = String::new();
    element(&mut out, &format!("<h3 id=\"{}-heading\" tabindex=\"-1\">", escape(test_id)), title, "</h3><div class=\"actions\">");
    action_button(&mut out, "primary", Action::Copy, &format!("copy-{test_id}"), t.copy);
    action_button(&mut out, "secondary", Action::Download, &format!("download-{test_id}"), t.download_ps1);
    out.push_str("</div><label class=\"wrap-toggle\"><input type=\"checkbox\" data-action=\"");
    out.push_str(Action::Wrap.token());
    element(&mut out, "\" data-testid=\"wrap-", test_id, "\"");
    out.push_str(if wrap { " checked>" } else { ">" });
    element(&mut out, "", t.wrap_lines, "</label>");
    Html(out)
}

/// Under the verdict's headline (`text::verdict_headline`, which the page keeps in a live
/// region of its own): what to do about it, what is true in 2026 (the plan's status facts), and
/// one reason per client.
pub fn verdict(t: &Strings, plan: &Plan) -> Html {
    let decision = &plan.decision;
    let mut out = String::new();
    code_words(&mut out, "<p>", &text::verdict_advice(t, decision), "</p>");
    // Configuring for the retired MPNS alone is the reader's explicit choice, said on the button.
    let mpns_choice = match decision.verdict {
        Verdict::NotRecommended { .. } => Some((Action::ConfigureMpns, t.configure_mpns_anyway)),
        Verdict::Configure { .. } if plan.notes.contains(&Note::RetiredMpnsByChoice) => Some((Action::LeaveMpnsOff, t.leave_mpns_off)),
        Verdict::Configure { .. } | Verdict::NotNeeded { .. } | Verdict::Blocked { .. } => None,
    };
    if let Some((action, label)) = mpns_choice {
        out.push_str(&format!("<p><button type=\"button\" class=\"secondary\" data-action=\"{0}\" data-testid=\"{0}\">", action.token()));
        element(&mut out, "", label, "</button></p>");
    }
    status(&mut out, t, &plan.status, plan.push_test_said());
    if !decision.clients.is_empty() {
        out.push_str("<ul class=\"reasons\">");
        for client in &decision.clients {
            element(&mut out, "<li><strong>", text::client_label(t, client.client), "</strong>");
            element(&mut out, "", t.colon, "");
            element(&mut out, "", text::need_reason(t, client.need, decision.shell()), "</li>");
        }
        out.push_str("</ul>");
    }
    Html(out)
}

/// The status facts, each with a link to its source; nothing when there are none.
fn status(out: &mut String, t: &Strings, facts: &[StatusFact], push_test: Option<bool>) {
    if facts.is_empty() {
        return;
    }
    element(out, "<div class=\"status-facts\" data-testid=\"status-facts\"><p class=\"status-heading\">", t.status_heading, "</p><ul>");
    for &fact in facts {
        let status = text::status_text(t, fact, push_test);
        code_words(out, "<li>", &status.text, "<span class=\"source\">");
        element(out, "", t.source_label, "");
        element(out, "", t.colon, "");
        element(out, "<a rel=\"noopener\" href=\"", &status.url, "\">");
        element(out, "", &status.source, "</a></span></li>");
    }
    out.push_str("</ul></div>");
}

/// The ordered steps, grouped where consecutive steps run on the same host by the same role:
/// where and who once per group, then each step's title, why and seed section. Numbering runs on
/// across groups (`start`), as in the runbook.
pub fn plan_steps(t: &Strings, plan: &Plan) -> Html {
    let mut out = String::new();
    let mut group = None;
    for view in step_views(t, plan) {
        if group != Some((view.step.host, view.step.role)) {
            if group.is_some() {
                out.push_str("</ol></div>");
            }
            group = Some((view.step.host, view.step.role));
            out.push_str("<div class=\"step-group\"><p class=\"where-who\">");
            for (label, value) in [(t.where_label, view.host), (t.who_label, view.role)] {
                element(&mut out, "<span><strong>", label, "");
                element(&mut out, "", t.colon, "</strong>");
                element(&mut out, "", value, "</span>");
            }
            out.push_str("</p><ol class=\"plan\" start=\"");
            out.push_str(&view.number.to_string());
            out.push_str("\">");
        }
        code_words(&mut out, "<li><p class=\"step-title\">", &view.title, "</p>");
        code_words(&mut out, "<p class=\"step-why\">", &view.why, "</p>");
        element(&mut out, "<p class=\"source\">", t.source_label, "");
        element(&mut out, "", t.colon, "");
        element(&mut out, "<a rel=\"noopener\" href=\"", &view.source_url, "\">");
        element(&mut out, "", view.source_title, "</a></p></li>");
    }
    if group.is_some() {
        out.push_str("</ol></div>");
    }
    Html(out)
}

/// The test commands with what success and failure look like.
pub fn tests(t: &Strings, plan: &Plan) -> Html {
    let mut out = String::from("<ul class=\"tests\">");
    for view in step_views(t, plan) {
        let Some((success, failure)) = &view.outcomes else {
            continue;
        };
        // A test has one command, the same in every situation.
        let command: String = view.commands.iter().map(|typed| typed.command.as_str()).collect();
        element(&mut out, "<li><p class=\"step-title\">", &view.title, "</p>");
        code_words(&mut out, "<pre class=\"code small\">", &command, "</pre>");
        element(&mut out, "<p><strong>", t.success_label, "");
        element(&mut out, "", t.colon, "</strong>");
        element(&mut out, "<code>", success, "</code></p>");
        element(&mut out, "<p><strong>", t.failure_label, "");
        element(&mut out, "", t.colon, "</strong>");
        code_words(&mut out, "", failure, "</p>");
        if !view.troubles.is_empty() {
            element(&mut out, "<details class=\"troubles\"><summary>", t.troubleshooting, "</summary><dl>");
            for trouble in &view.troubles {
                code_words(&mut out, "<dt>", trouble.symptom, "</dt>");
                code_words(&mut out, "<dd>", &trouble.cause, "");
                code_words(&mut out, "<pre class=\"code small\">", trouble.check, "</pre>");
                if let Some(check_where) = trouble.check_where {
                    code_words(&mut out, "<p>", check_where, "</p>");
                }
                out.push_str("</dd>");
            }
            out.push_str("</dl></details>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    Html(out)
}

/// Under the headline while answers are missing or invalid (`plan::wizard_outcome`): what is
/// left, as `problems`.
pub fn pending(t: &Strings, errors: &[FieldError]) -> Html {
    let mut out = String::new();
    element(&mut out, "<p>", t.pending_intro, "</p><ul class=\"problems\" data-testid=\"problems\">");
    out.push_str(problems(t, errors).as_str());
    out.push_str("</ul>");
    Html(out)
}

/// What still stops the script: per problem, its field's label as a button (`data-field` names
/// it, for the page to take the reader there), then what to do. Only the short label is the
/// button, so the list's text wraps as text and each bullet stands by its first line.
pub fn problems(t: &Strings, errors: &[FieldError]) -> Html {
    let mut out = String::new();
    for error in errors {
        out.push_str("<li><button type=\"button\" class=\"link-button\" data-field=\"");
        out.push_str(error.field.token());
        element(&mut out, "\">", error.field.label(t), "</button>");
        element(&mut out, "", t.colon, "");
        element(&mut out, "", &error.problem_text(t), "</li>");
    }
    Html(out)
}

/// The stylesheet's class for a kind of script token. Plain text gets no element: half the nodes
/// the browser must parse on every change.
const fn token_class(kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::Comment => Some("tok-comment"),
        TokenKind::Keyword => Some("tok-keyword"),
        TokenKind::Cmdlet => Some("tok-cmdlet"),
        TokenKind::Parameter => Some("tok-param"),
        TokenKind::Variable => Some("tok-var"),
        TokenKind::String => Some("tok-string"),
        TokenKind::Plain => None,
    }
}

/// A script as HTML, one entry per line (each ending in its newline), coloured from the
/// PowerShell renderer's own tokens. Per line, so a page can replace only the lines that change.
pub fn script_lines(script: &str) -> Vec<Html> {
    script
        .lines()
        .map(|line| {
            let mut out = String::with_capacity(line.len() * 2);
            for (kind, piece) in tokens(line) {
                match token_class(kind) {
                    Some(class) => {
                        out.push_str("<span class=\"");
                        out.push_str(class);
                        out.push_str("\">");
                        push_escaped(&mut out, piece);
                        out.push_str("</span>");
                    }
                    None => push_escaped(&mut out, piece),
                }
            }
            out.push('\n');
            Html(out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{EdgeServer, MobileClient};

    #[test]
    fn steps_on_the_same_host_by_the_same_role_share_one_where_and_who() {
        use crate::core::{plan, Answers, EdgeServer, MobileClient};
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        let plan = plan(&answers).expect("a plan");
        let html = plan_steps(&crate::core::i18n::EN, &plan);
        let groups = html.matches("<div class=\"step-group\">").count();
        let mut changes = 0;
        let mut last = None;
        for step in &plan.steps {
            if last != Some((step.host, step.role)) {
                changes += 1;
                last = Some((step.host, step.role));
            }
        }
        assert_eq!(groups, changes, "one group per run of steps with the same host and role");
        assert!(groups < plan.steps.len(), "where and who are not repeated per step");
        assert_eq!(html.matches("<li>").count(), plan.steps.len());
        assert_eq!(html.matches("class=\"where-who\"").count(), groups);
        // Numbering runs on across groups.
        let starts: Vec<usize> = html.split("<ol class=\"plan\" start=\"").skip(1).map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap()).collect();
        assert_eq!(starts[0], 1);
        assert!(starts.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn problems_name_their_field() {
        use crate::core::{Field, Problem};
        let errors = [FieldError::new(Field::AccessEdge, Problem::Missing), FieldError::new(Field::Site, Problem::NameBadStart)];
        let html = problems(&crate::core::i18n::EN, &errors);
        assert!(html.starts_with("<li><button type=\"button\" class=\"link-button\" data-field=\"access-edge\">Internal Access Edge FQDN</button>: Enter "));
        assert!(html.contains("data-field=\"site\">Site name</button>: Start and end it"));
        assert_eq!(html.matches("<li>").count(), 2);
        let zh = problems(&crate::core::i18n::ZH_TW, &errors);
        assert!(zh.contains("Access Edge FQDN</button>：請輸入"), "{zh}");
        let card = pending(&crate::core::i18n::EN, &errors);
        assert!(card.starts_with("<p>Answer these") && card.contains("<ul class=\"problems\" data-testid=\"problems\"><li>"));
    }

    #[test]
    fn the_verdict_states_the_status_once_and_only_when_configuring() {
        use crate::core::i18n::{EN, ZH_TW};
        use crate::core::Answers;
        let decide = |edge: EdgeServer, clients: &[MobileClient]| {
            let mut answers = Answers { edge: Some(edge), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
            for &client in clients {
                answers.set_client(client, true);
            }
            crate::core::plan(&answers).expect("valid answers")
        };
        let configure = decide(EdgeServer::Lync2010, &[MobileClient::IosLync2010]);
        let html = verdict(&EN, &configure);
        assert_eq!(html.matches("data-testid=\"status-facts\"").count(), 1);
        assert_eq!(html.matches("<li>").count(), 2 + 1, "two facts (Lync Server 2010, the relay) and one client");
        assert!(html.find("status-facts").unwrap() < html.find("class=\"reasons\"").unwrap(), "right under the verdict");
        assert!(html.contains("href=\"https://learn.microsoft.com/en-us/lifecycle/products/microsoft-lync-server-2010\""));
        assert!(verdict(&ZH_TW, &configure).contains("2026 年的現況"));
        for not_configuring in [decide(EdgeServer::None, &[MobileClient::WpLync2013]), decide(EdgeServer::Lync2013, &[MobileClient::IosLync2013])] {
            assert!(!verdict(&EN, &not_configuring).contains("status-facts"));
        }
    }

    #[test]
    fn coloured_script_keeps_the_text() {
        let html = script_lines("Write-Host 'a<b'\n").iter().map(|line| line.as_str()).collect::<String>();
        assert_eq!(html, "<span class=\"tok-cmdlet\">Write-Host</span> <span class=\"tok-string\">&#39;a&lt;b&#39;</span>\n");
    }
}
