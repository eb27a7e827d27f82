//! The configuration script. PowerShell 2.0 syntax only, so it runs in the shells of Lync Server
//! 2010 (PowerShell 2.0) and 2013 (3.0) alike (facts §2). It checks everything that could stop it
//! before it changes anything, records each earlier value before the change, and guards every
//! change with a check, so running it twice changes nothing the second time.

use crate::core::answers::PoolVersion;
use crate::core::decision::{Services, Verdict};
use crate::core::facts::{
    cmdlet, LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN, REPLICATION_POLL_SECONDS,
    REPLICATION_WAIT_SECONDS, SCRIPT_FILE,
};
use crate::core::i18n::EN;
use crate::core::plan::{Action, Note, Plan, Role, Scope, Step};
use crate::core::text;
use crate::core::validate::Name;

use super::commands::{
    domain_lookup, new_allowed_domain, new_hosting_provider, provider_lookup, provider_lookup_by_identity, switches,
    switches_on, test_federation, test_push, APPLE_SWITCH, MICROSOFT_SWITCH,
};
use super::frame::{close_script_block, header, open_script_block, preflight_cmdlets, record, unblock_hint};
use super::quote::quote;
use super::writer::Writer;

pub fn script(plan: &Plan) -> String {
    let mut out = Writer::new();
    let family = text::shell_family(plan.decision.shell());
    header(&mut out, plan, &format!("Push notifications for {family} mobility"));
    how_to_run(&mut out, plan);
    match plan.decision.verdict {
        Verdict::Configure { .. } => configuration(&mut out, plan),
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } | Verdict::NotRecommended { .. } => nothing_to_change(&mut out, plan),
    }
    out.text
}

/// How to run the configuration script, after the shared header.
fn how_to_run(out: &mut Writer, plan: &Plan) {
    out.comment(&text::verdict_advice(&EN, &plan.decision));
    if !plan.status.is_empty() {
        out.line("#");
        out.comment(&format!("{}:", EN.status_heading));
        for &fact in &plan.status {
            out.comment(&format!("- {}", text::status_line(&EN, fact, plan.push_test_said())));
        }
    }
    // What goes beyond Microsoft's pages is said as the script's own, before anything else.
    let choices: Vec<Note> = plan.notes.iter().copied().filter(|note| note.is_choice()).collect();
    if !choices.is_empty() {
        out.line("#");
        for note in choices {
            out.comment(&format!("- {}", text::note_text(&EN, note, plan.decision.shell())));
        }
    }
    if plan.steps.is_empty() {
        out.line("");
        return;
    }
    out.line("#");
    for (number, step) in plan.numbered().filter(|(_, step)| step.action.is_manual()) {
        out.comment(&format!(
            "Step {number} is done by hand before this script runs: {} (see the GUI steps).",
            text::step_title(&EN, &step.action)
        ));
    }
    let shell = plan.decision.shell();
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => out.comment("Run in the Lync Server Management Shell of Lync Server 2010 or 2013,"),
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => out.comment(&format!(
            "Run in the {} Management Shell of {},",
            text::shell_family(shell),
            text::pool_label(&EN, shell)
        )),
    }
    out.comment("on an internal server with Ocscore installed (not on the Edge Server).");
    out.comment(&roles_line(plan));
    out.comment("Before any change it checks that the shell has every cmdlet it uses, that nothing blocks a step, and that it can write its undo record; if a check fails, it stops having changed nothing.");
    out.comment("Safe to run more than once: each change is made only when a check shows it is needed.");
    out.comment("It stops at the first error; on the next run, finished steps are skipped.");
    out.comment("Outcome, in $LASTEXITCODE: 0 all done and the tests passed; 2 all done, but a test did not pass; 1 stopped.");
    out.line("#");
    unblock_hint(out, SCRIPT_FILE, plan.decision.shell());
    out.line("");
}

/// "Steps 1-2 need RtcUniversalServerAdmins; steps 3-6 need CsAdministrator."
fn roles_line(plan: &Plan) -> String {
    let mut runs: Vec<(Role, usize, usize)> = Vec::new();
    for (number, step) in plan.script_steps() {
        match runs.last_mut() {
            Some((role, _, last)) if *role == step.role => *last = number,
            _ => runs.push((step.role, number, number)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|(role, first, last)| {
            let steps = if first == last { format!("step {first} needs") } else { format!("steps {first}-{last} need") };
            format!("{steps} {}", role.token())
        })
        .collect();
    let line = parts.join("; ");
    let mut chars = line.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str() + ".").unwrap_or_default()
}

fn nothing_to_change(out: &mut Writer, plan: &Plan) {
    let headline = text::verdict_headline(&EN, &plan.decision);
    match plan.decision.verdict {
        Verdict::Blocked { .. } => out.line(&format!("Write-Warning {}", quote(&headline))),
        Verdict::Configure { .. } | Verdict::NotNeeded { .. } | Verdict::NotRecommended { .. } => out.say(&headline),
    }
    for client in &plan.decision.clients {
        out.say(&format!("  {}: {}", text::client_label(&EN, client.client), text::need_reason(&EN, client.need, plan.decision.shell())));
    }
    out.say(&text::verdict_advice(&EN, &plan.decision));
    out.say("This script changed nothing.");
}

fn configuration(out: &mut Writer, plan: &Plan) {
    // The checks and the body first: the pre-flight looks for the cmdlets they call.
    let mut body = Writer::at_depth(2);
    let total = plan.steps.len();
    let mut tests_started = false;
    for (number, step) in plan.script_steps() {
        if step.action.is_test() && !tests_started {
            tests_started = true;
            wait_for_replication(&mut body, plan);
            body.gap();
        }
        step_block(&mut body, number, total, step);
        body.gap();
    }
    let uncounted = plan.steps.iter().any(|step| matches!(step.action, Action::TestFederation { domain_allowed_by_plan: false, .. }));
    let tests = plan.steps.iter().filter(|step| step.action.is_test()).count();
    finish(&mut body, uncounted, tests);
    let mut checks = Writer::at_depth(2);
    preflight_blockers(&mut checks, plan);
    open_record(&mut checks);
    checks.gap();

    open_script_block(out, "$scriptPath");
    out.open("try");
    out.comment("Pre-flight: nothing is changed until every check here has passed.");
    out.say("Pre-flight checks (nothing is changed until they pass)");
    preflight_cmdlets(out, &[&checks.text, &body.text], plan.decision.shell());
    out.text.push_str(&checks.text);
    out.text.push_str(&body.text);
    out.close();
    out.open("catch");
    out.line("$global:LASTEXITCODE = 1");
    out.line("Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red");
    out.say("Later steps did not run. Fix the cause and run the script again; finished steps are skipped.");
    out.close();
    close_script_block(out, "$MyInvocation.MyCommand.Path");
}

/// What would make a step fail halfway, checked before the first change (seed 0cb70-123/124:
/// one hosting provider for sipfed.online.lync.com; facts §2: a blocked domain cannot be allowed).
fn preflight_blockers(out: &mut Writer, plan: &Plan) {
    for (_, step) in plan.script_steps() {
        match &step.action {
            Action::AddHostingProvider { existing, new_identity } => {
                let service = text::provider_service(*new_identity);
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
                    }
                    "#,
                    &[
                        &quote("). Hosting-provider federation, and so push, does not work with default routing. Switching to DNS SRV routing (Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False; $True also federates with domains not on the allowed list) changes federated routing for the whole organisation: decide that first, then run this again. Nothing was changed."),
                        &quote(&format!("Neither the type nor RoutingMethod of {} tells the routing. Hosting-provider federation needs DNS SRV routing: check it before the tests.", cmdlet::GET_ACCESS_EDGE_CONFIGURATION)),
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
                }
                "#,
                &[
                    cmdlet::GET_SERVICE,
                    &quote(access_edge.as_str()),
                    &quote(&format!("The internal Access Edge FQDN answered, {}, is not the FQDN of an Edge pool (", access_edge.as_str())),
                    &quote("). The tests need the internal FQDN: check the answer (an Edge Server's own internal FQDN is fine)."),
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
fn open_record(out: &mut Writer) {
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

fn step_block(out: &mut Writer, number: usize, total: usize, step: &Step) {
    let title = text::step_title(&EN, &step.action);
    out.comment(&format!("Step {number} of {total}: {title}"));
    out.comment(&format!("Why: {}", text::step_why(&EN, &step.action)));
    out.comment(&format!("Needs: {}. Source: \"{}\".", step.role.token(), step.seed.title(&EN)));
    out.say(&format!("Step {number} of {total}: {title}"));
    match &step.action {
        Action::AddHostingProvider { existing, new_identity } => hosting_provider(out, existing.as_ref(), new_identity.identity()),
        Action::AllowPushDomain => allowed_domain(out),
        Action::FederateOcsEdge => {}
        Action::EnablePush { services, scope } => enable_push(out, *services, scope),
        Action::AllowFederatedUsers { .. } => federation(out),
        Action::TestFederation { access_edge, domain_allowed_by_plan } => {
            if !domain_allowed_by_plan {
                // Facts §2: Test-CsFederatedPartner needs the domain on the allowed list, which
                // the OCS 2007 R2 route (seed 0cb70-128 … 0cb70-135) does not create.
                out.template(
                    r#"
                    $allowed = @({0})
                    $preconditionMet = $allowed.Count -gt 0
                    if (-not $preconditionMet) {
                        Write-Warning {1}
                    }
                    "#,
                    &[
                        &domain_lookup(cmdlet::GET_ALLOWED_DOMAIN),
                        &quote(&format!(
                            "Test-CsFederatedPartner needs {PUSH_DOMAIN} on the allowed domains of Lync Server. On this route federation is set on the OCS 2007 R2 Edge Server instead and nothing adds the domain here, so expect this test to fail, and it is not counted as a failed test; the push test that follows is the one that tells."
                        )),
                    ],
                );
            }
            let counted = if *domain_allowed_by_plan { None } else { Some("$preconditionMet") };
            read_only_test(out, "A read-only test: a failure is reported and the script goes on.", &test_federation(access_edge), counted);
        }
        Action::TestPush { access_edge } => read_only_test(
            out,
            "A read-only test. Microsoft's page \"Test push notifications to smart phones\" says it usually throws on failure; a returned Failure is reported too.",
            &test_push(access_edge),
            None,
        ),
    }
}

/// Seed note 0cb70-123/124: never a second hosting provider for sipfed.online.lync.com. The
/// pre-flight has looked the provider up.
fn hosting_provider(out: &mut Writer, existing: Option<&Name>, new_identity: &str) {
    match existing {
        Some(identity) => {
            out.template(
                r#"
                if ([string]$provider[0].Identity -ne {0}) {
                    Write-Warning ('The hosting provider for {1} is ' + $provider[0].Identity + {2})
                }
                "#,
                &[
                    &quote(identity.as_str()),
                    LYNC_ONLINE_PROXY_FQDN,
                    &quote(&format!(", not {}; it serves push all the same.", identity.as_str())),
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
        }
        "#,
        &[LYNC_ONLINE_PROXY_FQDN],
    );
}

fn allowed_domain(out: &mut Writer) {
    out.open("if ($allowed.Count -gt 0)");
    out.say(&format!("  Skipped: {PUSH_DOMAIN} is already an allowed domain."));
    out.reopen("else");
    remember_created(out, record::CREATED_DOMAIN, PUSH_DOMAIN);
    out.line(&new_allowed_domain());
    out.say(&format!("  Done: added {PUSH_DOMAIN} to the allowed domains."));
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
fn enable_push(out: &mut Writer, services: Services, scope: &Scope) {
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
            out.close();
            out.comment("Site settings override the global ones for that site (Microsoft's help for New-CsPushNotificationConfiguration).");
            out.template(
                r#"
                foreach ($site in @({0} -Filter "site:*")) {
                    if (-not ({1})) {
                        Write-Warning ('Settings ' + $site.Identity + ' override global and keep a needed service off: users of that site get no push there.')
                    }
                }
                "#,
                &[cmdlet::GET_PUSH_CONFIGURATION, &all_on("$site")],
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
fn federation(out: &mut Writer) {
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
    out.close();
}

/// `$routing` from `$accessEdge`, by Microsoft's signals in order: the output type names the
/// routing (Get-CsAccessEdgeConfiguration.md, OUTPUTS: `…DnsSrvRouting`, `…DefaultRoute`); a
/// type that does not (a deserialized object) leaves RoutingMethod, printed only in Lync Server
/// 2013-era samples (lync-objects §4). Neither: empty, and the caller never stops on that alone.
fn read_routing(out: &mut Writer) {
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

/// Configuration reaches the Edge through Central Management Store replication, so tests run
/// right after a change can fail (504) when all is well. Waits, bounded, and says so when the
/// wait runs out, with the commands that run just the tests later.
fn wait_for_replication(out: &mut Writer, plan: &Plan) {
    let minutes = REPLICATION_WAIT_SECONDS / 60;
    out.comment("Before the tests: changes reach the Edge Server through Central Management Store replication.");
    out.say(&format!("Before the tests: waiting for replication of the changes (at most {minutes} minutes)"));
    out.comment("Read-only: if the status cannot be read, the tests still run.");
    out.comment("Until the store has created the update of the last run that changed something (LastUpdateCreation), replicas still say UpToDate.");
    out.open("try");
    out.template(
        r#"
        $replicas = @({0})
        $pending = @($replicas | Where-Object {3})
        $waited = 0
        while ($pending.Count -gt 0 -and $waited -lt {1}) {
            Write-Host ('  ' + $pending.Count + ' of ' + $replicas.Count + ' replicas are not up to date yet; checking again in {2} seconds.')
            Start-Sleep -Seconds {2}
            $waited = $waited + {2}
            $replicas = @({0})
            $pending = @($replicas | Where-Object {3})
        }
        "#,
        &[
            cmdlet::GET_REPLICATION_STATUS,
            &REPLICATION_WAIT_SECONDS.to_string(),
            &REPLICATION_POLL_SECONDS.to_string(),
            &format!("{{ -not $_.UpToDate -or ($record['{0}'] -and $_.LastUpdateCreation -lt $record['{0}']) }}", record::CHANGE_START),
        ],
    );
    out.open("if ($pending.Count -gt 0)");
    out.line(&format!(
        "Write-Warning ('' + $pending.Count + ' of ' + $replicas.Count + {})",
        quote(&format!(
            " replicas are still not up to date after {minutes} minutes ({} shows them). The tests below may fail only because of that; run them again later with these commands:",
            cmdlet::GET_REPLICATION_STATUS
        ))
    ));
    for (_, step) in plan.script_steps() {
        match &step.action {
            Action::TestFederation { access_edge, .. } => out.say(&format!("    {}", test_federation(access_edge))),
            Action::TestPush { access_edge } => out.say(&format!("    {}", test_push(access_edge))),
            Action::AddHostingProvider { .. }
            | Action::AllowPushDomain
            | Action::FederateOcsEdge
            | Action::EnablePush { .. }
            | Action::AllowFederatedUsers { .. } => {}
        }
    }
    out.reopen("else");
    out.line("Write-Host ('  All ' + $replicas.Count + ' replicas are up to date.')");
    out.close();
    out.reopen("catch");
    out.line(&format!(
        "Write-Warning ('The replication status could not be read (' + $_.Exception.Message + {})",
        quote("). If the tests below fail, wait a few minutes and run them again.")
    ));
    out.close();
    out.line("$testFailures = 0");
}

/// A test that changes nothing: its result is printed with Error and Diagnosis when it is not
/// Success, a throw is caught, and the script goes on (lync-objects §7: TaskOutput).
/// `counted_when`: a condition under which a failure counts (a test whose precondition is unmet
/// is run and shown, but its failure says nothing about push).
fn read_only_test(out: &mut Writer, comment: &str, command: &str, counted_when: Option<&str>) {
    let count = match counted_when {
        Some(condition) => format!("if ({condition}) {{ $testFailures = $testFailures + 1 }}"),
        None => "$testFailures = $testFailures + 1".to_string(),
    };
    out.comment(comment);
    out.template(
        r#"
        try {
            $result = {0}
            Write-Host ('  Result: ' + $result.Result)
            if ([string]$result.Result -ne 'Success') {
                {1}
                Write-Host ('  Error: ' + $result.Error)
                Write-Host ('  Diagnosis: ' + $result.Diagnosis)
            }
        }
        catch {
            {1}
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
        }
        "#,
        &[command, &count],
    );
}

fn finish(out: &mut Writer, uncounted: bool, tests: usize) {
    let passed = if uncounted {
        "the tests passed (a test whose precondition is unmet is not counted: see the warnings above)"
    } else if tests == 1 {
        // No documented push test on this version (plan::push_test_documented).
        "the federation test passed"
    } else {
        "both tests passed"
    };
    out.template(
        r#"
        if ($testFailures -gt 0) {
            $global:LASTEXITCODE = 2
            Write-Warning ('Every step is done, but ' + $testFailures + ' test(s) did not pass: see the results above and the troubleshooting in the plan.')
        }
        else {
            $global:LASTEXITCODE = 0
            Write-Host 'Finished: every step is done and {0} (they show the path to the clearing house, not delivery to devices). Read any warnings above; the plan explains each one.'
        }
        "#,
        &[passed],
    );
}

/// The script as a `.ps1` file: CRLF line endings, and a UTF-8 byte-order mark when any character
/// is not ASCII, so Windows PowerShell 2.0 does not read it as the ANSI code page.
pub fn for_download(script: &str) -> String {
    let mut crlf = String::with_capacity(script.len() + script.len() / 16);
    let mut rest = script;
    while let Some((line, after)) = rest.split_once('\n') {
        crlf.push_str(line.strip_suffix('\r').unwrap_or(line));
        crlf.push_str("\r\n");
        rest = after;
    }
    crlf.push_str(rest);
    if crlf.is_ascii() {
        crlf
    } else {
        format!("\u{FEFF}{crlf}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_use_crlf_and_a_bom_only_when_needed() {
        assert_eq!(for_download("a\nb\n"), "a\r\nb\r\n");
        assert_eq!(for_download("a\r\n"), "a\r\n");
        assert_eq!(for_download("caf\u{e9}\n"), "\u{FEFF}caf\u{e9}\r\n");
        assert_eq!(for_download("a\rb\nc"), "a\rb\r\nc", "only line ends change");
    }
}
