//! Renderers read a plan and write text. They decide nothing: every choice is in the plan.

pub mod diagram;
pub mod html;
pub mod json;
pub mod markdown;
pub mod powershell;
pub mod rollback;
pub mod steps;

use super::answers::{Answers, MobileClient};
use super::text::edge_label;

/// The answers as header lines (`label`, `value`), shared by the script and the steps text.
pub(crate) fn answer_lines(answers: &Answers) -> Vec<(&'static str, String)> {
    let edge = answers.edge.map(|e| format!("{} ({})", edge_label(e), e.token())).unwrap_or_default();
    let clients: Vec<&str> = answers.clients.iter().map(|c: &MobileClient| c.token()).collect();
    let provider = if answers.provider_exists {
        format!("{} (already federates with {})", answers.provider_identity, super::facts::LYNC_ONLINE_PROXY_FQDN)
    } else {
        format!("none yet for {}", super::facts::LYNC_ONLINE_PROXY_FQDN)
    };
    let scope = match answers.scope {
        super::ScopeKind::Global => "global".to_string(),
        super::ScopeKind::Site => format!("site:{}", answers.site),
    };
    let or_none = |text: String| if text.is_empty() { "(none)".to_string() } else { text };
    vec![
        ("Edge Server", or_none(edge)),
        ("Mobile clients", or_none(clients.join(", "))),
        ("Access Edge FQDN", or_none(answers.access_edge.clone())),
        ("Hosting provider", provider),
        ("Push settings", scope),
        // share::from_script reads this back when a script is pasted or dropped on the page.
        (super::share::SCRIPT_LINK_NAME, format!("#{}", super::share::to_fragment(answers))),
    ]
}
