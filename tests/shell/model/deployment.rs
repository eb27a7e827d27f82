//! The configuration store and what the shell offers, as plain data: `Deployment` and its parts,
//! and the names the scripts look for. Apart from the machine and the cmdlets, so that a test can
//! build, compare and print a state without running anything.

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

    pub(super) fn edge_fqdn(&self) -> &str {
        match &self.edge {
            Edge::Lync { internal_fqdn } | Edge::Ocs2007R2 { internal_fqdn, .. } => internal_fqdn,
        }
    }
}
