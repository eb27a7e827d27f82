//! The commands a step runs, as a person would type them, and the lookups the scripts share.

use crate::core::decision::Services;
use crate::core::facts::{cmdlet, LYNC_ONLINE_PROXY_FQDN, NEW_PROVIDER_IDENTITY, PROVIDER_VERIFICATION_LEVEL, PUSH_DOMAIN};
use crate::core::plan::{Action, Scope};

use super::quote::quote;

/// The command a step runs, as the seed writes it (names, values and order), or `None` for a step
/// done by hand. User values enter only through `quote`.
pub fn seed_command(action: &Action) -> Option<String> {
    match action {
        // Facts §2: the duplicate check Microsoft's hybrid docs use; nothing is added.
        Action::AddHostingProvider { existing: Some(_) } => Some(provider_lookup()),
        // Seed 0cb70-122, verbatim.
        Action::AddHostingProvider { existing: None } => Some(format!(
            "{} -Identity \"{NEW_PROVIDER_IDENTITY}\" -Enabled $True -ProxyFqdn \"{LYNC_ONLINE_PROXY_FQDN}\" -VerificationLevel {PROVIDER_VERIFICATION_LEVEL}",
            cmdlet::NEW_HOSTING_PROVIDER
        )),
        // Seed 0cb70-126, verbatim.
        Action::AllowPushDomain => Some(format!("{} -Identity \"{PUSH_DOMAIN}\"", cmdlet::NEW_ALLOWED_DOMAIN)),
        Action::FederateOcsEdge => None,
        // Seed 0cb70-140, with only the services needed; a site scope adds -Identity (facts §2).
        Action::EnablePush { services, scope } => {
            let identity = match scope {
                Scope::Global => String::new(),
                Scope::Site(_) => " -Identity $siteIdentity".to_string(),
            };
            Some(format!("{}{identity}{}", cmdlet::SET_PUSH_CONFIGURATION, switches(*services)))
        }
        // Seed 0cb70-142, verbatim.
        Action::AllowFederatedUsers { .. } => {
            Some(format!("{} -AllowFederatedUsers $True", cmdlet::SET_ACCESS_EDGE_CONFIGURATION))
        }
        // Seed 0cb70-148, with your Access Edge FQDN.
        Action::TestFederation { access_edge } => Some(format!(
            "{} -TargetFqdn {} -Domain {PUSH_DOMAIN} -ProxyFqdn {LYNC_ONLINE_PROXY_FQDN}",
            cmdlet::TEST_FEDERATED_PARTNER,
            quote(access_edge.as_str())
        )),
        // Seed 0cb70-151, with your Access Edge FQDN.
        Action::TestPush { access_edge } => Some(format!(
            "{} -AccessEdgeFqdn {}",
            cmdlet::TEST_MCX_PUSH_NOTIFICATION,
            quote(access_edge.as_str())
        )),
    }
}

pub(in crate::core::render) fn provider_lookup() -> String {
    format!("{} | Where-Object {{ $_.ProxyFqdn -eq \"{LYNC_ONLINE_PROXY_FQDN}\" }}", cmdlet::GET_HOSTING_PROVIDER)
}

/// The hosting provider the configuration script may have created, by its Identity.
pub(in crate::core::render) fn provider_lookup_by_identity() -> String {
    format!("{} | Where-Object {{ [string]$_.Identity -eq \"{NEW_PROVIDER_IDENTITY}\" }}", cmdlet::GET_HOSTING_PROVIDER)
}

/// `-Enable…Service $True` for each needed service; an unneeded one is left out, never `$False`.
pub(super) fn switches(services: Services) -> String {
    let mut text = String::new();
    if services.apns {
        text.push_str(" -EnableApplePushNotificationService $True");
    }
    if services.mpns {
        text.push_str(" -EnableMicrosoftPushNotificationService $True");
    }
    text
}

/// PowerShell condition that is true when every needed switch of `$variable` is already on.
pub(super) fn switches_on(variable: &str, services: Services) -> String {
    let mut checks = Vec::new();
    if services.apns {
        checks.push(format!("{variable}.EnableApplePushNotificationService"));
    }
    if services.mpns {
        checks.push(format!("{variable}.EnableMicrosoftPushNotificationService"));
    }
    checks.join(" -and ")
}

