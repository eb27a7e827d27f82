//! The questions, one concern per page, with Back/Next and a progress list.

use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

use crate::core::decision::{route_for, Route};
use crate::core::i18n::{fill, Strings};
use crate::core::render::html::{self as choice_html, escape};
use crate::core::{Answers, EdgeServer, Field, MobileClient, PoolVersion, ScopeKind};

use super::browser;
use super::state::{bit, use_store, Page};

/// `later`: true once the first question has been painted.
#[component]
pub fn Wizard(t: &'static Strings, later: RwSignal<bool>) -> impl IntoView {
    let store = use_store();
    // Focus follows the page, so keyboard and screen-reader users land on the new question.
    Effect::new(move |previous: Option<Page>| {
        let page = store.page.get();
        if previous.is_some_and(|p| p != page) {
            browser::focus_by_id("question-heading");
        }
        page
    });
    view! {
        <section class="wizard" aria-label=t.nav_questions>
            <Progress t=t />
            // A form, so Enter in a text field presses Next, its default button.
            <form class="card question" data-testid="question">
                <p class="step-count">
                    {move || fill(t.question_count, &[&(store.page.get().index() + 1).to_string(), &Page::ALL.len().to_string()])}
                </p>
                // Element Timing reports when this first paints: the benchmark's "first question".
                <h2 id="question-heading" tabindex="-1" {..custom_attribute("elementtiming", "first-question")}>
                    {move || store.page.get().question(t)}
                </h2>
                // Every page is built once and shown in turn, so switching pages builds nothing
                // and each keeps what was typed into it. The wizard always opens on the first;
                // the others are built just after it is on screen (`later`), which brought the
                // first question up about 8 ms sooner.
                // The pool's version shares the first page: built with it, so nothing moves.
                <div hidden=hidden_unless(Page::Edge)><EdgeQuestion t=t /><PoolQuestion t=t /></div>
                {move || later.get().then(|| view! {
                    <div hidden=hidden_unless(Page::Clients)><ClientsQuestion t=t /></div>
                    <div hidden=hidden_unless(Page::AccessEdge)><AccessEdgeQuestion t=t /></div>
                    <div hidden=hidden_unless(Page::Provider)><ProviderQuestion t=t /></div>
                    <div hidden=hidden_unless(Page::Scope)><ScopeQuestion t=t /></div>
                })}
                <Navigation t=t />
            </form>
        </section>
    }
}

/// For a page's `hidden`: true while another page is open (one closure type for all pages).
fn hidden_unless(page: Page) -> impl Fn() -> bool + Copy {
    let store = use_store();
    move || store.page.get() != page
}

/// One button per page, written as HTML whenever the page, the furthest page seen or a page's
/// problems change (opening a page moves the focus to its question anyway); one listener for all.
#[component]
fn Progress(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    // Pages, one bit each: those with an answer missing or invalid, and those whose problem shows.
    let problems = move || {
        let touched = store.touched.get();
        store.outcome.with(|outcome| {
            outcome.as_ref().err().into_iter().flatten().fold((0, 0), |(all, shown), error| {
                let page = 1 << Page::of_field(error.field).index();
                (all | page, if touched & bit(error.field) != 0 { shown | page } else { shown })
            })
        })
    };
    view! {
        <nav class="progress" aria-label=t.nav_progress>
            <ol
                inner_html=move || progress_html(t, store.page.get(), store.seen.get(), problems())
                on:click=move |event| {
                    let index = browser::attribute_from_event(&event, "data-page").and_then(|i| i.parse::<usize>().ok());
                    if let Some(&page) = index.and_then(|i| Page::ALL.get(i)) {
                        store.go_to(page);
                    }
                }
            ></ol>
        </nav>
    }
}

/// A page is done once left with it and every page before it answered; it needs an answer
/// when one is missing or invalid there and the page has been left or its problem shown.
/// `problems`: pages with a problem, and those whose problem shows (a bit per page).
fn progress_html(t: &Strings, current: Page, seen: usize, (problems, shown): (usize, usize)) -> String {
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
    out
}

/// Back, and Next, which on the last question becomes the way to the result.
#[component]
fn Navigation(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let index = move || store.page.get().index();
    let at_last = move || index() == Page::ALL.len() - 1;
    view! {
        <div class="navigation">
            <button
                type="button"
                class="secondary"
                data-testid="back"
                disabled=move || index() == 0
                on:click=move |_| store.go_to(Page::ALL[index().saturating_sub(1)])
            >
                {t.back}
            </button>
            <button
                type="submit"
                class="primary"
                data-testid=move || if at_last() { "to-result" } else { "next" }
                on:click=move |event| {
                    // The question moves on here, not by submitting the form.
                    event.prevent_default();
                    store.next()
                }
            >
                {move || if at_last() { t.to_result } else { t.next }}
            </button>
        </div>
    }
}

/// The core's message for a field, announced politely as it changes.
#[component]
fn FieldMessage(field: Field, t: &'static Strings) -> impl IntoView {
    let store = use_store();
    view! {
        <p class="field-error" id=format!("{}-error", field.token()) aria-live="polite" data-testid=format!("error-{}", field.token())>
            {move || store.field_problem(field, t)}
        </p>
    }
}

/// Whether the choice with this token is checked for these answers.
type IsChecked = Box<dyn Fn(&Answers, &str) -> bool>;

/// Keeps the checked state of the choices written into the group `group_id` equal to the
/// answers: a share link, a restored script or a reset can change them while the question is
/// shown. The Effect first runs once the group is in the page; `checked` is boxed so that one
/// Effect's code serves every group.
fn follow_answers(group_id: String, checked: IsChecked) {
    let store = use_store();
    Effect::new(move |_| {
        store.answers.with(|answers| {
            if let Some(choices) = browser::by_id(&group_id) {
                browser::set_checked(&choices, |token| checked(answers, token));
            }
        })
    });
}

/// The Edge Server radio buttons, written by the core; one listener for the group.
#[component]
fn EdgeQuestion(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let group_id = "edge-choices";
    follow_answers(group_id.into(), Box::new(|answers, token| answers.edge.is_some_and(|edge| edge.token() == token)));
    view! {
        <fieldset
            class="choices"
            id=group_id
            aria-describedby="edge-error"
            inner_html=choice_html::edge_choices(t)
            on:change=move |event| {
                if let Some(edge) = EdgeServer::from_token(&event_target_value(&event)) {
                    store.answers.update(|a| a.edge = Some(edge))
                }
            }
        ></fieldset>
        <FieldMessage field=Field::Edge t=t />
    }
}

/// The pool's version, under the Edge Server on the first page. Not chosen, the answers mean
/// what they meant before the wizard asked (`decision::shell_of`), and that version shows as
/// chosen.
#[component]
fn PoolQuestion(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let group_id = "pool-choices";
    follow_answers(
        group_id.into(),
        Box::new(|answers, token| answers.shell().token() == token),
    );
    view! {
        <fieldset
            class="choices pool"
            id=group_id
            aria-describedby="pool-error"
            inner_html=choice_html::pool_choices(t)
            on:change=move |event| {
                if let Some(pool) = PoolVersion::from_token(&event_target_value(&event)) {
                    store.answers.update(|a| a.pool = Some(pool))
                }
            }
        ></fieldset>
        <FieldMessage field=Field::Pool t=t />
    }
}

/// The client checkboxes, written by the core, as the Edge Server question's.
#[component]
fn ClientsQuestion(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let group_id = "clients-choices";
    follow_answers(group_id.into(), Box::new(|answers, token| answers.clients.iter().any(|client| client.token() == token)));
    view! {
        <fieldset
            class="choices"
            id=group_id
            aria-describedby="clients-error"
            inner_html=choice_html::client_choices(t)
            on:change=move |event| {
                let input = event_target::<web_sys::HtmlInputElement>(&event);
                if let Some(client) = MobileClient::from_token(&input.value()) {
                    store.answers.update(|a| a.set_client(client, input.checked()))
                }
            }
        ></fieldset>
        <FieldMessage field=Field::Clients t=t />
    }
}

/// A labelled text field bound to one answer, with its help and the core's message.
#[component]
fn TextField(
    t: &'static Strings,
    field: Field,
    label: &'static str,
    help: &'static str,
    placeholder: &'static str,
    read: fn(&Answers) -> String,
    write: fn(&mut Answers, String),
    /// When the answers make the field irrelevant (what it holds is kept).
    #[prop(default = |_| false)]
    hidden: fn(&Answers) -> bool,
) -> impl IntoView {
    let store = use_store();
    let id = field.token();
    let invalid = move || store.field_problem(field, t).is_some();
    view! {
        <div class="field" hidden=move || store.answers.with(hidden)>
            <label for=id>{label}</label>
            <p class="help" id=format!("{id}-help")>{help}</p>
            <input
                id=id
                type="text"
                autocomplete="off"
                spellcheck="false"
                autocapitalize="off"
                placeholder=placeholder
                data-testid=format!("input-{id}")
                aria-describedby=format!("{id}-help {id}-error")
                aria-invalid=move || if invalid() { "true" } else { "false" }
                // Built once with the wizard: the property gives it its value and keeps it in step.
                prop:value=move || store.answers.with(read)
                on:input=move |event| {
                    let value = event_target_value(&event);
                    store.answers.update(|a| write(a, value))
                }
            />
            <FieldMessage field=field t=t />
        </div>
    }
}

#[component]
fn AccessEdgeQuestion(t: &'static Strings) -> impl IntoView {
    view! {
        <TextField
            t=t
            field=Field::AccessEdge
            label=t.field_access_edge
            help=t.access_edge_help
            placeholder="accessproxy.contoso.com"
            read=|a| a.access_edge.clone()
            write=|a, value| a.access_edge = value
        />
    }
}

/// A yes/no pair of radio buttons, written by the core, for one yes/no answer.
#[component]
fn YesNo(
    name: &'static str,
    legend: &'static str,
    yes: &'static str,
    no: &'static str,
    read: fn(&Answers) -> bool,
    write: fn(&mut Answers, bool),
) -> impl IntoView {
    let store = use_store();
    let group_id = format!("{name}-choices");
    follow_answers(group_id.clone(), Box::new(move |answers, token| (token == "yes") == read(answers)));
    view! {
        <fieldset
            class="choices"
            id=group_id
            inner_html=choice_html::yes_no(name, legend, no, yes)
            on:change=move |event| {
                let yes = event_target_value(&event) == "yes";
                store.answers.update(|a| write(a, yes))
            }
        ></fieldset>
    }
}

#[component]
fn ProviderQuestion(t: &'static Strings) -> impl IntoView {
    let store = use_store();
    let not_direct_federation = move || {
        store.answers.with(|a| a.edge.and_then(route_for)) != Some(Route::DirectFederation)
    };
    view! {
        <p class="help">{t.provider_help}</p>
        <p class="aside" hidden=not_direct_federation>{t.provider_not_used}</p>
        <YesNo
            name="existing-provider"
            legend=t.page_provider
            no=t.provider_no
            yes=t.provider_yes
            read=|a| a.provider_exists
            write=|a, exists| a.provider_exists = exists
        />
        <TextField
            t=t
            field=Field::ProviderIdentity
            label=t.provider_identity_label
            help=t.provider_identity_help
            placeholder="Office365"
            read=|a| a.provider_identity.clone()
            write=|a, value| a.provider_identity = value
            hidden=|a| !a.provider_exists
        />
    }
}

#[component]
fn ScopeQuestion(t: &'static Strings) -> impl IntoView {
    view! {
        <p class="help">{t.scope_help}</p>
        <YesNo
            name="scope"
            legend=t.page_scope
            no=t.scope_global
            yes=t.scope_site
            read=|a| a.scope == ScopeKind::Site
            write=|a, site| a.scope = if site { ScopeKind::Site } else { ScopeKind::Global }
        />
        <TextField
            t=t
            field=Field::Site
            label=t.field_site
            help=t.site_help
            placeholder="Redmond"
            read=|a| a.site.clone()
            write=|a, value| a.site = value
            hidden=|a| a.scope != ScopeKind::Site
        />
    }
}
