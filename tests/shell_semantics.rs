#![cfg(not(target_arch = "wasm32"))]
#![allow(unused_imports)]
//! The modelled shell behaves as PowerShell and the Lync Server cmdlets are documented to, where
//! a lenient model would let a script bug through: identities as the store spells them, error and
//! warning preferences, the Stop message of PowerShell 2.0, -Confirm, required parameters, path
//! wildcards, and what Test-CsMcxPushNotification needs. Each test cites its source.

mod shell;
mod support;

use shell::model::{AllowedDomain, Deployment, HostingProvider, Machine, PushSettings, LYNC_ONLINE, PUSH_DOMAIN};
use shell::RunOptions;

fn fresh() -> Machine {
    Machine::new(Deployment::fresh())
}

fn run(text: &str, machine: &mut Machine) -> shell::RunResult {
    let r = shell::run_text(text, machine, &RunOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.failure.is_none(), "{text}\n{r:?}");
    r
}

/// lync-objects.md §10: settings are named `Global` or `site:<Name>`; the store keeps the site's
/// name as the topology spells it, whatever casing the command was given.
#[test]
fn site_settings_take_the_topologys_spelling() {
    let mut m = fresh();
    let r = run(
        "New-CsPushNotificationConfiguration -Identity 'SITE:REDMOND'\nWrite-Host (Get-CsPushNotificationConfiguration -Identity 'site:redmond').Identity\n",
        &mut m,
    );
    assert_eq!(r.output, vec!["site:Redmond"], "{r:?}");
    assert!(m.deployment.push.iter().any(|p| p.identity == "site:Redmond"));
}

/// about_CommonParameters: -ErrorAction overrides $ErrorActionPreference for the one command;
/// about_Preference_Variables: Continue shows the error and goes on, SilentlyContinue goes on
/// silently, Stop stops. ActionPreference values are enum names and ignore case.
#[test]
fn error_action_and_the_preference_decide_about_non_terminating_errors() {
    let missing = "Get-CsAllowedDomain -Identity 'nowhere.example'";
    let r = run(&format!("$ErrorActionPreference = 'Stop'\n{missing} -ErrorAction SilentlyContinue\nWrite-Host 'on'\n"), &mut fresh());
    assert_eq!(r.output, vec!["on"], "{r:?}");
    let r = run(&format!("$ErrorActionPreference = 'SilentlyContinue'\ntry {{ {missing} -ErrorAction Stop\nWrite-Host 'on' }} catch {{ Write-Host 'caught' }}\n"), &mut fresh());
    assert_eq!(r.output, vec!["caught"], "{r:?}");
    let r = run(&format!("{missing}\nWrite-Host 'on'\n"), &mut fresh());
    assert_eq!(r.output.len(), 2, "{r:?}");
    assert!(r.output[0].starts_with("ERROR: "), "{r:?}");
    let r = run(&format!("$ErrorActionPreference = 'SilentlyContinue'\n{missing} -ErrorAction Continue\nWrite-Host 'on'\n"), &mut fresh());
    assert!(r.output[0].starts_with("ERROR: "), "{r:?}");
    // The preference is an enum: 'stop' is Stop.
    let r = run(&format!("$ErrorActionPreference = 'stop'\ntry {{ {missing}\nWrite-Host 'on' }} catch {{ Write-Host 'caught' }}\n"), &mut fresh());
    assert_eq!(r.output, vec!["caught"], "{r:?}");
}

/// PowerShell 2.0 stops a command whose error meets Stop with an ActionPreferenceStopException
/// (ActionPreference.Tests.ps1 checks that type), whose message prefixes the error's.
#[test]
fn stop_gives_powershell_2_s_message() {
    let r = run(
        "$ErrorActionPreference = 'Stop'\ntry { Get-CsAllowedDomain -Identity 'nowhere.example' } catch { Write-Host $_.Exception.Message }\n",
        &mut fresh(),
    );
    assert_eq!(
        r.output,
        vec!["Command execution stopped because the preference variable \"ErrorActionPreference\" or common parameter is set to Stop: Cannot get allowed domain \"nowhere.example\": it was not found."],
        "{r:?}"
    );
}

/// about_CommonParameters: -WarningAction (and $WarningPreference) decide about warnings;
/// -ErrorAction is about errors only.
#[test]
fn warnings_follow_warning_action_not_error_action() {
    let r = run("Write-Warning 'w' -ErrorAction SilentlyContinue\n", &mut fresh());
    assert_eq!(r.output, vec!["WARNING: w"], "{r:?}");
    let r = run("Write-Warning 'w' -WarningAction SilentlyContinue\nWrite-Host 'on'\n", &mut fresh());
    assert_eq!(r.output, vec!["on"], "{r:?}");
    let r = run("$WarningPreference = 'SilentlyContinue'\nWrite-Warning 'w'\nWrite-Warning 'v' -WarningAction Continue\n", &mut fresh());
    assert_eq!(r.output, vec!["WARNING: v"], "{r:?}");
}

/// The Lync cmdlet pages: -Confirm "Prompts you for confirmation before executing the command".
/// A script cannot answer; the model fails the prompt as a non-interactive shell does, and the
/// store is left alone. -Confirm:$false asks nothing.
#[test]
fn confirm_prompts_and_a_script_cannot_answer() {
    let mut m = fresh();
    let r = run("Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True -Confirm\n", &mut m);
    assert!(r.uncaught.as_deref().unwrap_or("").contains("NonInteractive"), "{r:?}");
    assert!(!m.deployment.access_edge.allow_federated_users);
    let r = run("Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True -Confirm:$false\n", &mut m);
    assert!(r.uncaught.is_none(), "{r:?}");
    assert!(m.deployment.access_edge.allow_federated_users);
}

/// New-CsHostingProvider.md (office-docs-powershell): -Identity, -Enabled, -ProxyFqdn,
/// -EnabledSharedAddressSpace and -HostsOCSUsers are each "Required: True"; "If you leave out any
/// of the required parameters, the New-CsHostingProvider cmdlet will prompt you". A script run
/// cannot answer the prompt: the command stops, whatever -ErrorAction says, and creates nothing.
#[test]
fn a_missing_required_parameter_stops_the_command() {
    let mut m = fresh();
    let text = "try { New-CsHostingProvider -Identity LyncOnline -Enabled $True -ProxyFqdn sipfed.online.lync.com -ErrorAction SilentlyContinue } catch { Write-Host $_.Exception.Message }\n";
    let r = run(text, &mut m);
    assert_eq!(r.output, vec!["Cannot process command because of one or more missing mandatory parameters: EnabledSharedAddressSpace HostsOCSUsers."], "{r:?}");
    assert!(m.deployment.providers.is_empty());
    let r = run(
        "New-CsHostingProvider -Identity LyncOnline -Enabled $True -ProxyFqdn sipfed.online.lync.com -EnabledSharedAddressSpace $False -HostsOCSUsers $False\n",
        &mut m,
    );
    assert!(r.uncaught.is_none() && r.output.is_empty(), "{r:?}");
    assert_eq!(m.deployment.providers.len(), 1);
}

/// push-facts.md §2/§4: push needs a service switched on; site settings with both switches off
/// override global with False. Test-CsMcxPushNotification fails unless some settings have APNS
/// or MPNS on.
#[test]
fn the_push_test_needs_a_service_switched_on() {
    let mut d = Deployment::fresh();
    d.providers.push(HostingProvider::new("LyncOnline", LYNC_ONLINE, true));
    d.allowed.push(AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false });
    d.access_edge.allow_federated_users = true;
    d.push.push(PushSettings { identity: "site:Redmond".into(), apple: false, microsoft: false });
    let text = "try { Write-Host (Test-CsMcxPushNotification -AccessEdgeFqdn accessproxy.contoso.com -ErrorAction Stop).Result } catch { Write-Host 'failed' }\n";
    let mut m = Machine::new(d.clone());
    assert_eq!(run(text, &mut m).output, vec!["failed"]);
    d.push[1].microsoft = true;
    let mut m = Machine::new(d);
    assert_eq!(run(text, &mut m).output, vec!["Success"]);
}
