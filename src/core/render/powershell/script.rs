//! The configuration script. PowerShell 2.0 syntax only, so it runs in the shells of Lync Server
//! 2010 (PowerShell 2.0) and 2013 (3.0) alike (facts §2). Every change is guarded by a check, so
//! running it twice changes nothing the second time.

use crate::core::decision::{Services, Verdict};
use crate::core::facts::{cmdlet, LYNC_ONLINE_PROXY_FQDN, NEW_PROVIDER_IDENTITY, PUSH_DOMAIN};
use crate::core::i18n::EN;
use crate::core::plan::{Action, Plan, Role, Scope, Step};
use crate::core::text;

use super::commands::{provider_lookup, provider_lookup_by_identity, seed_command, switches, switches_on};
use super::frame::{header, open_script_block, record};
use super::quote::quote;
use super::writer::Writer;

pub fn script(plan: &Plan) -> String {
    let mut out = Writer::new();
    header(&mut out, plan, "Push notifications for Lync Server mobility");
    how_to_run(&mut out, plan);
    match plan.decision.verdict {
        Verdict::Configure { .. } => configuration(&mut out, plan),
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } => nothing_to_change(&mut out, plan),
    }
    out.text
}

/// How to run the configuration script, after the shared header.
fn how_to_run(out: &mut Writer, plan: &Plan) {
    out.comment(text::verdict_advice(&EN, &plan.decision));
    if !plan.steps.is_empty() {
        out.line("#");
        for (number, step) in plan.numbered().filter(|(_, step)| step.action.is_manual()) {
            out.comment(&format!(
                "Step {number} is done by hand before this script runs: {} (see the GUI steps).",
                text::step_title(&EN, &step.action)
            ));
        }
        out.comment("Run in the Lync Server Management Shell of Lync Server 2010 or 2013,");
        out.comment("on an internal server with Ocscore installed (not on the Edge Server).");
        out.comment(&roles_line(plan));
        out.comment("Safe to run more than once: each change is made only when a check shows it is needed.");
        out.comment("It stops at the first error; on the next run, finished steps are skipped.");
    }
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
        Verdict::Configure { .. } | Verdict::NotNeeded { .. } => out.say(&headline),
    }
    for client in &plan.decision.clients {
        out.say(&format!("  {}: {}", text::client_label(&EN, client.client), text::need_reason(&EN, client.need)));
    }
    out.say(text::verdict_advice(&EN, &plan.decision));
    out.say("This script changed nothing.");
}

fn configuration(out: &mut Writer, plan: &Plan) {
    let total = plan.steps.len();
    open_script_block(out);
    out.comment("The undo record: values from before the first change, and what this script created.");
    out.comment("The rollback script reads it. A second run adds to it and keeps the earlier values.");
    out.line("$record = @{}");
    out.open("if (Test-Path -Path $recordPath)");
    out.line("$record = Import-Clixml -Path $recordPath");
    out.line("Write-Host ('Adding to the undo record ' + $recordPath + '; values from before the first run are kept.')");
    out.close();
    out.open("try");
    for (number, step) in plan.script_steps() {
        step_block(out, number, total, step);
        out.line("");
    }
    out.say("Finished. Read any warnings above; the plan explains each one.");
    out.close();
    out.open("catch");
    out.line("Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red");
    out.say("Later steps did not run. Fix the cause and run the script again; finished steps are skipped.");
    out.close();
    out.close_script_block();
}

/// Records a value from before the first change (a second run keeps the first run's value).
fn remember_before(out: &mut Writer, key: &str, value: &str) {
    out.open(&format!("if (-not $record.ContainsKey('{key}'))"));
    out.line(&format!("$record['{key}'] = {value}"));
    out.line(record::SAVE);
    out.close();
}

/// Records that this script created something, so the rollback may remove it.
fn remember_created(out: &mut Writer, key: &str, value: &str) {
    out.line(&format!("$record['{key}'] = \"{value}\""));
    out.line(record::SAVE);
}

fn step_block(out: &mut Writer, number: usize, total: usize, step: &Step) {
    let title = text::step_title(&EN, &step.action);
    out.comment(&format!("Step {number} of {total}: {title}"));
    out.comment(&format!("Why: {}", text::step_why(&EN, &step.action)));
    out.comment(&format!("Needs: {}. Seed: \"{}\".", step.role.token(), step.seed.title(&EN)));
    out.say(&format!("Step {number} of {total}: {title}"));
    let command = seed_command(&step.action).unwrap_or_default();
    match &step.action {
        Action::AddHostingProvider { existing } => hosting_provider(out, existing.as_ref().map(|n| n.as_str()), &command),
        Action::AllowPushDomain => allowed_domain(out, &command),
        Action::FederateOcsEdge => {}
        Action::EnablePush { services, scope } => enable_push(out, *services, scope, &command),
        Action::AllowFederatedUsers { check_dns_srv_routing } => federation(out, *check_dns_srv_routing, &command),
        Action::TestFederation { .. } => read_only_test(
            out,
            "A read-only test: a failure is reported and the script goes on.",
            &command,
            "'  Result: ' + $result.Result + ' ' + $result.Error",
        ),
        Action::TestPush { .. } => read_only_test(
            out,
            "A read-only test. It throws on failure instead of returning Failure.",
            &command,
            "'  Result: ' + $result.Result",
        ),
    }
}

/// A test that changes nothing: its failure is printed, and the script goes on.
fn read_only_test(out: &mut Writer, comment: &str, command: &str, report: &str) {
    out.comment(comment);
    out.open("try");
    out.line(&format!("$result = {command}"));
    out.line(&format!("Write-Host ({report})"));
    out.reopen("catch");
    out.line("Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow");
    out.close();
}

/// Seed note 0cb70-123/124: never a second hosting provider for sipfed.online.lync.com.
fn hosting_provider(out: &mut Writer, existing: Option<&str>, command: &str) {
    out.line(&format!("$provider = @({})", provider_lookup()));
    match existing {
        Some(identity) => {
            out.open("if ($provider.Count -eq 0)");
            out.line(&format!(
                "throw {}",
                quote(&format!(
                    "No hosting provider federates with {LYNC_ONLINE_PROXY_FQDN}, but the answers say {identity} does. Check that this is the right deployment, then answer the wizard again."
                ))
            ));
            out.close();
            out.open(&format!("if ([string]$provider[0].Identity -ne {})", quote(identity)));
            out.line(&format!(
                "Write-Warning ('The hosting provider for {LYNC_ONLINE_PROXY_FQDN} is ' + $provider[0].Identity + {})",
                quote(&format!(", not {identity}; it serves push all the same."))
            ));
            out.close();
            provider_found(out);
        }
        None => {
            out.open("if ($provider.Count -gt 0)");
            provider_found(out);
            out.reopen("else");
            out.line(&format!("$sameName = @({})", provider_lookup_by_identity()));
            out.open("if ($sameName.Count -gt 0)");
            out.line(&format!(
                "throw {}",
                quote(&format!(
                    "A hosting provider named {NEW_PROVIDER_IDENTITY} exists with another ProxyFqdn, which cannot be changed. Check it with Get-CsHostingProvider before adding the Lync Online provider."
                ))
            ));
            out.close();
            out.line(command);
            remember_created(out, record::CREATED_PROVIDER, NEW_PROVIDER_IDENTITY);
            out.say(&format!("  Done: added hosting provider {NEW_PROVIDER_IDENTITY} for {LYNC_ONLINE_PROXY_FQDN}."));
            out.close();
        }
    }
}

fn provider_found(out: &mut Writer) {
    out.line(&format!(
        "Write-Host ('  Skipped: hosting provider ' + $provider[0].Identity + ' already federates with {LYNC_ONLINE_PROXY_FQDN}, and only one may.')"
    ));
    out.open("if (-not $provider[0].Enabled)");
    out.line("Write-Warning ('Hosting provider ' + $provider[0].Identity + ' is disabled; push needs it enabled (Set-CsHostingProvider -Enabled $True).')");
    out.close();
}

fn allowed_domain(out: &mut Writer, command: &str) {
    out.line(&format!("$allowed = @({} | Where-Object {{ $_.Domain -eq \"{PUSH_DOMAIN}\" }})", cmdlet::GET_ALLOWED_DOMAIN));
    out.open("if ($allowed.Count -gt 0)");
    out.say(&format!("  Skipped: {PUSH_DOMAIN} is already an allowed domain."));
    out.reopen("else");
    out.comment("New-CsAllowedDomain fails for a domain on the blocked list, so say why first.");
    out.line(&format!("$blocked = @({} | Where-Object {{ $_.Domain -eq \"{PUSH_DOMAIN}\" }})", cmdlet::GET_BLOCKED_DOMAIN));
    out.open("if ($blocked.Count -gt 0)");
    out.line(&format!(
        "throw {}",
        quote(&format!(
            "{PUSH_DOMAIN} is on the blocked domain list, so it cannot be allowed. If your policy permits, remove it from that list, then run the script again."
        ))
    ));
    out.close();
    out.line(command);
    remember_created(out, record::CREATED_DOMAIN, PUSH_DOMAIN);
    out.say(&format!("  Done: added {PUSH_DOMAIN} to the allowed domains."));
    out.close();
}

fn enable_push(out: &mut Writer, services: Services, scope: &Scope, command: &str) {
    match scope {
        Scope::Global => {
            out.line(&format!("$push = {} -Identity global", cmdlet::GET_PUSH_CONFIGURATION));
            out.open(&format!("if ({})", switches_on("$push", services)));
            out.say("  Skipped: already on in the global settings.");
            out.reopen("else");
            remember_before(out, record::PUSH_BEFORE, &push_values("'global'", "$true", "$push"));
            out.line(command);
            out.say("  Done: turned on in the global settings.");
            out.close();
            out.comment("Site settings override the global ones for that site (facts: New-CsPushNotificationConfiguration).");
            out.open(&format!("foreach ($site in @({} -Filter \"site:*\"))", cmdlet::GET_PUSH_CONFIGURATION));
            out.open(&format!("if (-not ({}))", switches_on("$site", services)));
            out.line("Write-Warning ('Settings ' + $site.Identity + ' override global and keep a needed service off: users of that site get no push there.')");
            out.close();
            out.close();
        }
        Scope::Site(name) => {
            out.line(&format!("$siteIdentity = {}", quote(&format!("site:{}", name.as_str()))));
            out.line(&format!(
                "$push = @({} -Filter \"site:*\" | Where-Object {{ [string]$_.Identity -eq $siteIdentity }})",
                cmdlet::GET_PUSH_CONFIGURATION
            ));
            out.open("if ($push.Count -eq 0)");
            out.comment("New site settings override global there; a service not needed here keeps its global value.");
            let mut create = format!("{} -Identity $siteIdentity{}", cmdlet::NEW_PUSH_CONFIGURATION, switches(services));
            if !services.apns || !services.mpns {
                out.line(&format!("$globalPush = {} -Identity global", cmdlet::GET_PUSH_CONFIGURATION));
            }
            if !services.apns {
                create.push_str(" -EnableApplePushNotificationService $globalPush.EnableApplePushNotificationService");
            }
            if !services.mpns {
                create.push_str(" -EnableMicrosoftPushNotificationService $globalPush.EnableMicrosoftPushNotificationService");
            }
            remember_before(out, record::PUSH_BEFORE, "@{ Identity = $siteIdentity; Existed = $false }");
            out.line(&create);
            out.line("Write-Host ('  Done: created ' + $siteIdentity + ' with push turned on.')");
            out.reopen(&format!("elseif ({})", switches_on("$push[0]", services)));
            out.line("Write-Host ('  Skipped: already on in ' + $siteIdentity + '.')");
            out.reopen("else");
            remember_before(out, record::PUSH_BEFORE, &push_values("$siteIdentity", "$true", "$push[0]"));
            out.line(command);
            out.line("Write-Host ('  Done: turned on in ' + $siteIdentity + '.')");
            out.close();
        }
    }
}

/// A push collection's identity and switches, as the undo record keeps them.
fn push_values(identity: &str, existed: &str, variable: &str) -> String {
    format!(
        "@{{ Identity = {identity}; Existed = {existed}; Apple = [bool]{variable}.EnableApplePushNotificationService; Microsoft = [bool]{variable}.EnableMicrosoftPushNotificationService }}"
    )
}

fn federation(out: &mut Writer, check_dns_srv_routing: bool, command: &str) {
    out.line(&format!("$accessEdge = {}", cmdlet::GET_ACCESS_EDGE_CONFIGURATION));
    out.open("if ($accessEdge.AllowFederatedUsers)");
    out.say("  Skipped: the Access Edge already allows federated users.");
    out.reopen("else");
    remember_before(out, record::FEDERATION_BEFORE, "[bool]$accessEdge.AllowFederatedUsers");
    out.line(command);
    out.say("  Done: the Access Edge now allows federated users.");
    out.close();
    if check_dns_srv_routing {
        out.open("if (-not $accessEdge.UseDnsSrvRouting)");
        out.line(&format!(
            "Write-Warning {}",
            quote("The Access Edge uses default routing. Hosting-provider federation, and so push, needs DNS SRV routing.")
        ));
        out.close();
    }
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
