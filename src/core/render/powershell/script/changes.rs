//! The changes: each guarded by a check, each earlier value recorded before it changes, so a
//! second run changes nothing and the rollback knows what to undo.

use crate::core::decision::Services;
use crate::core::facts::{cmdlet, FEDERATION_SWITCH, LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN};
use crate::core::plan::Scope;
use crate::core::render::powershell::commands::{new_allowed_domain, new_hosting_provider, switches, switches_on, APPLE_SWITCH, MICROSOFT_SWITCH};
use crate::core::render::powershell::frame::record;
use crate::core::render::powershell::marks;
use crate::core::run_report::{ItemKind, Warning};
use crate::core::render::powershell::quote::quote;
use crate::core::render::powershell::writer::Writer;
use crate::core::validate::Name;

use super::preflight::read_routing;

/// Seed note 0cb70-123/124: never a second hosting provider for sipfed.online.lync.com. The
/// pre-flight has looked the provider up.
pub(super) fn hosting_provider(out: &mut Writer, existing: Option<&Name>, new_identity: &str) {
    match existing {
        Some(identity) => {
            out.template(
                r#"
                if ([string]$provider[0].Identity -ne {0}) {
                    Write-Warning ('The hosting provider for {1} is ' + $provider[0].Identity + {2})
                    {3}
                }
                "#,
                &[
                    &quote(identity.as_str()),
                    LYNC_ONLINE_PROXY_FQDN,
                    &quote(&format!(", not {}; it serves push all the same.", identity.as_str())),
                    &marks::warning(Warning::ProviderOtherIdentity, "$provider[0].Identity"),
                ],
            );
            provider_found(out);
        }
        None => {
            out.open("if ($provider.Count -gt 0)");
            provider_found(out);
            out.reopen("else");
            remember_created(out, record::CREATED_PROVIDER, new_identity);
            out.line(&new_hosting_provider(new_identity));
            out.say(&format!("  Done: added hosting provider {new_identity} for {LYNC_ONLINE_PROXY_FQDN}."));
            out.line(&marks::created(ItemKind::Provider, &quote(new_identity)));
            out.close();
        }
    }
}

/// A provider that is there already is never changed; a disabled one gets the command that
/// enables it, with its Identity (Set-CsHostingProvider needs it).
fn provider_found(out: &mut Writer) {
    out.template(
        r#"
        Write-Host ('  Skipped: hosting provider ' + $provider[0].Identity + ' already federates with {0}, and only one may.')
        if (-not $provider[0].Enabled) {
            Write-Warning ('Hosting provider ' + $provider[0].Identity + ' is disabled, and push needs it enabled. This script leaves it as it is; to enable it, run: Set-CsHostingProvider -Identity ''' + $provider[0].Identity + ''' -Enabled $True')
            {1}
        }
        "#,
        &[LYNC_ONLINE_PROXY_FQDN, &marks::warning(Warning::ProviderDisabled, "$provider[0].Identity")],
    );
}

pub(super) fn allowed_domain(out: &mut Writer) {
    out.open("if ($allowed.Count -gt 0)");
    out.say(&format!("  Skipped: {PUSH_DOMAIN} is already an allowed domain."));
    out.reopen("else");
    remember_created(out, record::CREATED_DOMAIN, PUSH_DOMAIN);
    out.line(&new_allowed_domain());
    out.say(&format!("  Done: added {PUSH_DOMAIN} to the allowed domains."));
    out.line(&marks::created(ItemKind::AllowedDomain, &quote(PUSH_DOMAIN)));
    out.close();
}

/// Records, before the change, that this script is about to create something, so the rollback
/// may remove it (it checks that it is there first).
fn remember_created(out: &mut Writer, key: &str, value: &str) {
    out.line(&format!("$record['{key}'] = \"{value}\""));
    before_change(out);
}

/// Right before a change: the time before this run's first change goes into the record (a
/// re-run that changes nothing still waits for it), and the record is saved.
fn before_change(out: &mut Writer) {
    out.open("if (-not $changeStart)");
    out.line("$changeStart = Get-Date");
    out.line(&format!("$record['{}'] = $changeStart", record::CHANGE_START));
    out.close();
    out.line(record::SAVE);
}

/// The push switches a scope needs turned on. The first earlier values of a scope are kept
/// (a second run does not overwrite them), and each switch this script turns on is marked, so
/// the rollback turns off only those.
pub(super) fn enable_push(out: &mut Writer, services: Services, scope: &Scope) {
    let all_on = |variable: &str| switches_on(variable, services);
    match scope {
        Scope::Global => {
            out.line(&format!("$push = {} -Identity Global", cmdlet::GET_PUSH_CONFIGURATION));
            out.open(&format!("if ({})", all_on("$push")));
            out.say("  Skipped: already on in the global settings.");
            out.reopen("else");
            remember_switches(out, "'Global'", "$push", services);
            out.line(&format!("{}{}", cmdlet::SET_PUSH_CONFIGURATION, switches(services)));
            out.say("  Done: turned on in the global settings.");
            switches_marked(out, "'Global'", "$push", services);
            out.close();
            out.comment("Site settings override the global ones for that site (Microsoft's help for New-CsPushNotificationConfiguration).");
            out.template(
                r#"
                foreach ($site in @({0} -Filter "site:*")) {
                    if (-not ({1})) {
                        Write-Warning ('Settings ' + $site.Identity + ' override global and keep a needed service off: users of that site get no push there.')
                        {2}
                    }
                }
                "#,
                &[cmdlet::GET_PUSH_CONFIGURATION, &all_on("$site"), &marks::warning(Warning::SiteOverridesGlobal, "$site.Identity")],
            );
        }
        Scope::Site(name) => {
            out.line(&format!("$siteIdentity = {}", quote(&format!("site:{}", name.as_str()))));
            out.line(&format!(
                "$push = @({} -Filter \"site:*\" | Where-Object {{ [string]$_.Identity -eq $siteIdentity }})",
                cmdlet::GET_PUSH_CONFIGURATION
            ));
            out.open("if ($push.Count -eq 0)");
            create_site_settings(out, services);
            out.reopen(&format!("elseif ({})", all_on("$push[0]")));
            out.line("Write-Host ('  Skipped: already on in ' + $siteIdentity + '.')");
            out.reopen("else");
            remember_switches(out, "$siteIdentity", "$push[0]", services);
            out.line(&format!("{} -Identity $siteIdentity{}", cmdlet::SET_PUSH_CONFIGURATION, switches(services)));
            out.line("Write-Host ('  Done: turned on in ' + $siteIdentity + '.')");
            switches_marked(out, "$siteIdentity", "$push[0]", services);
            out.close();
        }
    }
}

/// New site settings override global there, so a service the site's clients do not need gets a
/// copy of today's global value (later changes to global do not reach the site).
fn create_site_settings(out: &mut Writer, services: Services) {
    let mut create = format!("{} -Identity $siteIdentity{}", cmdlet::NEW_PUSH_CONFIGURATION, switches(services));
    let mut created = Vec::new();
    if !services.apns || !services.mpns {
        out.comment("A service these clients do not need gets a copy of today's global value.");
        out.line(&format!("$globalPush = {} -Identity Global", cmdlet::GET_PUSH_CONFIGURATION));
    }
    for (needed, switch, key) in [(services.apns, APPLE_SWITCH, "AppleSet"), (services.mpns, MICROSOFT_SWITCH, "MicrosoftSet")] {
        if needed {
            created.push(format!("{key} = $true"));
        } else {
            create.push_str(&format!(" -{switch} $globalPush.{switch}"));
            created.push(format!("{key} = [bool]$globalPush.{switch}"));
        }
    }
    out.line(&format!("$record['{}'][$siteIdentity] = @{{ Existed = $false; {} }}", record::PUSH_SETTINGS, created.join("; ")));
    before_change(out);
    out.line(&create);
    if services.apns && services.mpns {
        out.line("Write-Host ('  Done: created ' + $siteIdentity + ' with push turned on.')");
    } else {
        out.line("Write-Host ('  Done: created ' + $siteIdentity + ' with push turned on. The service these clients do not need keeps a copy of today''s global value there: later changes to global do not reach this site.')");
    }
    out.line(&marks::created(ItemKind::PushSettings, "$siteIdentity"));
}

/// Before a `Set-`: the scope's first earlier values, once, and a mark on each switch this run
/// turns on; then the record is saved.
fn remember_switches(out: &mut Writer, identity: &str, variable: &str, services: Services) {
    let entry = format!("$record['{}'][{identity}]", record::PUSH_SETTINGS);
    out.template(
        r#"
        if (-not $record['{0}'].ContainsKey({1})) {
            {2} = @{ Existed = $true; AppleBefore = [bool]{3}.{4}; MicrosoftBefore = [bool]{3}.{5}; AppleSet = $null; MicrosoftSet = $null }
        }
        "#,
        &[record::PUSH_SETTINGS, identity, &entry, variable, APPLE_SWITCH, MICROSOFT_SWITCH],
    );
    for (needed, switch, key) in [(services.apns, APPLE_SWITCH, "AppleSet"), (services.mpns, MICROSOFT_SWITCH, "MicrosoftSet")] {
        if needed {
            out.open(&format!("if (-not {variable}.{switch})"));
            out.line(&format!("{entry}['{key}'] = $true"));
            out.close();
        }
    }
    before_change(out);
}

/// Seed Enable step 4, with what it means for the whole organisation said before the change
/// (facts §2: federation is all-or-nothing; partner discovery opens it to any domain).
/// `EnablePartnerDiscovery` exists only on an Access Edge with DNS SRV routing (lync-objects §4),
/// so it is read only there; the hosting-provider route has checked the routing in the pre-flight.
pub(super) fn federation(out: &mut Writer) {
    out.line(&format!("$accessEdge = {}", cmdlet::GET_ACCESS_EDGE_CONFIGURATION));
    read_routing(out);
    out.open("if ($routing -like '*DnsSrvRouting')");
    out.line("Write-Host ('  Partner discovery (EnablePartnerDiscovery): ' + $accessEdge.EnablePartnerDiscovery)");
    out.close();
    // Federation applies only where an external access policy allows it too ("you must
    // configure federation support on both pages", manage-access-edge-configuration-for-your-
    // organization.md), so the policies are shown beside it.
    out.template(
        r#"
        foreach ($policy in @({0})) {
            Write-Host ('  External access policy ' + $policy.Identity + ', EnableFederationAccess: ' + $policy.EnableFederationAccess)
        }
        "#,
        &[cmdlet::GET_EXTERNAL_ACCESS_POLICY],
    );
    out.open("if ($accessEdge.AllowFederatedUsers)");
    out.say("  Skipped: the Access Edge already allows federated users.");
    out.reopen("else");
    out.template(
        r#"
        Write-Host '  This is organisation-wide: every internal user can then talk to users of every allowed federated domain, and of any domain while partner discovery is on.'
        if (-not $record.ContainsKey('{0}')) {
            $record['{0}'] = [bool]$accessEdge.AllowFederatedUsers
        }
        "#,
        &[record::FEDERATION_BEFORE],
    );
    before_change(out);
    out.line(&format!("{} -AllowFederatedUsers $True", cmdlet::SET_ACCESS_EDGE_CONFIGURATION));
    out.say("  Done: the Access Edge now allows federated users.");
    out.line(&marks::set(ItemKind::AccessEdge, "'Global'", FEDERATION_SWITCH, "[bool]$accessEdge.AllowFederatedUsers", "$true"));
    out.close();
}

/// After a `Set-`: a mark for each switch it turned on, from the value read before it.
fn switches_marked(out: &mut Writer, identity: &str, variable: &str, services: Services) {
    for (needed, switch) in [(services.apns, APPLE_SWITCH), (services.mpns, MICROSOFT_SWITCH)] {
        if needed {
            out.open(&format!("if (-not {variable}.{switch})"));
            out.line(&marks::set(ItemKind::PushSettings, identity, switch, &format!("[bool]{variable}.{switch}"), "$true"));
            out.close();
        }
    }
}
