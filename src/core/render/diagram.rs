//! The notification path as an inline SVG, drawn from the decision: Mobility Service → Edge
//! Server → push.lync.com → APNS / MPNS → devices. The path in use is highlighted, the rest greyed;
//! `<title>` and `<desc>` carry the same path as text. Colours come from the page's CSS.
//!
//! Drawn as a tree, one box per row, each indented under the box it hangs from: the page's
//! narrowest column (a 390 px phone) holds it at about its own size, so its text stays as large
//! as the page's small print instead of shrinking with a wide drawing. Devices that need no push
//! hang from the Mobility Service, which they keep reaching by themselves.

use std::fmt::Write as _;

use crate::core::answers::EdgeServer;
use crate::core::decision::{BlockedBecause, Decision, Need, PushService, Route, Verdict};
use crate::core::facts::PUSH_DOMAIN;
use crate::core::i18n::{fill, Strings};
use crate::core::text;

use super::html::{escape, Html};

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

/// The drawing's width in its own units; the page shows it at most this many px wide, so the
/// 13 px text of the stylesheet is 13 px on a desktop and about 12 px in a phone's column.
const WIDTH: i32 = 330;
const BOX_H: i32 = 40;
const PITCH: i32 = 46;
const INDENT: i32 = 22;
/// Where a box's line to the boxes under it leaves it, from its left edge.
const TRUNK: i32 = 9;
/// Room for the boxes' outline at the drawing's edges.
const EDGE: i32 = 2;

/// One box: how deep it is in the tree, the box it hangs from (earlier in the list), its state
/// (also its arrow's), and its two lines of text.
struct Node<'a> {
    depth: i32,
    parent: Option<usize>,
    state: State,
    title: &'a str,
    subtitle: &'a str,
}

fn x_of(depth: i32) -> i32 {
    EDGE + depth * INDENT
}

fn y_of(row: usize) -> i32 {
    EDGE + row as i32 * PITCH
}

pub fn diagram(t: &Strings, decision: &Decision) -> Html {
    let nodes = nodes(t, decision);
    let height = y_of(nodes.len()) - PITCH + BOX_H + EDGE;
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
            "<marker id=\"arrow-{0}\" class=\"{0}\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0 0 L8 4 L0 8 z\"/></marker>",
            state.class()
        );
    }
    out.push_str("</defs>");
    // Lines down a shared trunk overlap: the path in use is drawn last, over the rest.
    for layer in [State::Idle, State::Missing, State::Active] {
        for (row, node) in nodes.iter().enumerate().filter(|(_, n)| n.state == layer) {
            if let Some(parent) = node.parent {
                let trunk = x_of(nodes[parent].depth) + TRUNK;
                let _ = write!(
                    out,
                    "<path class=\"link {0}\" d=\"M{trunk} {1} V{2} H{3}\" marker-end=\"url(#arrow-{0})\"/>",
                    layer.class(),
                    y_of(parent) + BOX_H,
                    y_of(row) + BOX_H / 2,
                    x_of(node.depth) - 1
                );
            }
        }
    }
    for (row, node) in nodes.iter().enumerate() {
        let (x, y) = (x_of(node.depth), y_of(row));
        let _ = write!(
            out,
            "<g class=\"node {}\"><rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{BOX_H}\" rx=\"6\"/><text x=\"{}\" y=\"{}\">{}</text><text class=\"sub\" x=\"{}\" y=\"{}\">{}</text></g>",
            node.state.class(),
            WIDTH - EDGE - x,
            x + 8,
            y + 17,
            escape(node.title),
            x + 8,
            y + 34,
            escape(node.subtitle)
        );
    }
    out.push_str("</svg>");
    Html::trusted(out)
}

/// The boxes top to bottom. Every state comes from the verdict: the path to the push service is
/// lit only when the deployment is to be configured (the Mobility Service also when blocked),
/// and where the verdict blocks push the devices that need it are shown not getting it.
fn nodes<'a>(t: &'a Strings, decision: &Decision) -> Vec<Node<'a>> {
    let (configure, blocked) = match decision.verdict {
        Verdict::Configure { .. } => (true, false),
        Verdict::Blocked { .. } => (false, true),
        Verdict::NotNeeded { .. } | Verdict::NotRecommended { .. } => (false, false),
    };
    let mut nodes = vec![Node { depth: 0, parent: None, state: State::when(configure || blocked), title: t.diagram_mobility, subtitle: text::mobility_label(t, decision) }];
    for client in &decision.clients {
        match client.need {
            Need::Push(_) | Need::PushByChoice(_) => {}
            Need::NoLongerNeeded | Need::RunsInBackground | Need::NoSwitch => nodes.push(Node {
                depth: 1,
                parent: Some(0),
                state: State::Idle,
                title: text::client_short_label(t, client.client),
                subtitle: t.diagram_not_needed,
            }),
            // Not "no push needed": Microsoft's page turns nothing on for it, which is not the same.
            Need::NotOnMicrosoftsPage => nodes.push(Node {
                depth: 1,
                parent: Some(0),
                state: State::Idle,
                title: text::client_short_label(t, client.client),
                subtitle: t.diagram_not_on_page,
            }),
            Need::CannotUsePool => nodes.push(Node {
                depth: 1,
                parent: Some(0),
                state: State::Missing,
                title: text::client_short_label(t, client.client),
                subtitle: t.diagram_cannot_use_pool,
            }),
        }
    }
    let (edge_title, edge_sub) = edge_labels(t, decision.edge, decision.verdict);
    let edge_state = if edge_at_fault(decision.verdict) { State::Missing } else { State::when(configure) };
    nodes.push(Node { depth: 1, parent: Some(0), state: edge_state, title: edge_title, subtitle: edge_sub });
    let push = nodes.len();
    nodes.push(Node { depth: 2, parent: Some(push - 1), state: State::when(configure), title: PUSH_DOMAIN, subtitle: t.diagram_push_service });
    for (service, title, subtitle) in [(PushService::Apns, "APNS", "Apple"), (PushService::Mpns, "MPNS", "Windows Phone")] {
        let service_row = nodes.len();
        let state = State::when(configure && service_needed(decision, service));
        nodes.push(Node { depth: 3, parent: Some(push), state, title, subtitle });
        for client in decision.clients.iter().filter(|c| pushed_by(c.need) == Some(service)) {
            let (state, subtitle) = match decision.verdict {
                Verdict::Configure { .. } => (State::Active, t.diagram_receives),
                // Not recommended: they get no push, as when blocked.
                Verdict::Blocked { .. } | Verdict::NotRecommended { .. } => (State::Missing, t.diagram_no_push),
                Verdict::NotNeeded { .. } => (State::Idle, t.diagram_not_needed),
            };
            nodes.push(Node { depth: 4, parent: Some(service_row), state, title: text::client_short_label(t, client.client), subtitle });
        }
    }
    nodes
}

/// The service a client's push comes through, disputed or not; none when it needs no push.
const fn pushed_by(need: Need) -> Option<PushService> {
    match need {
        Need::Push(service) | Need::PushByChoice(service) => Some(service),
        Need::NoLongerNeeded | Need::RunsInBackground | Need::NoSwitch | Need::CannotUsePool | Need::NotOnMicrosoftsPage => None,
    }
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
    let subtitle = match (edge_at_fault(verdict), crate::core::decision::route_for(edge)) {
        (true, _) | (_, None) => t.diagram_cannot_pass,
        (false, Some(Route::HostingProvider)) => t.diagram_hosting,
        (false, Some(Route::DirectFederation)) => t.diagram_direct,
    };
    (title, subtitle)
}

/// Whether the verdict stops at the Edge Server: without one, or with one no page documents for
/// this pool. When the clients cannot use the pool, the Edge is not what stops push.
const fn edge_at_fault(verdict: Verdict) -> bool {
    match verdict {
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer
            | BlockedBecause::Lync2010With2019
            | BlockedBecause::SubscriptionEditionWithLync
            | BlockedBecause::OcsEdgeWithSfbPool } => true,
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool }
        | Verdict::Configure { .. }
        | Verdict::NotNeeded { .. }
        | Verdict::NotRecommended { .. } => false,
    }
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
                    .filter(|c| pushed_by(c.need) == Some(service))
                    .map(|c| text::client_label(t, c.client))
                    .collect();
                if !devices.is_empty() {
                    sentence.push_str(&fill(t.diagram_service_to, &[name, &devices.join(t.diagram_and)]));
                }
            }
            sentence.push_str(t.sentence_end);
        }
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer
            | BlockedBecause::Lync2010With2019
            | BlockedBecause::SubscriptionEditionWithLync
            | BlockedBecause::OcsEdgeWithSfbPool } => {
            sentence.push_str(&fill(t.diagram_stops, &[edge]));
        }
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool } => sentence.push_str(t.diagram_unused),
        Verdict::NotNeeded { .. } | Verdict::NotRecommended { .. } => sentence.push_str(t.diagram_unused),
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

    fn en(edge: EdgeServer, clients: &[crate::core::answers::MobileClient]) -> String {
        diagram(&crate::core::i18n::EN, &decide(None, edge, clients, Default::default())).into_string()
    }

    #[test]
    fn the_seed_example_lights_both_services() {
        let svg = en(EdgeServer::Lync2013, &[IosLync2010, WpLync2013, Android]);
        assert_eq!(count(&svg, "<g class=\"node active\">"), 7, "mobility, edge, push, 2 services, 2 devices");
        assert_eq!(count(&svg, "<g class=\"node idle\">"), 1, "Android needs no push");
        assert!(svg.contains("hosting provider"));
        assert!(description(&crate::core::i18n::EN, &decide(None, EdgeServer::Lync2013, &[IosLync2010], Default::default())).contains("then APNS to Lync 2010 Mobile on iPhone/iPad."));
    }

    #[test]
    fn no_edge_marks_the_gap_and_not_needed_greys_everything() {
        let blocked = en(EdgeServer::None, &[WpLync2010]);
        assert_eq!(count(&blocked, "<g class=\"node missing\">"), 2, "the Edge Server and the device");
        assert!(!blocked.contains("receives push") && blocked.contains("gets no push"), "{blocked}");
        assert_eq!(count(&blocked, "<g class=\"node active\">"), 1, "only the Mobility Service");
        let idle = en(EdgeServer::Ocs2007R2, &[IosLync2013]);
        assert_eq!(count(&idle, "<g class=\"node active\">"), 0);
        assert_eq!(count(&idle, "<path class=\"link active"), 0);
    }

    /// Every box but the Mobility Service has one arrow into it, Android alone too.
    #[test]
    fn every_box_is_joined_to_the_path() {
        for clients in [&[Android][..], &[IosLync2010, IosLync2013, WpLync2010, WpLync2013, Android, Nokia], &[WpLync2013]] {
            for edge in [EdgeServer::Lync2013, EdgeServer::None] {
                let svg = en(edge, clients);
                assert_eq!(count(&svg, "<g class=\"node "), count(&svg, "<path class=\"link ") + 1, "{edge:?} {clients:?}");
            }
        }
        let android = en(EdgeServer::Lync2013, &[Android]);
        assert!(android.contains("<path class=\"link idle\" d=\"M11 42 V"), "Android hangs from the Mobility Service: {android}");
    }

    /// One box a row, the devices deepest: the widest label still fits the narrowest box with
    /// room for 13 px text (about 8.5 units a character, bold), so the drawing need not shrink.
    #[test]
    fn rows_and_box_widths() {
        let all = en(EdgeServer::Lync2010, &[IosLync2010, IosLync2013, WpLync2010, WpLync2013, Android, Nokia]);
        assert!(all.contains("viewBox=\"0 0 330 504\""), "11 rows of 46 units");
        let device_box = WIDTH - EDGE - x_of(4);
        assert!(device_box - 16 >= "Windows Phone, Lync 2013".len() as i32 * 85 / 10, "{device_box}");
        let links: Vec<&str> = all.match_indices("<path class=\"link").map(|(i, _)| &all[i..i + 60]).collect();
        assert!(links.last().is_some_and(|l| l.contains("active")), "the path in use is drawn last: {links:?}");
    }

    #[test]
    fn tags_balance() {
        let svg = diagram(&crate::core::i18n::EN, &decide(None, EdgeServer::Ocs2007R2, &[IosLync2010, IosLync2013, WpLync2010, WpLync2013, Android, Nokia], Default::default()));
        for tag in ["g", "text", "svg", "marker", "defs", "desc", "title"] {
            assert_eq!(count(&svg, &format!("<{tag} ")) + count(&svg, &format!("<{tag}>")), count(&svg, &format!("</{tag}>")), "{tag}");
        }
    }
}
