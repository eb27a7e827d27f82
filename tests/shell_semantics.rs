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

/// about_Wildcards and the -LiteralPath help: `-Path` reads `*`, `?`, `[` and `]` as wildcards
/// (a `[1]` is a class matching "1"), `-LiteralPath` takes the path as typed. Export-Clixml stops
/// when a wildcard path resolves to no file. Split-Path and Join-Path only work on the text (no
/// -Resolve), so brackets pass through them unchanged. In PowerShell 2.0 only Test-Path of these
/// has -LiteralPath (TechNet dd315355 Import-Clixml, dd347657 Export-Clixml, dd315353
/// Rename-Item: -Path only).
#[test]
fn path_reads_brackets_as_wildcards_literal_path_does_not() {
    let mut m = fresh();
    m.folders.insert("c:\\lync[1]".into());
    let record = shell::value::Value::str("kept");
    m.files.insert("c:\\lync[1]\\r.xml".into(), ("C:\\Lync[1]\\r.xml".into(), record.clone()));
    m.files.insert("c:\\lyncpush\\r1.xml".into(), ("C:\\LyncPush\\r1.xml".into(), record));
    let text = "$p = 'C:\\Lync[1]\\r.xml'\n\
        Write-Host (Test-Path -Path $p)\n\
        Write-Host (Test-Path -LiteralPath $p)\n\
        Write-Host (Test-Path -Path 'C:\\LyncPush\\r?.xml')\n\
        Write-Host (Test-Path -Path 'C:\\LyncPush\\r[0-9].xml')\n\
        Write-Host (Split-Path -Parent $p)\n\
        Write-Host (Join-Path 'C:\\Lync[1]' 'r.xml')\n\
        try { $x = Import-Clixml -Path $p } catch { Write-Host 'import: not found' }\n\
        try { @{} | Export-Clixml -Path 'C:\\Lync[1]\\new.xml' } catch { Write-Host $_.Exception.Message }\n\
        try { Rename-Item -Path $p -NewName 'r.done.xml' } catch { Write-Host 'rename: not found' }\n";
    let r = run(&format!("$ErrorActionPreference = 'Stop'\n{text}"), &mut m);
    assert_eq!(
        r.output,
        vec![
            "False",
            "True",
            "True",
            "True",
            "C:\\Lync[1]",
            "C:\\Lync[1]\\r.xml",
            "import: not found",
            "Cannot perform operation because the wildcard path C:\\Lync[1]\\new.xml did not resolve to a file.",
            "rename: not found",
        ],
        "{r:?}"
    );
    assert!(m.file("C:\\Lync[1]\\r.xml").is_some() && m.file("C:\\Lync[1]\\new.xml").is_none());
    // PowerShell 2.0's Import-Clixml has no -LiteralPath: a script using it is outside the model.
    let r = shell::run_text("$x = Import-Clixml -LiteralPath 'C:\\Lync[1]\\r.xml'\n", &mut m, &RunOptions::default()).unwrap();
    assert!(r.failure.as_deref().unwrap_or("").contains("no parameter -LiteralPath"), "{r:?}");
}

/// A configuration script saved in a folder with brackets stops before any change and says why;
/// its rollback there undoes nothing and says why.
#[test]
fn a_script_in_a_folder_with_brackets_stops_before_any_change() {
    use lync_push_wizard::core::render::{powershell::script, rollback::rollback};
    use lync_push_wizard::core::{plan, EdgeServer, MobileClient};
    let answers = support::answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]);
    let plan = plan(&answers).unwrap_or_else(|e| panic!("{e:?}"));
    let mut m = fresh();
    m.folders.insert("c:\\lync[push]".into());
    let before = m.deployment.clone();
    let options = RunOptions { script_path: Some("C:\\Lync[push]\\Configure-LyncPush.ps1".into()), switches: Vec::new() };
    let r = shell::run_text(&script(&plan), &mut m, &options).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.failure.is_none(), "{r:?}");
    assert_eq!(r.exit_code, Some(1), "{r:?}");
    assert_eq!(m.deployment, before, "{:?}", shell::diff(&before, &m.deployment));
    assert!(r.text().contains("cannot write the undo record in") && r.text().contains("are wildcards to -Path"), "{}", r.text());
    assert!(m.files.is_empty(), "{:?}", m.files.keys().collect::<Vec<_>>());
    let r = shell::run_text(&rollback(&plan), &mut m, &options).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.failure.is_none(), "{r:?}");
    // Its first line of its own (after the first mark, tests/run_report.rs) says why.
    let said: Vec<&String> = r.output.iter().filter(|line| line.starts_with("Nothing was undone")).collect();
    assert!(said.len() == 1 && said[0].starts_with("Nothing was undone: PowerShell 2.0 cannot read the record") && said[0].contains("are wildcards to -Path"), "{}", r.text());
    // The same script from a plain folder runs through (the model's own check).
    let mut m = fresh();
    let options = RunOptions { script_path: Some("C:\\LyncPush\\Configure-LyncPush.ps1".into()), switches: Vec::new() };
    let r = shell::run_text(&script(&plan), &mut m, &options).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.failure.is_none() && r.uncaught.is_none(), "{r:?}");
    assert_ne!(m.deployment, before);
}
