//! The sentences about the rules, built from the language table (i18n.rs). Every function takes
//! the table to use; scripts and the CLI pass English, the page passes the reader's language.

use super::answers::{EdgeServer, MobileClient, PoolVersion};
use super::decision::{BlockedBecause, Decision, Need, NotNeededBecause, NotRecommendedBecause, PushService, Route, Services, Verdict};
use super::facts::{status_source, Article, SeedSection, APNS_WIFI_PORT, LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN, PUSH_PROXY_URI, ROLLBACK_FILE, SCRIPT_FILE};
use super::i18n::{fill, Strings};
use super::plan::{Action, Host, NewProvider, Note, Role, Scope, Trouble};

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

/// The scope as the cmdlets name it (`global`, `site:<name>`): the same in every language.
pub fn scope_label(scope: &Scope) -> String {
    match scope {
        Scope::Global => "global".into(),
        Scope::Site(name) => format!("site:{}", name.as_str()),
    }
}

pub fn step_title(t: &Strings, action: &Action) -> String {
    match action {
        Action::AddHostingProvider { existing: None, new_identity: NewProvider::LyncOnline } => {
            fill(t.title_add_provider, &[LYNC_ONLINE_PROXY_FQDN])
        }
        Action::AddHostingProvider { existing: None, new_identity: NewProvider::SkypeOnline } => {
            fill(t.title_add_provider_sfb, &[LYNC_ONLINE_PROXY_FQDN])
        }
        Action::AddHostingProvider { existing: Some(identity), .. } => {
            fill(t.title_check_provider, &[identity.as_str(), LYNC_ONLINE_PROXY_FQDN])
        }
        Action::AllowPushDomain => fill(t.title_allow_domain, &[PUSH_DOMAIN]),
        Action::FederateOcsEdge => fill(t.title_ocs, &[PUSH_DOMAIN]),
        Action::EnablePush { services, scope } => {
            fill(t.title_enable, &[services_label(t, *services), &scope_label(scope)])
        }
        Action::AllowFederatedUsers { .. } => t.title_federation.to_string(),
        Action::TestFederation { .. } => fill(t.title_test_federation, &[PUSH_DOMAIN]),
        Action::TestPush { .. } => t.title_test_push.to_string(),
    }
}

pub fn step_why(t: &Strings, action: &Action) -> String {
    match action {
        Action::AddHostingProvider { existing: None, new_identity: NewProvider::LyncOnline } => {
            fill(t.why_add_provider, &[LYNC_ONLINE_PROXY_FQDN])
        }
        Action::AddHostingProvider { existing: None, new_identity: new @ NewProvider::SkypeOnline } => {
            fill(t.why_add_provider_sfb, &[LYNC_ONLINE_PROXY_FQDN, new.identity()])
        }
        Action::AddHostingProvider { existing: Some(identity), .. } => {
            fill(t.why_check_provider, &[identity.as_str(), LYNC_ONLINE_PROXY_FQDN])
        }
        Action::AllowPushDomain => fill(t.why_allow_domain, &[PUSH_DOMAIN]),
        Action::FederateOcsEdge => fill(t.why_ocs, &[PUSH_DOMAIN, LYNC_ONLINE_PROXY_FQDN]),
        Action::EnablePush { services, scope } => {
            let which = match (services.apns, services.mpns) {
                (true, true) => t.which_both,
                (true, false) => t.which_apns,
                (false, true) => t.which_mpns,
                (false, false) => t.which_none,
            };
            let scope_text = match scope {
                Scope::Global => t.scope_global_text.to_string(),
                Scope::Site(name) => fill(t.scope_site_text, &[name.as_str()]),
            };
            fill(t.why_enable, &[which, &scope_text])
        }
        Action::AllowFederatedUsers { check_dns_srv_routing: true } => t.why_federation_srv.to_string(),
        // The OCS route: this setting governs Lync Server Edges; the OCS Edge keeps its own.
        Action::AllowFederatedUsers { check_dns_srv_routing: false } => format!("{} {}", t.why_federation, t.why_federation_ocs),
        Action::TestFederation { .. } => fill(t.why_test_federation, &[PUSH_DOMAIN, LYNC_ONLINE_PROXY_FQDN]),
        Action::TestPush { .. } => t.why_test_push.to_string(),
    }
}

/// What success looks like (the cmdlet's own output) and what failure looks like.
pub fn test_outcomes(t: &Strings, action: &Action) -> Option<(&'static str, String)> {
    match action {
        Action::TestFederation { domain_allowed_by_plan: true, .. } => {
            Some(("Result : Success", t.failure_federation.to_string()))
        }
        // Facts §2: the test needs push.lync.com on the Lync Server allowed list, which the OCS
        // 2007 R2 route does not add; hosting-provider and DNS SRV causes do not apply there.
        Action::TestFederation { domain_allowed_by_plan: false, .. } => {
            Some(("Result : Success", fill(t.failure_federation_ocs, &[PUSH_DOMAIN])))
        }
        Action::TestPush { .. } => Some(("Result : Success", fill(t.failure_push, &[PUSH_PROXY_URI]))),
        Action::AddHostingProvider { .. }
        | Action::AllowPushDomain
        | Action::FederateOcsEdge
        | Action::EnablePush { .. }
        | Action::AllowFederatedUsers { .. } => None,
    }
}

pub fn note_text(t: &Strings, note: Note, shell: PoolVersion) -> String {
    let lync = is_lync(shell);
    match note {
        Note::AppleWifiPort => fill(t.note_wifi, &[&APNS_WIFI_PORT.to_string()]),
        Note::DnsSrvRouting => t.note_srv.to_string(),
        Note::RunInternally if lync => t.note_internal.to_string(),
        Note::RunInternally => t.note_internal_sfb.to_string(),
        // The Lync sentence names the PowerShell of Lync Server 2010 and 2013; for Skype for
        // Business no reference file says which PowerShell each version runs, so both ways are
        // given without naming versions.
        Note::UnblockDownload if lync => fill(t.note_unblock, &[SCRIPT_FILE, ROLLBACK_FILE]),
        Note::UnblockDownload => fill(t.note_unblock_sfb, &[SCRIPT_FILE, ROLLBACK_FILE]),
        Note::LegacyEdgeMigration => t.note_legacy_edge.to_string(),
        Note::LyncPoolBehindSfbEdge => t.note_lync_pool_behind_sfb_edge.to_string(),
        Note::OlderPoolBehind2019Edge => t.note_older_pool_behind_2019.to_string(),
        Note::Lync2010EdgeFor2015 => t.note_lync2010_edge_for_2015.to_string(),
        Note::SubscriptionEditionInferred => t.note_se_inferred.to_string(),
        Note::HybridLater => fill(t.note_hybrid_later, &[LYNC_ONLINE_PROXY_FQDN]),
        Note::ApnsByChoice => fill(t.note_apns_by_choice, &[super::facts::SFB_IOS_PUSH_REPORT]),
        Note::RetiredMpnsByChoice => t.note_retired_mpns_by_choice.to_string(),
        Note::NoPushTest => fill(t.note_no_push_test, &[pool_label(t, shell), PUSH_DOMAIN]),
    }
}

/// Starting the shell of the version that runs the steps (`Decision::shell`), as Microsoft's
/// pages write it, with the menu's labels as the reader's edition of Windows shows them.
/// Seed 0cb70-119/138/145: "Microsoft Lync Server 2013"; Lync Server 2010's folder is "Microsoft
/// Lync Server 2010" (sfb-facts §6, Dn466115); Skype for Business Server 2015's "Skype for
/// Business 2015" (configure-call-park-settings.md) and 2019's "Microsoft Skype for Business
/// Server 2019" (configure-the-meeting-join-page.md). No page gives one for Subscription
/// Edition; the mobility page says "you can use Search to find it".
pub fn start_shell_step(t: &Strings, shell: PoolVersion) -> String {
    let (sentence, folder, name) = match shell {
        PoolVersion::Lync2010 => (t.start_shell, "Microsoft Lync Server 2010", t.shell_name),
        PoolVersion::Lync2013 => (t.start_shell, "Microsoft Lync Server 2013", t.shell_name),
        PoolVersion::Sfb2015 => (t.start_shell_sfb, t.menu_sfb2015, t.shell_name_sfb),
        PoolVersion::Sfb2019 => (t.start_shell_sfb, t.menu_sfb2019, t.shell_name_sfb),
        PoolVersion::SfbSe => return t.start_shell_search.to_string(),
    };
    let path: Vec<String> =
        [t.menu_start, t.menu_all_programs, folder, name].iter().map(|item| fill(t.menu_item, &[item])).collect();
    fill(sentence, &[&path.join(t.start_shell_separator)])
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
pub fn rules_checked_on() -> String {
    super::facts::RULES_VERSION.replace('.', "-")
}

/// The OCS 2007 R2 GUI procedure (seed, 0cb70-128 … 0cb70-135), with the labels as on screen.
pub fn ocs_edge_gui_steps(t: &Strings) -> Vec<String> {
    vec![
        t.gui_logon.into(),
        t.gui_open.into(),
        t.gui_properties.into(),
        t.gui_allow.into(),
        fill(t.gui_domain, &[PUSH_DOMAIN]),
        fill(t.gui_edge, &[LYNC_ONLINE_PROXY_FQDN]),
        t.gui_ok.into(),
    ]
}

/// Undoing the OCS 2007 R2 GUI step: the same dialog, removing the partner it added.
pub fn ocs_edge_undo_steps(t: &Strings) -> Vec<String> {
    vec![t.gui_logon.into(), t.undo_open.into(), fill(t.undo_remove, &[PUSH_DOMAIN])]
}

/// A known failure: what the admin sees, why, and a read-only command that shows whether this is
/// the cause (the same in every language: it is what the admin types).
pub struct TroubleText {
    pub symptom: &'static str,
    pub cause: String,
    pub check: &'static str,
    /// Where the check runs, when that is not where the step runs.
    pub check_where: Option<&'static str>,
}

pub fn trouble_text(t: &Strings, trouble: Trouble) -> TroubleText {
    use super::facts::check;
    let (symptom, cause, check) = match trouble {
        Trouble::DomainNotAllowed => (t.trouble_domain_symptom, t.trouble_domain_cause, check::DOMAIN_ALLOWED),
        Trouble::FederationOff => (t.trouble_federation_symptom, t.trouble_federation_cause, check::FEDERATION),
        Trouble::DefaultRouting => (t.trouble_routing_symptom, t.trouble_routing_cause, check::ROUTING),
        Trouble::DuplicateProvider => (t.trouble_duplicate_symptom, t.trouble_duplicate_cause, check::PROVIDER_FOR_LYNC_ONLINE),
        Trouble::PushTimeout => (t.trouble_timeout_symptom, t.trouble_timeout_cause, check::PUSH_PROXY_URI),
        Trouble::PushRejected => (t.trouble_rejected_symptom, t.trouble_rejected_cause, check::IM_FILTER_PREFIXES),
        Trouble::SiteOverride => (t.trouble_site_symptom, t.trouble_site_cause, check::SITE_PUSH_SETTINGS),
        Trouble::CertificateChain => (t.trouble_certificate_symptom, t.trouble_certificate_cause, check::CLEARINGHOUSE_ROOT_TRUSTED),
        Trouble::ExternalFqdn => (t.trouble_external_symptom, t.trouble_external_cause, check::EDGE_POOL_FQDN),
    };
    // §4.5: the certificate store that must trust the root is the Edge Server's own.
    let check_where = match trouble {
        Trouble::CertificateChain => Some(t.check_on_edge),
        Trouble::DomainNotAllowed
        | Trouble::ExternalFqdn
        | Trouble::FederationOff
        | Trouble::DefaultRouting
        | Trouble::DuplicateProvider
        | Trouble::PushTimeout
        | Trouble::PushRejected
        | Trouble::SiteOverride => None,
    };
    // The clearinghouse address is stated from facts.rs, so the text cannot drift from it.
    TroubleText { symptom, cause: fill(cause, &[PUSH_PROXY_URI]), check, check_where }
}


/// A status fact (plan::StatusFact): the sentence, and the title and address of the Microsoft
/// page that states it.
pub struct StatusText {
    pub text: String,
    pub source: String,
    pub url: String,
}

/// `push_test`: whether the plan ends with the push test (`Plan::push_test_said`); without one,
/// the MPNS and relay facts say what the remaining test can and cannot show (sfb-facts §4);
/// `None`, nothing is configured, and no test is pointed at.
pub fn status_text(t: &Strings, fact: super::plan::StatusFact, push_test: Option<bool>) -> StatusText {
    use super::plan::StatusFact;
    let (text, source, url) = match fact {
        StatusFact::Lync2013SupportEnded => (
            t.status_lync2013.to_string(),
            fill(t.source_lifecycle, &["Microsoft Lync Server 2013"]),
            status_source::LIFECYCLE_LYNC_2013,
        ),
        StatusFact::Ocs2007R2SupportEnded => (
            t.status_ocs.to_string(),
            t.source_ocs_docs.to_string(),
            status_source::OCS_2007_R2_END,
        ),
        StatusFact::Lync2010SupportEnded => (
            t.status_lync2010.to_string(),
            fill(t.source_lifecycle, &["Microsoft Lync Server 2010"]),
            status_source::LIFECYCLE_LYNC_2010,
        ),
        StatusFact::Lync2010PoolSupportEnded => (
            t.status_lync2010_pool.to_string(),
            fill(t.source_lifecycle, &["Microsoft Lync Server 2010"]),
            status_source::LIFECYCLE_LYNC_2010,
        ),
        StatusFact::Sfb2015SupportEnded => (
            t.status_sfb2015.to_string(),
            fill(t.source_lifecycle, &[t.product_sfb2015]),
            status_source::LIFECYCLE_SFB_2015,
        ),
        StatusFact::Sfb2019SupportEnded => (
            t.status_sfb2019.to_string(),
            fill(t.source_lifecycle, &[t.product_sfb2019]),
            status_source::LIFECYCLE_SFB_2019,
        ),
        StatusFact::SfbSeSupported => {
            (t.status_sfbse.to_string(), t.source_modern_lifecycle.to_string(), status_source::MODERN_LIFECYCLE)
        }
        StatusFact::MpnsRetired => (
            fill(t.status_mpns, &[match push_test {
                Some(true) => t.status_mpns_push_test,
                Some(false) => t.status_mpns_no_push_test,
                None => "",
            }])
            .trim_end()
            .to_string(),
            t.source_mpns.to_string(),
            status_source::MPNS_DEPRECATED,
        ),
        StatusFact::RelayUnconfirmed => (
            fill(
                t.status_relay,
                &[
                    PUSH_DOMAIN,
                    LYNC_ONLINE_PROXY_FQDN,
                    &if push_test == Some(true) { t.status_relay_push_test.to_string() } else { fill(t.status_relay_no_push_test, &[PUSH_DOMAIN]) },
                ],
            ),
            t.source_sfbo_retirement.to_string(),
            status_source::SFBO_RETIREMENT,
        ),
    };
    StatusText { text, source, url: fill(url, &[t.learn_locale]) }
}

/// A status fact and its source on one line, e.g. "... (Source: title, https://...)". In English
/// it is ASCII, so a script can carry it as a comment.
pub fn status_line(t: &Strings, fact: super::plan::StatusFact, push_test: Option<bool>) -> String {
    let status = status_text(t, fact, push_test);
    fill(t.status_with_source, &[&status.text, &fill(t.source_and_url, &[&status.source, &status.url])])
}

#[cfg(test)]
mod status_tests {
    use super::*;
    use crate::core::i18n::{EN, ZH_TW};
    use crate::core::plan::StatusFact;

    #[test]
    fn status_lines_name_their_source_and_english_is_ascii() {
        for &fact in StatusFact::ALL {
            for push_test in [Some(true), Some(false), None] {
                let line = status_line(&EN, fact, push_test);
                assert!(line.is_ascii(), "{fact:?}: {line}");
                assert!(!line.contains('\n'), "{fact:?}: one line");
                assert!(line.contains("(Source: ") && line.contains("https://learn.microsoft.com/en-us/"), "{line}");
                assert!(!line.contains('{'), "{fact:?}: every value filled in: {line}");
                let zh = status_text(&ZH_TW, fact, push_test);
                assert!(zh.url.starts_with("https://learn.microsoft.com/zh-tw/"), "{}", zh.url);
                assert!(!zh.text.contains('{'), "{fact:?}: {}", zh.text);
            }
        }
        assert!(status_text(&EN, StatusFact::Lync2013SupportEnded, Some(true)).text.contains("11 April 2023"));
        assert!(status_text(&EN, StatusFact::Lync2010SupportEnded, Some(true)).text.contains("13 April 2021"));
        assert!(status_text(&EN, StatusFact::RelayUnconfirmed, Some(true)).text.contains("push.lync.com, through sipfed.online.lync.com"));
        // Where no push test is offered, no fact points at one.
        for fact in [StatusFact::MpnsRetired, StatusFact::RelayUnconfirmed] {
            for push_test in [Some(false), None] {
                let text = status_text(&EN, fact, push_test).text;
                assert!(!text.contains("push test at the end") && !text.contains("tests at the end"), "{text}");
            }
        }
    }
}
