//! Renderers read a plan and write text. They decide nothing: every choice is in the plan.

pub mod diagram;
pub mod html;
pub mod json;
pub mod markdown;
pub mod page;
pub mod powershell;
pub mod report;
pub mod worker;
pub use self::powershell::rollback;
pub mod steps;
pub mod view;

use super::answers::{Answers, MobileClient};
use super::i18n::{fill, Strings};
use super::text::edge_label;

/// The answers as header lines (`label`, `value`), shared by the script and the steps text.
pub(crate) fn answer_lines(t: &Strings, answers: &Answers) -> Vec<(&'static str, String)> {
    let edge = answers.edge.map(|e| format!("{} ({})", edge_label(t, e), e.token())).unwrap_or_default();
    let clients: Vec<&str> = answers.clients.iter().map(|c: &MobileClient| c.token()).collect();
    let provider = if answers.provider_exists {
        fill(t.answer_provider_exists, &[&answers.provider_identity, super::facts::LYNC_ONLINE_PROXY_FQDN])
    } else {
        fill(t.answer_provider_none, &[super::facts::LYNC_ONLINE_PROXY_FQDN])
    };
    let scope = match answers.scope {
        super::ScopeKind::Global => "global".to_string(),
        super::ScopeKind::Site => format!("site:{}", answers.site),
    };
    let or_none = |text: String| if text.is_empty() { t.answer_none.to_string() } else { text };
    let mut lines = vec![(t.field_edge, or_none(edge))];
    // Not given, the version the steps assume (`answers::shell_of`) is said to be assumed.
    match (answers.pool, answers.edge) {
        (Some(pool), _) => lines.push((t.field_pool, format!("{} ({})", super::text::pool_label(t, pool), pool.token()))),
        (None, Some(_)) => {
            let shell = answers.shell();
            lines.push((t.field_pool, fill(t.answer_pool_assumed, &[super::text::pool_label(t, shell), shell.token()])));
        }
        (None, None) => {}
    }
    lines.extend([
        (t.field_clients, or_none(clients.join(", "))),
        (t.field_access_edge, or_none(answers.access_edge.clone())),
        (t.label_hosting_provider, provider),
        (t.label_push_settings, scope),
    ]);
    // The choices beyond Microsoft's pages, only when made (earlier headers stay as they were).
    let chosen: Vec<&str> = [
        (answers.apns_for_sfb_ios, super::facts::FLAG_APNS_FOR_SFB_IOS),
        (answers.configure_retired_mpns, super::facts::FLAG_CONFIGURE_RETIRED_MPNS),
    ]
    .into_iter()
    .filter_map(|(chosen, flag)| chosen.then_some(flag.trim_start_matches('-')))
    .collect();
    if !chosen.is_empty() {
        lines.push((t.label_choices, chosen.join(", ")));
    }
    lines.extend([
        // share::from_script reads this back (in English) when a script is pasted or dropped.
        (t.label_share_link, format!("#{}", super::share::to_fragment(answers))),
    ]);
    lines
}
