//! A pasted discovery block's parts as `Html`: what the block answers and
//! the deployment's state (`ReadingView`), and what the configuration script will do there
//! (`OutlookView`). Every value the block carries is escaped like any other text.

use crate::core::discovery::{OutlookView, ReadingView};
use crate::core::i18n::DiscoveryStrings;

use super::{action_button, code_words, element, Action, Html};

/// Items that name cmdlets and parameters: each hyphenated word kept whole (`code_words`).
fn list(out: &mut String, items: impl IntoIterator<Item = String>) {
    out.push_str("<ul>");
    for item in items {
        code_words(out, "<li>", &item, "</li>");
    }
    out.push_str("</ul>");
}

/// What stops the configuration script before its first change: in the plan, and again at the
/// top of the panel, where the block was pasted.
pub fn outlook_stops(d: &DiscoveryStrings, stops: &[String]) -> Html {
    let mut out = String::new();
    if !stops.is_empty() {
        element(&mut out, "<div class=\"stops\" data-testid=\"outlook-stops\"><h4>", d.stops_heading, "</h4>");
        list(&mut out, stops.iter().cloned());
        out.push_str("</div>");
    }
    Html(out)
}

/// What the block answers, what stays open and why, and the state, with the control that
/// forgets the block.
pub fn reading(d: &DiscoveryStrings, view: &ReadingView) -> Html {
    let mut out = String::new();
    element(&mut out, "<p class=\"help\">", &view.made_by, "</p>");
    for (heading, answers, id) in [(d.heading_filled, &view.filled, "discovery-filled"), (d.heading_open, &view.open, "discovery-open")] {
        if answers.is_empty() {
            continue;
        }
        element(&mut out, "<h4>", heading, "</h4>");
        out.push_str(&format!("<dl data-testid=\"{id}\">"));
        for (label, answer) in answers {
            element(&mut out, "<dt>", label, "</dt>");
            code_words(&mut out, "<dd>", answer, "</dd>");
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
    element(&mut out, "<p class=\"help\">", d.forecast_recheck, "</p>");
    out.push_str(outlook_stops(d, &view.stops).as_str());
    if let Some(after) = &view.after_stops {
        element(&mut out, "<p>", after, "</p>");
    }
    // Numbered as the plan above numbers its steps.
    out.push_str("<ol class=\"outlook-steps\">");
    for (number, title, lines) in &view.steps {
        out.push_str(&format!("<li value=\"{number}\">"));
        code_words(&mut out, "<strong>", title, "</strong>");
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
