//! The pre-flight: everything that would make a step fail halfway, and the undo record, checked
//! before the first change.

use crate::core::render::powershell::marks;
use crate::core::run_report::Warning;
use crate::core::facts::{cmdlet, LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN};
use crate::core::plan::{Action, Scope};
use crate::core::render::powershell::commands::{domain_lookup, provider_lookup, provider_lookup_by_identity};
use crate::core::render::powershell::frame::record;
use crate::core::render::powershell::quote::quote;
use crate::core::render::powershell::writer::Writer;
use crate::core::render::view::{provider_service, ScriptView};

/// What would make a step fail halfway, checked before the first change (seed 0cb70-123/124:
/// one hosting provider for sipfed.online.lync.com; facts §2: a blocked domain cannot be allowed).
pub(super) fn preflight_blockers(out: &mut Writer, view: &ScriptView) {
    for step in view.script_steps() {
        match &step.step.action {
            Action::AddHostingProvider { existing, new_identity } => {
                let service = provider_service(*new_identity);
                let new_identity = new_identity.identity();
                out.line(&format!("$provider = @({})", provider_lookup()));
                match existing {
                    Some(identity) => out.template(
                        r#"
                        if ($provider.Count -eq 0) {
                            throw {0}
                        }
                        "#,
                        &[&quote(&format!(
                            "No hosting provider federates with {LYNC_ONLINE_PROXY_FQDN}, but the answers say {} does. Check that this is the right deployment, then answer the wizard again. Nothing was changed.",
                            identity.as_str()
                        ))],
                    ),
                    None => out.template(
                        r#"
                        if ($provider.Count -eq 0) {
                            $sameName = @({0})
                            if ($sameName.Count -gt 0) {
                                throw {1}
                            }
                        }
                        "#,
                        &[
                            &provider_lookup_by_identity(new_identity),
                            &quote(&format!(
                                "A hosting provider named {new_identity} exists with another ProxyFqdn, which cannot be changed. Check it with Get-CsHostingProvider before adding the {service} provider. Nothing was changed."
                            )),
                        ],
                    ),
                }
            }
            Action::AllowPushDomain => out.template(
                r#"
                $allowed = @({0})
                if ($allowed.Count -eq 0) {
                    # New-CsAllowedDomain fails for a domain on the blocked list, so say why first.
                    $blocked = @({1})
                    if ($blocked.Count -gt 0) {
                        throw {2}
                    }
                }
                "#,
                &[
                    &domain_lookup(cmdlet::GET_ALLOWED_DOMAIN),
                    &domain_lookup(cmdlet::GET_BLOCKED_DOMAIN),
                    &quote(&format!(
                        "{PUSH_DOMAIN} is on the blocked domain list, so it cannot be allowed. If your policy permits, remove it from that list, then run the script again. Nothing was changed."
                    )),
                ],
            ),
            // New-CsHostingProvider.md: "you cannot federate with a hosting provider if your Edge
            // Servers are configured to use default routing". Switching routing is the
            // organisation's decision, so the script stops rather than make it; a routing no
            // signal tells is only a warning.
            Action::AllowFederatedUsers { check_dns_srv_routing: true } => {
                out.line(&format!("$accessEdge = {}", cmdlet::GET_ACCESS_EDGE_CONFIGURATION));
                read_routing(out);
                out.template(
                    r#"
                    if ($routing -like '*Default*') {
                        throw ('The Access Edge uses default routing (' + $routing + {0})
                    }
                    if ($routing -notlike '*DnsSrvRouting') {
                        Write-Warning {1}
                        {2}
                    }
                    "#,
                    &[
                        &quote("). Hosting-provider federation, and so push, does not work with default routing. Switching to DNS SRV routing (Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False; $True also federates with domains not on the allowed list) changes federated routing for the whole organisation: decide that first, then run this again. Nothing was changed."),
                        &quote(&format!("Neither the type nor RoutingMethod of {} tells the routing. Hosting-provider federation needs DNS SRV routing: check it before the tests.", cmdlet::GET_ACCESS_EDGE_CONFIGURATION)),
                        &marks::warning(Warning::RoutingUnknown, "$routing"),
                    ],
                );
            }
            // Facts §2: New- creates a site's settings; the site must exist in the topology
            // (Get-CsSite takes the bare name, lync-objects §8).
            Action::EnablePush { scope: Scope::Site(name), .. } => out.template(
                r#"
                $siteFound = @()
                $siteProblem = 'not found'
                try {
                    $siteFound = @({0} -Identity {1})
                }
                catch {
                    $siteProblem = $_.Exception.Message
                }
                if ($siteFound.Count -eq 0) {
                    throw ({2} + $siteProblem + {3})
                }
                "#,
                &[
                    cmdlet::GET_SITE,
                    &quote(name.as_str()),
                    &quote(&format!("The topology has no site {} (", name.as_str())),
                    &quote("). Check the site name as Topology Builder shows it, then answer the wizard again. Nothing was changed."),
                ],
            ),
            // Both tests need the Edge's internal FQDN (their help pages), which is its Edge
            // pool's: Microsoft's check is `Get-CsService -EdgeServer | Select-Object PoolFqdn`.
            // An OCS 2007 R2 Edge is no Edge pool of the topology, so only the Lync route checks.
            // Nothing documents that a mismatch cannot work, so it is a warning.
            Action::TestFederation { access_edge, domain_allowed_by_plan: true } => out.template(
                r#"
                $edgePools = @({0} -EdgeServer | ForEach-Object { [string]$_.PoolFqdn })
                if ($edgePools -notcontains {1}) {
                    Write-Warning ({2} + ($edgePools -join ', ') + {3})
                    {4}
                }
                "#,
                &[
                    cmdlet::GET_SERVICE,
                    &quote(access_edge.as_str()),
                    &quote(&format!("The internal Access Edge FQDN answered, {}, is not the FQDN of an Edge pool (", access_edge.as_str())),
                    &quote("). The tests need the internal FQDN: check the answer (an Edge Server's own internal FQDN is fine)."),
                    &marks::warning(Warning::EdgeFqdnNotAPool, &quote(access_edge.as_str())),
                ],
            ),
            Action::EnablePush { scope: Scope::Global, .. }
            | Action::AllowFederatedUsers { check_dns_srv_routing: false }
            | Action::FederateOcsEdge
            | Action::TestFederation { domain_allowed_by_plan: false, .. }
            | Action::TestPush { .. } => {}
        }
    }
}

/// Reads the undo record, and writes it once before any change: a folder it cannot be written
/// to stops the script here rather than after a change nobody could undo. A `[` or `]` in the
/// path is such a folder: -Path reads them as wildcards, and in PowerShell 2.0 Import-Clixml,
/// Export-Clixml and Rename-Item have no -LiteralPath (Test-Path has, and uses it).
pub(super) fn open_record(out: &mut Writer) {
    out.comment("The undo record: values from before the first change, and what this script created.");
    out.comment("The rollback script reads it. A second run adds to it and keeps the earlier values.");
    out.template(
        r#"
        $record = @{}
        if ($recordPath.Contains('[') -or $recordPath.Contains(']') -or $recordPath.Contains('`')) {
            throw ('PowerShell 2.0 cannot write the undo record in ' + $recordFolder + ' ([, ] and ` are wildcards to -Path). Use a folder without them. Nothing was changed.')
        }
        if (Test-Path -LiteralPath $recordPath) {
            $record = Import-Clixml -Path $recordPath
            Write-Host ('  Adding to the undo record ' + $recordPath + '; values from before the first run are kept.')
        }
        if (-not $record.ContainsKey('{0}')) {
            $record['{0}'] = @{}
        }
        try {
            {1}
        }
        catch {
            throw ('The undo record cannot be written to ' + $recordPath + ' (' + $_.Exception.Message + '). Run the script from a folder you can write to. Nothing was changed.')
        }
        Write-Host ('  OK: nothing blocks the changes, and the undo record is ' + $recordPath)
        $changeStart = $null
        "#,
        &[record::PUSH_SETTINGS, record::SAVE],
    );
}

/// `$routing` from `$accessEdge`, by Microsoft's signals in order: the output type names the
/// routing (Get-CsAccessEdgeConfiguration.md, OUTPUTS: `…DnsSrvRouting`, `…DefaultRoute`); a
/// type that does not (a deserialized object) leaves RoutingMethod, printed only in Lync Server
/// 2013-era samples (lync-objects §4). Neither: empty, and the caller never stops on that alone.
pub(super) fn read_routing(out: &mut Writer) {
    out.template(
        r#"
        $routing = $accessEdge.GetType().Name
        if ($routing -notlike '*DnsSrvRouting' -and $routing -notlike '*DefaultRoute') {
            $routing = [string]$accessEdge.RoutingMethod
        }
        "#,
        &[],
    );
}
