//! The page's markup, as `Html`: the result's parts, the choice lists, the notices, the script
//! cards' headers, the jump bar (and, in `page`, the page before the wasm arrives). One string
//! per part keeps the page small and fast: the browser parses it once instead of the app
//! building each node. Every text and attribute value passes through `escape`, and only these
//! modules can make an `Html`, so the page (which takes nothing else) is never given markup that
//! skipped it. `ui/` writes no markup of its own (`tests/hostile_html.rs` checks both).

use crate::core::decision::{need_of, Verdict};
use crate::core::i18n::Strings;
use crate::core::plan::{Note, Plan, StatusFact};
use crate::core::text;
use crate::core::answers::OptIns;
use crate::core::{EdgeServer, FieldError, MobileClient, PoolVersion};

use super::powershell::{tokens, TokenKind};
use super::view::step_views;
use crate::core::vocabulary::vocabulary;

vocabulary! {
    /// What a button (or switch) on the page does: its `data-action`, which the one listener on
    /// its card reads back. Written and matched only as this type.
    pub enum Action {
        Copy => "copy",
        Download => "download",
        Print => "print",
        /// The script box's "Wrap long lines" switch.
        Wrap => "wrap",
        /// Back to the questions (on a phone, where they are above the result).
        Edit => "edit",
        /// The jump bar's links to the result's parts; the token is the part's id.
        ToPlan => "plan",
        ToScript => "script",
        ToTests => "tests",
        ToUndo => "undo",
        CopyLink => "copy-link",
        Reset => "reset",
        ResetConfirm => "reset-confirm",
        ResetCancel => "reset-cancel",
        /// A notice's offer to restore the answers a link or script replaced.
        BringBack => "bring-back",
        Dismiss => "dismiss",
        /// The verdict card's explicit choice to configure for the retired MPNS, and its undo.
        ConfigureMpns => "configure-mpns",
        LeaveMpnsOff => "leave-mpns-off",
    }
}

/// Markup made by the builders in `render`. The field is private: nothing outside them can
/// make one from a `String`, so whatever reaches the page through `Html` went through `escape`.
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct Html(String);

impl Html {
    /// Only for this module's builders and `page`, which escape every value they write.
    pub(in crate::core::render) fn trusted(markup: String) -> Html {
        Html(markup)
    }

    /// Escaped text, as markup.
    pub fn text(text: &str) -> Html {
        Html(escape(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For the page's `inner_html`.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Reading markup as text is always safe; only making it is not.
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// Appends `<tag>escaped text</tag>`.
fn element(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    push_escaped(out, text);
    out.push_str(close);
}

/// Appends text that names cmdlets and parameters, escaped. A browser may break a line after
/// any hyphen, leaving `Test-` / `CsFederatedPartner` or `-` / `AccessEdgeFqdn`: each word with
/// a hyphen is kept whole (`.unbroken`), lines break at spaces, and a member access may break
/// after its dot (`(Get-CsMcxConfiguration).` / `PushNotificationProxyUri`) so it fits a phone.
///
/// Only a run of ASCII is a word here: Chinese text has no spaces, and a whole sentence kept on
/// one line would run off a phone's screen.
fn code_words(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    for piece in text.split_inclusive(|c: char| c == ' ' || c == '\n' || !c.is_ascii()) {
        let (word, after) = piece.split_at(piece.trim_end_matches(|c: char| c == ' ' || c == '\n' || !c.is_ascii()).len());
        for (index, part) in word.split_inclusive(").").enumerate() {
            if index > 0 {
                out.push_str("<wbr>");
            }
            if part.contains('-') {
                element(out, "<span class=\"unbroken\">", part, "</span>");
            } else {
                push_escaped(out, part);
            }
        }
        push_escaped(out, after);
    }
    out.push_str(close);
}

/// A button for one listener on its card or list: it names its `action` in `data-action`, which
/// the page reads back from the click.
fn action_button(out: &mut String, class: &str, action: Action, test_id: &str, text: &str) {
    out.push_str("<button type=\"button\" class=\"");
    out.push_str(class);
    out.push_str("\" data-action=\"");
    out.push_str(action.token());
    element(out, "\" data-testid=\"", test_id, "");
    element(out, "\">", text, "</button>");
}

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
/// with a pool of the version `shell` (the UI redraws the reasons when the pool changes).
pub fn client_choices(t: &Strings, checked: Checked, shell: PoolVersion) -> Html {
    let mut out = String::new();
    element(&mut out, "<legend class=\"visually-hidden\">", t.field_clients, "</legend>");
    for &client in MobileClient::ALL {
        choice(&mut out, "type=\"checkbox\"", "client-", client.token(), checked, text::client_label(t, client), text::need_reason(t, need_of(shell, client, OptIns::default()), shell));
    }
    Html(out)
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
    use super::super::steps;
    use super::*;

    /// One start tag of some markup: its name, its attributes (name, value; `None` for a bare
    /// one such as `checked`) and the text up to the next tag. Enough to query this module's
    /// own markup by what it says rather than by how its attributes happen to be ordered.
    #[derive(Debug)]
    struct Tag {
        name: String,
        attributes: Vec<(String, Option<String>)>,
        text: String,
    }

    impl Tag {
        fn get(&self, name: &str) -> Option<&str> {
            self.attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_deref().unwrap_or(""))
        }
    }

    fn tags(markup: &str) -> Vec<Tag> {
        let mut out = Vec::new();
        for piece in markup.split('<').skip(1).filter(|piece| !piece.starts_with('/')) {
            let (inside, text) = piece.split_once('>').unwrap_or((piece, ""));
            let name: String = inside.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let mut attributes = Vec::new();
            let mut rest = inside[name.len()..].trim_start();
            while !rest.is_empty() {
                let key: String = rest.chars().take_while(|c| *c != '=' && *c != ' ').collect();
                rest = &rest[key.len()..];
                if let Some(quoted) = rest.strip_prefix("=\"") {
                    let end = quoted.find('"').expect("a closed attribute value");
                    attributes.push((key, Some(quoted[..end].to_string())));
                    rest = quoted[end + 1..].trim_start();
                } else {
                    attributes.push((key, None));
                    rest = rest.trim_start();
                }
            }
            out.push(Tag { name, attributes, text: text.to_string() });
        }
        out
    }

    /// The tags named `name` whose attribute `key` is `value`.
    fn find<'a>(tags: &'a [Tag], name: &str, key: &str, value: &str) -> Vec<&'a Tag> {
        tags.iter().filter(|tag| tag.name == name && tag.get(key) == Some(value)).collect()
    }

    #[test]
    fn action_buttons_name_their_action_and_escape_their_text() {
        let mut out = String::new();
        action_button(&mut out, "secondary", Action::Copy, "copy-script", "Copy <all>");
        let button = &tags(&out)[0];
        assert_eq!((button.name.as_str(), button.get("type"), button.get("class")), ("button", Some("button"), Some("secondary")));
        assert_eq!((button.get("data-action"), button.get("data-testid")), (Some("copy"), Some("copy-script")));
        assert_eq!(button.text, "Copy &lt;all&gt;");
    }

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(escape("<a href=\"x\">O'Brien & co</a>"), "&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;");
    }

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
        let clients = tags(&client_choices(t, &|_| false, PoolVersion::Lync2013));
        let boxes = find(&clients, "input", "type", "checkbox");
        assert_eq!(boxes.len(), MobileClient::ALL.len());
        // Each box's title, then its hint: why this client needs push or not.
        let android = clients.iter().position(|tag| tag.get("value") == Some("android")).expect("the Android box");
        let texts: Vec<&str> = clients[android..].iter().map(|tag| tag.text.as_str()).filter(|text| !text.is_empty()).take(2).collect();
        assert_eq!(texts, [text::client_label(t, MobileClient::Android), escape(text::need_reason(t, need_of(PoolVersion::Lync2013, MobileClient::Android, OptIns::default()), PoolVersion::Lync2013)).as_str()]);
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

    #[test]
    fn code_words_keep_only_the_ascii_word_whole_in_chinese_text() {
        let mut out = String::new();
        code_words(&mut out, "", "執行Unblock-File -Path .\\a.ps1（PowerShell 3.0）。", "");
        assert_eq!(out, "執行<span class=\"unbroken\">Unblock-File</span> <span class=\"unbroken\">-Path</span> .\\a.ps1（PowerShell 3.0）。");
    }

    #[test]
    fn code_words_keep_hyphenated_words_whole_and_break_after_a_member_dot() {
        let mut out = String::new();
        code_words(&mut out, "<p>", "run Test-CsMcxPushNotification -AccessEdgeFqdn 'a&b'\nthen (Get-CsMcxConfiguration).PushNotificationProxyUri.", "</p>");
        assert_eq!(
            out,
            "<p>run <span class=\"unbroken\">Test-CsMcxPushNotification</span> <span class=\"unbroken\">-AccessEdgeFqdn</span> &#39;a&amp;b&#39;\nthen <span class=\"unbroken\">(Get-CsMcxConfiguration).</span><wbr>PushNotificationProxyUri.</p>"
        );
    }
}
