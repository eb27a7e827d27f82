//! What a block answers, what it leaves open and why, and what the deployment has now. Only
//! what a documented value settles is filled: an Edge pool's Version is printed by Microsoft's
//! sample output (lync-objects §8) but no Microsoft page maps its numbers to products, so the
//! Edge Server's version stays a question; nothing documented gives a registrar pool's version.

use crate::core::answers::{Answers, EdgeServer, PoolVersion};
use crate::core::facts::{cmdlet, LYNC_ONLINE_PROXY_FQDN, NEW_PROVIDER_IDENTITY, NEW_PROVIDER_IDENTITY_SFB, PUSH_DOMAIN, PUSH_PROXY_URI};
use crate::core::i18n::{fill as fill_in, DiscoveryStrings, Language};
use crate::core::text::{edge_label, pool_label};

use super::{AccessEdge, Discovered, Part, Read, Replication, LOOKED_FOR};

/// An answer the block gives, or why it does not.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Filled<T> {
    Known(T),
    Open(Open),
}

/// Why an answer stays open.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Open {
    /// Each Edge pool and the Version it reports: no documented mapping to a product.
    EdgeVersion(Vec<(String, String)>),
    NoEdgePool,
    /// Federation runs through one Edge pool ("Federation can only be enabled for a single Edge
    /// pool", sfb-facts §6b); which one the block does not say.
    SeveralEdgePools(Vec<String>),
    /// No documented property of the registrar pools gives their version.
    PoolVersion,
    /// More than one provider for sipfed.online.lync.com, which the store should not allow.
    SeveralProviders(Vec<String>),
    /// The scope is the administrator's choice; the sites the topology has.
    Scope(Vec<String>),
    /// The part that would answer was not read: the cmdlet and its message (`None`: absent).
    NotRead(&'static str, Option<String>),
}

/// How the Access Edge routes, by the signals the configuration script reads (its type's name,
/// then RoutingMethod: Get-CsAccessEdgeConfiguration.md, OUTPUTS; lync-objects §4).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Routing {
    DnsSrv,
    Default,
    Unknown,
}

impl AccessEdge {
    pub fn routing(&self) -> Routing {
        let (name, method) = (self.type_name.as_str(), self.routing_method.as_str());
        if name.ends_with("DnsSrvRouting") {
            Routing::DnsSrv
        } else if name.ends_with("DefaultRoute") {
            Routing::Default
        } else if method.eq_ignore_ascii_case("UseDnsSrvRouting") {
            Routing::DnsSrv
        } else if method.eq_ignore_ascii_case("UseDefaultRouting") {
            Routing::Default
        } else {
            Routing::Unknown
        }
    }
}

/// What the deployment has now, as far as push is concerned.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum State {
    PushDomainBlocked,
    PushDomainAllowed,
    PushDomainNotAllowed,
    Routing(Routing),
    Federation(bool),
    /// A provider under one of the Identities the procedures name, for another proxy: the
    /// configuration script cannot add its provider under that name (ProxyFqdn never changes).
    ProviderElsewhere { identity: String, proxy_fqdn: String },
    ProviderDisabled(String),
    MissingPushCmdlets(Vec<String>),
    /// Push settings at a scope: Identity, Apple, Microsoft.
    PushSwitches(String, bool, bool),
    /// EnablePartnerDiscovery, where the Access Edge shows it (DNS SRV routing).
    PartnerDiscovery(bool),
    /// Mobility settings whose push proxy is not push.lync.com's (facts §4.2).
    McxProxy(String, String),
    Replication(Replication),
    NotRead(&'static str, Option<String>),
}

/// Everything a block answers.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Reading {
    pub made_by: String,
    pub edge: Filled<EdgeServer>,
    pub pool: Filled<PoolVersion>,
    pub access_edge: Filled<String>,
    /// `Some(identity)`: a provider federates with sipfed.online.lync.com; `None`: none does.
    pub provider: Filled<Option<String>>,
    pub scope: Open,
    pub state: Vec<State>,
}

/// A part's value, or why it was not read: its cmdlet failed (with the message) or is absent.
fn read_or_open<T>(read: &Read<T>, part: Part) -> Result<&T, Open> {
    match (read.done(), read.why_not()) {
        (Some(value), _) => Ok(value),
        (None, why) => Err(Open::NotRead(part.cmdlet(), why.flatten().map(String::from))),
    }
}

fn open_if_unread<T, U>(read: &Read<T>, part: Part, known: impl FnOnce(&T) -> Filled<U>) -> Filled<U> {
    read_or_open(read, part).map_or_else(Filled::Open, known)
}

/// What the block answers, and the state it shows.
pub fn fill(found: &Discovered) -> Reading {
    let mut pools: Vec<&str> = Vec::new();
    for pool in found.edge_pools.done().into_iter().flatten() {
        if !pools.iter().any(|known| known.eq_ignore_ascii_case(&pool.pool_fqdn)) {
            pools.push(&pool.pool_fqdn);
        }
    }
    let edge = open_if_unread(&found.edge_pools, Part::EdgePools, |all| match all.is_empty() {
        true => Filled::Open(Open::NoEdgePool),
        false => Filled::Open(Open::EdgeVersion(all.iter().map(|pool| (pool.pool_fqdn.clone(), pool.version.clone())).collect())),
    });
    let access_edge = open_if_unread(&found.edge_pools, Part::EdgePools, |_| match pools.as_slice() {
        [] => Filled::Open(Open::NoEdgePool),
        [one] => Filled::Known(one.to_string()),
        several => Filled::Open(Open::SeveralEdgePools(several.iter().map(|pool| pool.to_string()).collect())),
    });
    let provider = open_if_unread(&found.providers, Part::Providers, |all| {
        let ours: Vec<String> =
            all.iter().filter(|p| p.proxy_fqdn.eq_ignore_ascii_case(LYNC_ONLINE_PROXY_FQDN)).map(|p| p.identity.clone()).collect();
        match ours.as_slice() {
            [] => Filled::Known(None),
            [one] => Filled::Known(Some(one.clone())),
            _ => Filled::Open(Open::SeveralProviders(ours)),
        }
    });
    let scope = read_or_open(&found.sites, Part::Sites).map_or_else(|open| open, |sites| Open::Scope(sites.clone()));
    Reading {
        made_by: found.made_by.clone(),
        edge,
        pool: Filled::Open(Open::PoolVersion),
        access_edge,
        provider,
        scope,
        state: state(found),
    }
}

fn state(found: &Discovered) -> Vec<State> {
    let mut facts = Vec::new();
    // First: without them the configuration script stops before anything else.
    if let Read::Done(cmdlets) = &found.cmdlets {
        let missing: Vec<String> = LOOKED_FOR
            .iter()
            .filter(|name| cmdlet::PUSH_CMDLETS.contains(name))
            .filter(|name| cmdlets.iter().any(|(found, there)| found.eq_ignore_ascii_case(name) && !there))
            .map(|name| name.to_string())
            .collect();
        if !missing.is_empty() {
            facts.push(State::MissingPushCmdlets(missing));
        }
    }
    match (&found.push_blocked, &found.push_allowed) {
        (Read::Done(true), _) => facts.push(State::PushDomainBlocked),
        (_, Read::Done(true)) => facts.push(State::PushDomainAllowed),
        (_, Read::Done(false)) => facts.push(State::PushDomainNotAllowed),
        _ => {}
    }
    if let Read::Done(edge) = &found.access_edge {
        facts.push(State::Routing(edge.routing()));
        facts.extend(edge.allow_federated_users.map(State::Federation));
        facts.extend(edge.enable_partner_discovery.map(State::PartnerDiscovery));
    }
    for provider in found.providers.done().into_iter().flatten() {
        let ours = provider.proxy_fqdn.eq_ignore_ascii_case(LYNC_ONLINE_PROXY_FQDN);
        let named = [NEW_PROVIDER_IDENTITY, NEW_PROVIDER_IDENTITY_SFB].iter().any(|name| provider.identity.eq_ignore_ascii_case(name));
        if named && !ours {
            facts.push(State::ProviderElsewhere { identity: provider.identity.clone(), proxy_fqdn: provider.proxy_fqdn.clone() });
        }
        if ours && provider.enabled == Some(false) {
            facts.push(State::ProviderDisabled(provider.identity.clone()));
        }
    }
    for scope in found.push.done().into_iter().flatten() {
        facts.push(State::PushSwitches(scope.identity.clone(), scope.apple == Some(true), scope.microsoft == Some(true)));
    }
    for mcx in found.mcx.done().into_iter().flatten() {
        if !mcx.push_notification_proxy_uri.eq_ignore_ascii_case(PUSH_PROXY_URI) {
            facts.push(State::McxProxy(mcx.identity.clone(), mcx.push_notification_proxy_uri.clone()));
        }
    }
    facts.extend(found.replication.done().copied().map(State::Replication));
    for part in Part::ALL {
        if let Some(why) = found.why_not(part) {
            facts.push(State::NotRead(part.cmdlet(), why.map(String::from)));
        }
    }
    facts
}

impl Reading {
    /// Sets the answers the block gives; the rest stay as they were.
    pub fn apply(&self, answers: &mut Answers) {
        self.fills().apply(answers);
    }

    /// The answers the block gives, alone.
    pub fn fills(&self) -> Fills {
        let known = |filled: &Filled<String>| match filled {
            Filled::Known(value) => Some(value.clone()),
            Filled::Open(_) => None,
        };
        Fills {
            access_edge: known(&self.access_edge),
            provider: match &self.provider {
                Filled::Known(provider) => Some(provider.clone()),
                Filled::Open(_) => None,
            },
        }
    }
}

/// The answers a block gives: the internal Access Edge FQDN, and the provider that federates
/// with sipfed.online.lync.com (`Some(None)`: none does). Apart from the reading so the page
/// can apply them without the reader, which the discovery reader (a web worker) carries.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Fills {
    pub access_edge: Option<String>,
    pub provider: Option<Option<String>>,
}

impl Fills {
    pub fn apply(&self, answers: &mut Answers) {
        if let Some(fqdn) = &self.access_edge {
            answers.access_edge = fqdn.clone();
        }
        if let Some(provider) = &self.provider {
            answers.provider_exists = provider.is_some();
            answers.provider_identity = provider.clone().unwrap_or_default();
        }
    }

    /// As four strings, for a message between the reader and the page: a flag ("1" given, "0"
    /// not) and the value, for each answer; a provider given as none is "1", "0", "".
    pub fn to_strings(&self) -> [String; 4] {
        let flag = |given: bool| if given { "1" } else { "0" }.to_string();
        let (provider_given, provider) = match &self.provider {
            None => (flag(false), String::new()),
            Some(None) => (flag(true), String::new()),
            Some(Some(identity)) => (flag(true), format!("1{identity}")),
        };
        [flag(self.access_edge.is_some()), self.access_edge.clone().unwrap_or_default(), provider_given, provider]
    }

    pub fn from_strings(strings: &[String]) -> Option<Fills> {
        let [edge_given, edge, provider_given, provider] = strings else { return None };
        let given = |flag: &str| match flag {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        Some(Fills {
            access_edge: given(edge_given)?.then(|| edge.clone()),
            provider: match given(provider_given)? {
                false => None,
                true => Some(provider.strip_prefix('1').map(String::from)),
            },
        })
    }
}

/// A value read from the deployment, as a sentence shows it: control characters escaped.
pub fn printable(value: &str) -> String {
    value.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect()
}

fn list(values: &[String], t: &DiscoveryStrings) -> String {
    values.iter().map(|value| printable(value)).collect::<Vec<_>>().join(t.separator)
}

impl Open {
    pub fn text(&self, t: &DiscoveryStrings) -> String {
        match self {
            Open::EdgeVersion(pools) => {
                pools.iter().map(|(pool, version)| fill_in(t.open_edge_version, &[&printable(pool), &printable(version)])).collect::<Vec<_>>().join(" ")
            }
            Open::NoEdgePool => t.open_no_edge.to_string(),
            Open::SeveralEdgePools(pools) => fill_in(t.open_edge_pools, &[&list(pools, t)]),
            Open::PoolVersion => t.open_pool.to_string(),
            Open::SeveralProviders(names) => fill_in(t.open_providers, &[LYNC_ONLINE_PROXY_FQDN, &list(names, t)]),
            Open::Scope(sites) => fill_in(t.open_scope, &[&list(sites, t)]),
            Open::NotRead(cmdlet, why) => not_read_text(t, cmdlet, why),
        }
    }
}

fn not_read_text(t: &DiscoveryStrings, cmdlet: &str, why: &Option<String>) -> String {
    match why {
        Some(message) => fill_in(t.not_read_failed, &[cmdlet, &printable(message)]),
        None => fill_in(t.not_read_absent, &[cmdlet]),
    }
}

impl State {
    pub fn text(&self, t: &DiscoveryStrings) -> String {
        let on = |value: bool| if value { t.word_on } else { t.word_off };
        match self {
            State::PushDomainBlocked => fill_in(t.state_blocked, &[PUSH_DOMAIN]),
            State::PushDomainAllowed => fill_in(t.state_allowed, &[PUSH_DOMAIN]),
            State::PushDomainNotAllowed => fill_in(t.state_not_allowed, &[PUSH_DOMAIN]),
            State::Routing(Routing::DnsSrv) => t.state_dns_srv.to_string(),
            State::Routing(Routing::Default) => t.state_default_route.to_string(),
            State::Routing(Routing::Unknown) => t.state_routing_unknown.to_string(),
            State::Federation(true) => t.state_federation_on.to_string(),
            State::Federation(false) => t.state_federation_off.to_string(),
            State::ProviderElsewhere { identity, proxy_fqdn } => {
                fill_in(t.state_provider_elsewhere, &[&printable(identity), &printable(proxy_fqdn), LYNC_ONLINE_PROXY_FQDN])
            }
            State::ProviderDisabled(identity) => fill_in(t.state_provider_disabled, &[&printable(identity), LYNC_ONLINE_PROXY_FQDN]),
            State::MissingPushCmdlets(names) => fill_in(t.state_missing_cmdlets, &[&names.join(t.separator)]),
            State::PushSwitches(identity, apple, microsoft) => fill_in(t.state_push_on, &[&printable(identity), on(*apple), on(*microsoft)]),
            State::PartnerDiscovery(true) => t.state_partner_discovery_on.to_string(),
            State::PartnerDiscovery(false) => t.state_partner_discovery_off.to_string(),
            State::McxProxy(identity, uri) => fill_in(t.state_mcx_uri, &[&printable(identity), &printable(uri), PUSH_PROXY_URI]),
            State::Replication(r) => fill_in(t.state_replication, &[&r.up_to_date.to_string(), &r.replicas.to_string()]),
            State::NotRead(cmdlet, why) => not_read_text(t, cmdlet, why),
        }
    }
}

/// A reading as sentences, each answer under its question's label: what the CLI prints and the
/// page will show.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ReadingView {
    pub made_by: String,
    pub filled: Vec<(&'static str, String)>,
    pub open: Vec<(&'static str, String)>,
    pub state: Vec<String>,
}

impl Reading {
    /// `answers`: what the administrator has answered so far, so an open answer that is given
    /// says what was answered beside what the block shows.
    pub fn view(&self, language: Language, answers: Option<&Answers>) -> ReadingView {
        let (t, d) = (language.strings(), language.discovery_strings());
        let answered = |given: Option<&'static str>, open: Result<String, &Open>| match (given, open) {
            (Some(label), Err(open)) => Err(fill_in(d.open_answered, &[label, &open.text(d)])),
            (_, Err(open)) => Err(open.text(d)),
            (_, Ok(text)) => Ok(text),
        };
        let edge_given = answers.and_then(|a| a.edge).map(|edge| edge_label(t, edge));
        let pool_given = answers.and_then(|a| a.pool).map(|pool| pool_label(t, pool));
        let mut view = ReadingView { made_by: fill_in(d.made_by, &[&printable(&self.made_by)]), filled: Vec::new(), open: Vec::new(), state: Vec::new() };
        let mut put = |label: &'static str, answer: Result<String, String>| match answer {
            Ok(text) => view.filled.push((label, text)),
            Err(open) => view.open.push((label, open)),
        };
        put(t.field_edge, answered(edge_given, known_or(&self.edge, |_| String::new())));
        put(t.field_pool, answered(pool_given, known_or(&self.pool, |_| String::new())));
        put(t.field_access_edge, answered(None, known_or(&self.access_edge, |fqdn| fill_in(d.filled_access_edge, &[&printable(fqdn)]))));
        put(
            t.label_hosting_provider,
            answered(
                None,
                known_or(&self.provider, |provider| match provider {
                    Some(identity) => fill_in(d.filled_provider, &[&printable(identity), LYNC_ONLINE_PROXY_FQDN]),
                    None => fill_in(d.filled_no_provider, &[LYNC_ONLINE_PROXY_FQDN]),
                }),
            ),
        );
        put(t.label_push_settings, Err(self.scope.text(d)));
        view.state = self.state.iter().map(|fact| fact.text(d)).collect();
        view
    }
}

fn known_or<T>(filled: &Filled<T>, text: impl FnOnce(&T) -> String) -> Result<String, &Open> {
    match filled {
        Filled::Known(value) => Ok(text(value)),
        Filled::Open(open) => Err(open),
    }
}
