//! A pasted discovery block's parts as `Html`: what the block answers and
//! the deployment's state (`ReadingView`), and what the configuration script will do there
//! (`OutlookView`). Every value the block carries is escaped like any other text.

use crate::core::discovery::{OutlookView, ReadingView};
use crate::core::i18n::DiscoveryStrings;

use super::{action_button, element, Action, Html};

fn list(out: &mut String, items: impl IntoIterator<Item = String>) {
    out.push_str("<ul>");
    for item in items {
        element(out, "<li>", &item, "</li>");
    }
    out.push_str("</ul>");
}

/// What the block answers, what stays open and why, and the state, with the control that
/// forgets the block.
pub fn reading(d: &DiscoveryStrings, view: &ReadingView) -> Html {
    let mut out = String::new();
    element(&mut out, "<p class=\"made-by\">", &view.made_by, "</p>");
    for (heading, answers, id) in [(d.heading_filled, &view.filled, "discovery-filled"), (d.heading_open, &view.open, "discovery-open")] {
        if answers.is_empty() {
            continue;
        }
        element(&mut out, "<h4>", heading, "</h4>");
        out.push_str(&format!("<dl data-testid=\"{id}\">"));
        for (label, answer) in answers {
            element(&mut out, "<dt>", label, "</dt>");
            element(&mut out, "<dd>", answer, "</dd>");
        }
        out.push_str("</dl>");
    }
    element(&mut out, "<h4>", d.heading_state, "</h4>");
    out.push_str("<div data-testid=\"discovery-state\">");
    list(&mut out, view.state.iter().cloned());
    out.push_str("</div>");
    action_button(&mut out, "link-button", Action::ForgetDiscovery, "forget-discovery", d.panel_forget);
    Html(out)
}

/// What the configuration script will do to the deployment the block shows, step by step.
pub fn outlook(d: &DiscoveryStrings, view: &OutlookView) -> Html {
    let mut out = String::new();
    element(&mut out, "<h3 id=\"outlook-heading\">", d.forecast_heading, "</h3>");
    element(&mut out, "<p class=\"hint\">", d.forecast_recheck, "</p>");
    if !view.stops.is_empty() {
        element(&mut out, "<div class=\"stops\" data-testid=\"outlook-stops\"><h4>", d.stops_heading, "</h4>");
        list(&mut out, view.stops.iter().cloned());
        out.push_str("</div>");
    }
    out.push_str("<ol class=\"outlook-steps\">");
    for (title, lines) in &view.steps {
        element(&mut out, "<li><strong>", title, "</strong>");
        list(&mut out, lines.iter().cloned());
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    Html(out)
}

/// Why a kept block no longer reads.
pub fn problem(message: &str) -> Html {
    let mut out = String::new();
    element(&mut out, "<p class=\"problem\">", message, "</p>");
    Html(out)
}
