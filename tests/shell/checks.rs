//! The properties every generated script pair must have when run in the modelled shell, and the
//! starting deployments they are run against. The expected end state is computed here from the
//! answers alone (the seed's table and rules restated), never from the script.

use std::collections::BTreeMap;

use lync_push_wizard::core::{Answers, EdgeServer, PoolVersion, ScopeKind};

use super::model::{diff, AllowedDomain, BlockedDomain, Deployment, HostingProvider, Machine, PushSettings, Routing, Shell, LYNC_ONLINE, PUSH_DOMAIN, SCRIPT_FOLDER};
use super::value::Kind;
use super::{RunOptions, RunResult, Script};

pub const SCRIPT_PATH: &str = "C:\\LyncPush\\LyncPushNotifications.ps1";
pub const ROLLBACK_PATH: &str = "C:\\LyncPush\\LyncPushNotifications.rollback.ps1";

/// A starting deployment and how the scripts are started there.
#[derive(Clone)]
pub struct Start {
    pub name: &'static str,
    pub machine: Machine,
    /// `None`: pasted into the shell (the record goes to the current folder).
    pub script_path: Option<&'static str>,
}

fn start(name: &'static str, change: impl FnOnce(&mut Machine)) -> Start {
    let mut machine = Machine::new(Deployment::fresh());
    change(&mut machine);
    Start { name, machine, script_path: Some(SCRIPT_PATH) }
}

fn lync_online() -> HostingProvider {
    provider_named("LyncOnline")
}

/// The provider the configuration script creates, under the pool's version's example Identity.
fn provider_named(identity: &str) -> HostingProvider {
    let mut p = HostingProvider::new(identity, LYNC_ONLINE, true);
    p.verification_level = "UseSourceVerification".into();
    p
}

/// The starting deployments every script is run against.
pub fn starts() -> Vec<Start> {
    vec![
        start("fresh", |_| {}),
        start("already configured", |m| {
            let d = &mut m.deployment;
            d.providers.push(lync_online());
            d.allowed.push(AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false });
            d.push[0].apple = true;
            d.push[0].microsoft = true;
            d.push.push(PushSettings { identity: "site:Redmond".into(), apple: true, microsoft: true });
            d.access_edge.allow_federated_users = true;
        }),
        start("Office365 provider for sipfed", |m| {
            let mut p = HostingProvider::new("Office365", LYNC_ONLINE, true);
            p.enabled_shared_address_space = true;
            p.verification_level = "AlwaysVerifiable".into();
            m.deployment.providers.push(p);
        }),
        start("Office365 provider disabled", |m| {
            let mut p = HostingProvider::new("Office365", LYNC_ONLINE, false);
            p.enabled_shared_address_space = true;
            m.deployment.providers.push(p);
        }),
        start("push.lync.com blocked", |m| {
            m.deployment.blocked.push(BlockedDomain { domain: PUSH_DOMAIN.into(), comment: Some("blocked by policy".into()) })
        }),
        start("LyncOnline with another ProxyFqdn", |m| {
            m.deployment.providers.push(HostingProvider::new("LyncOnline", "sipfed.partner.example", true))
        }),
        start("site settings present, switches off", |m| {
            m.deployment.push.push(PushSettings { identity: "site:Redmond".into(), apple: false, microsoft: false })
        }),
        start("global push partly on", |m| m.deployment.push[0].microsoft = true),
        start("default routing", |m| {
            m.deployment.access_edge.routing = Routing::Default {
                default_route_fqdn: "sip.contoso-isp.example".into(),
                verification_level: "AlwaysVerifiable".into(),
                is_public_provider: false,
            }
        }),
        start("partner discovery on", |m| m.deployment.access_edge.enable_partner_discovery = true),
        start("Lync 2010 without the Nov 2011 CU", |m| m.deployment.shell = Shell::Lync { push_cmdlets: false }),
        start("not a Lync shell", |m| m.deployment.shell = Shell::PlainPowerShell),
        start("record folder read-only", |m| {
            m.unwritable.insert(SCRIPT_FOLDER.to_ascii_lowercase());
        }),
        start("replicas never catch up", |m| m.replication_delay = None),
        start("site Redmond missing from the topology", |m| m.deployment.sites.retain(|site| site != "Redmond")),
        Start { name: "pasted into the shell", machine: Machine::new(Deployment::fresh()), script_path: None },
    ]
}

// ---------------------------------------------------------------------------------------------
// What the answers require
// ---------------------------------------------------------------------------------------------

/// The seed's client table and Edge rule, restated independently of the core.
pub struct Need {
    pub apns: bool,
    pub mpns: bool,
    pub configure: bool,
    pub hosting_provider: bool,
    pub scope: String,
    /// The example Identity of a new hosting provider for the pool's version.
    pub identity: &'static str,
}

pub fn need(answers: &Answers) -> Need {
    let want = crate::support::expected(answers);
    let (apns, mpns) = (want.apns, want.mpns);
    let scope = match answers.scope {
        ScopeKind::Global => "Global".to_string(),
        ScopeKind::Site => format!("site:{}", answers.site),
    };
    Need {
        apns,
        mpns,
        configure: want.configure,
        hosting_provider: want.hosting_provider,
        scope,
        identity: want.identity,
    }
}

#[allow(clippy::large_enum_variant)] // One per run; boxing buys nothing here.
pub enum Expect {
    /// The store after a correct run.
    Changed(Deployment),
    /// The script must stop with nothing changed and $LASTEXITCODE 1.
    Blocked(&'static str),
}

/// What a configuration script for `answers` must leave behind, started on `start`.
pub fn expect(answers: &Answers, start: &Start) -> Expect {
    let n = need(answers);
    let d = &start.machine.deployment;
    match d.shell {
        Shell::PlainPowerShell => return Expect::Blocked("not a Lync shell"),
        Shell::Lync { push_cmdlets: false } => return Expect::Blocked("push cmdlets missing (Lync Server 2010 without the November 2011 CU)"),
        Shell::Lync { push_cmdlets: true } => {}
    }
    let record_folder = match start.script_path {
        Some(_) => SCRIPT_FOLDER.to_ascii_lowercase(),
        None => start.machine.cwd.to_ascii_lowercase(),
    };
    if start.machine.unwritable.contains(&record_folder) {
        return Expect::Blocked("the undo record cannot be written");
    }
    if answers.scope == ScopeKind::Site && !d.sites.iter().any(|site| site.eq_ignore_ascii_case(&answers.site)) {
        return Expect::Blocked("the answered site is not in the topology");
    }
    // New-CsHostingProvider.md: no hosting-provider federation while the Edge uses default routing.
    if n.hosting_provider && !matches!(d.access_edge.routing, Routing::DnsSrv) {
        return Expect::Blocked("the Access Edge uses default routing");
    }
    let mut end = d.clone();
    if n.hosting_provider {
        match d.provider_for(LYNC_ONLINE) {
            Some(_) => {}
            None if answers.provider_exists => return Expect::Blocked("the answers say a provider exists, but none federates with sipfed"),
            None if d.provider(n.identity).is_some() => return Expect::Blocked("a provider of that name has another ProxyFqdn"),
            None => end.providers.push(provider_named(n.identity)),
        }
        if !d.is_allowed(PUSH_DOMAIN) {
            if d.is_blocked(PUSH_DOMAIN) {
                return Expect::Blocked("push.lync.com is on the blocked list");
            }
            end.allowed.push(AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false });
        }
    }
    let global = d.push_settings("Global").unwrap().clone();
    match end.push_settings_mut(&n.scope) {
        Some(p) => {
            p.apple |= n.apns;
            p.microsoft |= n.mpns;
        }
        // A new site collection overrides global there: a service not needed keeps its global value.
        None => end.push.push(PushSettings { identity: n.scope.clone(), apple: n.apns || global.apple, microsoft: n.mpns || global.microsoft }),
    }
    end.access_edge.allow_federated_users = true;
    Expect::Changed(end)
}

/// What the rollback must leave: every value the script changed (`start` -> `after`) goes back,
/// unless someone changed it since (`now` differs from `after`); nothing the script did not change
/// is touched. Federation (organisation-wide) goes back only with `-Force`, and `-Force` also
/// removes a hosting provider or allowed domain the script created even if it was changed since;
/// push settings changed since are left alone even with `-Force`.
pub fn rollback_expect(start: &Deployment, after: &Deployment, now: &Deployment, force: bool) -> Deployment {
    let mut end = now.clone();
    for p in &after.providers {
        if start.provider(&p.identity).is_none() {
            let unchanged = now.provider(&p.identity) == Some(p);
            if unchanged || force {
                end.providers.retain(|q| !q.identity.eq_ignore_ascii_case(&p.identity));
            }
        }
    }
    for a in &after.allowed {
        if !start.is_allowed(&a.domain) {
            let unchanged = now.allowed.iter().any(|b| b == a);
            if unchanged || force {
                end.allowed.retain(|b| !b.domain.eq_ignore_ascii_case(&a.domain));
            }
        }
    }
    for p in &after.push {
        match start.push_settings(&p.identity) {
            None => {
                if now.push_settings(&p.identity) == Some(p) {
                    end.push.retain(|q| !q.identity.eq_ignore_ascii_case(&p.identity));
                }
            }
            Some(before) => {
                let Some(current) = now.push_settings(&p.identity).cloned() else { continue };
                let target = end.push_settings_mut(&p.identity).unwrap();
                if before.apple != p.apple && current.apple == p.apple {
                    target.apple = before.apple;
                }
                if before.microsoft != p.microsoft && current.microsoft == p.microsoft {
                    target.microsoft = before.microsoft;
                }
            }
        }
    }
    let (b, a) = (start.access_edge.allow_federated_users, after.access_edge.allow_federated_users);
    if b != a && force {
        end.access_edge.allow_federated_users = b;
    }
    end
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

pub const END_STATE: &str = "(a) right end state";
pub const EXIT_CODE: &str = "(a) $LASTEXITCODE";
pub const IDEMPOTENT: &str = "(b) idempotence";
pub const CRASH: &str = "(c) crash safety";
pub const ROLLBACK: &str = "(d) exact rollback";
pub const ROLLBACK_RERUN: &str = "(d) rollback re-runnable after a fault";
pub const RESPECTFUL: &str = "(e) respectful rollback";
pub const PREFLIGHT: &str = "(f) pre-flight";
pub const DOCUMENTED_ONLY: &str = "(g) documented properties only";
pub const SUBSET: &str = "modelled subset";
pub const NO_CHANGE: &str = "no-change verdicts";
pub const BOUNDED: &str = "bounded waiting";

#[derive(Default)]
pub struct Report {
    /// Property -> (number of failures, the first example of each kind of failure).
    pub findings: BTreeMap<&'static str, (usize, Vec<String>)>,
    kinds: BTreeMap<&'static str, Vec<String>>,
    pub runs: usize,
    pub faults: usize,
    pub reads: BTreeMap<(Kind, String), usize>,
}

impl Report {
    /// Records a failure of `property`; the first example of each `kind` is kept.
    pub fn fail(&mut self, property: &'static str, kind: &str, example: String) {
        let entry = self.findings.entry(property).or_default();
        entry.0 += 1;
        let kinds = self.kinds.entry(property).or_default();
        if !kinds.iter().any(|k| k == kind) && kinds.len() < examples_per_property() {
            kinds.push(kind.to_string());
            entry.1.push(format!("[{kind}] {example}"));
        }
    }

    pub fn has(&self, property: &str) -> bool {
        self.findings.contains_key(property)
    }

    pub fn merge(&mut self, other: Report, weight: usize) {
        for (k, (n, examples)) in other.findings {
            let entry = self.findings.entry(k).or_default();
            entry.0 += n * weight;
            let kinds = self.kinds.entry(k).or_default();
            for (kind, e) in other.kinds.get(k).cloned().unwrap_or_default().into_iter().zip(examples) {
                if !kinds.contains(&kind) && kinds.len() < examples_per_property() {
                    kinds.push(kind);
                    entry.1.push(e);
                }
            }
        }
        self.runs += other.runs;
        self.faults += other.faults;
        for (k, n) in other.reads {
            *self.reads.entry(k).or_insert(0) += n;
        }
    }

    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (property, (n, examples)) in &self.findings {
            out.push_str(&format!("\n{property}: {n} failure(s)\n"));
            for e in examples {
                out.push_str(&format!("  e.g. {}\n", e.replace('\n', "\n       ")));
            }
        }
        out
    }

    pub fn total_reads(&self) -> usize {
        self.reads.values().sum()
    }
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

/// How many kinds of failure a report shows per property (`MODELLED_SHELL_EXAMPLES`, default 6).
fn examples_per_property() -> usize {
    std::env::var("MODELLED_SHELL_EXAMPLES").ok().and_then(|v| v.parse().ok()).unwrap_or(6)
}

pub struct Pair<'a> {
    pub label: String,
    pub answers: &'a Answers,
    pub script: &'a Script,
    pub rollback: &'a Script,
}

struct Runner<'r> {
    report: &'r mut Report,
    label: String,
}

impl Runner<'_> {
    fn run(&mut self, script: &Script, machine: &mut Machine, path: Option<&str>, force: bool, fault: Option<usize>, what: &str) -> RunResult {
        machine.next_run(fault);
        let clock = machine.clock;
        let options = RunOptions { script_path: path.map(str::to_string), switches: if force { vec!["Force".into()] } else { Vec::new() } };
        let result = script.run(machine, &options);
        self.report.runs += 1;
        if fault.is_some() {
            self.report.faults += 1;
        }
        for (k, n) in &machine.reads {
            *self.report.reads.entry(k.clone()).or_insert(0) += n;
        }
        if let Some(why) = &result.failure {
            self.report.fail(SUBSET, &kind_of(why), format!("{} / {what}: {why}", self.label));
        }
        for v in &result.violations {
            self.report.fail(DOCUMENTED_ONLY, &kind_of(v), format!("{} / {what}: {v}", self.label));
        }
        if machine.clock - clock > 30 * 60 {
            self.report.fail(BOUNDED, "long wait", format!("{} / {what}: waited {} simulated seconds", self.label, machine.clock - clock));
        }
        result
    }
}

/// A failure's kind: its message with line numbers and quoted values left out.
fn kind_of(message: &str) -> String {
    let body = message.split_once(": ").map(|(_, b)| b).unwrap_or(message);
    body.chars().filter(|c| !c.is_ascii_digit()).take(90).collect()
}

fn start_name(label: &str) -> String {
    label.rsplit_once(" from ").map(|(_, s)| s.to_string()).unwrap_or_default()
}

/// The shape of a difference, without values: "created hosting provider LyncOnline; Access Edge
/// configuration: AllowFederatedUsers".
fn diff_kind(expected: &Deployment, actual: &Deployment) -> String {
    diff(expected, actual)
        .iter()
        .map(|l| {
            let l = l.split(" (").next().unwrap_or(l);
            match l.rsplit_once(' ') {
                Some((head, _)) if l.contains(" -> ") => head.split(" ").take_while(|w| *w != "->").collect::<Vec<_>>().join(" ").rsplit_once(' ').map(|(h, _)| h.to_string()).unwrap_or_default(),
                _ => l.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn show_diff(expected: &Deployment, actual: &Deployment) -> String {
    let lines = diff(expected, actual);
    if lines.is_empty() {
        "no difference".into()
    } else {
        format!("expected -> actual: {}", lines.join("; "))
    }
}

fn tail(result: &RunResult) -> String {
    let lines: Vec<&String> = result.output.iter().rev().take(3).collect();
    let mut text: Vec<String> = lines.into_iter().rev().cloned().collect();
    if let Some(u) = &result.uncaught {
        text.push(format!("uncaught: {u}"));
    }
    text.join(" | ")
}

/// Runs every property check of one configuration/rollback pair against every start.
pub fn check_pair(pair: &Pair, starts: &[Start]) -> Report {
    let mut report = Report::default();
    let n = need(pair.answers);
    for start in starts {
        let mut start = start.clone();
        if pair.answers.edge == Some(EdgeServer::Ocs2007R2) {
            // The OCS 2007 R2 Edge was federated with push.lync.com by hand (seed procedure B).
            start.machine.deployment.edge = super::model::Edge::Ocs2007R2 { internal_fqdn: super::model::INTERNAL_EDGE_FQDN.into(), push_partner_added: true };
        }
        let start = &start;
        let mut r = Runner { report: &mut report, label: format!("{} from '{}'", pair.label, start.name) };
        if n.configure {
            check_configure(&mut r, pair, start, &n);
        } else {
            check_no_change(&mut r, pair, start);
        }
    }
    report
}

fn check_no_change(r: &mut Runner, pair: &Pair, start: &Start) {
    for (script, what) in [(pair.script, "script"), (pair.rollback, "rollback")] {
        let mut m = start.machine.clone();
        let result = r.run(script, &mut m, start.script_path, false, None, what);
        if m.deployment != start.machine.deployment || !result.changing_calls().is_empty() {
            r.report.fail(NO_CHANGE, what, format!("{} / {what}: {}", r.label, show_diff(&start.machine.deployment, &m.deployment)));
        }
    }
}

fn check_configure(r: &mut Runner, pair: &Pair, start: &Start, n: &Need) {
    let path = start.script_path;
    let rollback_path = path.map(|_| ROLLBACK_PATH);
    let expected = expect(pair.answers, start);
    let before = start.machine.deployment.clone();

    // (a) the first run.
    let mut m1 = start.machine.clone();
    let first = r.run(pair.script, &mut m1, path, false, None, "first run");
    let store_calls = first.calls.len();
    match &expected {
        Expect::Blocked(why) => {
            if m1.deployment != before || !first.changing_calls().is_empty() {
                r.report.fail(END_STATE, why, format!("{} ({why}): must change nothing, but {}", r.label, show_diff(&before, &m1.deployment)));
            }
            if first.exit_code != Some(1) {
                r.report.fail(EXIT_CODE, "blocked run", format!("{} ({why}): $LASTEXITCODE {:?}, expected 1; output ends: {}", r.label, first.exit_code, tail(&first)));
            }
            preflight(r, pair, start, &first);
        }
        Expect::Changed(end) => {
            if &m1.deployment != end {
                r.report.fail(END_STATE, &format!("from {}: {}", start.name, diff_kind(end, &m1.deployment)), format!("{}: {}", r.label, show_diff(end, &m1.deployment)));
            }
            // 0; or, when a read-only test reported a failure, any code but 1 (which means "stopped").
            let reported = first.text().contains("Fail");
            let fine = match first.exit_code {
                Some(0) => true,
                Some(1) | None => false,
                Some(_) => reported,
            };
            if !fine {
                r.report.fail(
                    EXIT_CODE,
                    "successful run",
                    format!(
                        "{}: $LASTEXITCODE {:?} after a run that made every change, expected 0 (or a code other than 1 with a failed test reported)",
                        r.label, first.exit_code
                    ),
                );
            }
        }
    }
    let after = m1.deployment.clone();

    // (b) a second run changes nothing and says so.
    let mut m2 = m1.clone();
    let second = r.run(pair.script, &mut m2, path, false, None, "second run");
    if m2.deployment != after || !second.changing_calls().is_empty() {
        let calls: Vec<&str> = second.changing_calls().iter().map(|c| c.name.as_str()).collect();
        r.report.fail(IDEMPOTENT, &format!("changes from {}", start.name), format!("{}: second run {}; calls {calls:?}", r.label, show_diff(&after, &m2.deployment)));
    }
    if let Expect::Changed(_) = expected {
        let change_steps = if n.hosting_provider { 4 } else { 2 };
        let skipped = second.output.iter().filter(|l| l.contains("Skipped")).count();
        if skipped < change_steps {
            r.report.fail(IDEMPOTENT, "Skipped", format!("{}: second run says Skipped {skipped} times for {change_steps} change steps", r.label));
        }
    }

    // (d) the rollback, without and with -Force, after an uninterrupted run.
    check_rollback(r, pair, &before, &m1, rollback_path, "rollback");

    if let Expect::Blocked(_) = expected {
        return;
    }

    // (c) a fault at each store call in turn, then a clean re-run, then the rollback.
    for k in 1..=store_calls {
        let mut m = start.machine.clone();
        let faulted = r.run(pair.script, &mut m, path, false, Some(k), "faulted run");
        let call = faulted.calls.iter().find(|c| c.faulted).map(|c| c.name.clone()).unwrap_or_default();
        let what = format!("fault at call {k} ({call})");
        // A fault stops the script ($LASTEXITCODE 1), unless it hit a read-only call (a test,
        // the replication status) after every change was made: then it is reported and the
        // script may go on.
        let read_only = call.starts_with("Get-") || call.starts_with("Test-");
        if read_only && m.deployment == after {
            if !faulted.text().contains("injected fault") {
                r.report.fail(CRASH, &format!("fault at {call} not reported"), format!("{} / {what}: the fault is not reported; output ends: {}", r.label, tail(&faulted)));
            }
        } else if faulted.exit_code != Some(1) {
            r.report.fail(CRASH, &format!("exit code after a fault at {call}"), format!("{} / {what}: $LASTEXITCODE {:?}, expected 1; output ends: {}", r.label, faulted.exit_code, tail(&faulted)));
        }
        // The rollback straight after the interrupted run undoes what that run changed.
        let mut m_undo = m.clone();
        let undo = r.run(pair.rollback, &mut m_undo, rollback_path, false, None, "rollback after a fault");
        let want = rollback_expect(&before, &m.deployment, &m.deployment, false);
        if m_undo.deployment != want {
            r.report.fail(
                ROLLBACK,
                &format!("right after a fault at {call}: {}", diff_kind(&want, &m_undo.deployment)),
                format!("{} / {what}, then the rollback: {}; output ends: {}", r.label, show_diff(&want, &m_undo.deployment), tail(&undo)),
            );
        }
        let mut m_re = m.clone();
        r.run(pair.script, &mut m_re, path, false, None, "re-run after a fault");
        if m_re.deployment != after {
            r.report.fail(CRASH, &format!("state after a fault at {call} and a re-run: {}", diff_kind(&after, &m_re.deployment)), format!("{} / {what}, then a re-run: {}", r.label, show_diff(&after, &m_re.deployment)));
            continue;
        }
        let mut m_rb = m_re.clone();
        let rb = r.run(pair.rollback, &mut m_rb, rollback_path, false, None, "rollback after fault and re-run");
        let want = rollback_expect(&before, &after, &after, false);
        if m_rb.deployment != want {
            r.report.fail(ROLLBACK, &format!("after a fault at {call} and a re-run: {}", diff_kind(&want, &m_rb.deployment)), format!("{} / {what}, re-run, rollback: {}; output ends: {}", r.label, show_diff(&want, &m_rb.deployment), tail(&rb)));
        }
    }

    // (e) someone changed things since: the rollback leaves them (and warns) unless -Force.
    respectful(r, pair, start, n, &before, &m1, rollback_path);
}

fn check_rollback(r: &mut Runner, pair: &Pair, before: &Deployment, m1: &Machine, path: Option<&str>, what: &str) {
    let after = &m1.deployment;
    for force in [false, true] {
        let mode = if force { "rollback -Force" } else { "rollback" };
        let want = rollback_expect(before, after, after, force);
        let mut m = m1.clone();
        let result = r.run(pair.rollback, &mut m, path, force, None, mode);
        if m.deployment != want {
            r.report.fail(
                ROLLBACK,
                &format!("{mode}: {}", diff_kind(&want, &m.deployment)),
                format!("{} / {what} ({mode}): {}; output ends: {}", r.label, show_diff(&want, &m.deployment), tail(&result)),
            );
        } else if !force && after.access_edge.allow_federated_users != before.access_edge.allow_federated_users && !result.text().contains("WARNING") {
            r.report.fail(RESPECTFUL, "federation left on silently", format!("{} / {mode}: federation is left on without a warning", r.label));
        }
        // What only -Force may undo keeps the record (exit code 3), so a later -Force run can.
        let left_for_force = !force && want != rollback_expect(before, after, after, true);
        // No record (a run stopped by its pre-flight writes none): nothing is undone, and the
        // rollback says so with 1, so a caller notices a wrong folder.
        let has_record = m1.files.keys().any(|path| path.ends_with("lyncpushnotifications.undo.xml"));
        let expected_code = match (has_record, left_for_force) {
            (false, _) => 1,
            (true, true) => 3,
            (true, false) => 0,
        };
        if result.exit_code != Some(expected_code) {
            r.report.fail(
                ROLLBACK,
                &format!("{mode}: exit code"),
                format!("{} / {mode}: $LASTEXITCODE {:?}, expected {expected_code}; output ends: {}", r.label, result.exit_code, tail(&result)),
            );
        }
        if left_for_force {
            let mut then = m.clone();
            r.run(pair.rollback, &mut then, path, true, None, "rollback -Force after a rollback without it");
            let want_forced = rollback_expect(before, after, after, true);
            if then.deployment != want_forced {
                r.report.fail(
                    ROLLBACK,
                    "rollback, then rollback -Force",
                    format!("{} / rollback, then rollback -Force: {}", r.label, show_diff(&want_forced, &then.deployment)),
                );
            }
        }
        // A fault at each call of the rollback, then a clean re-run.
        let calls = result.calls.len();
        for j in 1..=calls {
            let mut mf = m1.clone();
            let faulted = r.run(pair.rollback, &mut mf, path, force, Some(j), "faulted rollback");
            let call = faulted.calls.iter().find(|c| c.faulted).map(|c| c.name.clone()).unwrap_or_default();
            if faulted.exit_code != Some(1) {
                r.report.fail(
                    ROLLBACK_RERUN,
                    &format!("exit code after a fault at {call}"),
                    format!("{} / {mode} with a fault at call {j} ({call}): $LASTEXITCODE {:?}, expected 1", r.label, faulted.exit_code),
                );
            }
            r.run(pair.rollback, &mut mf, path, force, None, "rollback re-run");
            if mf.deployment != want {
                r.report.fail(
                    ROLLBACK_RERUN,
                    &format!("{mode}: state after a fault at {call} and a re-run: {}", diff_kind(&want, &mf.deployment)),
                    format!("{} / {mode} with a fault at call {j} ({call}), then re-run: {}", r.label, show_diff(&want, &mf.deployment)),
                );
            }
        }
    }
}

/// A change someone made after the script ran, and whether the rollback must warn about it.
type Scenario = (&'static str, Box<dyn Fn(&mut Deployment)>, bool);

fn respectful(r: &mut Runner, pair: &Pair, start: &Start, n: &Need, before: &Deployment, m1: &Machine, path: Option<&str>) {
    let after = &m1.deployment;
    let mut scenarios: Vec<Scenario> = Vec::new();
    // A hosting provider the script created, since made a hybrid one.
    let identity = n.identity;
    if after.provider(identity).is_some() && before.provider(identity).is_none() {
        scenarios.push(("the created provider now has EnabledSharedAddressSpace True", Box::new(move |d: &mut Deployment| {
            d.providers.iter_mut().find(|p| p.identity == identity).unwrap().enabled_shared_address_space = true;
        }), true));
    }
    // A push switch the script never touched, turned on since at the same scope.
    if n.apns != n.mpns {
        let scope = n.scope.clone();
        let created = before.push_settings(&scope).is_none();
        let apns = n.apns;
        scenarios.push((
            if created { "the created site settings had their other switch changed" } else { "the switch the script never touched was turned on" },
            Box::new(move |d: &mut Deployment| {
                let p = d.push_settings_mut(&scope).unwrap();
                if apns {
                    p.microsoft = !p.microsoft;
                } else {
                    p.apple = !p.apple;
                }
            }),
            created,
        ));
    }
    for (name, change, warns) in scenarios {
        let mut now_machine = m1.clone();
        change(&mut now_machine.deployment);
        let now = now_machine.deployment.clone();
        for force in [false, true] {
            let mode = if force { "rollback -Force" } else { "rollback" };
            let want = rollback_expect(before, after, &now, force);
            let mut m = now_machine.clone();
            let result = r.run(pair.rollback, &mut m, path, force, None, mode);
            if m.deployment != want {
                r.report.fail(RESPECTFUL, &format!("{name} / {mode}: {}", diff_kind(&want, &m.deployment)), format!("{} / {name} / {mode}: {}", r.label, show_diff(&want, &m.deployment)));
            } else if warns && !force && !result.text().contains("WARNING") {
                r.report.fail(RESPECTFUL, &format!("{name}: no warning"), format!("{} / {name} / {mode}: left it, but without a warning", r.label));
            }
        }
    }
    let _ = start;
}

fn preflight(r: &mut Runner, pair: &Pair, start: &Start, first: &RunResult) {
    let shell = &start.machine.deployment.shell;
    let missing: Vec<&String> = pair
        .script
        .commands
        .iter()
        .filter(|c| match shell {
            Shell::PlainPowerShell => c.contains("-Cs"),
            Shell::Lync { push_cmdlets: false } => super::model::spec(c).is_some_and(|s| s.group == super::model::Group::LyncPush),
            Shell::Lync { push_cmdlets: true } => false,
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    let text = first.text();
    let unnamed: Vec<&&String> = missing.iter().filter(|c| !text.contains(c.as_str())).collect();
    // Outside the Lync shell every *-Cs* cmdlet is missing: saying that this is not the Lync
    // Server Management Shell names the cause as well as a list would.
    let said_not_lync = matches!(shell, Shell::PlainPowerShell) && text.contains("Server Management Shell");
    if !unnamed.is_empty() && !said_not_lync {
        r.report.fail(PREFLIGHT, &format!("names from {}", start.name), format!("{}: the output does not name {unnamed:?}; output ends: {}", r.label, tail(first)));
    }
    // Only a Lync Server pool can lack the push cmdlets (push-facts §2: Lync Server 2010 before the
    // November 2011 update); every Skype for Business Server version has them (sfb-facts §4), so a
    // Skype for Business script names the missing cmdlets without blaming that update.
    let lync_pool = match pair.answers.pool {
        None | Some(PoolVersion::Lync2010 | PoolVersion::Lync2013) => true,
        Some(PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe) => false,
    };
    if lync_pool && matches!(shell, Shell::Lync { push_cmdlets: false }) {
        let lower = text.to_lowercase();
        if !(lower.contains("november 2011") && lower.contains("cumulative update")) {
            r.report.fail(PREFLIGHT, "cumulative update", format!("{}: the output does not mention the Lync Server 2010 November 2011 cumulative update", r.label));
        }
    }
}

/// Two configuration scripts for different answers run one after the other share the undo
/// record: either rollback then undoes what both changed.
pub fn check_sequence(first: &Pair, second: &Pair, starts: &[Start]) -> Report {
    let mut report = Report::default();
    for start in starts {
        let Expect::Changed(d1) = expect(first.answers, start) else { continue };
        let mut middle = start.clone();
        middle.machine.deployment = d1;
        let Expect::Changed(d2) = expect(second.answers, &middle) else { continue };
        let label = format!("{} then {} from '{}'", first.label, second.label, start.name);
        let mut r = Runner { report: &mut report, label };
        let mut m = start.machine.clone();
        r.run(first.script, &mut m, start.script_path, false, None, "first script");
        r.run(second.script, &mut m, start.script_path, false, None, "second script");
        if m.deployment != d2 {
            r.report.fail(END_STATE, "two scripts in a row", format!("{}: {}", r.label, show_diff(&d2, &m.deployment)));
            continue;
        }
        let rollback_path = start.script_path.map(|_| ROLLBACK_PATH);
        let want = rollback_expect(&start.machine.deployment, &d2, &d2, false);
        for (rollback, which) in [(second.rollback, "the second's rollback"), (first.rollback, "the first's rollback")] {
            let mut mr = m.clone();
            let result = r.run(rollback, &mut mr, rollback_path, false, None, which);
            if mr.deployment != want {
                r.report.fail(
                    ROLLBACK,
                    &format!("{which} after two scripts: {}", diff_kind(&want, &mr.deployment)),
                    format!("{} / {which}: {}; output ends: {}", r.label, show_diff(&want, &mr.deployment), tail(&result)),
                );
            }
        }
    }
    report
}
