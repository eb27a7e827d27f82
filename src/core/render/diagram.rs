//! The notification path as an inline SVG, drawn from the decision: Mobility Service → Edge
//! Server → push.lync.com → APNS / MPNS → devices. The path in use is highlighted, the rest greyed;
//! `<title>` and `<desc>` carry the same path as text. Colours come from the page's CSS.

use std::fmt::Write as _;

use crate::core::answers::EdgeServer;
use crate::core::decision::{Decision, Need, PushService, Route, Verdict};
use crate::core::facts::PUSH_DOMAIN;
use crate::core::i18n::{fill, Strings};
use crate::core::text;

use super::html::escape;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Active,
    Idle,
    Missing,
}

impl State {
    const fn class(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Idle => "idle",
            State::Missing => "missing",
        }
    }

    const fn when(active: bool) -> State {
        if active {
            State::Active
        } else {
            State::Idle
        }
    }
}

const ROW: i32 = 44;
const BOX_H: i32 = 38;
const WIDTH: i32 = 900;

fn node(out: &mut String, x: i32, y: i32, w: i32, state: State, title: &str, subtitle: &str) {
    let _ = write!(
        out,
        "<g class=\"node {}\"><rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{BOX_H}\" rx=\"6\"/><text x=\"{}\" y=\"{}\">{}</text><text class=\"sub\" x=\"{}\" y=\"{}\">{}</text></g>",
        state.class(),
        x + 8,
        y + 16,
        escape(title),
        x + 8,
        y + 31,
        escape(subtitle)
    );
}

fn arrow(out: &mut String, from: (i32, i32), to: (i32, i32), state: State) {
    let _ = write!(
        out,
        "<path class=\"link {}\" d=\"M{} {} C{} {} {} {} {} {}\" marker-end=\"url(#arrow-{})\"/>",
        state.class(),
        from.0,
        from.1,
        (from.0 + to.0) / 2,
        from.1,
        (from.0 + to.0) / 2,
        to.1,
        to.0 - 4,
        to.1,
        state.class()
    );
}

pub fn diagram(t: &Strings, decision: &Decision) -> String {
    let configure = matches!(decision.verdict, Verdict::Configure { .. });
    let blocked = matches!(decision.verdict, Verdict::Blocked { .. });
    let rows = decision.clients.len().max(2) as i32;
    let height = 20 + rows * ROW;
    let middle = height / 2 - BOX_H / 2;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"diagram\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"diagram-title diagram-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"diagram-title\">{}</title><desc id=\"diagram-desc\">{}</desc>",
        escape(t.diagram_heading),
        escape(&description(t, decision))
    );
    out.push_str("<defs>");
    for state in [State::Active, State::Idle, State::Missing] {
        let _ = write!(
            out,
            "<marker id=\"arrow-{0}\" class=\"{0}\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto\"><path d=\"M0 0 L8 4 L0 8 z\"/></marker>",
            state.class()
        );
    }
    out.push_str("</defs>");

    node(&mut out, 10, middle, 120, State::when(configure || blocked), t.diagram_mobility, text::mobility_label(t, decision));
    let (edge_title, edge_sub) = edge_labels(t, decision.edge, decision.verdict);
    let edge_state = if blocked { State::Missing } else { State::when(configure) };
    node(&mut out, 160, middle, 170, edge_state, edge_title, edge_sub);
    arrow(&mut out, (130, middle + BOX_H / 2), (160, middle + BOX_H / 2), edge_state);
    node(&mut out, 370, middle, 150, State::when(configure), PUSH_DOMAIN, t.diagram_push_service);
    arrow(&mut out, (330, middle + BOX_H / 2), (370, middle + BOX_H / 2), State::when(configure));

    let services = [(PushService::Apns, "APNS", "Apple", middle - 30), (PushService::Mpns, "MPNS", "Windows Phone", middle + 30)];
    for (service, title, subtitle, y) in services {
        let on = configure && service_needed(decision, service);
        node(&mut out, 560, y, 100, State::when(on), title, subtitle);
        arrow(&mut out, (520, middle + BOX_H / 2), (560, y + BOX_H / 2), State::when(on));
    }
    for (index, client) in decision.clients.iter().enumerate() {
        let y = 10 + index as i32 * ROW;
        let (state, subtitle, service) = match client.need {
            Need::Push(service) => (State::when(configure), t.diagram_receives, Some(service)),
            Need::PushDisputed(service) => (State::when(configure), t.diagram_receives, Some(service)),
            Need::NoLongerNeeded | Need::RunsInBackground | Need::NoSwitch => (State::Idle, t.diagram_not_needed, None),
            Need::CannotUsePool => (State::Missing, t.diagram_cannot_use_pool, None),
        };
        node(&mut out, 700, y, 190, state, text::client_short_label(t, client.client), subtitle);
        if let Some(service) = service {
            let service_y = services.iter().find(|s| s.0 == service).map_or(middle, |s| s.3);
            arrow(&mut out, (660, service_y + BOX_H / 2), (700, y + BOX_H / 2), state);
        }
    }
    out.push_str("</svg>");
    out
}

fn service_needed(decision: &Decision, service: PushService) -> bool {
    match service {
        PushService::Apns => decision.services.apns,
        PushService::Mpns => decision.services.mpns,
    }
}

fn edge_labels(t: &Strings, edge: EdgeServer, verdict: Verdict) -> (&'static str, &'static str) {
    let title = match edge {
        EdgeServer::Lync2013 => t.diagram_edge_2013,
        EdgeServer::Lync2010 => t.diagram_edge_2010,
        EdgeServer::Ocs2007R2 => t.diagram_edge_ocs,
        EdgeServer::None => t.edge_none,
        EdgeServer::Sfb2015 => t.diagram_edge_sfb2015,
        EdgeServer::Sfb2019 => t.diagram_edge_sfb2019,
        EdgeServer::SfbSe => t.diagram_edge_sfbse,
    };
    let subtitle = match (verdict, crate::core::decision::route_for(edge)) {
        (Verdict::Blocked { .. }, _) | (_, None) => t.diagram_cannot_pass,
        (_, Some(Route::HostingProvider)) => t.diagram_hosting,
        (_, Some(Route::DirectFederation)) => t.diagram_direct,
    };
    (title, subtitle)
}

/// The path in words, for screen readers and for anyone who cannot see the drawing.
pub fn description(t: &Strings, decision: &Decision) -> String {
    let mut sentence = String::new();
    let (edge, how) = edge_labels(t, decision.edge, decision.verdict);
    match decision.verdict {
        Verdict::Configure { .. } => {
            sentence.push_str(&fill(t.diagram_path, &[edge, how, PUSH_DOMAIN]));
            for (service, name) in [(PushService::Apns, "APNS"), (PushService::Mpns, "MPNS")] {
                let devices: Vec<&str> = decision
                    .clients
                    .iter()
                    .filter(|c| c.need == Need::Push(service))
                    .map(|c| text::client_label(t, c.client))
                    .collect();
                if !devices.is_empty() {
                    sentence.push_str(&fill(t.diagram_service_to, &[name, &devices.join(t.diagram_and)]));
                }
            }
            sentence.push_str(t.sentence_end);
        }
        Verdict::Blocked { .. } => {
            sentence.push_str(&fill(t.diagram_stops, &[edge]));
        }
        Verdict::NotNeeded { .. } => sentence.push_str(t.diagram_unused),
    }
    fill(t.diagram_sentence, &[&text::verdict_headline(t, decision), &sentence])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::MobileClient::*;
    use crate::core::decision::decide;

    fn count(svg: &str, needle: &str) -> usize {
        svg.matches(needle).count()
    }

    #[test]
    fn the_seed_example_lights_both_services() {
        let svg = diagram(&crate::core::i18n::EN, &decide(None, EdgeServer::Lync2013, &[IosLync2010, WpLync2013, Android]));
        assert_eq!(count(&svg, "<g class=\"node active\">"), 7, "mobility, edge, push, 2 services, 2 devices");
        assert_eq!(count(&svg, "<g class=\"node idle\">"), 1, "Android needs no push");
        assert!(svg.contains("hosting provider"));
        assert!(description(&crate::core::i18n::EN, &decide(None, EdgeServer::Lync2013, &[IosLync2010])).contains("then APNS to Lync 2010 Mobile on iPhone/iPad."));
    }

    #[test]
    fn no_edge_marks_the_gap_and_not_needed_greys_everything() {
        let blocked = diagram(&crate::core::i18n::EN, &decide(None, EdgeServer::None, &[WpLync2010]));
        assert_eq!(count(&blocked, "<g class=\"node missing\">"), 1);
        let idle = diagram(&crate::core::i18n::EN, &decide(None, EdgeServer::Ocs2007R2, &[IosLync2013]));
        assert_eq!(count(&idle, "<g class=\"node active\">"), 0);
    }

    #[test]
    fn tags_balance() {
        let svg = diagram(&crate::core::i18n::EN, &decide(None, EdgeServer::Ocs2007R2, &[IosLync2010, IosLync2013, WpLync2010, WpLync2013, Android, Nokia]));
        for tag in ["g", "text", "svg", "marker", "defs", "desc", "title"] {
            assert_eq!(count(&svg, &format!("<{tag} ")) + count(&svg, &format!("<{tag}>")), count(&svg, &format!("</{tag}>")), "{tag}");
        }
    }
}
