#![cfg(not(target_arch = "wasm32"))]
//! The discovery script, run in the modelled shell (tests/shell) on every starting deployment
//! and a few with hostile names, and read back with the core's parser: what it reads equals
//! what the model holds, through documented properties only, with no changing call; a copy
//! through a transcript, CRLF or a narrow console reads the same; and a fault at any call costs
//! only that call's part, which the block marks as not read, never as a wrong value.

mod shell;
mod support;

use std::path::PathBuf;

use lync_push_wizard::core::discovery::{
    self, AccessEdge, Change, Discovered, EdgePool, Filled, Mcx, Open, Part, Provider, PushScope, Read, Replication, Routing, State,
    LINE_WIDTH, LOOKED_FOR,
};
use lync_push_wizard::core::{plan, Answers, EdgeServer, MobileClient};
use lync_push_wizard::core::facts::{LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN, RULES_VERSION};
use lync_push_wizard::core::facts::DISCOVERY_FILE_ZH_TW;
use lync_push_wizard::core::i18n::Language;
use lync_push_wizard::core::render::view::DiscoveryView;
use lync_push_wizard::core::render::powershell::{discovery as discovery_script, discovery_in as discovery_script_in};
use shell::model::{self, diff, spec, Deployment, Edge, Fault, HostingProvider, Machine, PushSettings, Routing as ModelRouting};
use shell::starts::{starts, AWKWARD_SITES, SCRIPT_PATH};
use shell::value::Kind;
use shell::{RunOptions, RunResult, Script};

/// Names that would break a reader trusting raw values: its separators, its markers, a line
/// break, quotes, brackets, letters outside ASCII and outside the Basic Multilingual Plane.
const HOSTILE: &[&str] = &[
    "a|b",
    "~ok|site|9",
    "100% sure",
    "two\nlines",
    "==== END LYNC-PUSH DISCOVERY records=1 check=00000000 ====",
    "<b>O'Brien</b> & \"co\"",
    "Zürich 😀",
];

/// The starting deployments, and three more: hostile names, an OCS 2007 R2 Edge (no Edge pool
/// in the topology), and a site whose name runs longer than a line.
fn deployments() -> Vec<(String, Machine)> {
    let mut all: Vec<(String, Machine)> = starts().into_iter().map(|s| (s.name.to_string(), s.machine)).collect();
    let mut hostile = Machine::new(Deployment::fresh());
    for name in HOSTILE {
        hostile.deployment.sites.push((*name).into());
        hostile.deployment.push.push(PushSettings { identity: format!("site:{name}"), apple: true, microsoft: false });
        hostile.deployment.providers.push(HostingProvider::new(name, &format!("{}.example", name.len()), false));
    }
    hostile.deployment.mcx[0].push_notification_proxy_uri = "sip:push@push.lync.com|~%\n".into();
    all.push(("hostile names".into(), hostile));
    let mut ocs = Machine::new(Deployment::fresh());
    ocs.deployment.edge = Edge::Ocs2007R2 { internal_fqdn: "ocsedge.contoso.com".into(), push_partner_added: false };
    all.push(("OCS 2007 R2 Edge".into(), ocs));
    let mut long = Machine::new(Deployment::fresh());
    long.deployment.sites.push(format!("{} {}", "Ä".repeat(60), "x".repeat(120)));
    all.push(("a site name longer than a line".into(), long));
    // Every ASCII character, and the first and last of each UTF-8 length.
    let mut every = Machine::new(Deployment::fresh());
    every.deployment.sites.push((1u8..=127).map(char::from).collect());
    every.deployment.sites.push("\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}".into());
    all.push(("every character".into(), every));
    // A large topology: the block runs to kilobytes, so the checksum's running sums wrap many
    // times (Adler-32 reduces them at 65521), where a slip in the script's arithmetic shows.
    let mut large = Machine::new(Deployment::fresh());
    large.deployment.sites.extend((1..=120).map(|n| format!("Branch office {n:03}")));
    all.push(("120 sites".into(), large));
    all
}

/// A value as the block's format encodes it (core::discovery): the bytes of
/// `A-Z a-z 0-9 - . _ : @` as themselves, every other byte of its UTF-8 as `%XX`.
fn encode(value: &str) -> String {
    value.bytes().map(|b| if b.is_ascii_alphanumeric() || b"-._:@".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// The records of a block, each with the lines a long one was split over joined again.
fn records(output: &str) -> Vec<String> {
    let mut records: Vec<String> = Vec::new();
    for line in output.lines().filter(|line| !line.starts_with("====")) {
        match records.last_mut() {
            Some(last) if !line.starts_with('~') => last.push_str(line),
            _ => records.push(line.to_string()),
        }
    }
    records
}

/// What the script can see of the model, through the properties it reads: the expected block.
fn truth(m: &Machine) -> Discovered {
    let d = &m.deployment;
    let has = |name: &str| spec(name).is_some_and(|s| m.available(s));
    // A part whose cmdlet the shell lacks is absent; the script reads every other.
    fn gate<T>(present: bool, value: T) -> Read<T> {
        if present {
            Read::Done(value)
        } else {
            Read::Absent
        }
    }
    let on = |part: Part| has(part.cmdlet());
    let e = &d.access_edge;
    let dns = e.routing == ModelRouting::DnsSrv;
    let kind = if dns { Kind::AccessEdgeDnsSrvRouting } else { Kind::AccessEdgeDefaultRoute };
    let full = model::type_name(kind).expect("the Access Edge types are documented");
    Discovered {
        made_by: RULES_VERSION.into(),
        cmdlets: gate(on(Part::Cmdlets), LOOKED_FOR.iter().map(|name| (name.to_string(), has(name))).collect()),
        edge_pools: gate(on(Part::EdgePools), match &d.edge {
            Edge::Lync { internal_fqdn } => {
                vec![EdgePool { pool_fqdn: internal_fqdn.clone(), site_id: "site:Redmond".into(), version: "5".into() }]
            }
            Edge::Ocs2007R2 { .. } => Vec::new(),
        }),
        sites: gate(on(Part::Sites), d.sites.clone()),
        access_edge: gate(on(Part::AccessEdge), AccessEdge {
            type_name: if m.deserialized { "PSObject".into() } else { full.rsplit('.').next().unwrap_or(full).into() },
            routing_method: match (e.routing_method_shown, dns) {
                (false, _) => String::new(),
                (true, true) => "UseDnsSrvRouting".into(),
                (true, false) => "UseDefaultRouting".into(),
            },
            allow_federated_users: Some(e.allow_federated_users),
            enable_partner_discovery: (dns && (!m.deserialized || e.routing_method_shown)).then_some(e.enable_partner_discovery),
        }),
        providers: gate(on(Part::Providers), 
            d.providers
                .iter()
                .map(|p| Provider {
                    identity: p.identity.clone(),
                    proxy_fqdn: p.proxy_fqdn.clone(),
                    enabled: Some(p.enabled),
                    enabled_shared_address_space: Some(p.enabled_shared_address_space),
                    verification_level: p.verification_level.clone(),
                })
                .collect(),
        ),
        push_allowed: gate(on(Part::Allowed), d.is_allowed(PUSH_DOMAIN)),
        push_blocked: gate(on(Part::Blocked), d.is_blocked(PUSH_DOMAIN)),
        push: gate(on(Part::Push), d.push.iter().map(|p| PushScope { identity: p.identity.clone(), apple: Some(p.apple), microsoft: Some(p.microsoft) }).collect()),
        mcx: gate(on(Part::Mcx), 
            d.mcx.iter().map(|x| Mcx { identity: x.identity.clone(), push_notification_proxy_uri: x.push_notification_proxy_uri.clone() }).collect(),
        ),
        replication: gate(on(Part::Replication), Replication {
            replicas: d.replicas.len() as u32,
            up_to_date: (0..d.replicas.len()).filter(|&i| m.replica_reported_up_to_date(i)).count() as u32,
        }),
    }
}

/// Each part of a reading as text, for comparing part by part.
fn parts(found: &Discovered) -> Vec<(&'static str, String, bool)> {
    fn gap<T>(read: &Read<T>) -> bool {
        !matches!(read, Read::Done(_))
    }
    vec![
        ("made", found.made_by.clone(), false),
        ("cmdlet", format!("{:?}", found.cmdlets), gap(&found.cmdlets)),
        ("edge", format!("{:?}", found.edge_pools), gap(&found.edge_pools)),
        ("site", format!("{:?}", found.sites), gap(&found.sites)),
        ("accessedge", format!("{:?}", found.access_edge), gap(&found.access_edge)),
        ("provider", format!("{:?}", found.providers), gap(&found.providers)),
        ("allowed", format!("{:?}", found.push_allowed), gap(&found.push_allowed)),
        ("blocked", format!("{:?}", found.push_blocked), gap(&found.push_blocked)),
        ("push", format!("{:?}", found.push), gap(&found.push)),
        ("mcx", format!("{:?}", found.mcx), gap(&found.mcx)),
        ("replication", format!("{:?}", found.replication), gap(&found.replication)),
    ]
}

/// The answers and state the block must give for this model.
fn expected_answers(m: &Machine, found: &Discovered) -> Vec<(&'static str, bool, String)> {
    let reading = discovery::fill(found);
    let d = &m.deployment;
    let lync = spec("Get-CsService").is_some_and(|s| m.available(s));
    let access_edge = match (&d.edge, lync) {
        (_, false) => Filled::Open(Open::NotRead("Get-CsService", None)),
        (Edge::Lync { internal_fqdn }, true) => Filled::Known(internal_fqdn.clone()),
        (Edge::Ocs2007R2 { .. }, true) => Filled::Open(Open::NoEdgePool),
    };
    let provider = match lync {
        false => Filled::Open(Open::NotRead("Get-CsHostingProvider", None)),
        true => Filled::Known(d.provider_for(LYNC_ONLINE_PROXY_FQDN).map(|p| p.identity.clone())),
    };
    let routing = match (&d.access_edge.routing, m.deserialized && !d.access_edge.routing_method_shown) {
        (_, true) => Routing::Unknown,
        (ModelRouting::DnsSrv, false) => Routing::DnsSrv,
        (ModelRouting::Default { .. }, false) => Routing::Default,
    };
    let has = |fact: &State| reading.state.contains(fact);
    vec![
        ("access edge answer", reading.access_edge == access_edge, format!("{:?} != {access_edge:?}", reading.access_edge)),
        ("provider answer", reading.provider == provider, format!("{:?} != {provider:?}", reading.provider)),
        ("routing", !lync || has(&State::Routing(routing)), format!("{:?} lacks {routing:?}", reading.state)),
        ("federation", !lync || has(&State::Federation(d.access_edge.allow_federated_users)), format!("{:?}", reading.state)),
        ("push domain", !lync || has(&if d.is_blocked(PUSH_DOMAIN) { State::PushDomainBlocked } else if d.is_allowed(PUSH_DOMAIN) { State::PushDomainAllowed } else { State::PushDomainNotAllowed }), format!("{:?}", reading.state)),
    ]
}

/// The output as three other copies of it: a transcript with CRLF and padded lines, a console
/// 33 columns wide, and a paste with a blank line between every two.
fn copies(output: &str) -> Vec<(&'static str, String)> {
    let padded: Vec<String> = output.lines().map(|line| format!("{line:<80}")).collect();
    let narrow: String = output
        .lines()
        .flat_map(|line| line.as_bytes().chunks(if line.starts_with("====") { usize::MAX } else { 33 }).map(|c| String::from_utf8_lossy(c).into_owned() + "\n").collect::<Vec<_>>())
        .collect();
    vec![
        ("transcript", format!("**********************\r\nWindows PowerShell transcript start\r\nPS C:\\> .\\Get-LyncPushDeployment.ps1\r\n{}\r\nPS C:\\> Stop-Transcript\r\n", padded.join("\r\n"))),
        ("narrow console", narrow),
        ("blank lines", output.replace('\n', "\n\n")),
    ]
}

#[derive(Default)]
struct Tally {
    checks: usize,
    runs: usize,
    failures: Vec<String>,
}

impl Tally {
    fn check(&mut self, deployment: &str, what: &str, ok: bool, detail: impl FnOnce() -> String) {
        self.checks += 1;
        if !ok && self.failures.len() < 20 {
            self.failures.push(format!("{deployment}: {what}: {}", detail()));
        }
    }
}

fn run(script: &Script, machine: &mut Machine) -> RunResult {
    script.run(machine, &RunOptions::default())
}

fn on_lync(m: &Machine) -> bool {
    spec("Get-CsSite").is_some_and(|s| m.available(s))
}

fn read_only(result: &RunResult) -> Vec<String> {
    result.calls.iter().filter(|c| !(c.name.starts_with("Get-") || c.name == "Test-Path")).map(|c| c.name.clone()).collect()
}

#[test]
fn the_discovery_script_reads_every_modelled_deployment_exactly() {
    let text = discovery_script();
    let invoked: Vec<String> = support::commands(&support::parse(&text), &text).into_iter().map(|(name, _)| name.to_string()).collect();
    assert!(invoked.iter().all(|name| name.starts_with("Get-") || name == "Where-Object" || name == "Set-StrictMode"), "{invoked:?}");
    let all = deployments();
    let tally = prove(&text, &all, true);
    let awkward = all.iter().filter(|(_, m)| AWKWARD_SITES.iter().all(|s| m.deployment.sites.iter().any(|x| x == s))).count();
    println!(
        "discovery: {} deployments ({} with the awkward site names, 1 with hostile names), {} runs, {} checks, {} failures",
        all.len(),
        awkward,
        tally.runs,
        tally.checks,
        tally.failures.len()
    );
    assert!(awkward >= 1 && all.len() >= 40);
    assert!(tally.failures.is_empty(), "{}", tally.failures.join("\n"));
}

/// Every check of the proof for one (possibly mutated) script text over `all` deployments;
/// `faults`: also a fault at every call of every run.
fn prove(text: &str, all: &[(String, Machine)], faults: bool) -> Tally {
    let mut tally = Tally::default();
    let script = match Script::parse(text) {
        Ok(script) => script,
        Err(e) => {
            tally.check("every deployment", "parses", false, || e.to_string());
            return tally;
        }
    };
    for (name, start) in all {
        let mut machine = start.clone();
        let result = run(&script, &mut machine);
        tally.runs += 1;
        let expected = truth(start);
        let n = name.as_str();
        tally.check(n, "runs to the end", result.failure.is_none() && result.uncaught.is_none(), || format!("{:?} {:?}", result.failure, result.uncaught));
        tally.check(n, "documented properties only", result.violations.is_empty(), || format!("{:?}", result.violations));
        tally.check(n, "only Get- calls", read_only(&result).is_empty() && result.changing_calls().is_empty(), || format!("{:?}", read_only(&result)));
        tally.check(n, "nothing changed", diff(&start.deployment, &machine.deployment).is_empty(), || format!("{:?}", diff(&start.deployment, &machine.deployment)));
        let output = result.text() + "\n";
        let long: Vec<&str> = output.lines().filter(|line| line.len() > LINE_WIDTH || !line.is_ascii()).collect();
        tally.check(n, "short ASCII lines", long.is_empty(), || format!("{long:?}"));
        // The encoder, proven on the values the model holds: each site's record is its name,
        // encoded exactly as the format says, whatever characters it has.
        if on_lync(start) {
            let printed = records(&output);
            let missing: Vec<String> = start.deployment.sites.iter().map(|site| format!("~site|{}", encode(&format!("Site:{site}")))).filter(|r| !printed.contains(r)).collect();
            tally.check(n, "encoded as the format says", missing.is_empty(), || format!("{missing:?}"));
        }
        let found = match discovery::parse(&output) {
            Ok(found) => found,
            Err(problem) => {
                tally.check(n, "reads back", false, || format!("{problem:?}\n{output}"));
                continue;
            }
        };
        for ((part, got, _), (_, want, _)) in parts(&found).iter().zip(parts(&expected)) {
            tally.check(n, part, *got == want, || format!("read {got}, the model holds {want}"));
        }
        for (what, ok, detail) in expected_answers(start, &found) {
            tally.check(n, what, ok, || detail);
        }
        for (how, copy) in copies(&output) {
            tally.check(n, how, discovery::parse(&copy).as_ref() == Ok(&found), || format!("{:?}", discovery::parse(&copy).err()));
        }
        // A fault at every call, before it acts, after it has, and as an ordinary error.
        for at in 1..=if faults { result.calls.len() } else { 0 } {
            for (after_commit, non_terminating) in [(false, false), (true, false), (false, true)] {
                let mut machine = start.clone();
                machine.next_run_with(Some(Fault { at, after_commit, non_terminating }));
                let faulted = run(&script, &mut machine);
                tally.runs += 1;
                let what = format!("fault at call {at} ({})", result.calls[at - 1].name);
                let read = discovery::parse(&(faulted.text() + "\n"));
                let differing: Vec<(&str, String, bool)> = match &read {
                    Ok(read) => parts(read).into_iter().zip(parts(&expected)).filter(|(got, want)| got.1 != want.1).map(|(got, _)| got).collect(),
                    Err(_) => Vec::new(),
                };
                // The one part the fault hit is marked not read, with the cmdlet's own message
                // (PowerShell 2.0's "... is set to Stop: " prefix taken off); Get-Command's lookups
                // of the push cmdlets, asked to continue silently, can only say "not found".
                // A fault in the Get-Command that looks for a part's cmdlet: an ordinary error, asked
                // to continue silently, reads as "absent"; a terminating one fails the part.
                let name = &result.calls[at - 1].name;
                let message = format!("Failed({:?})", format!("injected fault at store call {at} ({name})"));
                let said = |got: &str| got == message || (name == "Get-Command" && non_terminating && got == "Absent");
                let only_that_part = differing.len() <= 1 && differing.iter().all(|(part, got, gap)| (*gap && said(got)) || *part == "cmdlet");
                tally.check(n, &what, faulted.failure.is_none() && faulted.uncaught.is_none() && read.is_ok() && only_that_part, || {
                    format!("{:?} {:?} {:?} differs: {differing:?}", faulted.failure, faulted.uncaught, read.err())
                });
            }
        }
    }
    tally
}

/// Plausible one-line bugs in the discovery script (tests/shell/mutate.rs, the same mutator as the
/// configuration scripts' campaign), each run through the proof without faults: a mutant that no
/// check kills is either listed in `tests/discovery-mutants.equivalent.txt` with its reason or
/// fails this test.
#[test]
fn the_discovery_proof_kills_the_discovery_scripts_mutants() {
    let text = discovery_script();
    let all = deployments();
    let few: Vec<(String, Machine)> = all.iter().filter(|(name, _)| name == "fresh" || name.contains("hostile")).cloned().collect();
    let listed: Vec<&str> = include_str!("discovery-mutants.equivalent.txt").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("  because:")).map(str::trim).collect();
    let (mut killed, mut unviable, mut equivalent) = (0, 0, 0);
    let mut survivors = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut still_survive = std::collections::BTreeSet::new();
    for mutant in shell::mutate::mutants(&text) {
        if !seen.insert(mutant.signature.clone()) {
            continue;
        }
        let mutated = mutant.apply(&text);
        if Script::parse(&mutated).is_err() {
            unviable += 1;
            continue;
        }
        // Without faults over every deployment first (fast); then with a fault at every call
        // over a few, which is where the error path runs.
        if !prove(&mutated, &all, false).failures.is_empty() || !prove(&mutated, &few, true).failures.is_empty() {
            killed += 1;
        } else if listed.contains(&mutant.signature.trim()) {
            equivalent += 1;
            still_survive.insert(mutant.signature.trim().to_string());
        } else {
            survivors.push(mutant.signature.clone());
        }
    }
    println!("discovery mutants: {} signatures, {killed} killed, {equivalent} equivalent, {unviable} unviable, {} unexplained", seen.len(), survivors.len());
    assert!(killed > 0);
    assert!(survivors.is_empty(), "{} mutant(s) of the discovery script survived the proof:\n{}", survivors.len(), survivors.join("\n"));
    let stale: Vec<&&str> = listed.iter().filter(|l| !still_survive.contains(**l)).collect();
    assert!(stale.is_empty(), "listed as equivalent, but no longer made or no longer surviving: remove them:\n{stale:?}");
}

/// The three example deployments the blocks in tests/golden show (and the page's screenshots
/// read): fresh; half-configured (a provider, push.lync.com allowed, Apple push on, federation
/// still off); and one with blockers (push.lync.com blocked, default routing, SkypeOnline for
/// another proxy, and a Lync Server 2010 shell without the push cmdlets).
pub fn examples() -> Vec<(&'static str, Machine)> {
    let mut fresh = Machine::new(Deployment::fresh());
    fresh.deployment.sites.push("North America".into());
    let mut half = fresh.clone();
    half.deployment.providers.push(HostingProvider::new("LyncOnline", LYNC_ONLINE_PROXY_FQDN, true));
    half.deployment.allowed.push(model::AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false });
    half.deployment.push[0].apple = true;
    let mut blockers = fresh.clone();
    blockers.deployment.blocked.push(model::BlockedDomain { domain: PUSH_DOMAIN.into(), comment: Some("blocked by policy".into()) });
    blockers.deployment.access_edge.routing =
        ModelRouting::Default { default_route_fqdn: "sip.contoso-isp.example".into(), verification_level: "AlwaysVerifiable".into(), is_public_provider: false };
    blockers.deployment.providers.push(HostingProvider::new("SkypeOnline", "sipfed.partner.example", true));
    blockers.deployment.shell = model::Shell::Lync { push_cmdlets: false };
    vec![("fresh", fresh), ("half-configured", half), ("blockers", blockers)]
}

/// The blocks the script prints for the example deployments, kept as examples of the format
/// (`UPDATE_GOLDEN=1` rewrites them, as tests/golden.rs does its files).
#[test]
fn the_example_deployments_blocks_are_the_golden_examples() {
    let script = Script::parse(&discovery_script()).unwrap_or_else(|e| panic!("{e}"));
    for (name, start) in examples() {
        let output = run(&script, &mut start.clone()).text() + "\n";
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/discovery.{name}.txt"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &output).expect("write golden file");
            continue;
        }
        assert_eq!(output, std::fs::read_to_string(&path).expect("the golden example; UPDATE_GOLDEN=1 writes it"), "{name}");
    }
}

/// The zh-TW page's discovery script: its comments in Traditional Chinese, its code the English
/// one's, so it prints the same block on every example deployment (its text is the golden
/// `discovery.zh-TW.ps1`; `UPDATE_GOLDEN=1` rewrites it).
#[test]
fn the_chinese_script_is_the_english_one_with_chinese_comments() {
    let (english, chinese) = (discovery_script(), discovery_script_in(&DiscoveryView::new(Language::ZhTw)));
    let code = |text: &str| shell::code_of(text).lines().filter(|line| !line.trim().is_empty()).map(String::from).collect::<Vec<_>>();
    assert_eq!(code(&chinese), code(&english), "only the comments differ");
    assert!(chinese.contains("唯讀") && chinese.contains(DISCOVERY_FILE_ZH_TW) && !chinese.contains("Read-only:"));
    let (english_script, chinese_script) = (Script::parse(&english).unwrap_or_else(|e| panic!("{e}")), Script::parse(&chinese).unwrap_or_else(|e| panic!("{e}")));
    for (name, start) in examples() {
        assert_eq!(run(&chinese_script, &mut start.clone()).text(), run(&english_script, &mut start.clone()).text(), "{name}");
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/discovery.zh-TW.ps1");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &chinese).expect("write golden file");
        return;
    }
    assert_eq!(chinese, std::fs::read_to_string(&path).expect("the golden; UPDATE_GOLDEN=1 writes it"));
}

/// What the encoder and the check value rest on, as .NET documents it: a code point converts to
/// its [char]; Int32.ToString("X2") is upper-case hex padded to two digits ("X" format
/// specifier, Standard numeric format strings); Encoding.UTF8.GetBytes gives UTF-8.
#[test]
fn the_modelled_primitives_behave_as_documented() {
    let text = "& {\n    [char]65\n    (255).ToString('X2')\n    (10).ToString('X4')\n    (10).ToString('X')\n    -join @([System.Text.Encoding]::UTF8.GetBytes('Z\u{fc}\u{1F600}') | ForEach-Object { $_.ToString('X2') })\n}\n";
    let result = shell::run_text(text, &mut Machine::new(Deployment::fresh()), &RunOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(result.output, ["A", "FF", "000A", "A", "5AC3BCF09F9880"], "{:?}", result.failure);
    assert_eq!(encode("Z\u{fc}|"), "Z%C3%BC%7C");
}

/// The answer sets the forecast is proven with: each kind of push step, globally and at sites
/// the topology has (Redmond) and may lack (North America), and a Skype for Business Edge,
/// whose new provider is SkypeOnline. The block fills the Access Edge and the provider.
fn forecast_answer_sets() -> Vec<Answers> {
    let iphone = support::answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]);
    let both = support::answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]);
    let windows_phone = Answers { configure_retired_mpns: true, ..support::answers(EdgeServer::Lync2010, &[MobileClient::WpLync2010]) };
    let sfb = Answers { apns_for_sfb_ios: true, ..support::answers(EdgeServer::Sfb2015, &[MobileClient::IosSfb]) };
    vec![
        iphone.clone(),
        both.clone(),
        support::with_site(iphone, "Redmond"),
        support::with_site(both, "North America"),
        support::with_site(windows_phone, "Dublin"),
        sfb,
    ]
}

/// A forecast change as the model's diff writes it (tests/shell/model/diff.rs); a created
/// provider or domain by its key alone, since the forecast does not restate its fields.
fn as_diff_line(change: &Change) -> String {
    let yes = |on: bool| if on { "True" } else { "False" };
    match change {
        Change::AddProvider(identity) => format!("created hosting provider {identity}"),
        Change::AllowPushDomain => format!("created allowed domain {PUSH_DOMAIN}"),
        Change::CreatePushSettings { identity, apple, microsoft, .. } => format!(
            "created push settings {identity} (EnableApplePushNotificationService {}, EnableMicrosoftPushNotificationService {})",
            yes(*apple),
            yes(*microsoft)
        ),
        Change::TurnOn { identity, switch } => format!("push settings {identity}: {} False -> True", switch.name()),
        Change::AllowFederatedUsers => "Access Edge configuration: AllowFederatedUsers False -> True".into(),
    }
}

fn diff_lines(before: &Deployment, after: &Deployment) -> Vec<String> {
    let mut lines: Vec<String> = diff(before, after)
        .into_iter()
        .map(|line| match line.starts_with("created hosting provider ") || line.starts_with("created allowed domain ") {
            true => line.split(" (").next().unwrap_or(&line).to_string(),
            false => line,
        })
        .collect();
    lines.sort();
    lines
}

/// What the block read from a machine forecasts for the answers; `None` where the block leaves
/// the Access Edge open (no Edge pool) or the answers make no plan.
fn forecast_for(discovery: &Script, machine: &Machine, base: &Answers) -> Option<(Answers, discovery::Outlook)> {
    let found = discovery::parse(&(run(discovery, &mut machine.clone()).text() + "\n")).ok()?;
    let mut answers = base.clone();
    discovery::fill(&found).apply(&mut answers);
    let plan = plan(&answers).ok()?;
    Some((answers, discovery::forecast(&plan, &found)))
}

/// The state-aware plan, held to what the configuration script then does: on every modelled
/// deployment with an Edge pool, for each answer set, the changes the forecast lists are the
/// model's difference after a run, line for line; a forecast stop is a run that stops (exit 1)
/// and changes nothing; and the block read after the run forecasts no change left.
#[test]
fn the_forecast_equals_what_the_configuration_script_changes() {
    let discovery = Script::parse(&discovery_script()).unwrap_or_else(|e| panic!("{e}"));
    let mut tally = Tally::default();
    let (mut stopped, mut changed, mut already) = (0, 0, 0);
    let options = RunOptions { script_path: Some(SCRIPT_PATH.into()), switches: Vec::new() };
    // A folder the undo record cannot be written to stops the script too; that is the machine's
    // file system, which the block does not read (and the forecast does not claim to know).
    for (name, start) in deployments().into_iter().filter(|(name, _)| name != "record folder read-only") {
        for base in forecast_answer_sets() {
            let Some((answers, outlook)) = forecast_for(&discovery, &start, &base) else { continue };
            let label = format!("{name}, {}", shell::case_label(&answers));
            let n = label.as_str();
            // Only a part the shell could not read leaves a step unknown: in a shell without the
            // push cmdlets (a plain PowerShell lacks every one), which also stops the script.
            let lacks_push_cmdlets = start.deployment.shell != model::Shell::Lync { push_cmdlets: true };
            tally.check(n, "unknown only where unread", outlook.complete() != lacks_push_cmdlets, || format!("{outlook:?}"));
            let (text, _) = shell::texts(&answers);
            let script = Script::parse(&text).unwrap_or_else(|e| panic!("{e}"));
            let mut machine = start.clone();
            let result = script.run(&mut machine, &options);
            tally.runs += 1;
            let made = diff_lines(&start.deployment, &machine.deployment);
            let mut forecast: Vec<String> = outlook.changes().into_iter().map(as_diff_line).collect();
            forecast.sort();
            tally.check(n, "the changes forecast are the changes made", made == forecast, || format!("forecast {forecast:?}, made {made:?}\n{outlook:?}"));
            if !outlook.stops.is_empty() || !outlook.complete() {
                stopped += 1;
                tally.check(n, "a forecast stop stops the run", result.exit_code == Some(1) && made.is_empty(), || format!("exit {:?}, {:?}", result.exit_code, result.output.iter().rev().take(3).collect::<Vec<_>>()));
                continue;
            }
            if forecast.is_empty() {
                already += 1;
            } else {
                changed += 1;
            }
            tally.check(n, "runs without stopping", result.exit_code != Some(1) && result.failure.is_none(), || format!("exit {:?} {:?}", result.exit_code, result.failure));
            let after = forecast_for(&discovery, &machine, &base).map(|(_, outlook)| outlook);
            tally.check(n, "nothing left to change after the run", after.as_ref().is_some_and(|o| o.stops.is_empty() && o.changes().is_empty()), || format!("{after:?}"));
        }
    }
    println!(
        "forecast: {} runs of the configuration script ({changed} that change, {already} already so, {stopped} stopped), {} checks, {} failures",
        tally.runs,
        tally.checks,
        tally.failures.len()
    );
    assert!(tally.runs >= 150 && changed > 0 && already > 0 && stopped > 0, "{} runs", tally.runs);
    assert!(tally.failures.is_empty(), "{}", tally.failures.join("\n"));
}
