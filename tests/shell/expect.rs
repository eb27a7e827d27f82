//! What a run must leave and say, computed from the answers and the model alone (the seed's
//! table and rules restated), never from the script: the end state, the undo record, the
//! warnings by cause, the tests' outcomes and the exit code.

use std::collections::BTreeMap;

use lync_push_wizard::core::{Answers, EdgeServer, ScopeKind};

use super::model::{AllowedDomain, Deployment, Edge, HostingProvider, Machine, PushSettings, Routing, Shell, LYNC_ONLINE, PUSH_DOMAIN, SCRIPT_FOLDER};
use super::starts::Start;
use super::value::Value;

/// The seed's client table and Edge rule, restated independently of the core.
pub struct Need {
    pub apns: bool,
    pub mpns: bool,
    pub configure: bool,
    pub hosting_provider: bool,
    pub scope: String,
    /// The example Identity of a new hosting provider for the pool's version.
    pub identity: &'static str,
    /// Test-CsMcxPushNotification is run (documented for the shell's version).
    pub push_test: bool,
}

pub fn need(answers: &Answers) -> Need {
    let want = crate::support::expected(answers);
    let scope = match answers.scope {
        ScopeKind::Global => "Global".to_string(),
        ScopeKind::Site => format!("site:{}", answers.site),
    };
    Need {
        apns: want.apns,
        mpns: want.mpns,
        configure: want.configure,
        hosting_provider: want.hosting_provider,
        scope,
        identity: want.identity,
        push_test: want.push_test,
    }
}

/// The provider the configuration script creates, under the pool's version's example Identity.
pub fn provider_named(identity: &str) -> HostingProvider {
    let mut p = HostingProvider::new(identity, LYNC_ONLINE, true);
    p.verification_level = "UseSourceVerification".into();
    p
}

#[allow(clippy::large_enum_variant)] // One per run; boxing buys nothing here.
pub enum Expect {
    /// The store after a correct run.
    Changed(Deployment),
    /// The script must stop with nothing changed and $LASTEXITCODE 1.
    Blocked(&'static str),
}

/// The folder the undo record goes to: the script's own, or (pasted) the current one.
pub fn record_folder(start: &Start) -> String {
    match start.script_path {
        Some(_) => SCRIPT_FOLDER.to_ascii_lowercase(),
        None => start.machine.cwd.to_ascii_lowercase(),
    }
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
    if start.machine.unwritable.contains(&record_folder(start)) {
        return Expect::Blocked("the undo record cannot be written");
    }
    if answers.scope == ScopeKind::Site && !d.sites.iter().any(|site| site.eq_ignore_ascii_case(&answers.site)) {
        return Expect::Blocked("the answered site is not in the topology");
    }
    // New-CsHostingProvider.md: no hosting-provider federation while the Edge uses default routing.
    if n.hosting_provider && routing_seen(&start.machine) == Some(false) {
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

/// What a script can tell of the routing, from Microsoft's signals in order: the output type
/// (Get-CsAccessEdgeConfiguration.md, OUTPUTS), then RoutingMethod (a sample output). `Some(true)`:
/// DNS SRV routing; `None`: neither says (a deserialized object without RoutingMethod).
pub fn routing_seen(machine: &Machine) -> Option<bool> {
    let e = &machine.deployment.access_edge;
    let dns_srv = matches!(e.routing, Routing::DnsSrv);
    (!machine.deserialized || e.routing_method_shown).then_some(dns_srv)
}

/// What the rollback must leave: every value the script changed (`start` -> `after`) goes back,
/// unless someone changed it since (`now` differs from `after`); nothing the script did not change
/// is touched. Federation (organisation-wide) goes back only with `-Force`, and `-Force` also
/// removes a hosting provider or allowed domain the script created even if it was changed since;
/// push settings changed since, and a provider a hybrid deployment now uses, are left alone even
/// with `-Force`.
pub fn rollback_expect(start: &Deployment, after: &Deployment, now: &Deployment, force: bool) -> Deployment {
    let mut end = now.clone();
    for p in &after.providers {
        if start.provider(&p.identity).is_none() {
            let unchanged = now.provider(&p.identity) == Some(p);
            // A provider a hybrid deployment now uses stays, even with -Force.
            let hybrid = now.provider(&p.identity).is_some_and(|q| q.enabled_shared_address_space);
            if (unchanged || force) && !hybrid {
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
// The undo record
// ---------------------------------------------------------------------------------------------

/// One scope's entry in the undo record. For settings that existed: the values before and which
/// switches the script turned on (`Some(true)`, else `$null`); for settings the script created:
/// the switch values it created them with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushEntry {
    pub existed: bool,
    pub apple_before: Option<bool>,
    pub microsoft_before: Option<bool>,
    pub apple_set: Option<bool>,
    pub microsoft_set: Option<bool>,
}

/// The undo record as the rollback reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub push: BTreeMap<String, PushEntry>,
    pub created_provider: Option<String>,
    pub created_allowed: Option<String>,
    pub federation_before: Option<bool>,
    /// `ChangeStart`: the clock when the last run that changed something was about to make its
    /// first change (the replication wait compares LastUpdateCreation with it).
    pub change_start: Option<i64>,
}

fn flag(v: Option<&Value>, key: &str) -> Result<Option<bool>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(format!("{key} holds a {}, not a Boolean", other.type_name())),
    }
}

fn text(v: Option<&Value>, key: &str) -> Result<Option<String>, String> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{key} holds a {}, not a string", other.type_name())),
    }
}

/// Reads a record as Import-Clixml gives it back; any key the rollback does not know is an error.
pub fn read_record(value: &Value) -> Result<Record, String> {
    let Value::Hash(table) = value else { return Err(format!("the record is a {}, not a hashtable", value.type_name())) };
    let table = table.borrow();
    let mut record = Record::default();
    for (key, v) in &table.entries {
        match key.as_str() {
            "PushSettings" => {
                let Value::Hash(scopes) = v else { return Err("PushSettings is not a hashtable".into()) };
                for (identity, entry) in &scopes.borrow().entries {
                    let Value::Hash(e) = entry else { return Err(format!("PushSettings[{identity}] is not a hashtable")) };
                    let e = e.borrow();
                    for (k, _) in &e.entries {
                        if !["Existed", "AppleBefore", "MicrosoftBefore", "AppleSet", "MicrosoftSet"].contains(&k.as_str()) {
                            return Err(format!("PushSettings[{identity}] has an unknown key {k}"));
                        }
                    }
                    let existed = flag(e.get("Existed"), "Existed")?.ok_or_else(|| format!("PushSettings[{identity}] lacks Existed"))?;
                    record.push.insert(
                        identity.clone(),
                        PushEntry {
                            existed,
                            apple_before: flag(e.get("AppleBefore"), "AppleBefore")?,
                            microsoft_before: flag(e.get("MicrosoftBefore"), "MicrosoftBefore")?,
                            apple_set: flag(e.get("AppleSet"), "AppleSet")?,
                            microsoft_set: flag(e.get("MicrosoftSet"), "MicrosoftSet")?,
                        },
                    );
                }
            }
            "CreatedHostingProvider" => record.created_provider = text(Some(v), key)?,
            "CreatedAllowedDomain" => record.created_allowed = text(Some(v), key)?,
            "AllowFederatedUsersBefore" => record.federation_before = flag(Some(v), key)?,
            // The time before the last changing run's first change, for the replication wait.
            "ChangeStart" => match v {
                Value::Date(at) => record.change_start = Some(*at),
                other => return Err(format!("ChangeStart holds a {}, not a date", other.type_name())),
            },
            other => return Err(format!("unknown key {other}")),
        }
    }
    Ok(record)
}

/// The record after a completed configuration run that started on `before` at `run_started`
/// with the record `earlier` (from earlier runs): each entry keeps the first value it recorded,
/// and `ChangeStart` is this run's start when it changes anything (nothing sleeps before the
/// first change), else the earlier run's.
pub fn expected_record(earlier: Option<&Record>, answers: &Answers, before: &Deployment, run_started: i64) -> Record {
    let n = need(answers);
    let mut record = earlier.cloned().unwrap_or_default();
    let mut changes = false;
    if n.hosting_provider {
        if before.provider_for(LYNC_ONLINE).is_none() {
            record.created_provider = Some(n.identity.to_string());
            changes = true;
        }
        if !before.is_allowed(PUSH_DOMAIN) {
            record.created_allowed = Some(PUSH_DOMAIN.to_string());
            changes = true;
        }
    }
    let global = before.push_settings("Global").unwrap();
    match before.push_settings(&n.scope) {
        None => {
            changes = true;
            record.push.insert(
                n.scope.clone(),
                PushEntry {
                    existed: false,
                    apple_before: None,
                    microsoft_before: None,
                    apple_set: Some(n.apns || global.apple),
                    microsoft_set: Some(n.mpns || global.microsoft),
                },
            );
        }
        Some(current) => {
            let turn_on_apple = n.apns && !current.apple;
            let turn_on_microsoft = n.mpns && !current.microsoft;
            if turn_on_apple || turn_on_microsoft {
                changes = true;
                let entry = record.push.entry(n.scope.clone()).or_insert(PushEntry {
                    existed: true,
                    apple_before: Some(current.apple),
                    microsoft_before: Some(current.microsoft),
                    apple_set: None,
                    microsoft_set: None,
                });
                if turn_on_apple {
                    entry.apple_set = Some(true);
                }
                if turn_on_microsoft {
                    entry.microsoft_set = Some(true);
                }
            }
        }
    }
    if !before.access_edge.allow_federated_users {
        changes = true;
        if record.federation_before.is_none() {
            record.federation_before = Some(false);
        }
    }
    if changes {
        record.change_start = Some(run_started);
    }
    record
}

/// Which part of the record must already be on disk when a changing call acts, and equal to
/// what the run's record holds in the end for it.
pub fn record_part_for(call: &str, scope: &str, record: &Record) -> Result<String, String> {
    // Every change also needs this run's ChangeStart on disk before it: a stop right after it
    // leaves a record whose re-run must still wait for the update it made.
    entry_part_for(call, scope, record).map(|part| format!("{part}; ChangeStart {:?}", record.change_start))
}

fn entry_part_for(call: &str, scope: &str, record: &Record) -> Result<String, String> {
    match call {
        "New-CsHostingProvider" => Ok(format!("CreatedHostingProvider {:?}", record.created_provider)),
        "New-CsAllowedDomain" => Ok(format!("CreatedAllowedDomain {:?}", record.created_allowed)),
        "Set-CsPushNotificationConfiguration" | "New-CsPushNotificationConfiguration" => {
            Ok(format!("PushSettings[{scope}] {:?}", record.push.iter().find(|(k, _)| k.eq_ignore_ascii_case(scope)).map(|(_, e)| e)))
        }
        "Set-CsAccessEdgeConfiguration" => Ok(format!("AllowFederatedUsersBefore {:?}", record.federation_before)),
        other => Err(format!("{other} changes something no record entry describes")),
    }
}

// ---------------------------------------------------------------------------------------------
// Warnings, by cause
// ---------------------------------------------------------------------------------------------

/// What a warning is about, read from its text. A warning of no known cause is itself a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Warning {
    ProviderDisabled,
    ProviderOtherIdentity,
    SiteOverridesGlobal,
    ReplicasLate,
    ReplicationUnreadable,
    TestsFailed,
    OcsPrecondition,
    NoStepsVerdict,
    FederationLeftOn,
    CreatedSiteChanged,
    ProviderNowHybrid,
    ProviderChanged,
    DomainChanged,
    NeedsForce,
    LegacyRecord,
    RoutingUnknown,
    EdgeFqdnMismatch,
}

const CAUSES: &[(Warning, &str)] = &[
    (Warning::ProviderDisabled, "is disabled, and push needs it enabled"),
    (Warning::ProviderOtherIdentity, "it serves push all the same"),
    (Warning::SiteOverridesGlobal, "override global and keep a needed service off"),
    (Warning::ReplicasLate, "are still not up to date after 5 minutes"),
    (Warning::ReplicationUnreadable, "The replication status could not be read"),
    (Warning::TestsFailed, "test(s) did not pass"),
    (Warning::OcsPrecondition, "Test-CsFederatedPartner needs push.lync.com on the allowed domains"),
    (Warning::FederationLeftOn, "AllowFederatedUsers stays True"),
    (Warning::CreatedSiteChanged, "but its push switches have been changed since"),
    (Warning::ProviderNowHybrid, "now has EnabledSharedAddressSpace True"),
    (Warning::ProviderChanged, "has been changed since the configuration script created it"),
    (Warning::DomainChanged, "push.lync.com has been changed since the configuration script added it"),
    (Warning::NeedsForce, "Finished, except what needs -Force"),
    (Warning::LegacyRecord, "from an earlier version of the script"),
    (Warning::EdgeFqdnMismatch, "is not the FQDN of an Edge pool"),
    (Warning::RoutingUnknown, "Neither the type nor RoutingMethod of Get-CsAccessEdgeConfiguration"),
];

/// The warnings of a run's output, by cause, in order; Err names a warning of no known cause.
pub fn warnings(output: &[String]) -> Result<Vec<Warning>, String> {
    let mut found = Vec::new();
    for line in output.iter().filter_map(|l| l.strip_prefix("WARNING: ")) {
        match CAUSES.iter().find(|(_, needle)| line.contains(needle)) {
            Some((w, _)) => found.push(*w),
            None if line.starts_with("No steps") || line.contains("no steps") || line.contains("No step") => found.push(Warning::NoStepsVerdict),
            None => return Err(format!("a warning of no known cause: {line}")),
        }
    }
    found.sort();
    Ok(found)
}

/// The tests a configuration run counts toward its exit code, and whether each would pass on
/// the store it leaves (`after`), by the model's truth.
pub fn counted_tests(answers: &Answers, after: &Machine) -> Vec<(&'static str, bool)> {
    let n = need(answers);
    let replicated = after.replicated_within(300);
    let target = answers.access_edge.as_str();
    let mut tests = Vec::new();
    // On the OCS 2007 R2 route nothing allows push.lync.com on Lync Server, and the federation
    // test, which needs it, is then not counted.
    if n.hosting_provider || after.deployment.is_allowed(PUSH_DOMAIN) {
        tests.push(("Test-CsFederatedPartner", after.test_would_pass("Test-CsFederatedPartner", target, replicated)));
    }
    if n.push_test {
        tests.push(("Test-CsMcxPushNotification", after.test_would_pass("Test-CsMcxPushNotification", target, replicated)));
    }
    tests
}

/// The tests a configuration run calls, in order.
pub fn tests_called(answers: &Answers) -> Vec<&'static str> {
    let n = need(answers);
    let mut tests = vec!["Test-CsFederatedPartner"];
    if n.push_test {
        tests.push("Test-CsMcxPushNotification");
    }
    tests
}

/// The warnings a complete configuration run must give, started on `before` and ending as `after`.
pub fn configure_warnings(answers: &Answers, before: &Deployment, after: &Machine) -> Vec<Warning> {
    let n = need(answers);
    let mut w = Vec::new();
    if n.hosting_provider {
        if let Some(p) = before.provider_for(LYNC_ONLINE) {
            if answers.provider_exists && !p.identity.eq_ignore_ascii_case(&answers.provider_identity) {
                w.push(Warning::ProviderOtherIdentity);
            }
            if !p.enabled {
                w.push(Warning::ProviderDisabled);
            }
        }
    }
    // Microsoft's check of the internal Edge FQDN: Get-CsService -EdgeServer | Select-Object PoolFqdn.
    if n.hosting_provider {
        if let Edge::Lync { internal_fqdn } = &before.edge {
            if !internal_fqdn.eq_ignore_ascii_case(&answers.access_edge) {
                w.push(Warning::EdgeFqdnMismatch);
            }
        }
    }
    if n.hosting_provider && routing_seen(after).is_none() {
        w.push(Warning::RoutingUnknown);
    }
    if n.scope == "Global" {
        for site in after.deployment.push.iter().filter(|p| p.identity != "Global") {
            if (n.apns && !site.apple) || (n.mpns && !site.microsoft) {
                w.push(Warning::SiteOverridesGlobal);
            }
        }
    }
    if !after.replicated_within(300) {
        w.push(Warning::ReplicasLate);
    }
    if matches!(after.deployment.edge, Edge::Ocs2007R2 { .. }) && !after.deployment.is_allowed(PUSH_DOMAIN) {
        w.push(Warning::OcsPrecondition);
    }
    if counted_tests(answers, after).iter().any(|(_, pass)| !pass) {
        w.push(Warning::TestsFailed);
    }
    w.sort();
    w
}

/// The exit code of a complete configuration run: 0 when every counted test passes, else 2.
pub fn configure_exit_code(answers: &Answers, after: &Machine) -> i64 {
    if counted_tests(answers, after).iter().all(|(_, pass)| *pass) {
        0
    } else {
        2
    }
}

/// The warnings a rollback must give and whether what it leaves needs -Force, from the store
/// before the configuration (`start`), after it (`after`) and now (`now`).
pub fn rollback_warnings(start: &Deployment, after: &Deployment, now: &Deployment, force: bool) -> Vec<Warning> {
    let mut w = Vec::new();
    for p in &after.providers {
        if start.provider(&p.identity).is_none() {
            if let Some(current) = now.provider(&p.identity) {
                if current.enabled_shared_address_space {
                    w.push(Warning::ProviderNowHybrid);
                } else if !force && current != p {
                    w.push(Warning::ProviderChanged);
                }
            }
        }
    }
    for a in &after.allowed {
        if !start.is_allowed(&a.domain) && !force && now.is_allowed(&a.domain) && !now.allowed.iter().any(|b| b == a) {
            w.push(Warning::DomainChanged);
        }
    }
    for p in &after.push {
        if start.push_settings(&p.identity).is_none() {
            if let Some(current) = now.push_settings(&p.identity) {
                if current != p {
                    w.push(Warning::CreatedSiteChanged);
                }
            }
        }
    }
    let federation_changed = !start.access_edge.allow_federated_users && after.access_edge.allow_federated_users;
    if federation_changed && !force && now.access_edge.allow_federated_users {
        w.push(Warning::FederationLeftOn);
    }
    // Only what -Force could still undo keeps the record; a provider now hybrid stays for good.
    if w.iter().any(|x| matches!(x, Warning::ProviderChanged | Warning::DomainChanged | Warning::FederationLeftOn)) {
        w.push(Warning::NeedsForce);
    }
    w.sort();
    w
}

/// A rollback's exit code: 1 without a record, 3 when something is left for -Force, else 0.
pub fn rollback_exit_code(has_record: bool, warnings: &[Warning]) -> i64 {
    match (has_record, warnings.contains(&Warning::NeedsForce)) {
        (false, _) => 1,
        (true, true) => 3,
        (true, false) => 0,
    }
}

/// Whether the answers' Edge is OCS 2007 R2 (its push partner was added by hand, seed procedure B).
pub fn ocs_edge(answers: &Answers) -> bool {
    answers.edge == Some(EdgeServer::Ocs2007R2)
}
