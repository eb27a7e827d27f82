//! The question pages: `Page`, `ChoiceGroup` and `TextField`, the rules by which the questions
//! are both written and kept, and the markup of the five pages, their progress list and their
//! controls as a first visit shows them. Apart from the page's frame (`page`) because the wasm
//! takes these very elements over by the ids written here and keeps them in step with the
//! answers by the same rules (`ui::questions`), while the frame is only placed.

use crate::core::decision::{route_for, Route};
use crate::core::i18n::{fill, PageStrings, Strings};
use crate::core::render::html::{client_choices, edge_choices, escape, pool_choices, yes_no, Html};
use crate::core::text::pool_label;
use crate::core::{Answers, EdgeServer, Field, MobileClient, PoolVersion, ScopeKind};

/// One question per page, in the order the wizard asks them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Page {
    Edge,
    Clients,
    AccessEdge,
    Provider,
    Scope,
}

impl Page {
    pub const ALL: [Page; 5] = [Page::Edge, Page::Clients, Page::AccessEdge, Page::Provider, Page::Scope];

    pub const fn index(self) -> usize {
        match self {
            Page::Edge => 0,
            Page::Clients => 1,
            Page::AccessEdge => 2,
            Page::Provider => 3,
            Page::Scope => 4,
        }
    }

    pub const fn short(self, t: &Strings) -> &'static str {
        match self {
            Page::Edge => t.page_edge,
            Page::Clients => t.page_clients,
            Page::AccessEdge => t.page_access_edge,
            Page::Provider => t.page_provider,
            Page::Scope => t.page_scope,
        }
    }

    pub const fn question(self, t: &Strings) -> &'static str {
        match self {
            Page::Edge => t.question_edge,
            Page::Clients => t.question_clients,
            Page::AccessEdge => t.question_access_edge,
            Page::Provider => t.question_provider,
            Page::Scope => t.question_scope,
        }
    }

    /// The id of the element holding the page's controls.
    pub const fn element_id(self) -> &'static str {
        match self {
            Page::Edge => "page-edge",
            Page::Clients => "page-clients",
            Page::AccessEdge => "page-access-edge",
            Page::Provider => "page-provider",
            Page::Scope => "page-scope",
        }
    }

    /// The page that asks for a field, so a problem can link to its question.
    pub const fn of_field(field: Field) -> Page {
        match field {
            // The pool's version is asked on the Edge Server's page.
            Field::Pool | Field::Edge => Page::Edge,
            Field::Clients => Page::Clients,
            Field::AccessEdge => Page::AccessEdge,
            Field::ProviderIdentity => Page::Provider,
            Field::Site => Page::Scope,
        }
    }
}

/// The groups of radio buttons and checkboxes: which of a group's choices shows as chosen for
/// some answers, and what choosing one does. The page is written, and kept, by the same rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChoiceGroup {
    Edge,
    Pool,
    Clients,
    ExistingProvider,
    Scope,
}

impl ChoiceGroup {
    pub const ALL: [ChoiceGroup; 5] = [ChoiceGroup::Edge, ChoiceGroup::Pool, ChoiceGroup::Clients, ChoiceGroup::ExistingProvider, ChoiceGroup::Scope];

    /// The id of the group's `<fieldset>`.
    pub const fn element_id(self) -> &'static str {
        match self {
            ChoiceGroup::Edge => "edge-choices",
            ChoiceGroup::Pool => "pool-choices",
            ChoiceGroup::Clients => "clients-choices",
            ChoiceGroup::ExistingProvider => "existing-provider-choices",
            ChoiceGroup::Scope => "scope-choices",
        }
    }

    /// Whether the choice with this token shows as chosen.
    pub fn shows(self, answers: &Answers, token: &str) -> bool {
        match self {
            ChoiceGroup::Edge => answers.edge.is_some_and(|edge| edge.token() == token),
            // Not chosen, the answers mean what they meant before the wizard asked
            // (`answers::shell_of`), and that version shows as chosen.
            ChoiceGroup::Pool => answers.shell().token() == token,
            ChoiceGroup::Clients => answers.clients.iter().any(|client| client.token() == token),
            ChoiceGroup::ExistingProvider => (token == "yes") == answers.provider_exists,
            ChoiceGroup::Scope => (token == "yes") == (answers.scope == ScopeKind::Site),
        }
    }

    /// Choosing the choice with this token (`on`), or, for a checkbox, unticking it.
    pub fn choose(self, answers: &mut Answers, token: &str, on: bool) {
        match self {
            ChoiceGroup::Edge => answers.edge = EdgeServer::from_token(token).or(answers.edge),
            ChoiceGroup::Pool => answers.pool = PoolVersion::from_token(token).or(answers.pool),
            ChoiceGroup::Clients => {
                if let Some(client) = MobileClient::from_token(token) {
                    answers.set_client(client, on);
                }
            }
            ChoiceGroup::ExistingProvider => answers.provider_exists = token == "yes",
            ChoiceGroup::Scope => answers.scope = if token == "yes" { ScopeKind::Site } else { ScopeKind::Global },
        }
    }

    /// The answers with exactly the choices `tokens` chosen in this group, as the page shows
    /// them: a radio group's one, or a client group's every tick.
    pub fn take(self, answers: &mut Answers, tokens: &[String]) {
        if self == ChoiceGroup::Clients {
            answers.clients = Default::default();
        }
        for token in tokens {
            self.choose(answers, token, true);
        }
    }
}

/// The text fields: their answer, how it is written, and when the other answers make it
/// irrelevant (it is hidden then; what it holds is kept). The page is written, and kept, by these.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextField {
    AccessEdge,
    ProviderIdentity,
    Site,
}

impl TextField {
    pub const ALL: [TextField; 3] = [TextField::AccessEdge, TextField::ProviderIdentity, TextField::Site];

    /// The field it answers; its token is the input's id.
    pub const fn field(self) -> Field {
        match self {
            TextField::AccessEdge => Field::AccessEdge,
            TextField::ProviderIdentity => Field::ProviderIdentity,
            TextField::Site => Field::Site,
        }
    }

    pub fn read(self, answers: &Answers) -> &str {
        match self {
            TextField::AccessEdge => &answers.access_edge,
            TextField::ProviderIdentity => &answers.provider_identity,
            TextField::Site => &answers.site,
        }
    }

    pub fn write(self, answers: &mut Answers, value: String) {
        match self {
            TextField::AccessEdge => answers.access_edge = value,
            TextField::ProviderIdentity => answers.provider_identity = value,
            TextField::Site => answers.site = value,
        }
    }

    /// The existing provider's Identity only when one exists; the site only for site scope.
    pub fn hidden(self, answers: &Answers) -> bool {
        match self {
            TextField::AccessEdge => false,
            TextField::ProviderIdentity => !answers.provider_exists,
            TextField::Site => answers.scope != ScopeKind::Site,
        }
    }
}

/// Behind an Edge that federates directly (`decision::route_for`), the hosting-provider answer
/// is not used, and the provider page says so.
pub fn provider_not_used(answers: &Answers) -> bool {
    answers.edge.and_then(route_for) == Some(Route::DirectFederation)
}

/// The progress list's items: one button per page. A page is done once left with it and every
/// page before it answered; it needs an answer when one is missing or invalid there and the page
/// has been left or its problem shown. `problems`: pages with a problem, and those whose problem
/// shows (a bit per page).
pub fn progress(t: &Strings, current: Page, seen: usize, (problems, shown): (usize, usize)) -> Html {
    let mut out = String::new();
    for page in Page::ALL {
        let index = page.index();
        let needs = problems & (1 << index) != 0 && (seen > index || shown & (1 << index) != 0);
        out.push_str("<li class=\"");
        if page == current {
            out.push_str("current ");
        }
        if seen > index && problems & ((2 << index) - 1) == 0 {
            out.push_str("done ");
        }
        if needs {
            out.push_str("needs");
        }
        out.push_str("\"><button type=\"button\" data-page=\"");
        out.push_str(&index.to_string());
        out.push_str("\" data-testid=\"progress-");
        let number = (index + 1).to_string();
        out.push_str(&number);
        out.push('"');
        if page == current {
            out.push_str(" aria-current=\"step\"");
        }
        if index > seen {
            out.push_str(" disabled");
        }
        out.push_str("><span class=\"progress-number\" aria-hidden=\"true\">");
        out.push_str(&number);
        out.push_str("</span><span class=\"progress-label\">");
        out.push_str(&escape(page.short(t)));
        out.push_str("</span>");
        if needs {
            out.push_str("<span class=\"progress-note\">");
            out.push_str(&escape(t.needs_answer));
            out.push_str("</span>");
        }
        out.push_str("</button></li>");
    }
    Html::trusted(out)
}

/// "Question 2 of 5".
pub fn question_count(t: &Strings, page: Page) -> String {
    fill(t.question_count, &[&(page.index() + 1).to_string(), &Page::ALL.len().to_string()])
}

/// The questions, opened on the first page, with nothing answered: what a first visit shows.
pub fn wizard(t: &Strings, page_texts: &PageStrings) -> Html {
    let first = Page::ALL[0];
    let mut out = String::new();
    out.push_str(&format!("<section class=\"wizard\" aria-label=\"{}\">", escape(t.nav_questions)));
    out.push_str(&format!("<nav class=\"progress\" aria-label=\"{}\"><ol id=\"progress\">", escape(t.nav_progress)));
    out.push_str(progress(t, first, 0, (0, 0)).as_str());
    out.push_str("</ol></nav>");
    // A form, so Enter in a text field presses Next, its default button.
    out.push_str("<form class=\"card question\" id=\"question\" data-testid=\"question\">");
    out.push_str(&format!("<p class=\"step-count\" id=\"step-count\">{}</p>", escape(&question_count(t, first))));
    // Element Timing reports when this first paints: the benchmark's "first question".
    out.push_str(&format!(
        "<h2 id=\"question-heading\" tabindex=\"-1\" elementtiming=\"first-question\">{}</h2>",
        escape(first.question(t))
    ));
    for page in Page::ALL {
        let hidden = if page == first { "" } else { " hidden" };
        out.push_str(&format!("<div class=\"question-page\" id=\"{}\"{hidden}>", page.element_id()));
        // Each page's own question, for a page without script, which shows every page at once.
        out.push_str(&format!("<p class=\"page-question\">{}</p>", escape(page.question(t))));
        page_controls(&mut out, t, page);
        out.push_str("</div>");
    }
    // Shown by start.js when Next is pressed before the wasm has arrived: it is kept for then.
    out.push_str(&format!("<p class=\"load-note\" id=\"load-waiting\" role=\"status\" hidden>{}</p>", escape(page_texts.load_waiting)));
    out.push_str("<div class=\"navigation\">");
    out.push_str(&format!("<button class=\"secondary\" type=\"button\" id=\"back\" data-testid=\"back\" disabled>{}</button>", escape(t.back)));
    out.push_str(&format!("<button class=\"primary\" type=\"submit\" id=\"next\" data-testid=\"next\">{}</button>", escape(t.next)));
    out.push_str("</div></form></section>");
    Html::trusted(out)
}

/// One page's controls, each with the place for its field's message, chosen as for the
/// answers of a first visit.
fn page_controls(out: &mut String, t: &Strings, page: Page) {
    let first_visit = &Answers::default();
    let shows = |group: ChoiceGroup| move |token: &str| group.shows(first_visit, token);
    match page {
        Page::Edge => {
            choices(out, "edge-choices", " aria-describedby=\"edge-error\"", "choices", &edge_choices(t, &shows(ChoiceGroup::Edge)));
            field_message(out, Field::Edge);
            choices(out, "pool-choices", " aria-describedby=\"pool-follows\"", "choices pool", &pool_choices(t, &shows(ChoiceGroup::Pool)));
            // Until a pool is chosen, the steps assume the version the Edge Server implies
            // (`answers::shell_of`); the UI keeps this line in step with the Edge answer.
            out.push_str(&format!("<p class=\"aside\" id=\"pool-follows\" aria-live=\"polite\">{}</p>", escape(&pool_follows(t, first_visit))));
        }
        Page::Clients => {
            choices(out, "clients-choices", " aria-describedby=\"clients-error\"", "choices", &client_choices(t, &shows(ChoiceGroup::Clients), first_visit));
            // The choice beyond Microsoft's page, after the clients and naming the one it is for
            // (inside their group it would be read as a client); shown while that client is
            // ticked (not on a first visit).
            out.push_str("<label class=\"choice compact sub\" id=\"apns-for-sfb-ios-choice\" hidden><input type=\"checkbox\" id=\"apns-for-sfb-ios\" data-testid=\"apns-for-sfb-ios\">");
            out.push_str(&format!("<span class=\"choice-title\">{}</span></label>", escape(t.choice_apns_for_sfb_ios)));
            field_message(out, Field::Clients);
        }
        Page::AccessEdge => {
            text_field(out, TextField::AccessEdge, t.field_access_edge, t.access_edge_help, "accessproxy.contoso.com");
        }
        Page::Provider => {
            out.push_str(&format!("<p class=\"help\">{}</p>", escape(t.provider_help)));
            let hidden = if provider_not_used(first_visit) { "" } else { " hidden" };
            out.push_str(&format!("<p class=\"aside\" id=\"provider-not-used\"{hidden}>{}</p>", escape(t.provider_not_used)));
            choices(out, "existing-provider-choices", "", "choices", &yes_no("existing-provider", t.page_provider, t.provider_no, t.provider_yes, &shows(ChoiceGroup::ExistingProvider)));
            text_field(out, TextField::ProviderIdentity, t.provider_identity_label, t.provider_identity_help, "Office365");
        }
        Page::Scope => {
            out.push_str(&format!("<p class=\"help\">{}</p>", escape(t.scope_help)));
            choices(out, "scope-choices", "", "choices", &yes_no("scope", t.page_scope, t.scope_global, t.scope_site, &shows(ChoiceGroup::Scope)));
            text_field(out, TextField::Site, t.field_site, t.site_help, "Redmond");
        }
    }
}

/// What the steps assume while no pool is chosen; empty once one is.
pub fn pool_follows(t: &Strings, answers: &Answers) -> String {
    match answers.pool {
        Some(_) => String::new(),
        None => fill(t.pool_follows_edge, &[pool_label(t, answers.shell())]),
    }
}

fn choices(out: &mut String, id: &str, described_by: &str, class: &str, inner: &Html) {
    out.push_str(&format!("<fieldset class=\"{class}\" id=\"{id}\"{described_by}>{inner}</fieldset>"));
}

/// The place for the core's message about a field, announced politely as it changes.
fn field_message(out: &mut String, field: Field) {
    let id = field.token();
    out.push_str(&format!("<p class=\"field-error\" id=\"{id}-error\" aria-live=\"polite\" data-testid=\"error-{id}\"></p>"));
}

/// A labelled text field with its help and message, hidden as for a first visit's answers.
fn text_field(out: &mut String, text_field: TextField, label: &str, help: &str, placeholder: &str) {
    let field = text_field.field();
    let id = field.token();
    let hidden = if text_field.hidden(&Answers::default()) { " hidden" } else { "" };
    out.push_str(&format!("<div class=\"field\" id=\"{id}-field\"{hidden}>"));
    out.push_str(&format!("<label for=\"{id}\">{}</label>", escape(label)));
    out.push_str(&format!("<p class=\"help\" id=\"{id}-help\">{}</p>", escape(help)));
    out.push_str(&format!(
        "<input id=\"{id}\" name=\"{id}\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\" autocapitalize=\"off\" \
         placeholder=\"{}\" data-testid=\"input-{id}\" aria-describedby=\"{id}-help {id}-error\" aria-invalid=\"false\">",
        escape(placeholder)
    ));
    field_message(out, field);
    out.push_str("</div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::{EN, PAGE_EN};

    #[test]
    fn every_page_has_its_controls_and_only_the_first_shows() {
        let html = wizard(&EN, &PAGE_EN);
        for page in Page::ALL {
            let open = format!("<div class=\"question-page\" id=\"{}\"", page.element_id());
            assert_eq!(html.matches(&open).count(), 1, "{page:?}");
            let hidden = html.contains(&format!("{open} hidden>"));
            assert_eq!(hidden, page != Page::Edge, "{page:?}");
        }
        for field in [Field::Edge, Field::Clients, Field::AccessEdge, Field::ProviderIdentity, Field::Site] {
            assert!(html.contains(&format!("id=\"{}-error\"", field.token())), "{field:?}");
        }
        // The pool is never required, so it has no message place; it says what is assumed.
        assert!(!html.contains("id=\"pool-error\""));
        assert!(html.contains("id=\"pool-follows\" aria-live=\"polite\">Not chosen: the steps assume Lync Server 2013, which follows"));
        assert_eq!(html.matches("<input type=\"radio\" name=\"edge\"").count(), crate::core::EdgeServer::ALL.len());
        assert!(html.contains("<h2 id=\"question-heading\" tabindex=\"-1\" elementtiming=\"first-question\">Which Edge Server"));
        assert!(html.contains(" disabled>Back</button>"));
    }

    #[test]
    fn a_first_visit_shows_the_choices_that_empty_answers_mean() {
        let html = wizard(&EN, &PAGE_EN);
        let checked: Vec<&str> = html.split(" checked>").map(|before| before.rsplit("data-testid=\"").next().unwrap().trim_end_matches('"')).collect();
        assert_eq!(checked[..checked.len() - 1], ["pool-lync2013", "existing-provider-no", "scope-no"]);
    }

    #[test]
    fn choosing_and_showing_agree_for_every_group() {
        let mut answers = Answers::default();
        for (group, token) in [(ChoiceGroup::Edge, "ocs2007r2"), (ChoiceGroup::Pool, "sfb2019"), (ChoiceGroup::Clients, "android"), (ChoiceGroup::ExistingProvider, "yes"), (ChoiceGroup::Scope, "yes")] {
            group.choose(&mut answers, token, true);
            assert!(group.shows(&answers, token), "{group:?}");
        }
        ChoiceGroup::Clients.take(&mut answers, &["ios-lync2010".into()]);
        assert!(ChoiceGroup::Clients.shows(&answers, "ios-lync2010") && !ChoiceGroup::Clients.shows(&answers, "android"));
        ChoiceGroup::Edge.choose(&mut answers, "not-an-edge", true);
        assert_eq!(answers.edge, Some(EdgeServer::Ocs2007R2), "an unknown token changes nothing");
    }
}
