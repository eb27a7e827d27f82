//! The sentences about the steps: titles, reasons, the tests' outcomes, the GUI procedure, and
//! the known failures with what to check.

use crate::core::facts::{LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN, PUSH_PROXY_URI};
use crate::core::i18n::{fill, Strings};
use crate::core::plan::{Action, NewProvider, Scope, Trouble};

use super::services_label;

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
    use crate::core::facts::check;
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


