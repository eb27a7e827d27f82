//! The sentences about the rules, built from the language table (i18n.rs). Every function takes
//! the table to use; scripts and the CLI pass English, the page passes the reader's language.
//! Here: the labels and the verdict; the steps' sentences are in `steps`, the notes and status
//! facts beside them in `notes`.

use super::answers::{EdgeServer, MobileClient, PoolVersion};
use super::decision::{BlockedBecause, Decision, Need, NotNeededBecause, NotRecommendedBecause, PushService, Route, Services, Verdict};
use super::facts::{Article, SeedSection, PUSH_DOMAIN};
use super::i18n::{fill, Strings};
use super::plan::{Host, NewProvider, Role};

mod notes;
mod steps;

pub use notes::{note_text, start_shell_step, status_line, status_text, StatusText};
pub use steps::{ocs_edge_gui_steps, ocs_edge_undo_steps, scope_label, step_title, step_why, test_outcomes, trouble_text, TroubleText};

pub const fn edge_label(t: &Strings, edge: EdgeServer) -> &'static str {
    match edge {
        EdgeServer::Lync2013 => t.edge_lync2013,
        EdgeServer::Lync2010 => t.edge_lync2010,
        EdgeServer::Ocs2007R2 => t.edge_ocs,
        EdgeServer::None => t.edge_none,
        EdgeServer::Sfb2015 => t.product_sfb2015,
        EdgeServer::Sfb2019 => t.product_sfb2019,
        EdgeServer::SfbSe => t.product_sfbse,
    }
}

pub const fn pool_label(t: &Strings, pool: PoolVersion) -> &'static str {
    match pool {
        PoolVersion::Lync2010 => t.product_lync2010,
        PoolVersion::Lync2013 => t.product_lync2013,
        PoolVersion::Sfb2015 => t.product_sfb2015,
        PoolVersion::Sfb2019 => t.product_sfb2019,
        PoolVersion::SfbSe => t.product_sfbse,
    }
}

/// What the pool's version means for the steps (sfb-facts §3, §4, §6).
pub const fn pool_hint(t: &Strings, pool: PoolVersion) -> &'static str {
    match pool {
        PoolVersion::Lync2010 => t.pool_hint_lync2010,
        PoolVersion::Lync2013 => t.pool_hint_lync2013,
        PoolVersion::Sfb2015 => t.pool_hint_sfb2015,
        PoolVersion::Sfb2019 => t.pool_hint_sfb2019,
        PoolVersion::SfbSe => t.pool_hint_sfbse,
    }
}

/// The family name in the shell's own name ("Lync Server Management Shell", seed 0cb70-118;
/// "Skype for Business Server Management Shell", sfb-facts §1). Scripts are English.
pub const fn shell_family(shell: PoolVersion) -> &'static str {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => super::facts::product::LYNC,
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => super::facts::product::SFB,
    }
}

/// The module a plain Windows PowerShell window imports for the shell's cmdlets.
pub const fn shell_module(shell: PoolVersion) -> &'static str {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => super::facts::product::LYNC_MODULE,
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => super::facts::product::SFB_MODULE,
    }
}

/// What the Edge Server answer means for the route (seed, 0cb70-111, 0cb70-112; facts §3), and
/// for Lync Server 2010 the update its push cmdlets need (facts §2).
pub fn edge_hint(t: &Strings, edge: EdgeServer) -> String {
    match edge {
        EdgeServer::Lync2013 => t.edge_hint_hosting.to_string(),
        EdgeServer::Lync2010 => t.edge_hint_lync2010.to_string(),
        EdgeServer::Ocs2007R2 => fill(t.edge_hint_direct, &[PUSH_DOMAIN]),
        EdgeServer::None => fill(t.edge_hint_none, &[PUSH_DOMAIN]),
        EdgeServer::Sfb2015 | EdgeServer::Sfb2019 | EdgeServer::SfbSe => t.edge_hint_sfb.to_string(),
    }
}

pub const fn client_label(t: &Strings, client: MobileClient) -> &'static str {
    match client {
        MobileClient::IosLync2010 => t.client_ios2010,
        MobileClient::IosLync2013 => t.client_ios2013,
        MobileClient::WpLync2010 => t.client_wp2010,
        MobileClient::WpLync2013 => t.client_wp2013,
        MobileClient::Android => t.client_android,
        MobileClient::Nokia => t.client_nokia,
        MobileClient::IosSfb => t.client_ios_sfb,
        MobileClient::AndroidSfb => t.client_android_sfb,
        MobileClient::WpSfb => t.client_wp_sfb,
    }
}

/// Short client names for the diagram's device boxes.
pub const fn client_short_label(t: &Strings, client: MobileClient) -> &'static str {
    match client {
        MobileClient::IosLync2010 => t.short_ios2010,
        MobileClient::IosLync2013 => t.short_ios2013,
        MobileClient::WpLync2010 => t.short_wp2010,
        MobileClient::WpLync2013 => t.short_wp2013,
        MobileClient::Android => t.short_android,
        MobileClient::Nokia => t.short_nokia,
        MobileClient::IosSfb => t.short_ios_sfb,
        MobileClient::AndroidSfb => t.short_android_sfb,
        MobileClient::WpSfb => t.short_wp_sfb,
    }
}

/// One line per client: does it need push, and the source that says so.
pub const fn need_reason(t: &Strings, need: Need, shell: PoolVersion) -> &'static str {
    match need {
        Need::Push(PushService::Apns) => t.need_apns,
        Need::Push(PushService::Mpns) => t.need_mpns,
        Need::NoLongerNeeded => t.need_no_longer,
        Need::RunsInBackground => t.need_background,
        // Only Apple's service is offered as a choice (sfb-facts §2); the sentence names the source.
        Need::PushByChoice(PushService::Apns | PushService::Mpns) => t.need_apns_by_choice,
        Need::NotOnMicrosoftsPage => t.need_not_on_page,
        Need::NoSwitch => t.need_no_switch,
        // Only Subscription Edition's sentence says that no page brings MCX back there.
        Need::CannotUsePool => match shell {
            PoolVersion::SfbSe => t.need_cannot_use_pool_se,
            PoolVersion::Lync2010 | PoolVersion::Lync2013 | PoolVersion::Sfb2015 | PoolVersion::Sfb2019 => {
                t.need_cannot_use_pool
            }
        },
    }
}

pub const fn services_label(t: &Strings, services: Services) -> &'static str {
    match (services.apns, services.mpns) {
        (true, true) => t.services_both,
        (true, false) => t.services_apns,
        (false, true) => t.services_mpns,
        (false, false) => t.services_none,
    }
}

/// Whether the shell is Lync Server's (the seed's sentences) or Skype for Business Server's.
const fn is_lync(shell: PoolVersion) -> bool {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => true,
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => false,
    }
}

/// The verdict in one sentence.
pub fn verdict_headline(t: &Strings, decision: &Decision) -> String {
    let services = services_label(t, decision.services);
    let shell = decision.shell();
    match decision.verdict {
        // sfb-facts §1: the Skype for Business page federates with "Skype for Business Online".
        Verdict::Configure { route: Route::HostingProvider } if is_lync(shell) => fill(t.verdict_hosting, &[services]),
        Verdict::Configure { route: Route::HostingProvider } => fill(t.verdict_hosting_sfb, &[services]),
        Verdict::Configure { route: Route::DirectFederation } => fill(t.verdict_direct, &[services, PUSH_DOMAIN]),
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen } => t.verdict_no_client.to_string(),
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush } => t.verdict_not_needed.to_string(),
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer } => fill(t.verdict_blocked, &[services, PUSH_DOMAIN]),
        Verdict::Blocked { because: BlockedBecause::Lync2010With2019 } => {
            fill(t.verdict_gap_2010_2019, &[services, pool_label(t, shell), edge_label(t, decision.edge)])
        }
        Verdict::Blocked { because: BlockedBecause::SubscriptionEditionWithLync } => {
            fill(t.verdict_gap_se_lync, &[services, pool_label(t, shell), edge_label(t, decision.edge)])
        }
        Verdict::Blocked { because: BlockedBecause::OcsEdgeWithSfbPool } => {
            fill(t.verdict_gap_ocs_sfb, &[services, pool_label(t, shell), edge_label(t, decision.edge)])
        }
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool } => {
            fill(t.verdict_cannot_use_pool, &[pool_label(t, shell)])
        }
        Verdict::NotRecommended { because: NotRecommendedBecause::OnlyRetiredMpns } => t.verdict_not_recommended.to_string(),
    }
}

/// What to do about the verdict.
pub fn verdict_advice(t: &Strings, decision: &Decision) -> String {
    let advice = match decision.verdict {
        Verdict::NotRecommended { because: NotRecommendedBecause::OnlyRetiredMpns } => {
            let advice = fill(t.advice_not_recommended, &[super::facts::FLAG_CONFIGURE_RETIRED_MPNS]);
            // Where Skype for Business on iOS is a client, its own opt-in is named too.
            return match decision.clients.iter().any(|c| c.need == Need::NotOnMicrosoftsPage) {
                true => format!("{advice} {}", fill(t.advice_apns_opt_in, &[super::facts::FLAG_APNS_FOR_SFB_IOS])),
                false => advice,
            };
        }
        Verdict::Configure { .. } => t.advice_configure,
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen } => t.advice_no_client,
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush } => t.advice_not_needed,
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer } if is_lync(decision.shell()) => t.advice_blocked,
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer } => t.advice_blocked_sfb,
        Verdict::Blocked {
            because: BlockedBecause::Lync2010With2019 | BlockedBecause::SubscriptionEditionWithLync | BlockedBecause::OcsEdgeWithSfbPool,
        } => t.advice_undocumented_mix,
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool } => t.advice_cannot_use_pool,
    };
    advice.to_string()
}

pub const fn host_label(t: &Strings, host: Host, shell: PoolVersion) -> &'static str {
    match host {
        Host::ManagementShell if is_lync(shell) => t.host_shell,
        Host::ManagementShell => t.host_shell_sfb,
        Host::OcsEdge => t.host_ocs,
    }
}

pub const fn role_label(t: &Strings, role: Role) -> &'static str {
    match role {
        Role::RtcUniversalServerAdmins => t.role_rtc,
        Role::CsAdministrator => t.role_cs,
        Role::EitherAdministrator => t.role_either,
    }
}


/// The runbook's title, with the shell's family (Lync Server or Skype for Business Server).
pub const fn runbook_title(t: &Strings, shell: PoolVersion) -> &'static str {
    if is_lync(shell) {
        t.runbook_title
    } else {
        t.runbook_title_sfb
    }
}

/// The version under the Mobility Service in the diagram: the one whose shell runs the steps
/// (`Decision::shell`), as the pool question shows it.
pub const fn mobility_label(t: &Strings, decision: &Decision) -> &'static str {
    pool_label(t, decision.shell())
}

/// The page a plan follows (`Plan::article`), in the reader's language.
pub fn article_url(t: &Strings, article: Article) -> String {
    fill(article.url_in(), &[t.learn_locale])
}

/// A step's source: its section on the page it follows, in the reader's language.
pub fn section_url(t: &Strings, section: SeedSection) -> String {
    format!("{}#{}", article_url(t, section.article()), section.anchor())
}

/// The service a new hosting provider federates with, as the page of the pool's version names
/// it (seed 0cb70-111: Lync Online; sfb-facts §1: Skype for Business Online). Scripts are English.
pub const fn provider_service(new: NewProvider) -> &'static str {
    match new {
        NewProvider::LyncOnline => super::facts::product::LYNC_ONLINE,
        NewProvider::SkypeOnline => super::facts::product::SFB_ONLINE,
    }
}

/// The day the rules were last checked against the seed, as a date (`2026-12-07`).
pub const fn rules_checked_on() -> &'static str {
    super::facts::RULES_CHECKED_ON
}
