//! The questions: the pre-rendered pages (`core::render::page::wizard`) taken over in place.
//! Each `adopt_*` finds its elements by the ids the core wrote, keeps them in step with the
//! store, and sends what the reader does to it. Nothing here builds markup of its own: an
//! element the page lacks is left alone, never a panic.

use leptos::prelude::*;

use crate::core::i18n::Strings;
use crate::core::render::html::{client_hint, Html};
use crate::core::render::page::{pool_follows, progress, provider_not_used, question_count, ChoiceGroup, TextField};
use crate::core::{Answers, Field, MobileClient};

use super::browser;
use super::state::{bit, use_store, Page, Store};

pub fn adopt(t: &'static Strings) {
    adopt_heading(t);
    adopt_pages();
    adopt_progress(t);
    adopt_navigation(t);
    adopt_choices();
    for field in TextField::ALL {
        adopt_text_field(t, field);
    }
    for field in [Field::Edge, Field::Clients] {
        adopt_field_message(t, field);
    }
    adopt_provider_note();
    adopt_pool_follows(t);
    adopt_client_hints(t);
    adopt_apns_choice();
}

/// What the reader chose or typed in the page before the wasm took it over goes into the
/// answers as if given after the takeover. The page showed the choices of a first visit and
/// empty fields: a group clicked or whose choices differ from those, or a field not empty, is
/// the reader's. Next pressed meanwhile (start.js kept it) is pressed now.
pub fn take_early_answers(store: Store) {
    let first_visit = Answers::default();
    let chosen: Vec<(ChoiceGroup, Vec<String>)> = ChoiceGroup::ALL
        .into_iter()
        .filter_map(|group| {
            let element = browser::by_id(group.element_id())?;
            let (chosen, all) = browser::input_values(&element);
            let as_written: Vec<String> = all.into_iter().filter(|token| group.shows(&first_visit, token)).collect();
            // Clicked (start.js marks it), even on the choice already shown: that is a choice too.
            (chosen != as_written || element.has_attribute("data-early")).then_some((group, chosen))
        })
        .collect();
    let typed: Vec<(TextField, String)> =
        TextField::ALL.into_iter().filter_map(|field| Some((field, browser::input_value(field.field().token()).filter(|typed| !typed.is_empty())?))).collect();
    if !chosen.is_empty() || !typed.is_empty() {
        store.answers.update(|answers| {
            for (group, tokens) in &chosen {
                group.take(answers, tokens);
            }
            for (field, value) in typed {
                field.write(answers, value);
            }
        });
    }
    if browser::take_pending_next() {
        store.next();
        request_animation_frame(|| browser::focus_by_id("question-heading"));
    }
}

/// The step count and the question, and focus on the question when the page changes, so
/// keyboard and screen-reader users land on the new question.
fn adopt_heading(t: &'static Strings) {
    let store = use_store();
    let (Some(count), Some(heading)) = (browser::by_id("step-count"), browser::by_id("question-heading")) else { return };
    Effect::new(move |previous: Option<Page>| {
        let page = store.page.get();
        browser::set_text(&count, &question_count(t, page));
        browser::set_text(&heading, page.question(t));
        if previous.is_some_and(|p| p != page) {
            browser::focus_by_id("question-heading");
        }
        page
    });
}

/// Every page is in the HTML and shown in turn, so switching pages builds nothing and each keeps
/// what was typed into it.
fn adopt_pages() {
    let store = use_store();
    for page in Page::ALL {
        let Some(element) = browser::by_id(page.element_id()) else { continue };
        Effect::new(move |_| browser::set_hidden(&element, store.page.get() != page));
    }
}

/// The progress list, written as HTML whenever the page, the furthest page seen or a page's
/// problems change (opening a page moves the focus to its question anyway); one listener.
fn adopt_progress(t: &'static Strings) {
    let store = use_store();
    let Some(list) = browser::by_id("progress") else { return };
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
    // The page came with the list for a first visit: it is written again only when it differs.
    let on_the_page = progress(t, Page::ALL[0], 0, (0, 0));
    let written = list.clone();
    Effect::new(move |previous: Option<Html>| {
        let html = progress(t, store.page.get(), store.seen.get(), problems());
        if html != previous.unwrap_or_else(|| on_the_page.clone()) {
            written.set_inner_html(&html);
        }
        html
    });
    browser::listen(&list, "click", move |event| {
        let index = browser::attribute_from_event(&event, "data-page").and_then(|i| i.parse::<usize>().ok());
        if let Some(&page) = index.and_then(|i| Page::ALL.get(i)) {
            store.go_to(page);
        }
    });
}

/// Back, and Next, which on the last question becomes the way to the result. Enter in a text
/// field presses Next, the form's default button; the question moves on here, not by submitting.
fn adopt_navigation(t: &'static Strings) {
    let store = use_store();
    let index = move || store.page.get().index();
    if let Some(back) = browser::by_id("back") {
        let shown = back.clone();
        Effect::new(move |_| browser::set_flag(&shown, "disabled", index() == 0));
        browser::listen(&back, "click", move |_| store.go_to(Page::ALL[store.page.get_untracked().index().saturating_sub(1)]));
    }
    if let Some(next) = browser::by_id("next") {
        let shown = next.clone();
        Effect::new(move |_| {
            let at_last = index() == Page::ALL.len() - 1;
            browser::set_attribute(&shown, "data-testid", if at_last { "to-result" } else { "next" });
            browser::set_text(&shown, if at_last { t.to_result } else { t.next });
        });
        browser::listen(&next, "click", move |event| {
            event.prevent_default();
            store.next()
        });
    }
}

/// Each group's checked state follows the answers (a share link, a restored script or a reset
/// can change them while the question is shown); one listener per group.
fn adopt_choices() {
    let store = use_store();
    for group in ChoiceGroup::ALL {
        let Some(element) = browser::by_id(group.element_id()) else { continue };
        let shown = element.clone();
        Effect::new(move |_| store.answers.with(|answers| browser::set_checked(&shown, |token| group.shows(answers, token))));
        browser::listen(&element, "change", move |event| {
            if let Some((token, on)) = browser::changed_input(&event) {
                store.answers.update(|answers| group.choose(answers, &token, on));
            }
        });
    }
}

/// A text field bound to its answer, with its message; hidden while its answer is irrelevant.
fn adopt_text_field(t: &'static Strings, field: TextField) {
    let store = use_store();
    let id = field.field().token();
    let (Some(input), Some(wrapper)) = (browser::by_id(id), browser::by_id(&format!("{id}-field"))) else { return };
    Effect::new(move |_| browser::set_hidden(&wrapper, store.answers.with(|answers| field.hidden(answers))));
    // Two Effects: the value follows the answers only, so showing a problem (the field was left)
    // never writes an older answer over what is in the field.
    let shown = input.clone();
    Effect::new(move |_| store.answers.with(|answers| browser::set_input_value(&shown, field.read(answers))));
    let shown = input.clone();
    Effect::new(move |_| {
        let invalid = store.field_problem(field.field(), t).is_some();
        browser::set_attribute(&shown, "aria-invalid", if invalid { "true" } else { "false" });
    });
    browser::listen(&input, "input", move |event| {
        let value = event_target_value(&event);
        store.answers.update(|answers| field.write(answers, value))
    });
    adopt_field_message(t, field.field());
}

/// The core's message for a field, announced politely as it changes.
fn adopt_field_message(t: &'static Strings, field: Field) {
    let store = use_store();
    let Some(message) = browser::by_id(&format!("{}-error", field.token())) else { return };
    Effect::new(move |_| browser::set_text(&message, &store.field_problem(field, t).unwrap_or_default()));
}

/// Behind an Edge that federates directly, the hosting-provider answer is not used: say so.
fn adopt_provider_note() {
    let store = use_store();
    let Some(note) = browser::by_id("provider-not-used") else { return };
    Effect::new(move |_| browser::set_hidden(&note, !store.answers.with(provider_not_used)));
}

/// While no pool is chosen, what the steps assume, which follows the Edge Server answer.
fn adopt_pool_follows(t: &'static Strings) {
    let store = use_store();
    let Some(line) = browser::by_id("pool-follows") else { return };
    Effect::new(move |_| {
        let said = store.answers.with(|answers| pool_follows(t, answers));
        browser::set_hidden(&line, said.is_empty());
        browser::set_text(&line, &said);
    });
}

/// Each client's reason, redrawn when the pool the answers mean changes.
fn adopt_client_hints(t: &'static Strings) {
    let store = use_store();
    let Some(group) = browser::by_id(ChoiceGroup::Clients.element_id()) else { return };
    let hints: Vec<(MobileClient, web_sys::Element)> =
        browser::choice_hints(&group).into_iter().filter_map(|(token, hint)| Some((MobileClient::from_token(&token)?, hint))).collect();
    // What the reasons depend on: the pool the answers mean, and the APNS choice for the app.
    let meaning = Memo::new(move |_| store.answers.with(|answers| (answers.shell(), answers.apns_for_sfb_ios)));
    Effect::new(move |_| {
        let (shell, apns_for_sfb_ios) = meaning.get();
        let answers = Answers { pool: Some(shell), apns_for_sfb_ios, ..Answers::default() };
        for (client, hint) in &hints {
            browser::set_text(hint, client_hint(t, &answers, *client));
        }
    });
}

/// APNS for Skype for Business on iOS, beyond Microsoft's page: offered under that client while
/// it is ticked, and only ever on when the reader ticks it.
fn adopt_apns_choice() {
    let store = use_store();
    let (Some(label), Some(input)) = (browser::by_id("apns-for-sfb-ios-choice"), browser::by_id("apns-for-sfb-ios")) else { return };
    let hidden = label.clone();
    Effect::new(move |_| {
        browser::set_hidden(&hidden, !store.answers.with(|answers| answers.clients.contains(&MobileClient::IosSfb)))
    });
    let shown = label.clone();
    Effect::new(move |_| {
        let on = store.answers.with(|answers| answers.apns_for_sfb_ios);
        browser::set_checked(&shown, |_| on);
    });
    browser::listen(&input, "change", move |event| {
        if let Some((_, on)) = browser::changed_input(&event) {
            store.answers.update(|answers| answers.apns_for_sfb_ios = on);
        }
    });
}
