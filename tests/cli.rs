#![cfg(not(target_arch = "wasm32"))]
//! The real binary, as an administrator or a script calls it.

use std::process::Command;
use lync_push_wizard::core::{EdgeServer, MobileClient, PoolVersion};

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_lync-push-wizard")).args(args).output().expect("binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    )
}

const SEED: [&str; 8] =
    ["--edge", "lync2013", "--client", "wp-lync2013", "--client", "ios-lync2010", "--access-edge", "accessproxy.contoso.com"];

#[test]
fn the_seed_example_prints_the_script_and_exits_0() {
    let (code, stdout, stderr) = run(&SEED);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.starts_with("# Push notifications for Lync Server mobility\n"));
    assert!(stdout.contains(
        "New-CsHostingProvider -Identity \"LyncOnline\" -Enabled $True -ProxyFqdn \"sipfed.online.lync.com\" -VerificationLevel UseSourceVerification -EnabledSharedAddressSpace $False -HostsOCSUsers $False"
    ));
    assert_eq!(stdout, std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed-lync2013.ps1")).unwrap());
}

#[test]
fn every_format_and_every_verdict_exits_0() {
    for format in ["ps1", "rollback", "steps", "runbook", "json"] {
        for edge in ["lync2013", "lync2010", "ocs2007r2", "none"] {
            let (code, stdout, _) =
                run(&["--edge", edge, "--client", "wp-lync2010", "--access-edge", "edge.contoso.com", "--format", format]);
            assert_eq!(code, 0, "{edge} {format}");
            assert!(!stdout.is_empty());
        }
    }
    // Windows Phone alone: MPNS is retired, so nothing is configured unless chosen.
    let (_, advised, _) = run(&["--format", "rollback", "--edge", "lync2010", "--client", "wp-lync2010", "--access-edge", "e.contoso.com"]);
    assert!(!advised.contains("Remove-CsHostingProvider") && advised.contains("nothing to undo"), "{advised}");
    let (_, undo, _) = run(&["--format", "rollback", "--edge", "lync2010", "--client", "wp-lync2010", "--access-edge", "e.contoso.com", "--configure-retired-mpns"]);
    assert!(undo.contains("Remove-CsHostingProvider") && undo.contains("$MyInvocation.MyCommand.Path"));
    let (_, script, _) = run(&["--edge", "sfb2015", "--client", "ios-sfb", "--access-edge", "e.contoso.com", "--apns-for-sfb-ios"]);
    assert!(script.contains("-EnableApplePushNotificationService $True"), "APNS for the SfB iOS app, as chosen");
    assert!(script.contains("#   Your choices:              apns-for-sfb-ios"), "the header says it was chosen");
    let (_, json, _) = run(&["--format=json", "--edge=ocs2007r2", "--client=ios-lync2010", "--access-edge=a.contoso.com"]);
    let document: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(document["decision"]["verdict"], "configure");
    assert_eq!(document["steps"][0]["manual"], true);
}

#[test]
fn invalid_input_exits_2_with_one_line_and_no_stdout() {
    let cases: [&[&str]; 7] = [
        &["--edge", "lync2015"],
        &["--edge", "lync2013", "--client", "blackberry"],
        &["--edge", "lync2013", "--client", "ios-lync2010"],
        &["--edge", "lync2013", "--client", "ios-lync2010", "--access-edge", "10.0.0.1"],
        &["--edge", "lync2013", "--site", "Red'mond"],
        &["--format", "yaml"],
        &["--edge"],
    ];
    let expected_names = ["Edge Server", "Mobile clients", "Access Edge FQDN", "Access Edge FQDN", "Site name", "--format", "--edge"];
    for (args, name) in cases.iter().zip(expected_names) {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(stdout, "", "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(name), "{args:?}: {stderr}");
    }
}

#[test]
fn help_lists_the_vocabulary() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    let edges = EdgeServer::ALL.iter().map(|edge| edge.token());
    let clients = MobileClient::ALL.iter().map(|client| client.token());
    let pools = PoolVersion::ALL.iter().map(|pool| pool.token());
    for token in edges.chain(clients).chain(pools).chain(["--pool", "--existing-provider", "--site", "--discovery", "discovery", "--report", "--lang"]) {
        assert!(stdout.contains(token), "{token}");
    }
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name)).expect("golden file")
}

/// `--format discovery` prints the read-only script; `--discovery FILE` reads what it printed,
/// saved as Windows PowerShell's `>` saves it (UTF-16LE with a byte-order mark) inside a
/// transcript, and says what it fills and what stays open. A damaged file exits 2 with one line
/// naming the line that is wrong.
#[test]
fn the_discovery_script_and_its_block_read_back() {
    let (code, script, stderr) = run(&["--format", "discovery"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(script, golden("discovery.ps1"));
    assert!(script.contains("Get-CsService -EdgeServer") && !script.contains("New-CsHostingProvider"));
    let folder = std::env::temp_dir().join(format!("lync-push-wizard-cli-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    let block = golden("discovery.fresh.txt");
    let transcript = format!("**********************\nWindows PowerShell transcript start\nPS C:\\> .\\Get-LyncPushDeployment.ps1\n{block}PS C:\\> Stop-Transcript\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(transcript.replace('\n', "\r\n").encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let saved = folder.join("discovery.txt");
    std::fs::write(&saved, utf16).expect("written");
    let (code, stdout, stderr) = run(&["--discovery", saved.to_str().expect("a UTF-8 path")]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    for line in [
        "From the discovery script of wizard rules 2026.12.07.",
        "Filled from the deployment:",
        "  Internal Access Edge FQDN: accessproxy.contoso.com, the FQDN of the one Edge pool.",
        "  Hosting provider: None federates with sipfed.online.lync.com yet: the configuration script adds one.",
        "To answer or confirm:",
        "  Edge Server: Edge pool accessproxy.contoso.com reports version 5. No Microsoft page maps this number to a product: confirm the Edge Server's version.",
        "  Pool version: Not read: no documented property of the registrar pools gives their version. Choose the pool's version yourself.",
        "  Push settings: Yours to choose: globally, or at one site. Sites in the topology: Redmond, Dublin, North America.",
        "  - push.lync.com is not on the allowed domain list yet.",
        "  - The Access Edge uses DNS SRV routing.",
    ] {
        assert!(stdout.lines().any(|l| l == line), "{line}\n{stdout}");
    }
    let damaged = folder.join("damaged.txt");
    std::fs::write(&damaged, block.replace("Dublin", "Dubl1n")).expect("written");
    let (code, stdout, stderr) = run(&["--discovery", damaged.to_str().expect("a UTF-8 path")]);
    assert_eq!((code, stdout.as_str(), stderr.lines().count()), (2, "", 1), "{stderr}");
    assert!(stderr.contains(&format!("Line {}: the check value does not match", block.lines().count())), "{stderr}");
    // With answers beside it: what the configuration script will do there, step by step; on
    // the blockers' deployment, what stops it before any change.
    let half = folder.join("half.txt");
    std::fs::write(&half, golden("discovery.half-configured.txt")).expect("written");
    let answers = ["--edge", "lync2013", "--client", "ios-lync2010", "--client", "wp-lync2013"];
    let (code, stdout, stderr) = run(&[&["--discovery", half.to_str().expect("a UTF-8 path")][..], &answers].concat());
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    let forecast = stdout.split_once("What the configuration script will do here:\n").map(|(_, rest)| rest).unwrap_or_default();
    assert_eq!(
        forecast,
        "  (From the block; the script checks it all again when it runs, since the deployment may change in between.)\n\
         \x20 1. Check the existing hosting provider LyncOnline for sipfed.online.lync.com\n\
         \x20   - Already so: nothing changes.\n\
         \x20 2. Allow federation with push.lync.com\n\
         \x20   - Already so: nothing changes.\n\
         \x20 3. Turn on push notifications (APNS and MPNS, global)\n\
         \x20   - Will change EnableMicrosoftPushNotificationService of Global from False to True.\n\
         \x20 4. Enable federation on the Access Edge\n\
         \x20   - Will change AllowFederatedUsers from False to True, for the whole organisation.\n",
        "{stdout}"
    );
    let blocked = folder.join("blocked.txt");
    std::fs::write(&blocked, golden("discovery.blockers.txt")).expect("written");
    let (code, stdout, _) = run(&[&["--discovery", blocked.to_str().expect("a UTF-8 path")][..], &answers, &["--access-edge", "accessproxy.contoso.com"]].concat());
    assert_eq!(code, 0, "{stdout}");
    for line in [
        "  The script will stop before its first change:",
        "    - This shell lacks Get-CsPushNotificationConfiguration, Set-CsPushNotificationConfiguration, Test-CsMcxPushNotification.",
        "    - push.lync.com is on the blocked domain list.",
        "    - The Access Edge uses default routing.",
        "  Once what stops it is cleared, the script would:",
        "  2. Allow federation with push.lync.com",
        "    - Stops here, before any change: push.lync.com is on the blocked domain list.",
        "    - Once that is cleared: Will add push.lync.com to the allowed domains.",
        "    - Once that is cleared: Will change AllowFederatedUsers from False to True, for the whole organisation.",
    ] {
        assert!(stdout.lines().any(|l| l == line), "{line}\n{stdout}");
    }
    let huge = folder.join("huge.txt");
    std::fs::write(&huge, "x".repeat(10 << 20)).expect("written");
    for (file, says) in [(huge, "10485760 bytes"), (folder.join("missing.txt"), "--discovery")] {
        let (code, stdout, stderr) = run(&["--discovery", file.to_str().expect("a UTF-8 path")]);
        assert_eq!((code, stdout.as_str(), stderr.lines().count()), (2, "", 1), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
    }
    std::fs::remove_dir_all(&folder).expect("cleaned up");
}

/// `--report FILE` reads a run's output (a paste, or a UTF-16 transcript) and prints the report,
/// in English or, with `--lang zh-TW`, Chinese: the goldens tests/run_report.rs keeps. With the
/// answers of another script it says so; a damaged output is one line naming its line, exit 2.
#[test]
fn a_runs_output_reads_back_as_its_report() {
    let folder = std::env::temp_dir().join(format!("lync-push-wizard-cli-report-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("a temporary folder");
    for name in ["clean", "stopped", "before-replication", "rollback-left"] {
        let output = golden(&format!("run.{name}.txt"));
        let transcript = format!("**********************\nWindows PowerShell transcript start\nPS C:\\LyncPush> .\\Enable-LyncPushNotifications.ps1\n{output}PS C:\\LyncPush> Stop-Transcript\n");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(transcript.replace('\n', "\r\n").encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let saved = folder.join(format!("{name}.txt"));
        std::fs::write(&saved, utf16).expect("written");
        let path = saved.to_str().expect("a UTF-8 path");
        let (code, stdout, stderr) = run(&[&["--report", path][..], &SEED].concat());
        assert_eq!((code, stderr.as_str()), (0, ""), "{name}");
        assert_eq!(stdout, golden(&format!("run.{name}.report.en.md")), "{name}");
        let (code, stdout, _) = run(&[&["--report", path, "--lang", "zh-TW"][..], &SEED].concat());
        assert_eq!((code, stdout), (0, golden(&format!("run.{name}.report.zh-TW.md"))), "{name}");
    }
    let clean = folder.join("clean.txt");
    let (_, stdout, _) = run(&["--report", clean.to_str().expect("a UTF-8 path"), "--edge", "lync2013", "--client", "ios-lync2010", "--access-edge", "edge.fabrikam.com"]);
    assert!(stdout.contains("They are not the answers open in the wizard"), "{stdout}");
    let damaged = folder.join("damaged.txt");
    std::fs::write(&damaged, golden("run.clean.txt").replacen("LyncOnline~", "LyncOnlime~", 1)).expect("written");
    let (code, stdout, stderr) = run(&["--report", damaged.to_str().expect("a UTF-8 path")]);
    assert_eq!((code, stdout.as_str(), stderr.lines().count()), (2, "", 1), "{stderr}");
    assert!(stderr.contains(": the check value does not match the marks"), "{stderr}");
    assert!(stderr.contains("Line "), "{stderr}");
    let (code, _, stderr) = run(&["--report", clean.to_str().expect("a UTF-8 path"), "--lang", "fr"]);
    assert_eq!((code, stderr.as_str()), (2, "error: --lang: 'fr' is not one of: en, zh-TW\n"));
    std::fs::remove_dir_all(&folder).expect("cleaned up");
}
