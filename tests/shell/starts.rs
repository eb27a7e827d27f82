//! The starting deployments every script pair is run against.

use super::model::{AllowedDomain, BlockedDomain, Deployment, Edge, HostingProvider, Machine, PushSettings, Routing, Shell, LYNC_ONLINE, PUSH_DOMAIN, SCRIPT_FOLDER};

pub const SCRIPT_PATH: &str = "C:\\LyncPush\\LyncPushNotifications.ps1";
pub const ROLLBACK_PATH: &str = "C:\\LyncPush\\LyncPushNotifications.rollback.ps1";

/// Sites whose names a script must carry through untouched: a space, a quote, brackets (which
/// are wildcards to -Path and -like), and letters outside ASCII.
pub const AWKWARD_SITES: &[&str] = &["North America", "O'Brien", "Lab [2]", "Zürich"];

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
    super::expect::provider_named("LyncOnline")
}

fn site(identity: &str, apple: bool, microsoft: bool) -> PushSettings {
    PushSettings { identity: identity.into(), apple, microsoft }
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
            d.push.push(site("site:Redmond", true, true));
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
        start("PushRelay provider for sipfed, not hybrid", |m| {
            m.deployment.providers.push(HostingProvider::new("PushRelay", LYNC_ONLINE, true));
        }),
        start("push.lync.com blocked", |m| {
            m.deployment.blocked.push(BlockedDomain { domain: PUSH_DOMAIN.into(), comment: Some("blocked by policy".into()) })
        }),
        start("push.lync.com allowed already", |m| {
            m.deployment.allowed.push(AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: Some("earlier".into()), mark_for_monitoring: false })
        }),
        start("LyncOnline with another ProxyFqdn", |m| {
            m.deployment.providers.push(HostingProvider::new("LyncOnline", "sipfed.partner.example", true))
        }),
        start("SkypeOnline with another ProxyFqdn", |m| {
            m.deployment.providers.push(HostingProvider::new("SkypeOnline", "sipfed.partner.example", true))
        }),
        start("push.lync.com allowed, replicas never catch up", |m| {
            m.deployment.allowed.push(AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false });
            m.replication_delay = None;
        }),
        start("site settings present, switches off", |m| m.deployment.push.push(site("site:Redmond", false, false))),
        start("site settings present, Apple on", |m| m.deployment.push.push(site("site:Redmond", true, false))),
        start("site settings present, Microsoft on", |m| m.deployment.push.push(site("site:Redmond", false, true))),
        start("site settings present, both on", |m| m.deployment.push.push(site("site:Redmond", true, true))),
        start("global push partly on", |m| m.deployment.push[0].microsoft = true),
        start("global Apple on", |m| m.deployment.push[0].apple = true),
        start("global both on", |m| {
            m.deployment.push[0].apple = true;
            m.deployment.push[0].microsoft = true;
        }),
        start("global Apple on, two sites with settings", |m| {
            m.deployment.push[0].apple = true;
            m.deployment.push.push(site("site:Redmond", false, false));
            m.deployment.push.push(site("site:Dublin", true, false));
        }),
        start("awkward site names with settings", |m| {
            for name in AWKWARD_SITES {
                m.deployment.sites.push((*name).into());
                m.deployment.push.push(site(&format!("site:{name}"), false, false));
            }
        }),
        start("default routing", |m| {
            m.deployment.access_edge.routing = Routing::Default {
                default_route_fqdn: "sip.contoso-isp.example".into(),
                verification_level: "AlwaysVerifiable".into(),
                is_public_provider: false,
            }
        }),
        // lync-objects.md §4: only Lync Server 2013-era samples print RoutingMethod; the output
        // type tells the routing (Get-CsAccessEdgeConfiguration.md, OUTPUTS).
        start("Lync 2010 Access Edge object without RoutingMethod", |m| m.deployment.access_edge.routing_method_shown = false),
        // Through remoting the objects arrive deserialized and their type tells nothing.
        start("default routing, read through remoting", |m| {
            m.deserialized = true;
            m.deployment.access_edge.routing = Routing::Default {
                default_route_fqdn: "sip.contoso-isp.example".into(),
                verification_level: "AlwaysVerifiable".into(),
                is_public_provider: false,
            }
        }),
        // DNS SRV routing read through remoting: the type says nothing, RoutingMethod does.
        start("read through remoting", |m| m.deserialized = true),
        start("Lync 2010 Access Edge object, read through remoting", |m| {
            m.deserialized = true;
            m.deployment.access_edge.routing_method_shown = false;
        }),
        // The answer is not the Edge pool's FQDN (Get-CsService -EdgeServer | Select-Object
        // PoolFqdn), e.g. the external name given by mistake: a warning, and both tests fail.
        start("Edge pool FQDN differs from the answer", |m| m.deployment.edge = Edge::Lync { internal_fqdn: "edgepool.contoso.com".into() }),
        start("partner discovery on", |m| m.deployment.access_edge.enable_partner_discovery = true),
        start("federation already on", |m| m.deployment.access_edge.allow_federated_users = true),
        start("Lync 2010 without the Nov 2011 CU", |m| m.deployment.shell = Shell::Lync { push_cmdlets: false }),
        start("not a Lync shell", |m| m.deployment.shell = Shell::PlainPowerShell),
        start("record folder read-only", |m| {
            m.unwritable.insert(SCRIPT_FOLDER.to_ascii_lowercase());
        }),
        start("replicas never catch up", |m| m.replication_delay = None),
        start("replicas catch up after 200 s", |m| m.replication_delay = Some(200)),
        start("replicas catch up after 400 s", |m| m.replication_delay = Some(400)),
        // The store creates the update a little after the change; until then every replica
        // still says UpToDate (Get-CsManagementStoreReplicationStatus.md, Example 4).
        start("replication starts 20 s after the change", |m| m.replication_start = 20),
        // Only some steps change: the wait must still key on this run's ChangeStart, not on
        // what the record says the run created.
        start("push.lync.com allowed already, replication starts 20 s after the change", |m| {
            m.deployment.allowed.push(AllowedDomain { domain: PUSH_DOMAIN.into(), proxy_fqdn: None, comment: None, mark_for_monitoring: false });
            m.replication_start = 20;
        }),
        start("push proxy URI changed, test returns Failure", |m| {
            m.deployment.mcx[0].push_notification_proxy_uri = "sip:push@push.example".into();
            m.mcx_test_throws = false;
        }),
        start("push proxy URI changed, test throws", |m| m.deployment.mcx[0].push_notification_proxy_uri = "sip:push@push.example".into()),
        start("site Redmond missing from the topology", |m| m.deployment.sites.retain(|site| site != "Redmond")),
        Start { name: "pasted into the shell", machine: Machine::new(Deployment::fresh()), script_path: None },
    ]
}

/// A few starts for slower checks (sequences, mutants): each kind of prior state once.
pub fn few(names: &[&str]) -> Vec<Start> {
    let all = starts();
    names.iter().map(|n| all.iter().find(|s| s.name == *n).unwrap_or_else(|| panic!("no start {n}")).clone()).collect()
}
