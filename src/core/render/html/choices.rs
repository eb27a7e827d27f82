//! The questions' choice lists as `Html`: the Edge Server's, the pool's and the clients' choices
//! with their hints, the yes/no pairs, and the checklists to tick. Apart from the result's parts
//! because these are form controls the page takes over and keeps (`page`, `ChoiceGroup`) rather
//! than redraws; `client_hint` is here too, the one rule for a client's hint, by which the list
//! is written and the page later redraws it.

use crate::core::decision::need_of;
use crate::core::i18n::Strings;
use crate::core::text;
use crate::core::{Answers, EdgeServer, MobileClient, PoolVersion};

use super::{code_words, element, Html};

/// Whether the choice with a token shows as checked.
pub type Checked<'a> = &'a dyn Fn(&str) -> bool;

/// The Edge Server question's radio buttons (`name="edge"`, the token as value), each with its
/// hint.
pub fn edge_choices(t: &Strings, checked: Checked) -> Html {
    let mut out = String::new();
    element(&mut out, "<legend class=\"visually-hidden\">", t.field_edge, "</legend>");
    for &edge in EdgeServer::ALL {
        choice(&mut out, "type=\"radio\" name=\"edge\"", "edge-", edge.token(), checked, text::edge_label(t, edge), &text::edge_hint(t, edge));
    }
    Html(out)
}

/// The pool question's radio buttons (`name="pool"`), under the Edge Server's on the first page:
/// a visible legend (the page's heading asks for the Edge), then each version with its hint.
pub fn pool_choices(t: &Strings, checked: Checked) -> Html {
    let mut out = String::new();
    element(&mut out, "<legend class=\"pool-legend\">", t.question_pool, "</legend>");
    element(&mut out, "<p class=\"help\">", t.pool_help, "</p>");
    for &pool in PoolVersion::ALL {
        choice(&mut out, "type=\"radio\" name=\"pool\"", "pool-", pool.token(), checked, text::pool_label(t, pool), text::pool_hint(t, pool));
    }
    Html(out)
}

/// The client question's checkboxes (the token as value), each with why it needs push or not
/// with these answers (`client_hint`; the UI redraws the reasons when the pool changes).
pub fn client_choices(t: &Strings, checked: Checked, answers: &Answers) -> Html {
    let mut out = String::new();
    element(&mut out, "<legend class=\"visually-hidden\">", t.field_clients, "</legend>");
    for &client in MobileClient::ALL {
        choice(&mut out, "type=\"checkbox\"", "client-", client.token(), checked, text::client_label(t, client), client_hint(t, answers, client));
    }
    Html(out)
}

/// Why a client needs push or not, with the pool these answers mean: the reasons change with the
/// pool's version (a 2019 pool has no MCX for Lync 2010 Mobile).
pub fn client_hint(t: &Strings, answers: &Answers, client: MobileClient) -> &'static str {
    let shell = answers.shell();
    text::need_reason(t, need_of(shell, client, answers.opt_ins()), shell)
}

/// A yes/no pair of radio buttons in the group `name` (values "no" and "yes").
pub fn yes_no(name: &str, legend: &str, no: &str, yes: &str, checked: Checked) -> Html {
    let mut out = String::new();
    element(&mut out, "<legend class=\"visually-hidden\">", legend, "</legend>");
    for (value, text) in [("no", no), ("yes", yes)] {
        out.push_str("<label class=\"choice compact\"><input type=\"radio\" name=\"");
        out.push_str(name);
        out.push_str("\" value=\"");
        out.push_str(value);
        out.push_str("\" data-testid=\"");
        out.push_str(name);
        out.push('-');
        out.push_str(value);
        out.push('"');
        if checked(value) {
            out.push_str(" checked");
        }
        element(&mut out, "><span class=\"choice-title\">", text, "</span></label>");
    }
    Html(out)
}

/// One labelled choice; `input` holds the input's own attributes (its type, a group name).
fn choice(out: &mut String, input: &str, test_prefix: &str, token: &str, checked: Checked, title: &str, hint: &str) {
    out.push_str("<label class=\"choice\"><input ");
    out.push_str(input);
    out.push_str(" value=\"");
    out.push_str(token);
    out.push_str("\" data-testid=\"");
    out.push_str(test_prefix);
    out.push_str(token);
    out.push('"');
    if checked(token) {
        out.push_str(" checked");
    }
    element(out, "><span class=\"choice-text\"><span class=\"choice-title\">", title, "</span>");
    element(out, "<span class=\"choice-hint\">", hint, "</span></span></label>");
}

/// A checklist's items (`steps::before_you_start`, `steps::checklist`), each a checkbox named by
/// `data-tick` (its stable id), ticked where `ticked` says so.
pub fn checklist(items: &[(String, String)], ticked: impl Fn(&str) -> bool) -> Html {
    let mut out = String::new();
    for (id, item) in items {
        element(&mut out, "<li><label class=\"choice compact\"><input type=\"checkbox\" data-tick=\"", id, "\"");
        element(&mut out, " data-testid=\"tick-", id, "\"");
        if ticked(id) {
            out.push_str(" checked");
        }
        code_words(&mut out, "><span>", item, "</span></label></li>");
    }
    Html(out)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{find, tags};
    use super::*;
    use crate::core::answers::OptIns;
    use crate::core::render::{html::escape, steps};

    #[test]
    fn checklist_items_carry_their_id_and_saved_tick() {
        use crate::core::{plan, Answers, EdgeServer, MobileClient};
        let mut answers = Answers { edge: Some(EdgeServer::Ocs2007R2), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        answers.access_edge = "accessproxy.contoso.com".into();
        let plan = plan(&answers).expect("a plan");
        let t = &crate::core::i18n::EN;
        let gui = steps::checklist(t, &plan);
        let html = checklist(&gui, |id| id == "step1-gui2");
        let boxes = tags(&html).into_iter().filter(|tag| tag.name == "input").collect::<Vec<_>>();
        assert_eq!(boxes.len(), gui.len());
        assert!(boxes.iter().all(|input| input.get("type") == Some("checkbox")));
        for (input, (id, _)) in boxes.iter().zip(&gui) {
            assert_eq!(input.get("data-tick"), Some(id.as_str()));
            assert_eq!(input.get("data-testid"), Some(format!("tick-{id}").as_str()));
            assert_eq!(input.get("checked").is_some(), id == "step1-gui2", "{id}");
        }
        let before = checklist(&steps::before_you_start(t, &plan), |id| id == "start-shell");
        let before_tags = tags(&before);
        let first = find(&before_tags, "input", "data-tick", "start-shell");
        assert!(first.len() == 1 && first[0].get("checked").is_some());
        assert!(before_tags.iter().any(|tag| tag.text.starts_with("Start the Lync Server Management Shell")), "{before}");
        assert!(before.contains("data-tick=\"note-apple-wifi-port\""), "{before}");
    }

    #[test]
    fn choices_carry_token_label_and_hint() {
        let t = &crate::core::i18n::EN;
        let edges = tags(&edge_choices(t, &|token| token == "none"));
        assert_eq!(edges[0].name, "legend", "the group is named first");
        let radios = find(&edges, "input", "name", "edge");
        assert_eq!(radios.len(), EdgeServer::ALL.len());
        for (input, edge) in radios.iter().zip(EdgeServer::ALL) {
            assert_eq!(input.get("type"), Some("radio"));
            assert_eq!(input.get("value"), Some(edge.token()));
            assert_eq!(input.get("data-testid"), Some(format!("edge-{}", edge.token()).as_str()));
            assert_eq!(input.get("checked").is_some(), *edge == EdgeServer::None);
        }
        let clients = tags(&client_choices(t, &|_| false, &Answers { pool: Some(PoolVersion::Lync2013), ..Answers::default() }));
        let boxes = find(&clients, "input", "type", "checkbox");
        assert_eq!(boxes.len(), MobileClient::ALL.len());
        // Each box's title, then its hint: why this client needs push or not.
        let android = clients.iter().position(|tag| tag.get("value") == Some("android")).expect("the Android box");
        let texts: Vec<&str> = clients[android..].iter().map(|tag| tag.text.as_str()).filter(|text| !text.is_empty()).take(2).collect();
        assert_eq!(texts, [text::client_label(t, MobileClient::Android), escape(text::need_reason(t, need_of(PoolVersion::Lync2013, MobileClient::Android, OptIns::default()), PoolVersion::Lync2013)).as_str()]);
    }
}
