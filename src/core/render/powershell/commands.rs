//! The commands a step runs, as a person would type them, and the lookups the scripts share.

use crate::core::decision::Services;
use crate::core::facts::{cmdlet, LYNC_ONLINE_PROXY_FQDN, PROVIDER_VERIFICATION_LEVEL, PUSH_DOMAIN};
use crate::core::i18n::fill;
use crate::core::plan::{Action, Scope};
use crate::core::validate::Fqdn;

use super::quote::quote;

/// A command as a person types it into a fresh shell, and the situation it is for when a step
/// needs one of two forms. Every value in it is literal: nothing depends on a script's variables.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TypedCommand {
    pub when: Option<String>,
    pub command: String,
}

/// The words for the situations a two-form step's commands are for, handed over by the view
/// (which reads the sentence table): a site's push settings are created with New- and changed
/// with Set- (facts §2). `{0}` is the settings' Identity, `site:<name>`.
pub struct When<'a> {
    pub site_settings_missing: &'a str,
    pub site_settings_exist: &'a str,
}

impl TypedCommand {
    fn always(command: String) -> Vec<TypedCommand> {
        vec![TypedCommand { when: None, command }]
    }
}

/// The commands a step runs, as the seed writes them (names, values and order); empty for a step
/// done by hand. User values enter only through `quote`.
pub fn commands_to_type(action: &Action, when: &When) -> Vec<TypedCommand> {
    match action {
        // Facts §2: the duplicate check Microsoft's hybrid docs use; nothing is added.
        Action::AddHostingProvider { existing: Some(_), .. } => TypedCommand::always(provider_lookup()),
        Action::AddHostingProvider { existing: None, new_identity } => {
            TypedCommand::always(new_hosting_provider(new_identity.identity()))
        }
        Action::AllowPushDomain => TypedCommand::always(new_allowed_domain()),
        Action::FederateOcsEdge => Vec::new(),
        // Seed 0cb70-140, with only the services needed.
        Action::EnablePush { services, scope: Scope::Global } => {
            TypedCommand::always(format!("{}{}", cmdlet::SET_PUSH_CONFIGURATION, switches(*services)))
        }
        // Facts §2: a site's settings are created with New- (which fails if they exist) and
        // changed with Set- (which fails if they do not); a service the site's clients do not
        // need gets a copy of today's global value, as the script gives it.
        Action::EnablePush { services, scope: Scope::Site(name) } => {
            let identity = quote(&format!("site:{}", name.as_str()));
            let mut create = format!("{} -Identity {identity}{}", cmdlet::NEW_PUSH_CONFIGURATION, switches(*services));
            for (needed, switch) in [(services.apns, APPLE_SWITCH), (services.mpns, MICROSOFT_SWITCH)] {
                if !needed {
                    create.push_str(&format!(" -{switch} ({} -Identity global).{switch}", cmdlet::GET_PUSH_CONFIGURATION));
                }
            }
            let site = format!("site:{}", name.as_str());
            vec![
                TypedCommand { when: Some(fill(when.site_settings_missing, &[&site])), command: create },
                TypedCommand {
                    when: Some(fill(when.site_settings_exist, &[&site])),
                    command: format!("{} -Identity {identity}{}", cmdlet::SET_PUSH_CONFIGURATION, switches(*services)),
                },
            ]
        }
        // Seed 0cb70-142, verbatim.
        Action::AllowFederatedUsers { .. } => {
            TypedCommand::always(format!("{} -AllowFederatedUsers $True", cmdlet::SET_ACCESS_EDGE_CONFIGURATION))
        }
        // Seed 0cb70-148, with your Access Edge FQDN.
        Action::TestFederation { access_edge, .. } => TypedCommand::always(test_federation(access_edge)),
        // Seed 0cb70-151, with your Access Edge FQDN.
        Action::TestPush { access_edge } => TypedCommand::always(test_push(access_edge)),
    }
}

/// Seed 0cb70-122; the Skype for Business page's only with its own example Identity
/// (sfb-facts §1; it spells the parameter `-ProxyFQDN`, and PowerShell ignores case). The seed
/// leaves out -EnabledSharedAddressSpace and -HostsOCSUsers, but New-CsHostingProvider.md marks
/// both "Required: True", and the shell prompts for a missing one: a script cannot answer. Both
/// are given their documented default, False (no split domain), so nothing else changes.
pub(in crate::core::render) fn new_hosting_provider(identity: &str) -> String {
    format!(
        "{} -Identity \"{identity}\" -Enabled $True -ProxyFqdn \"{LYNC_ONLINE_PROXY_FQDN}\" -VerificationLevel {PROVIDER_VERIFICATION_LEVEL} -EnabledSharedAddressSpace $False -HostsOCSUsers $False",
        cmdlet::NEW_HOSTING_PROVIDER
    )
}

/// Seed 0cb70-126, verbatim.
pub(in crate::core::render) fn new_allowed_domain() -> String {
    format!("{} -Identity \"{PUSH_DOMAIN}\"", cmdlet::NEW_ALLOWED_DOMAIN)
}

/// `Get-CsAllowedDomain | Where-Object …` for push.lync.com (or the blocked list's twin).
pub(in crate::core::render) fn domain_lookup(get_cmdlet: &str) -> String {
    format!("{get_cmdlet} | Where-Object {{ $_.Domain -eq \"{PUSH_DOMAIN}\" }}")
}

pub(in crate::core::render) fn test_federation(access_edge: &Fqdn) -> String {
    format!(
        "{} -TargetFqdn {} -Domain {PUSH_DOMAIN} -ProxyFqdn {LYNC_ONLINE_PROXY_FQDN}",
        cmdlet::TEST_FEDERATED_PARTNER,
        quote(access_edge.as_str())
    )
}

pub(in crate::core::render) fn test_push(access_edge: &Fqdn) -> String {
    format!("{} -AccessEdgeFqdn {}", cmdlet::TEST_MCX_PUSH_NOTIFICATION, quote(access_edge.as_str()))
}

pub(in crate::core::render) use crate::core::facts::{APPLE_SWITCH, MICROSOFT_SWITCH};

pub(in crate::core::render) fn provider_lookup() -> String {
    format!("{} | Where-Object {{ $_.ProxyFqdn -eq \"{LYNC_ONLINE_PROXY_FQDN}\" }}", cmdlet::GET_HOSTING_PROVIDER)
}

/// The hosting provider the configuration script may have created, by its Identity.
pub(in crate::core::render) fn provider_lookup_by_identity(identity: &str) -> String {
    format!("{} | Where-Object {{ [string]$_.Identity -eq \"{identity}\" }}", cmdlet::GET_HOSTING_PROVIDER)
}

/// `-Enable…Service $True` for each needed service; an unneeded one is left out, never `$False`.
pub(super) fn switches(services: Services) -> String {
    let mut text = String::new();
    if services.apns {
        text.push_str(&format!(" -{APPLE_SWITCH} $True"));
    }
    if services.mpns {
        text.push_str(&format!(" -{MICROSOFT_SWITCH} $True"));
    }
    text
}

/// PowerShell condition that is true when every needed switch of `$variable` is already on.
pub(super) fn switches_on(variable: &str, services: Services) -> String {
    let mut checks = Vec::new();
    if services.apns {
        checks.push(format!("{variable}.{APPLE_SWITCH}"));
    }
    if services.mpns {
        checks.push(format!("{variable}.{MICROSOFT_SWITCH}"));
    }
    checks.join(" -and ")
}

