//! What a run must leave and say, computed from the answers and the model alone (the seed's
//! table and rules restated), never from the script: the end state, the undo record, the
//! warnings by cause, the tests' outcomes and the exit code.

use lync_push_wizard::core::{Answers, EdgeServer, ScopeKind};

use super::model::{AllowedDomain, Deployment, Edge, HostingProvider, Machine, PushSettings, Routing, Shell, LYNC_ONLINE, PUSH_DOMAIN, SCRIPT_FOLDER};
use super::starts::Start;

mod record;

pub use record::{expected_record, read_record, record_part_for, Record};

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
