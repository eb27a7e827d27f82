//! A model of the Lync Server configuration store behind the Management Shell, and of the machine
//! the scripts run on (files, clock, fault injection). Every object carries only the properties
//! Microsoft documents (../shared/reference/lync-objects.md, cited per kind below); reading any
//! other is recorded as a violation. Cmdlet parameters follow push-facts.md §2.

use std::collections::{BTreeMap, BTreeSet};

use super::value::{clixml_copy, format_date, Kind, Obj, Value};

// ---------------------------------------------------------------------------------------------
// The documented properties
// ---------------------------------------------------------------------------------------------

/// Properties per object kind, each list from lync-objects.md (the section named beside it).
pub const DOCUMENTED: &[(Kind, &[&str], &str)] = &[
    // §1 Get-CsHostingProvider (New-/Get-/Set-CsHostingProvider pages). ProxyFqdn is read as a
    // property in Microsoft's hybrid docs: `Get-CsHostingProvider | Where-Object { $_.ProxyFqdn
    // -eq "sipfed.online.lync.com" }` (push-facts.md §2). SipClientPort (2013+, hidden) is left
    // out: a script for Lync Server 2010 and 2013 cannot rely on it.
    (
        Kind::HostingProvider,
        &["Identity", "ProxyFqdn", "Enabled", "EnabledSharedAddressSpace", "HostsOCSUsers", "IsLocal", "VerificationLevel", "AutodiscoverUrl"],
        "lync-objects.md §1",
    ),
    // §2 AllowedDomain, sample output [L13-ES].
    (Kind::AllowedDomain, &["Identity", "Domain", "ProxyFqdn", "Comment", "MarkForMonitoring"], "lync-objects.md §2"),
    // §2 BlockedDomain: Identity, Domain [L13-ES]; Comment [Get-CsBlockedDomain] Ex4/5.
    (Kind::BlockedDomain, &["Identity", "Domain", "Comment"], "lync-objects.md §2"),
    // §3 sample output [L13-PN].
    (Kind::PushConfiguration, &["Identity", "EnableApplePushNotificationService", "EnableMicrosoftPushNotificationService"], "lync-objects.md §3"),
    // §4 the properties printed in both [L13-GS] and [SFB-AE]; RoutingMethod UseDnsSrvRouting.
    (
        Kind::AccessEdgeDnsSrvRouting,
        &[
            "Identity",
            "AllowAnonymousUsers",
            "AllowFederatedUsers",
            "AllowOutsideUsers",
            "BeClearingHouse",
            "EnablePartnerDiscovery",
            "EnableArchivingDisclaimer",
            "KeepCrlsUpToDateForPeers",
            "MarkSourceVerifiableOnOutgoingMessages",
            "OutgoingTlsCountForFederatedPartners",
            "RoutingMethod",
        ],
        "lync-objects.md §4",
    ),
    // §4 the default-route object: the Set page says you "will see" DefaultRouteFqdn,
    // VerificationLevel and IsPublicProvider instead of BeClearingHouse/EnablePartnerDiscovery.
    (
        Kind::AccessEdgeDefaultRoute,
        &[
            "Identity",
            "AllowAnonymousUsers",
            "AllowFederatedUsers",
            "AllowOutsideUsers",
            "EnableArchivingDisclaimer",
            "KeepCrlsUpToDateForPeers",
            "MarkSourceVerifiableOnOutgoingMessages",
            "OutgoingTlsCountForFederatedPartners",
            "DefaultRouteFqdn",
            "VerificationLevel",
            "IsPublicProvider",
            "RoutingMethod",
        ],
        "lync-objects.md §4",
    ),
    // §5 ([L10] hh690031 and the Get-/New-CsMcxConfiguration examples).
    (
        Kind::McxConfiguration,
        &["Identity", "ExposedWebURL", "PushNotificationProxyUri", "SessionExpirationInterval", "SessionShortExpirationInterval"],
        "lync-objects.md §5",
    ),
    // §6 ReplicaState: UpToDate (Ex2), LastUpdateCreation (Ex4). ReplicaFqdn is a parameter only.
    (Kind::ReplicaState, &["UpToDate", "LastUpdateCreation"], "lync-objects.md §6"),
    // §8 Get-CsSite: SiteType (Ex3) and Pools (Ex4) are used as properties in Microsoft's
    // examples; DisplayName is a Set-CsSite parameter (P, 2010+), read as the hosting
    // provider's P properties are; Identity, SiteId and the rest are third-party only.
    (Kind::Site, &["SiteType", "Pools", "DisplayName"], "lync-objects.md §8"),
    // §7 TaskOutput sample output [L13-FT], [L13-PT].
    (Kind::TaskOutput, &["TargetFqdn", "Result", "Latency", "Error", "Diagnosis"], "lync-objects.md §7"),
    // §8 Get-CsService -EdgeServer, sample output [L13-GS] (the FQDNs, Identity, SiteId, Role);
    // Microsoft finds the Edge's FQDN with `Get-CsService -EdgeServer | Select-Object PoolFqdn`.
    (
        Kind::EdgeService,
        &["Identity", "AccessEdgeExternalFqdn", "DataEdgeExternalFqdn", "AVEdgeExternalFqdn", "InternalInterfaceFqdn", "SiteId", "PoolFqdn", "Version", "Role"],
        "lync-objects.md §8",
    ),
    // Get-CsExternalAccessPolicy.md (2010-2019): Identity; EnableFederationAccess (Example 4,
    // `$_.EnableFederationAccess`), EnablePublicCloudAccess (Example 5).
    (Kind::ExternalAccessPolicy, &["Identity", "EnableFederationAccess", "EnablePublicCloudAccess", "EnableOutsideAccess"], "Get-CsExternalAccessPolicy.md"),
];

/// The output types Microsoft names (Get-CsAccessEdgeConfiguration.md, OUTPUTS; lync-objects.md
/// §4): the routing shows in the type. Other kinds' types are not relied on.
pub fn type_name(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::AccessEdgeDnsSrvRouting => Some("Microsoft.Rtc.Management.WritableConfig.Settings.Edge.DisplayAccessEdgeSettingsDnsSrvRouting"),
        Kind::AccessEdgeDefaultRoute => Some("Microsoft.Rtc.Management.WritableConfig.Settings.Edge.DisplayAccessEdgeSettingsDefaultRoute"),
        _ => None,
    }
}

pub fn documented(kind: Kind) -> Option<(&'static [&'static str], &'static str)> {
    DOCUMENTED.iter().find(|(k, _, _)| *k == kind).map(|(_, props, source)| (*props, *source))
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Shell {
    /// The Lync Server Management Shell. `push_cmdlets` is false for Lync Server 2010 without the
    /// November 2011 cumulative update, which brought *-CsPushNotificationConfiguration,
    /// *-CsMcxConfiguration and Test-CsMcxPushNotification (push-facts.md §2, lync-objects.md §3, §5).
    Lync { push_cmdlets: bool },
    /// A plain PowerShell window: no *-Cs* cmdlet at all.
    PlainPowerShell,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Edge {
    Lync { internal_fqdn: String },
    /// OCS 2007 R2: the push partner is added by hand on the Edge (seed procedure B).
    Ocs2007R2 { internal_fqdn: String, push_partner_added: bool },
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HostingProvider {
    pub identity: String,
    pub proxy_fqdn: String,
    pub enabled: bool,
    pub enabled_shared_address_space: bool,
    pub hosts_ocs_users: bool,
    pub is_local: bool,
    pub verification_level: String,
    pub autodiscover_url: Option<String>,
}

impl HostingProvider {
    pub fn new(identity: &str, proxy_fqdn: &str, enabled: bool) -> HostingProvider {
        HostingProvider {
            identity: identity.into(),
            proxy_fqdn: proxy_fqdn.into(),
            enabled,
            enabled_shared_address_space: false,
            hosts_ocs_users: false,
            is_local: false,
            // push-facts.md §2: the default is AlwaysVerifiable.
            verification_level: "AlwaysVerifiable".into(),
            autodiscover_url: None,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AllowedDomain {
    pub domain: String,
    pub proxy_fqdn: Option<String>,
    pub comment: Option<String>,
    pub mark_for_monitoring: bool,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BlockedDomain {
    pub domain: String,
    pub comment: Option<String>,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PushSettings {
    /// `Global` or `site:<name>`.
    pub identity: String,
    pub apple: bool,
    pub microsoft: bool,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Routing {
    DnsSrv,
    Default { default_route_fqdn: String, verification_level: String, is_public_provider: bool },
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AccessEdge {
    pub routing: Routing,
    /// Whether the object carries `RoutingMethod`: only Lync Server 2013-era samples print it
    /// (lync-objects.md §4), so a Lync Server 2010 object may lack it.
    pub routing_method_shown: bool,
    pub allow_anonymous_users: bool,
    pub allow_federated_users: bool,
    pub allow_outside_users: bool,
    pub be_clearing_house: bool,
    pub enable_partner_discovery: bool,
    pub enable_archiving_disclaimer: bool,
    pub keep_crls_up_to_date_for_peers: bool,
    pub mark_source_verifiable: bool,
    pub outgoing_tls_count: i64,
}

impl Default for AccessEdge {
    /// The defaults of the Set-CsAccessEdgeConfiguration page (lync-objects.md §4).
    fn default() -> AccessEdge {
        AccessEdge {
            routing: Routing::DnsSrv,
            routing_method_shown: true,
            allow_anonymous_users: false,
            allow_federated_users: false,
            allow_outside_users: true,
            be_clearing_house: false,
            enable_partner_discovery: false,
            enable_archiving_disclaimer: false,
            keep_crls_up_to_date_for_peers: true,
            mark_source_verifiable: true,
            outgoing_tls_count: 4,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct McxSettings {
    pub identity: String,
    pub exposed_web_url: String,
    pub push_notification_proxy_uri: String,
    pub session_expiration_interval: i64,
    pub session_short_expiration_interval: i64,
}

/// The whole configuration store and what the shell offers: plain data, so a test can compare
/// the state before and after a script and print what changed (`diff`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Deployment {
    pub shell: Shell,
    pub edge: Edge,
    /// Sites in the topology (New-CsPushNotificationConfiguration needs an existing site).
    pub sites: Vec<String>,
    pub providers: Vec<HostingProvider>,
    pub allowed: Vec<AllowedDomain>,
    pub blocked: Vec<BlockedDomain>,
    /// `Global` first, always present; then site collections.
    pub push: Vec<PushSettings>,
    pub access_edge: AccessEdge,
    pub mcx: Vec<McxSettings>,
    pub replicas: Vec<String>,
    /// External access policies: (Identity, EnableFederationAccess). Federation reaches users
    /// only where one allows it (manage-access-edge-configuration-for-your-organization.md).
    pub external_access: Vec<(String, bool)>,
}

pub const INTERNAL_EDGE_FQDN: &str = "accessproxy.contoso.com";
pub const LYNC_ONLINE: &str = "sipfed.online.lync.com";
pub const PUSH_DOMAIN: &str = "push.lync.com";

impl Deployment {
    /// Push off, federation off, DNS SRV routing, no provider, no allowed domain.
    pub fn fresh() -> Deployment {
        Deployment {
            shell: Shell::Lync { push_cmdlets: true },
            edge: Edge::Lync { internal_fqdn: INTERNAL_EDGE_FQDN.into() },
            sites: vec!["Redmond".into(), "Dublin".into()],
            providers: Vec::new(),
            allowed: vec![AllowedDomain { domain: "fabrikam.com".into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false }],
            blocked: vec![BlockedDomain { domain: "contoso-spam.com".into(), comment: None }],
            push: vec![PushSettings { identity: "Global".into(), apple: false, microsoft: false }],
            access_edge: AccessEdge::default(),
            mcx: vec![McxSettings {
                identity: "Global".into(),
                exposed_web_url: "External".into(),
                push_notification_proxy_uri: "sip:push@push.lync.com".into(),
                session_expiration_interval: 259_200,
                session_short_expiration_interval: 3600,
            }],
            replicas: vec!["atl-cs-001.litwareinc.com".into(), "atl-edge-001.litwareinc.com".into()],
            external_access: vec![("Global".into(), false), ("site:Redmond".into(), true)],
        }
    }

    pub fn push_settings(&self, identity: &str) -> Option<&PushSettings> {
        self.push.iter().find(|p| p.identity.eq_ignore_ascii_case(identity))
    }

    pub fn push_settings_mut(&mut self, identity: &str) -> Option<&mut PushSettings> {
        self.push.iter_mut().find(|p| p.identity.eq_ignore_ascii_case(identity))
    }

    pub fn provider(&self, identity: &str) -> Option<&HostingProvider> {
        self.providers.iter().find(|p| p.identity.eq_ignore_ascii_case(identity))
    }

    pub fn provider_for(&self, proxy_fqdn: &str) -> Option<&HostingProvider> {
        self.providers.iter().find(|p| p.proxy_fqdn.eq_ignore_ascii_case(proxy_fqdn))
    }

    pub fn is_allowed(&self, domain: &str) -> bool {
        self.allowed.iter().any(|d| d.domain.eq_ignore_ascii_case(domain))
    }

    pub fn is_blocked(&self, domain: &str) -> bool {
        self.blocked.iter().any(|d| d.domain.eq_ignore_ascii_case(domain))
    }

    fn edge_fqdn(&self) -> &str {
        match &self.edge {
            Edge::Lync { internal_fqdn } | Edge::Ocs2007R2 { internal_fqdn, .. } => internal_fqdn,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Readable differences
// ---------------------------------------------------------------------------------------------

fn yes(b: bool) -> String {
    if b { "True" } else { "False" }.into()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "$null".into())
}

type Fields = Vec<(&'static str, String)>;

fn entities(d: &Deployment) -> Vec<(String, Fields)> {
    let mut all: Vec<(String, Fields)> = Vec::new();
    all.push(("shell".into(), vec![("Shell", format!("{:?}", d.shell))]));
    all.push(("edge".into(), vec![("Edge", format!("{:?}", d.edge))]));
    all.push(("topology".into(), vec![("Sites", d.sites.join(", ")), ("Replicas", d.replicas.join(", "))]));
    for p in &d.providers {
        all.push((
            format!("hosting provider {}", p.identity),
            vec![
                ("ProxyFqdn", p.proxy_fqdn.clone()),
                ("Enabled", yes(p.enabled)),
                ("EnabledSharedAddressSpace", yes(p.enabled_shared_address_space)),
                ("HostsOCSUsers", yes(p.hosts_ocs_users)),
                ("IsLocal", yes(p.is_local)),
                ("VerificationLevel", p.verification_level.clone()),
                ("AutodiscoverUrl", opt(&p.autodiscover_url)),
            ],
        ));
    }
    for a in &d.allowed {
        all.push((
            format!("allowed domain {}", a.domain.to_ascii_lowercase()),
            vec![("ProxyFqdn", opt(&a.proxy_fqdn)), ("Comment", opt(&a.comment)), ("MarkForMonitoring", yes(a.mark_for_monitoring))],
        ));
    }
    for b in &d.blocked {
        all.push((format!("blocked domain {}", b.domain.to_ascii_lowercase()), vec![("Comment", opt(&b.comment))]));
    }
    for p in &d.push {
        all.push((
            format!("push settings {}", p.identity),
            vec![("EnableApplePushNotificationService", yes(p.apple)), ("EnableMicrosoftPushNotificationService", yes(p.microsoft))],
        ));
    }
    let e = &d.access_edge;
    all.push((
        "Access Edge configuration".into(),
        vec![
            ("Routing", format!("{:?}", e.routing)),
            ("AllowAnonymousUsers", yes(e.allow_anonymous_users)),
            ("AllowFederatedUsers", yes(e.allow_federated_users)),
            ("AllowOutsideUsers", yes(e.allow_outside_users)),
            ("BeClearingHouse", yes(e.be_clearing_house)),
            ("EnablePartnerDiscovery", yes(e.enable_partner_discovery)),
            ("EnableArchivingDisclaimer", yes(e.enable_archiving_disclaimer)),
            ("KeepCrlsUpToDateForPeers", yes(e.keep_crls_up_to_date_for_peers)),
            ("MarkSourceVerifiableOnOutgoingMessages", yes(e.mark_source_verifiable)),
            ("OutgoingTlsCountForFederatedPartners", e.outgoing_tls_count.to_string()),
        ],
    ));
    for m in &d.mcx {
        all.push((
            format!("mcx settings {}", m.identity),
            vec![
                ("ExposedWebURL", m.exposed_web_url.clone()),
                ("PushNotificationProxyUri", m.push_notification_proxy_uri.clone()),
                ("SessionExpirationInterval", m.session_expiration_interval.to_string()),
                ("SessionShortExpirationInterval", m.session_short_expiration_interval.to_string()),
            ],
        ));
    }
    all
}

/// What changed from `before` to `after`, one line per created, removed or changed item.
pub fn diff(before: &Deployment, after: &Deployment) -> Vec<String> {
    let (b, a) = (entities(before), entities(after));
    let mut lines = Vec::new();
    let fields = |f: &Fields| f.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
    for (key, old) in &b {
        match a.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
            None => lines.push(format!("removed {key} ({})", fields(old))),
            Some((_, new)) => {
                for ((field, x), (_, y)) in old.iter().zip(new.iter()) {
                    if x != y {
                        lines.push(format!("{key}: {field} {x} -> {y}"));
                    }
                }
            }
        }
    }
    for (key, new) in &a {
        if !b.iter().any(|(k, _)| k.eq_ignore_ascii_case(key)) {
            lines.push(format!("created {key} ({})", fields(new)));
        }
    }
    lines
}

// ---------------------------------------------------------------------------------------------
// The machine: store, files, clock, faults, and the record of what a run did
// ---------------------------------------------------------------------------------------------

/// One store-touching call (Get-/Set-/New-/Remove-/Test-Cs*, Import-/Export-Clixml, Rename-Item).
#[derive(Clone, Debug)]
pub struct Call {
    pub number: usize,
    pub name: String,
    pub line: usize,
    /// A Set-/New-/Remove- call: it may change the store.
    pub changes: bool,
    pub faulted: bool,
}

#[derive(Clone, Debug)]
pub struct Machine {
    pub deployment: Deployment,
    /// Files by lower-cased path: (path as written, content as Import-Clixml gives it back).
    pub files: BTreeMap<String, (String, Value)>,
    pub folders: BTreeSet<String>,
    pub unwritable: BTreeSet<String>,
    pub cwd: String,
    /// Seconds since 1970-01-01, simulated.
    pub clock: i64,
    pub last_change: Option<i64>,
    /// The clock when the current run began.
    pub run_started: i64,
    /// Seconds after the last change until every replica is up to date; `None`: never.
    pub replication_delay: Option<i64>,
    /// Seconds after a change before the store creates its update (then the delay above runs).
    /// Until then every replica still reports UpToDate, with the earlier LastUpdateCreation.
    pub replication_start: i64,
    /// When the store created the update before the last change's (LastUpdateCreation until the
    /// last change's is created).
    pub earlier_update: i64,
    /// Test-CsMcxPushNotification throws on failure (Microsoft: it "usually throws").
    pub mcx_test_throws: bool,
    /// The shell reaches the pool through remoting, so objects arrive deserialized and
    /// `.GetType()` gives PSObject: their type no longer tells anything.
    pub deserialized: bool,
    /// The n-th store-touching call (1-based) throws "injected fault" instead of running.
    pub fault_at: Option<usize>,
    /// The faulted call acts first (its write commits) and throws after: a connection lost
    /// after the store took the change.
    pub fault_after_commit: bool,
    /// The faulted call writes an ordinary error rather than throwing.
    pub fault_non_terminating: bool,
    /// The fault of an after-commit call, thrown once the call has acted.
    pub pending_fault: Option<String>,
    pub calls: Vec<Call>,
    /// Each Test-Cs* call and whether it passed: the model's truth, whatever the script reports.
    pub tests: Vec<(String, bool)>,
    /// At each changing call, before it acts: the call and the undo record on disk then.
    pub record_at_change: Vec<(String, Option<Value>)>,
    /// Property reads of Lync objects, by kind and property.
    pub reads: BTreeMap<(Kind, String), usize>,
    /// Reads of undocumented properties.
    pub violations: Vec<String>,
}

pub const SCRIPT_FOLDER: &str = "C:\\LyncPush";
/// The undo record's file name, lower-cased (the store of files is keyed by lower-cased path).
pub const RECORD_NAME: &str = "lyncpushnotifications.undo.xml";

/// An injected fault: the `at`-th store-touching call throws, before it acts or after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    pub at: usize,
    pub after_commit: bool,
    /// The call fails with an ordinary (non-terminating) error instead, as most cmdlet failures
    /// do: -ErrorAction and $ErrorActionPreference decide whether the script stops.
    pub non_terminating: bool,
}
pub const START_TIME: i64 = 1_773_478_800; // 2026-03-14 09:00:00

impl Machine {
    pub fn new(deployment: Deployment) -> Machine {
        let mut folders = BTreeSet::new();
        folders.insert(SCRIPT_FOLDER.to_ascii_lowercase());
        folders.insert("c:\\users\\admin".into());
        Machine {
            deployment,
            files: BTreeMap::new(),
            folders,
            unwritable: BTreeSet::new(),
            cwd: "C:\\Users\\admin".into(),
            clock: START_TIME,
            last_change: None,
            run_started: START_TIME,
            replication_delay: Some(30),
            replication_start: 0,
            earlier_update: START_TIME - 86_400,
            mcx_test_throws: true,
            deserialized: false,
            fault_at: None,
            fault_after_commit: false,
            fault_non_terminating: false,
            pending_fault: None,
            calls: Vec::new(),
            tests: Vec::new(),
            record_at_change: Vec::new(),
            reads: BTreeMap::new(),
            violations: Vec::new(),
        }
    }

    /// Clears what one run recorded (calls, reads, violations) and the fault, keeping the state.
    pub fn next_run(&mut self, fault_at: Option<usize>) {
        self.next_run_with(fault_at.map(|at| Fault { at, after_commit: false, non_terminating: false }));
    }

    /// As `next_run`, with a fault that may fire after its call has acted.
    pub fn next_run_with(&mut self, fault: Option<Fault>) {
        self.run_started = self.clock;
        self.calls.clear();
        self.reads.clear();
        self.violations.clear();
        self.tests.clear();
        self.record_at_change.clear();
        self.pending_fault = None;
        self.fault_at = fault.map(|f| f.at);
        self.fault_after_commit = fault.is_some_and(|f| f.after_commit);
        self.fault_non_terminating = fault.is_some_and(|f| f.non_terminating);
    }

    /// The undo record on disk, wherever the script keeps it.
    pub fn record(&self) -> Option<(String, Value)> {
        self.files.iter().find(|(key, _)| key.ends_with(RECORD_NAME)).map(|(_, (path, v))| (path.clone(), v.clone()))
    }

    pub fn file(&self, path: &str) -> Option<&Value> {
        self.files.get(&path.to_ascii_lowercase()).map(|(_, v)| v)
    }

    pub fn up_to_date(&self) -> bool {
        (0..self.deployment.replicas.len()).all(|i| self.replica_up_to_date(i))
    }

    /// Replicas catch up one after another: the i-th of n after (i + 1)/n of the delay, so the
    /// last (the Edge Server's) is the one a wait must not stop before.
    pub fn replica_up_to_date(&self, i: usize) -> bool {
        let n = self.deployment.replicas.len().max(1) as i64;
        match (self.last_change, self.replication_delay) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(at), Some(delay)) => self.clock >= at + self.replication_start + delay * (i as i64 + 1) / n,
        }
    }

    /// What Get-CsManagementStoreReplicationStatus says of a replica: before the store has created
    /// the last change's update, UpToDate still (the replica has every update there is).
    pub fn replica_reported_up_to_date(&self, i: usize) -> bool {
        match self.last_change {
            Some(at) if self.clock < at + self.replication_start => true,
            _ => self.replica_up_to_date(i),
        }
    }

    /// LastUpdateCreation (Get-CsManagementStoreReplicationStatus.md, Example 4): when the store
    /// created the latest update.
    pub fn last_update_creation(&self) -> i64 {
        match self.last_change {
            Some(at) if self.clock >= at + self.replication_start => at + self.replication_start,
            _ => self.earlier_update,
        }
    }

    /// Whether every replica is up to date within `limit` seconds of this run's start (the
    /// scripts change the store at once and then wait).
    pub fn replicated_within(&self, limit: i64) -> bool {
        match (self.last_change, self.replication_delay) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(at), Some(delay)) => at + self.replication_start + delay <= self.run_started.max(at) + limit,
        }
    }

    /// Reads a property of an object; undocumented names on Lync objects are violations.
    pub fn read(&mut self, obj: &Obj, name: &str, line: usize) -> Result<Value, String> {
        match obj.prop(name) {
            Some(value) => {
                if obj.kind.is_lync() {
                    let canonical = obj.props.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(k, _)| *k).unwrap_or("");
                    *self.reads.entry((obj.kind, canonical.to_string())).or_insert(0) += 1;
                }
                Ok(value.clone())
            }
            None if obj.kind.is_lync() => {
                let (props, source) = documented(obj.kind).unwrap_or((&[], "lync-objects.md"));
                // A documented property this object lacks (RoutingMethod on a Lync Server 2010
                // object): PowerShell gives $null, and the script relied on nothing undocumented.
                if props.iter().any(|p| p.eq_ignore_ascii_case(name)) {
                    return Ok(Value::Null);
                }
                self.violations.push(format!(
                    "line {line}: {} objects have no documented property '{name}' ({source}); PowerShell gives $null",
                    obj.kind.label()
                ));
                Ok(Value::Null)
            }
            None => Err(format!("line {line}: property '{name}' of {} is not modelled", obj.kind.label())),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cmdlet signatures
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum P {
    Switch,
    Bool,
    Str,
    Int,
    Enum(&'static [&'static str]),
    /// A string or an array of strings.
    Names,
    Any,
    Block,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Group {
    Builtin,
    Lync,
    /// Came with Lync Server 2010's November 2011 cumulative update.
    LyncPush,
}

pub struct Spec {
    pub name: &'static str,
    pub group: Group,
    pub params: &'static [(&'static str, P)],
    pub positional: &'static [&'static str],
    /// Takes pipeline input.
    pub pipeline: bool,
    /// Touches the store or the record: counted, and the target of fault injection.
    pub counted: bool,
}

const VERIFICATION: &[&str] = &["AlwaysVerifiable", "AlwaysUnverifiable", "UseSourceVerification"];
const COLORS: &[&str] = &[
    "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan",
    "Red", "Magenta", "Yellow", "White",
];
pub const ERROR_ACTIONS: &[&str] = &["SilentlyContinue", "Stop", "Continue"];

const fn lync(name: &'static str, params: &'static [(&'static str, P)], counted: bool) -> Spec {
    Spec { name, group: Group::Lync, params, positional: &["Identity"], pipeline: false, counted }
}

const fn push(name: &'static str, params: &'static [(&'static str, P)]) -> Spec {
    Spec { name, group: Group::LyncPush, params, positional: &["Identity"], pipeline: false, counted: true }
}

const fn builtin(name: &'static str, params: &'static [(&'static str, P)], positional: &'static [&'static str], pipeline: bool, counted: bool) -> Spec {
    Spec { name, group: Group::Builtin, params, positional, pipeline, counted }
}

/// Every command the modelled shell knows. Lync parameters follow push-facts.md §2 (and
/// lync-objects.md for the Get- filters); `-WhatIf` and `-InMemory` are not modelled.
pub const SPECS: &[Spec] = &[
    lync("Get-CsHostingProvider", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    lync(
        "New-CsHostingProvider",
        &[
            ("Identity", P::Str),
            ("ProxyFqdn", P::Str),
            ("Enabled", P::Bool),
            ("VerificationLevel", P::Enum(VERIFICATION)),
            ("EnabledSharedAddressSpace", P::Bool),
            ("HostsOCSUsers", P::Bool),
            ("IsLocal", P::Bool),
            ("AutodiscoverUrl", P::Str),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    // No -ProxyFqdn: it can never be changed (push-facts.md §2).
    lync(
        "Set-CsHostingProvider",
        &[
            ("Identity", P::Str),
            ("Enabled", P::Bool),
            ("VerificationLevel", P::Enum(VERIFICATION)),
            ("EnabledSharedAddressSpace", P::Bool),
            ("HostsOCSUsers", P::Bool),
            ("IsLocal", P::Bool),
            ("AutodiscoverUrl", P::Str),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    lync("Remove-CsHostingProvider", &[("Identity", P::Str), ("Force", P::Switch), ("Confirm", P::Switch)], true),
    lync("Get-CsAllowedDomain", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    lync(
        "New-CsAllowedDomain",
        &[
            ("Identity", P::Str),
            ("Domain", P::Str),
            ("ProxyFqdn", P::Str),
            ("Comment", P::Str),
            ("MarkForMonitoring", P::Bool),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    lync("Remove-CsAllowedDomain", &[("Identity", P::Str), ("Force", P::Switch), ("Confirm", P::Switch)], true),
    lync("Get-CsBlockedDomain", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    push("Get-CsPushNotificationConfiguration", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)]),
    push(
        "Set-CsPushNotificationConfiguration",
        &[
            ("Identity", P::Str),
            ("EnableApplePushNotificationService", P::Bool),
            ("EnableMicrosoftPushNotificationService", P::Bool),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
    ),
    push(
        "New-CsPushNotificationConfiguration",
        &[
            ("Identity", P::Str),
            ("EnableApplePushNotificationService", P::Bool),
            ("EnableMicrosoftPushNotificationService", P::Bool),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
    ),
    push("Remove-CsPushNotificationConfiguration", &[("Identity", P::Str), ("Force", P::Switch), ("Confirm", P::Switch)]),
    lync("Get-CsAccessEdgeConfiguration", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    lync(
        "Set-CsAccessEdgeConfiguration",
        &[
            ("Identity", P::Str),
            ("AllowFederatedUsers", P::Bool),
            ("EnablePartnerDiscovery", P::Bool),
            ("UseDnsSrvRouting", P::Switch),
            ("UseDefaultRouting", P::Switch),
            ("DefaultRouteFqdn", P::Str),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    push("Get-CsMcxConfiguration", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)]),
    push(
        "Set-CsMcxConfiguration",
        &[
            ("Identity", P::Str),
            ("PushNotificationProxyUri", P::Str),
            ("ExposedWebURL", P::Enum(&["External", "Internal"])),
            ("SessionExpirationInterval", P::Int),
            ("SessionShortExpirationInterval", P::Int),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
    ),
    Spec { name: "Get-CsManagementStoreReplicationStatus", group: Group::Lync, params: &[("ReplicaFqdn", P::Str)], positional: &[], pipeline: false, counted: true },
    // lync-objects §8: -Identity takes the bare site name (`Redmond`, not `site:Redmond`).
    lync("Get-CsSite", &[("Identity", P::Str), ("Filter", P::Str)], true),
    // Get-CsService.md: the EdgeServer parameter set.
    lync("Get-CsService", &[("Identity", P::Str), ("EdgeServer", P::Switch), ("PoolFqdn", P::Str)], true),
    lync("Get-CsExternalAccessPolicy", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    Spec {
        name: "Test-CsFederatedPartner",
        group: Group::Lync,
        params: &[("TargetFqdn", P::Str), ("Domain", P::Str), ("ProxyFqdn", P::Str), ("Force", P::Switch)],
        positional: &[],
        pipeline: false,
        counted: true,
    },
    Spec {
        name: "Test-CsMcxPushNotification",
        group: Group::LyncPush,
        params: &[("AccessEdgeFqdn", P::Str), ("Force", P::Switch)],
        positional: &[],
        pipeline: false,
        counted: true,
    },
    // Host cmdlets.
    builtin(
        "Write-Host",
        &[("Object", P::Any), ("ForegroundColor", P::Enum(COLORS)), ("BackgroundColor", P::Enum(COLORS)), ("NoNewline", P::Switch), ("Separator", P::Str)],
        &["Object"],
        false,
        false,
    ),
    builtin("Write-Warning", &[("Message", P::Str)], &["Message"], false, false),
    builtin("Write-Error", &[("Message", P::Str)], &["Message"], false, false),
    builtin("Write-Verbose", &[("Message", P::Str)], &["Message"], false, false),
    builtin("Write-Output", &[("InputObject", P::Any)], &["InputObject"], true, false),
    builtin("Out-Null", &[("InputObject", P::Any)], &[], true, false),
    builtin("Where-Object", &[("FilterScript", P::Block)], &["FilterScript"], true, false),
    builtin("ForEach-Object", &[("Process", P::Block)], &["Process"], true, false),
    builtin("Select-Object", &[("First", P::Int), ("ExpandProperty", P::Str)], &[], true, false),
    builtin("Get-Location", &[], &[], false, false),
    builtin("Split-Path", &[("Path", P::Str), ("Parent", P::Switch), ("Leaf", P::Switch)], &["Path"], false, false),
    builtin("Join-Path", &[("Path", P::Str), ("ChildPath", P::Str)], &["Path", "ChildPath"], false, false),
    // -LiteralPath: Test-Path has it in PowerShell 2.0; Import-Clixml, Export-Clixml and
    // Rename-Item gained it only in 3.0 (their 2.0 pages, TechNet dd315355, dd347657, dd315353,
    // list -Path alone), so a script for both shells cannot use it there. Counted so that a
    // fault can hit it too (an unreadable folder).
    builtin("Test-Path", &[("Path", P::Str), ("LiteralPath", P::Str)], &["Path"], false, true),
    builtin("Import-Clixml", &[("Path", P::Str)], &["Path"], false, true),
    builtin("Export-Clixml", &[("Path", P::Str), ("InputObject", P::Any), ("Depth", P::Int), ("Force", P::Switch)], &["Path"], true, true),
    builtin("Rename-Item", &[("Path", P::Str), ("NewName", P::Str), ("Force", P::Switch)], &["Path", "NewName"], false, true),
    builtin("Remove-Item", &[("Path", P::Str), ("Force", P::Switch)], &["Path"], false, true),
    builtin("Get-Date", &[("Format", P::Str)], &[], false, false),
    builtin("Start-Sleep", &[("Seconds", P::Int), ("Milliseconds", P::Int)], &["Seconds"], false, false),
    builtin("Get-Command", &[("Name", P::Names)], &["Name"], false, true),
];

/// Parameters Microsoft's cmdlet pages mark `Required: True` (office-docs-powershell
/// skype/skype-ps/skype/<Cmdlet>.md; push-facts.md §2). Leaving one out makes PowerShell prompt
/// for it; a script cannot answer, and a non-interactive shell stops the command with
/// "Cannot process command because of one or more missing mandatory parameters".
pub const REQUIRED: &[(&str, &[&str])] = &[
    // New-CsHostingProvider.md: Identity, Enabled, ProxyFqdn, EnabledSharedAddressSpace and
    // HostsOCSUsers are all "Required: True" (its SYNTAX block lists the last two unbracketed).
    ("New-CsHostingProvider", &["Identity", "Enabled", "ProxyFqdn", "EnabledSharedAddressSpace", "HostsOCSUsers"]),
    ("Test-CsFederatedPartner", &["TargetFqdn", "Domain"]),
    ("Test-CsMcxPushNotification", &["AccessEdgeFqdn"]),
];

/// The required parameters of `name` that `args` lacks, in the page's order.
pub fn missing_required(name: &str, args: &Args) -> Vec<&'static str> {
    REQUIRED.iter().filter(|(n, _)| *n == name).flat_map(|(_, ps)| ps.iter().copied()).filter(|p| !args.contains_key(p)).collect()
}

pub fn spec(name: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Common parameters every modelled command accepts.
pub const COMMON: &[(&str, P)] =
    &[("ErrorAction", P::Enum(ERROR_ACTIONS)), ("WarningAction", P::Enum(ERROR_ACTIONS)), ("Verbose", P::Switch)];

#[derive(Debug)]
pub enum CmdErr {
    /// An error the cmdlet writes: `-ErrorAction` / `$ErrorActionPreference` decide.
    Error(String),
    /// A terminating error (a fault, an unknown command): always thrown.
    Terminating(String),
    /// Outside the model: a test failure, not a PowerShell error.
    Fail(String),
}

pub type Args = BTreeMap<&'static str, Value>;

impl Machine {
    pub fn available(&self, spec: &Spec) -> bool {
        match (spec.group, &self.deployment.shell) {
            (Group::Builtin, _) => true,
            (Group::Lync, Shell::Lync { .. }) => true,
            (Group::LyncPush, Shell::Lync { push_cmdlets }) => *push_cmdlets,
            (_, Shell::PlainPowerShell) => false,
        }
    }

    /// Counts a store-touching call; the faulted one throws instead of running.
    pub fn touch(&mut self, name: &str, line: usize) -> Result<(), CmdErr> {
        let number = self.calls.len() + 1;
        let changes = ["set-", "new-", "remove-"].iter().any(|v| name.to_ascii_lowercase().starts_with(v)) && name.contains("-Cs");
        let faulted = self.fault_at == Some(number);
        self.calls.push(Call { number, name: name.to_string(), line, changes, faulted });
        if changes {
            let record = self.record().and_then(|(_, v)| clixml_copy(&v).ok());
            self.record_at_change.push((name.to_string(), record));
        }
        if faulted {
            let message = format!("injected fault at store call {number} ({name})");
            if self.fault_non_terminating {
                return Err(CmdErr::Error(message));
            }
            if self.fault_after_commit {
                self.pending_fault = Some(message);
            } else {
                return Err(CmdErr::Terminating(message));
            }
        }
        Ok(())
    }

    fn changed(&mut self) {
        // An update created before this change stays the latest until this one's is created.
        if let Some(at) = self.last_change {
            if self.clock >= at + self.replication_start {
                self.earlier_update = at + self.replication_start;
            }
        }
        self.last_change = Some(self.clock);
    }

    /// Runs a Lync cmdlet (already bound, counted and checked for availability).
    pub fn lync(&mut self, name: &str, args: &Args) -> Result<Vec<Value>, CmdErr> {
        let s = |k: &str| args.get(k).map(|v| if let Value::Str(s) = v { s.clone() } else { String::new() });
        let b = |k: &str| args.get(k).map(|v| matches!(v, Value::Bool(true)) || matches!(v, Value::Int(i) if *i != 0));
        let d = &mut self.deployment;
        match name {
            "Get-CsHostingProvider" => {
                let all = d.providers.iter().map(|p| (p.identity.clone(), provider_object(p))).collect();
                select(all, s("Identity"), s("Filter"), "hosting provider")
            }
            "New-CsHostingProvider" => {
                let (Some(id), Some(proxy), Some(enabled)) = (s("Identity"), s("ProxyFqdn"), b("Enabled")) else {
                    return Err(CmdErr::Fail("New-CsHostingProvider needs -Identity, -ProxyFqdn and -Enabled (push-facts.md §2)".into()));
                };
                if d.provider(&id).is_some() {
                    return Err(CmdErr::Error(format!("A hosting provider with the Identity \"{id}\" already exists.")));
                }
                if let Some(other) = d.provider_for(&proxy) {
                    return Err(CmdErr::Error(format!(
                        "ProxyFqdn \"{proxy}\" is already used by hosting provider \"{}\"; it must be unique.",
                        other.identity
                    )));
                }
                let mut p = HostingProvider::new(&id, &proxy, enabled);
                if let Some(v) = s("VerificationLevel") {
                    p.verification_level = v;
                }
                p.enabled_shared_address_space = b("EnabledSharedAddressSpace").unwrap_or(false);
                p.hosts_ocs_users = b("HostsOCSUsers").unwrap_or(false);
                p.is_local = b("IsLocal").unwrap_or(false);
                p.autodiscover_url = s("AutodiscoverUrl");
                d.providers.push(p);
                self.changed();
                Ok(Vec::new())
            }
            "Set-CsHostingProvider" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Set-CsHostingProvider needs -Identity".into())) };
                let Some(p) = d.providers.iter_mut().find(|p| p.identity.eq_ignore_ascii_case(&id)) else {
                    return Err(not_found("hosting provider", &id));
                };
                if let Some(v) = b("Enabled") {
                    p.enabled = v;
                }
                if let Some(v) = s("VerificationLevel") {
                    p.verification_level = v;
                }
                if let Some(v) = b("EnabledSharedAddressSpace") {
                    p.enabled_shared_address_space = v;
                }
                if let Some(v) = b("HostsOCSUsers") {
                    p.hosts_ocs_users = v;
                }
                if let Some(v) = b("IsLocal") {
                    p.is_local = v;
                }
                if let Some(v) = s("AutodiscoverUrl") {
                    p.autodiscover_url = Some(v);
                }
                self.changed();
                Ok(Vec::new())
            }
            "Remove-CsHostingProvider" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Remove-CsHostingProvider needs -Identity".into())) };
                remove_one(&mut d.providers, |p| &p.identity, &id, "hosting provider")?;
                self.changed();
                Ok(Vec::new())
            }
            "Get-CsAllowedDomain" | "Get-CsBlockedDomain" => {
                let allowed = name == "Get-CsAllowedDomain";
                let (all, what) = if allowed {
                    (d.allowed.iter().map(|a| (a.domain.clone(), allowed_object(a))).collect(), "allowed domain")
                } else {
                    (d.blocked.iter().map(|b| (b.domain.clone(), blocked_object(b))).collect(), "blocked domain")
                };
                select(all, s("Identity"), s("Filter"), what)
            }
            "New-CsAllowedDomain" => {
                let Some(domain) = s("Identity").or(s("Domain")) else {
                    return Err(CmdErr::Fail("New-CsAllowedDomain needs -Identity or -Domain".into()));
                };
                if d.is_allowed(&domain) {
                    return Err(CmdErr::Error(format!("\"{domain}\" is already on the allowed domain list.")));
                }
                if d.is_blocked(&domain) {
                    return Err(CmdErr::Error(format!(
                        "\"{domain}\" is on the blocked domain list; a domain cannot be on both lists."
                    )));
                }
                d.allowed.push(AllowedDomain {
                    domain,
                    proxy_fqdn: s("ProxyFqdn"),
                    comment: s("Comment"),
                    mark_for_monitoring: b("MarkForMonitoring").unwrap_or(false),
                });
                self.changed();
                Ok(Vec::new())
            }
            "Remove-CsAllowedDomain" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Remove-CsAllowedDomain needs -Identity".into())) };
                remove_one(&mut d.allowed, |a| &a.domain, &id, "allowed domain")?;
                self.changed();
                Ok(Vec::new())
            }
            "Get-CsPushNotificationConfiguration" | "Get-CsMcxConfiguration" => {
                let push = name == "Get-CsPushNotificationConfiguration";
                let ids: Vec<String> =
                    if push { d.push.iter().map(|p| p.identity.clone()).collect() } else { d.mcx.iter().map(|m| m.identity.clone()).collect() };
                let pick: Vec<String> = match (s("Identity"), s("Filter")) {
                    (Some(id), _) => {
                        let id = xds_identity(&id)?;
                        match ids.iter().find(|i| i.eq_ignore_ascii_case(&id)) {
                            Some(i) => vec![i.clone()],
                            None => return Err(not_found(if push { "push notification settings" } else { "mobility settings" }, &id)),
                        }
                    }
                    (None, Some(filter)) => ids.into_iter().filter(|i| wildcard(&filter, i)).collect(),
                    (None, None) => ids,
                };
                Ok(pick
                    .iter()
                    .map(|id| {
                        if push {
                            push_object(d.push_settings(id).unwrap())
                        } else {
                            mcx_object(d.mcx.iter().find(|m| m.identity.eq_ignore_ascii_case(id)).unwrap())
                        }
                    })
                    .collect())
            }
            "Set-CsPushNotificationConfiguration" => {
                let id = xds_identity(&s("Identity").unwrap_or_else(|| "Global".into()))?;
                let Some(p) = d.push_settings_mut(&id) else { return Err(not_found("push notification settings", &id)) };
                if let Some(v) = b("EnableApplePushNotificationService") {
                    p.apple = v;
                }
                if let Some(v) = b("EnableMicrosoftPushNotificationService") {
                    p.microsoft = v;
                }
                self.changed();
                Ok(Vec::new())
            }
            "New-CsPushNotificationConfiguration" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("New-CsPushNotificationConfiguration needs -Identity".into())) };
                let id = xds_identity(&id)?;
                let Some(site) = id.strip_prefix("site:") else {
                    return Err(CmdErr::Error(format!("\"{id}\": New-CsPushNotificationConfiguration creates site settings only.")));
                };
                let Some(site) = d.sites.iter().find(|s| s.eq_ignore_ascii_case(site)) else {
                    return Err(CmdErr::Error(format!("Site \"{site}\" is not in the topology.")));
                };
                // The store names the settings after the site as the topology spells it
                // (`site:<Name>`, lync-objects.md §10), whatever casing the command used.
                let id = format!("site:{site}");
                if d.push_settings(&id).is_some() {
                    return Err(CmdErr::Error(format!("Push notification settings \"{id}\" already exist.")));
                }
                d.push.push(PushSettings {
                    identity: id,
                    apple: b("EnableApplePushNotificationService").unwrap_or(false),
                    microsoft: b("EnableMicrosoftPushNotificationService").unwrap_or(false),
                });
                self.changed();
                Ok(Vec::new())
            }
            "Remove-CsPushNotificationConfiguration" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Remove-CsPushNotificationConfiguration needs -Identity".into())) };
                let id = xds_identity(&id)?;
                if id == "Global" {
                    // push-facts.md §2: on global, Remove- resets both switches to False.
                    let g = d.push_settings_mut("Global").unwrap();
                    g.apple = false;
                    g.microsoft = false;
                } else {
                    remove_one(&mut d.push, |p| &p.identity, &id, "push notification settings")?;
                }
                self.changed();
                Ok(Vec::new())
            }
            "Get-CsAccessEdgeConfiguration" => {
                if let Some(id) = s("Identity") {
                    if !id.eq_ignore_ascii_case("global") {
                        return Err(not_found("Access Edge configuration", &id));
                    }
                }
                Ok(vec![access_edge_object(&d.access_edge)])
            }
            "Set-CsAccessEdgeConfiguration" => {
                if let Some(id) = s("Identity") {
                    if !id.eq_ignore_ascii_case("global") {
                        return Err(not_found("Access Edge configuration", &id));
                    }
                }
                let e = &mut d.access_edge;
                if let Some(v) = b("AllowFederatedUsers") {
                    e.allow_federated_users = v;
                }
                if let Some(v) = b("EnablePartnerDiscovery") {
                    e.enable_partner_discovery = v;
                }
                if b("UseDnsSrvRouting") == Some(true) {
                    e.routing = Routing::DnsSrv;
                }
                if b("UseDefaultRouting") == Some(true) {
                    let Some(fqdn) = s("DefaultRouteFqdn") else {
                        return Err(CmdErr::Fail("-UseDefaultRouting needs -DefaultRouteFqdn".into()));
                    };
                    e.routing = Routing::Default { default_route_fqdn: fqdn, verification_level: "AlwaysVerifiable".into(), is_public_provider: false };
                }
                self.changed();
                Ok(Vec::new())
            }
            "Set-CsMcxConfiguration" => {
                let id = xds_identity(&s("Identity").unwrap_or_else(|| "Global".into()))?;
                let Some(m) = d.mcx.iter_mut().find(|m| m.identity.eq_ignore_ascii_case(&id)) else {
                    return Err(not_found("mobility settings", &id));
                };
                if let Some(v) = s("PushNotificationProxyUri") {
                    m.push_notification_proxy_uri = v;
                }
                if let Some(v) = s("ExposedWebURL") {
                    m.exposed_web_url = v;
                }
                if let Some(Value::Int(v)) = args.get("SessionExpirationInterval") {
                    m.session_expiration_interval = *v;
                }
                if let Some(Value::Int(v)) = args.get("SessionShortExpirationInterval") {
                    m.session_short_expiration_interval = *v;
                }
                self.changed();
                Ok(Vec::new())
            }
            "Get-CsService" => {
                if b("EdgeServer") != Some(true) {
                    return Err(CmdErr::Fail("only Get-CsService -EdgeServer is modelled".into()));
                }
                // An OCS 2007 R2 Edge is not an Edge pool of the Lync Server topology.
                Ok(match &d.edge {
                    Edge::Lync { internal_fqdn } => vec![edge_service_object(internal_fqdn)],
                    Edge::Ocs2007R2 { .. } => Vec::new(),
                })
            }
            "Get-CsExternalAccessPolicy" => {
                let all = d.external_access.iter().map(|(id, on)| (id.clone(), external_access_object(id, *on))).collect();
                select(all, s("Identity"), s("Filter"), "external access policy")
            }
            "Get-CsSite" => {
                let site = |name: &str| {
                    Obj::value(Kind::Site, vec![("SiteType", Value::str("CentralSite")), ("Pools", Value::array(Vec::new())), ("DisplayName", Value::str(name))])
                };
                let all = d.sites.iter().map(|name| (name.clone(), site(name))).collect();
                select(all, s("Identity"), s("Filter"), "site")
            }
            "Get-CsManagementStoreReplicationStatus" => {
                let last = Value::Date(self.last_update_creation());
                let wanted = s("ReplicaFqdn");
                Ok(self
                    .deployment
                    .replicas
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| wanted.as_ref().is_none_or(|w| r.eq_ignore_ascii_case(w)))
                    .map(|(i, _)| Obj::value(Kind::ReplicaState, vec![("UpToDate", Value::Bool(self.replica_reported_up_to_date(i))), ("LastUpdateCreation", last.clone())]))
                    .collect())
            }
            "Test-CsFederatedPartner" => {
                let (Some(target), Some(domain)) = (s("TargetFqdn"), s("Domain")) else {
                    return Err(CmdErr::Fail("Test-CsFederatedPartner needs -TargetFqdn and -Domain (push-facts.md §2)".into()));
                };
                let problem = self.federation_problem(&target, &domain, s("ProxyFqdn").as_deref(), self.up_to_date());
                self.tests.push((name.to_string(), problem.is_none()));
                Ok(vec![task_output(&target, problem)])
            }
            "Test-CsMcxPushNotification" => {
                let Some(target) = s("AccessEdgeFqdn") else {
                    return Err(CmdErr::Fail("Test-CsMcxPushNotification needs -AccessEdgeFqdn".into()));
                };
                let problem = self.push_test_problem(&target, self.up_to_date());
                self.tests.push((name.to_string(), problem.is_none()));
                if problem.is_some() && self.mcx_test_throws {
                    return Err(CmdErr::Error(
                        "A 504 (Server time-out) response was received from the network and the operation failed. See the exception details for more information."
                            .into(),
                    ));
                }
                Ok(vec![task_output(&target, problem)])
            }
            other => Err(CmdErr::Fail(format!("{other} is not modelled"))),
        }
    }

    /// Why Test-CsMcxPushNotification would fail, if it would, with the replicas up to date or not.
    fn push_test_problem(&self, target: &str, up_to_date: bool) -> Option<String> {
        let mut problem = self.federation_problem(target, PUSH_DOMAIN, Some(LYNC_ONLINE), up_to_date);
        let d = &self.deployment;
        // Push goes through only where a service is switched on: settings whose two
        // switches are off (global, or a site's) do not count (push-facts.md §2).
        if problem.is_none() && !d.push.iter().any(|p| p.apple || p.microsoft) {
            problem = Some("push notifications are off".into());
        }
        if problem.is_none() && !d.mcx.iter().any(|m| m.push_notification_proxy_uri.eq_ignore_ascii_case("sip:push@push.lync.com")) {
            problem = Some("PushNotificationProxyUri is not sip:push@push.lync.com".into());
        }
        problem
    }

    /// Whether a test would pass on the store as it is once replication has run its course
    /// (`replicated`), or never has: the truth a script's reported outcome is held to.
    pub fn test_would_pass(&self, name: &str, target: &str, replicated: bool) -> bool {
        match name {
            "Test-CsFederatedPartner" => self.federation_problem(target, PUSH_DOMAIN, Some(LYNC_ONLINE), replicated).is_none(),
            "Test-CsMcxPushNotification" => self.push_test_problem(target, replicated).is_none(),
            other => panic!("{other} is not a test"),
        }
    }

    /// Why federation with `domain` through the Edge would fail, if it would.
    fn federation_problem(&self, target: &str, domain: &str, proxy: Option<&str>, up_to_date: bool) -> Option<String> {
        let d = &self.deployment;
        if !target.eq_ignore_ascii_case(d.edge_fqdn()) {
            return Some(format!("{target} is not the internal Access Edge FQDN"));
        }
        if !d.access_edge.allow_federated_users {
            return Some("AllowFederatedUsers is False".into());
        }
        match &d.edge {
            Edge::Lync { .. } => {
                if !d.is_allowed(domain) {
                    return Some(format!("{domain} is not an allowed domain"));
                }
                match proxy.map(|p| d.provider_for(p)) {
                    Some(None) => return Some("no hosting provider for the proxy FQDN".into()),
                    Some(Some(p)) if !p.enabled => return Some(format!("hosting provider {} is disabled", p.identity)),
                    _ => {}
                }
                if d.access_edge.routing != Routing::DnsSrv {
                    return Some("the Access Edge uses default routing".into());
                }
            }
            Edge::Ocs2007R2 { push_partner_added, .. } => {
                if !push_partner_added {
                    return Some("push.lync.com is not a federated partner on the OCS 2007 R2 Edge".into());
                }
            }
        }
        if !up_to_date {
            return Some("the replicas are not up to date".into());
        }
        None
    }
}

/// XdsIdentity: `global` or `site:<name>` (lync-objects.md §10), matched without case.
fn xds_identity(id: &str) -> Result<String, CmdErr> {
    if id.eq_ignore_ascii_case("global") {
        return Ok("Global".into());
    }
    match id.split_once(':') {
        Some((scope, name)) if scope.eq_ignore_ascii_case("site") && !name.is_empty() => Ok(format!("site:{name}")),
        _ => Err(CmdErr::Fail(format!("the identity '{id}' is neither global nor site:<name> (service scopes are not modelled)"))),
    }
}

fn task_output(target: &str, problem: Option<String>) -> Value {
    let (result, error, diagnosis) = match problem {
        None => ("Success", Value::Null, Value::Null),
        Some(why) => (
            "Failure",
            Value::str("504, Server time-out"),
            Value::str(format!("ErrorCode=2, Source={target}, Reason={why}")),
        ),
    };
    Obj::value(
        Kind::TaskOutput,
        vec![
            ("TargetFqdn", Value::str(target)),
            ("Result", Value::str(result)),
            ("Latency", Value::str("00:00:00.1234567")),
            ("Error", error),
            ("Diagnosis", diagnosis),
        ],
    )
}

fn provider_object(p: &HostingProvider) -> Value {
    Obj::value(
        Kind::HostingProvider,
        vec![
            ("Identity", Value::str(&p.identity)),
            ("ProxyFqdn", Value::str(&p.proxy_fqdn)),
            ("Enabled", Value::Bool(p.enabled)),
            ("EnabledSharedAddressSpace", Value::Bool(p.enabled_shared_address_space)),
            ("HostsOCSUsers", Value::Bool(p.hosts_ocs_users)),
            ("IsLocal", Value::Bool(p.is_local)),
            ("VerificationLevel", Value::str(&p.verification_level)),
            ("AutodiscoverUrl", Value::opt_str(&p.autodiscover_url)),
        ],
    )
}

fn allowed_object(a: &AllowedDomain) -> Value {
    Obj::value(
        Kind::AllowedDomain,
        vec![
            ("Identity", Value::str(&a.domain)),
            ("Domain", Value::str(&a.domain)),
            ("ProxyFqdn", Value::opt_str(&a.proxy_fqdn)),
            ("Comment", Value::opt_str(&a.comment)),
            ("MarkForMonitoring", Value::Bool(a.mark_for_monitoring)),
        ],
    )
}

fn blocked_object(b: &BlockedDomain) -> Value {
    Obj::value(
        Kind::BlockedDomain,
        vec![("Identity", Value::str(&b.domain)), ("Domain", Value::str(&b.domain)), ("Comment", Value::opt_str(&b.comment))],
    )
}

fn push_object(p: &PushSettings) -> Value {
    Obj::value(
        Kind::PushConfiguration,
        vec![
            ("Identity", Value::str(&p.identity)),
            ("EnableApplePushNotificationService", Value::Bool(p.apple)),
            ("EnableMicrosoftPushNotificationService", Value::Bool(p.microsoft)),
        ],
    )
}

fn mcx_object(m: &McxSettings) -> Value {
    Obj::value(
        Kind::McxConfiguration,
        vec![
            ("Identity", Value::str(&m.identity)),
            ("ExposedWebURL", Value::str(&m.exposed_web_url)),
            ("PushNotificationProxyUri", Value::str(&m.push_notification_proxy_uri)),
            ("SessionExpirationInterval", Value::Int(m.session_expiration_interval)),
            ("SessionShortExpirationInterval", Value::Int(m.session_short_expiration_interval)),
        ],
    )
}

fn edge_service_object(pool: &str) -> Value {
    Obj::value(
        Kind::EdgeService,
        vec![
            ("Identity", Value::str(format!("EdgeServer:{pool}"))),
            ("AccessEdgeExternalFqdn", Value::str(format!("sip.{}", pool.split_once('.').map_or(pool, |(_, d)| d)))),
            ("DataEdgeExternalFqdn", Value::str("webconf.contoso.com")),
            ("AVEdgeExternalFqdn", Value::str("av.contoso.com")),
            ("InternalInterfaceFqdn", Value::str("")),
            ("SiteId", Value::str("site:Redmond")),
            ("PoolFqdn", Value::str(pool)),
            ("Version", Value::Int(5)),
            ("Role", Value::str("EdgeServer")),
        ],
    )
}

fn external_access_object(identity: &str, federation: bool) -> Value {
    Obj::value(
        Kind::ExternalAccessPolicy,
        vec![
            ("Identity", Value::str(identity)),
            ("EnableFederationAccess", Value::Bool(federation)),
            ("EnablePublicCloudAccess", Value::Bool(false)),
            ("EnableOutsideAccess", Value::Bool(false)),
        ],
    )
}

fn access_edge_object(e: &AccessEdge) -> Value {
    let mut props = vec![
        ("Identity", Value::str("Global")),
        ("AllowAnonymousUsers", Value::Bool(e.allow_anonymous_users)),
        ("AllowFederatedUsers", Value::Bool(e.allow_federated_users)),
        ("AllowOutsideUsers", Value::Bool(e.allow_outside_users)),
    ];
    let kind = match &e.routing {
        Routing::DnsSrv => {
            props.push(("BeClearingHouse", Value::Bool(e.be_clearing_house)));
            props.push(("EnablePartnerDiscovery", Value::Bool(e.enable_partner_discovery)));
            Kind::AccessEdgeDnsSrvRouting
        }
        Routing::Default { .. } => Kind::AccessEdgeDefaultRoute,
    };
    props.extend([
        ("EnableArchivingDisclaimer", Value::Bool(e.enable_archiving_disclaimer)),
        ("KeepCrlsUpToDateForPeers", Value::Bool(e.keep_crls_up_to_date_for_peers)),
        ("MarkSourceVerifiableOnOutgoingMessages", Value::Bool(e.mark_source_verifiable)),
        ("OutgoingTlsCountForFederatedPartners", Value::Int(e.outgoing_tls_count)),
    ]);
    let method = match &e.routing {
        Routing::DnsSrv => "UseDnsSrvRouting",
        Routing::Default { default_route_fqdn, verification_level, is_public_provider } => {
            props.push(("DefaultRouteFqdn", Value::str(default_route_fqdn)));
            props.push(("VerificationLevel", Value::str(verification_level)));
            props.push(("IsPublicProvider", Value::Bool(*is_public_provider)));
            "UseDefaultRouting"
        }
    };
    if e.routing_method_shown {
        props.push(("RoutingMethod", Value::str(method)));
    }
    Obj::value(kind, props)
}

/// The selection every Get-Cs* cmdlet makes: `-Identity` (exactly one, or a not-found error),
/// `-Filter` (a wildcard over identities), or everything. `items` pairs each identity with its
/// output object.
fn select(items: Vec<(String, Value)>, identity: Option<String>, filter: Option<String>, what: &str) -> Result<Vec<Value>, CmdErr> {
    match (identity, filter) {
        (Some(id), _) => {
            let found: Vec<Value> = items.into_iter().filter(|(i, _)| i.eq_ignore_ascii_case(&id)).map(|(_, v)| v).collect();
            if found.is_empty() {
                return Err(not_found(what, &id));
            }
            Ok(found)
        }
        (None, Some(filter)) => Ok(items.into_iter().filter(|(i, _)| wildcard(&filter, i)).map(|(_, v)| v).collect()),
        (None, None) => Ok(items.into_iter().map(|(_, v)| v).collect()),
    }
}

/// Removes the one item whose identity is `id`, or fails as the Remove-Cs* cmdlets do.
fn remove_one<T>(items: &mut Vec<T>, identity: impl Fn(&T) -> &String, id: &str, what: &str) -> Result<(), CmdErr> {
    let before = items.len();
    items.retain(|item| !identity(item).eq_ignore_ascii_case(id));
    if items.len() == before {
        return Err(not_found(what, id));
    }
    Ok(())
}

fn not_found(what: &str, id: &str) -> CmdErr {
    CmdErr::Error(format!("Cannot get {what} \"{id}\": it was not found."))
}

/// PowerShell wildcards (`*`, `?`, `[abc]`, `[a-c]`, and a backtick escaping the next character),
/// without case.
pub fn wildcard(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') => (0..=t.len()).any(|i| go(&p[1..], &t[i..])),
            Some('?') => !t.is_empty() && go(&p[1..], &t[1..]),
            Some('[') => {
                let Some(close) = p.iter().position(|c| *c == ']') else { return !t.is_empty() && t[0] == '[' && go(&p[1..], &t[1..]) };
                let set = &p[1..close];
                // A range `[a-c]` as well as single characters (about_Wildcards).
                let hit = |c: char| {
                    let mut i = 0;
                    while i < set.len() {
                        if i + 2 < set.len() && set[i + 1] == '-' {
                            if set[i] <= c && c <= set[i + 2] {
                                return true;
                            }
                            i += 3;
                        } else {
                            if set[i] == c {
                                return true;
                            }
                            i += 1;
                        }
                    }
                    false
                };
                !t.is_empty() && hit(t[0]) && go(&p[close + 1..], &t[1..])
            }
            // A backtick makes the next character literal (PowerShell's Pester test
            // ComparisonOperator.Tests.ps1, "backtick comparison").
            Some('`') if p.len() > 1 => !t.is_empty() && p[1] == t[0] && go(&p[2..], &t[1..]),
            Some(c) => !t.is_empty() && *c == t[0] && go(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    go(&p, &t)
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

fn parent(path: &str) -> String {
    match path.rfind('\\') {
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

/// Whether `-Path` would read `path` as a wildcard pattern: PowerShell's
/// WildcardPattern.ContainsWildcardCharacters counts `*`, `?`, `[` and `]` not escaped by a
/// backtick (about_Wildcards; -LiteralPath "is used exactly as it is typed").
pub fn has_wildcard(path: &str) -> bool {
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                chars.next();
            }
            '*' | '?' | '[' | ']' => return true,
            _ => {}
        }
    }
    false
}

/// A `-Path` without wildcards names one item: backticks only escape.
fn unescape(path: &str) -> String {
    let mut out = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '`' => out.extend(chars.next()),
            other => out.push(other),
        }
    }
    out
}

impl Machine {
    /// What a `-Path` resolves to: the existing files and folders a wildcard pattern matches (as
    /// written), or the one path it names. A `[` in a folder's name is a character class, so
    /// `C:\Lync[1]\x.xml` matches `C:\Lync1\x.xml` and never itself.
    pub fn resolve(&self, path: &str) -> Vec<String> {
        if !has_wildcard(path) {
            return vec![unescape(path)];
        }
        let files = self.files.values().map(|(written, _)| written.clone());
        let folders = self.folders.iter().cloned();
        files.chain(folders).filter(|p| wildcard(path, p)).collect()
    }

    /// Test-Path -Path: true when the pattern matches an existing item.
    pub fn exists_path(&self, path: &str) -> bool {
        self.resolve(path).iter().any(|p| self.exists(p))
    }

    /// The one file a `-Path` names for Import-Clixml, Rename-Item and Remove-Item: a pattern
    /// that matches nothing is "not found" (the same error as a missing file).
    pub fn one_item(&self, path: &str) -> Result<String, CmdErr> {
        let found = self.resolve(path);
        match found.len() {
            1 => Ok(found[0].clone()),
            0 => Err(CmdErr::Error(format!("Cannot find path '{path}' because it does not exist."))),
            _ => Err(CmdErr::Fail(format!("-Path '{path}' matches {} items: not modelled", found.len()))),
        }
    }

    /// Export-Clixml -Path: a pattern must match one existing file, or the cmdlet stops with a
    /// terminating error (PowerShell's PathUtils; the message Out-File and Export-Clixml users
    /// report for folders with brackets); a plain path is created as written.
    pub fn export_target(&self, path: &str) -> Result<String, CmdErr> {
        if !has_wildcard(path) {
            return Ok(path.to_string());
        }
        let found: Vec<String> = self.resolve(path).into_iter().filter(|p| self.files.contains_key(&p.to_ascii_lowercase())).collect();
        match found.len() {
            1 => Ok(found[0].clone()),
            0 => Err(CmdErr::Terminating(format!("Cannot perform operation because the wildcard path {path} did not resolve to a file."))),
            _ => Err(CmdErr::Terminating(format!(
                "Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files."
            ))),
        }
    }

    pub fn export(&mut self, path: &str, value: &Value) -> Result<(), CmdErr> {
        let folder = parent(path).to_ascii_lowercase();
        if self.unwritable.contains(&folder) {
            return Err(CmdErr::Error(format!("Access to the path '{path}' is denied.")));
        }
        if !self.folders.contains(&folder) {
            return Err(CmdErr::Error(format!("Could not find a part of the path '{path}'.")));
        }
        let copy = clixml_copy(value).map_err(CmdErr::Fail)?;
        self.files.insert(path.to_ascii_lowercase(), (path.to_string(), copy));
        Ok(())
    }

    pub fn import(&mut self, path: &str) -> Result<Value, CmdErr> {
        match self.files.get(&path.to_ascii_lowercase()) {
            Some((_, v)) => clixml_copy(v).map_err(CmdErr::Fail),
            None => Err(CmdErr::Error(format!("Could not find file '{path}'."))),
        }
    }

    pub fn exists(&self, path: &str) -> bool {
        let key = path.to_ascii_lowercase();
        self.files.contains_key(&key) || self.folders.contains(&key)
    }

    pub fn rename(&mut self, path: &str, new_name: &str) -> Result<(), CmdErr> {
        if new_name.contains('\\') {
            return Err(CmdErr::Fail("Rename-Item -NewName with a folder is not modelled".into()));
        }
        // Windows file names cannot hold these (Naming Files, Paths, and Namespaces).
        if new_name.chars().any(|c| matches!(c, '<' | '>' | ':' | '"' | '/' | '|' | '?' | '*')) {
            return Err(CmdErr::Error(format!("The given path's format is not supported: '{new_name}'.")));
        }
        let key = path.to_ascii_lowercase();
        let folder = parent(path);
        if self.unwritable.contains(&folder.to_ascii_lowercase()) {
            return Err(CmdErr::Error(format!("Access to the path '{path}' is denied.")));
        }
        let target = format!("{folder}\\{new_name}");
        if self.files.contains_key(&target.to_ascii_lowercase()) {
            return Err(CmdErr::Error(format!("Cannot create a file when that file already exists: '{target}'.")));
        }
        match self.files.remove(&key) {
            Some((_, v)) => {
                self.files.insert(target.to_ascii_lowercase(), (target, v));
                Ok(())
            }
            None => Err(CmdErr::Error(format!("Cannot rename because item at '{path}' does not exist."))),
        }
    }

    pub fn remove_file(&mut self, path: &str) -> Result<(), CmdErr> {
        if self.unwritable.contains(&parent(path).to_ascii_lowercase()) {
            return Err(CmdErr::Error(format!("Access to the path '{path}' is denied.")));
        }
        match self.files.remove(&path.to_ascii_lowercase()) {
            Some(_) => Ok(()),
            None => Err(CmdErr::Error(format!("Cannot find path '{path}' because it does not exist."))),
        }
    }

    pub fn now_text(&self, format: Option<&str>) -> Result<String, String> {
        format_date(self.clock, format)
    }
}
