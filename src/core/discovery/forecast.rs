//! What the configuration script will do to the deployment a block shows: for each step that
//! changes the store, "already so", the changes from what is there to what will be, or what
//! stops the script before its first change. It follows the script's own guards (render::
//! powershell::script), so it can be held to what the script then does (tests/discovery.rs).
//! The script still checks everything when it runs: the deployment may change in between.

use crate::core::decision::Services;
use crate::core::facts::{cmdlet, APPLE_SWITCH, LYNC_ONLINE_PROXY_FQDN, MICROSOFT_SWITCH, PUSH_DOMAIN};
use crate::core::i18n::{fill, DiscoveryStrings, Language};
use crate::core::plan::{Action, Plan, Scope};
use crate::core::text::step_title;

use super::{printable, Discovered, Part, Read, Routing};

/// A push switch (`Enable…PushNotificationService`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Switch {
    Apple,
    Microsoft,
}

/// One change the script will make.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Change {
    /// New-CsHostingProvider with this Identity, for sipfed.online.lync.com.
    AddProvider(String),
    /// New-CsAllowedDomain push.lync.com.
    AllowPushDomain,
    /// New-CsPushNotificationConfiguration at a site: the switches it will have; a service the
    /// clients do not need takes today's global value (`copies_global`).
    CreatePushSettings { identity: String, apple: bool, microsoft: bool, copies_global: bool },
    /// A switch of existing settings, from False to True.
    TurnOn { identity: String, switch: Switch },
    /// AllowFederatedUsers, from False to True.
    AllowFederatedUsers,
}

/// What makes the script stop before its first change (its pre-flight).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Stop {
    PushDomainBlocked,
    DefaultRouting,
    /// A provider has the Identity the new one needs, for another proxy.
    ProviderNameTaken { identity: String, proxy_fqdn: String },
    /// The answers name a provider for sipfed.online.lync.com; the deployment has none.
    ProviderMissing(String),
    NoSuchSite(String),
    MissingCmdlets(Vec<&'static str>),
}

/// What one step will do.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Forecast {
    AlreadySo,
    Changes(Vec<Change>),
    /// The pre-flight stops the script on this step's account, before any change; once what
    /// stops it is cleared, the step would make these changes.
    Stopped(Stop, Vec<Change>),
    /// The block does not hold what the step looks at: this cmdlet's part was not read.
    Unknown(&'static str),
}

/// The plan against the deployment: what stops the script, and each changing step's forecast
/// (by its index in `plan.steps`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Outlook {
    pub stops: Vec<Stop>,
    pub steps: Vec<(usize, Forecast)>,
}

impl Outlook {
    /// Every change the script will make, in step order; none when it stops first.
    pub fn changes(&self) -> Vec<&Change> {
        if !self.stops.is_empty() {
            return Vec::new();
        }
        self.steps.iter().flat_map(|(_, forecast)| match forecast {
            Forecast::Changes(changes) => changes.iter().collect(),
            Forecast::AlreadySo | Forecast::Stopped(..) | Forecast::Unknown(_) => Vec::new(),
        }).collect()
    }

    /// Whether every step's part was read, so `changes` is the whole of it.
    pub fn complete(&self) -> bool {
        self.steps.iter().all(|(_, forecast)| !matches!(forecast, Forecast::Unknown(_)))
    }
}

/// PowerShell's `-eq` on strings ignores case; so do the store's names.
fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// A part's value, or the cmdlet whose part was not read.
fn read<T>(value: &Read<T>, part: Part) -> Result<&T, &'static str> {
    value.done().ok_or(part.cmdlet())
}

/// The plan's steps against the deployment the block shows.
pub fn forecast(plan: &Plan, found: &Discovered) -> Outlook {
    let mut outlook = Outlook { stops: missing_cmdlets(plan, found), steps: Vec::new() };
    for (index, step) in plan.steps.iter().enumerate() {
        let result = match &step.action {
            Action::AddHostingProvider { existing, new_identity } => {
                hosting_provider(found, existing.as_ref().map(|name| name.as_str()), new_identity.identity())
            }
            Action::AllowPushDomain => push_domain(found),
            Action::EnablePush { services, scope } => push_settings(found, *services, scope),
            Action::AllowFederatedUsers { check_dns_srv_routing } => federation(found, *check_dns_srv_routing),
            Action::FederateOcsEdge | Action::TestFederation { .. } | Action::TestPush { .. } => continue,
        };
        let forecast = match result {
            Ok(Ok(forecast)) => forecast,
            Ok(Err((stop, then))) => {
                outlook.stops.push(stop.clone());
                Forecast::Stopped(stop, then)
            }
            Err(cmdlet) => Forecast::Unknown(cmdlet),
        };
        outlook.steps.push((index, forecast));
    }
    outlook
}

/// Outer `Err`: a part not read; inner `Err`: the pre-flight stops, and what the step would
/// change once that is cleared.
type Looked = Result<Result<Forecast, (Stop, Vec<Change>)>, &'static str>;

fn changes(list: Vec<Change>) -> Result<Forecast, (Stop, Vec<Change>)> {
    Ok(if list.is_empty() { Forecast::AlreadySo } else { Forecast::Changes(list) })
}

/// Seed note 0cb70-123/124: one provider for sipfed.online.lync.com, whatever its Identity.
fn hosting_provider(found: &Discovered, existing: Option<&str>, new_identity: &str) -> Looked {
    let providers = read(&found.providers, Part::Providers)?;
    let federates = providers.iter().any(|p| same(&p.proxy_fqdn, LYNC_ONLINE_PROXY_FQDN));
    let same_name = providers.iter().find(|p| same(&p.identity, new_identity));
    Ok(match (federates, existing, same_name) {
        (true, _, _) => Ok(Forecast::AlreadySo),
        (false, Some(identity), _) => Err((Stop::ProviderMissing(identity.to_string()), Vec::new())),
        (false, None, Some(p)) => Err((
            Stop::ProviderNameTaken { identity: p.identity.clone(), proxy_fqdn: p.proxy_fqdn.clone() },
            vec![Change::AddProvider(new_identity.to_string())],
        )),
        (false, None, None) => changes(vec![Change::AddProvider(new_identity.to_string())]),
    })
}

/// Facts §2: a domain on the blocked list cannot be allowed.
fn push_domain(found: &Discovered) -> Looked {
    let allowed = *read(&found.push_allowed, Part::Allowed)?;
    let blocked = *read(&found.push_blocked, Part::Blocked)?;
    Ok(match (allowed, blocked) {
        (true, _) => Ok(Forecast::AlreadySo),
        (false, true) => Err((Stop::PushDomainBlocked, vec![Change::AllowPushDomain])),
        (false, false) => changes(vec![Change::AllowPushDomain]),
    })
}

fn push_settings(found: &Discovered, services: Services, scope: &Scope) -> Looked {
    let settings = read(&found.push, Part::Push)?;
    let find = |identity: &str| settings.iter().find(|s| same(&s.identity, identity));
    let needed = [(services.apns, Switch::Apple), (services.mpns, Switch::Microsoft)];
    let turn_on = |identity: &str, apple: Option<bool>, microsoft: Option<bool>| -> Result<Vec<Change>, &'static str> {
        let mut list = Vec::new();
        for (need, switch) in needed {
            let on = match switch {
                Switch::Apple => apple,
                Switch::Microsoft => microsoft,
            };
            if need && !on.ok_or(cmdlet::GET_PUSH_CONFIGURATION)? {
                list.push(Change::TurnOn { identity: identity.to_string(), switch });
            }
        }
        Ok(list)
    };
    match scope {
        Scope::Global => {
            let global = find("Global").ok_or(cmdlet::GET_PUSH_CONFIGURATION)?;
            Ok(changes(turn_on(&global.identity, global.apple, global.microsoft)?))
        }
        // The pre-flight looks the site up in the topology (Get-CsSite); New- creates a site's
        // settings that are not there yet (facts §2).
        Scope::Site(name) => {
            let sites = read(&found.sites, Part::Sites)?;
            if !sites.iter().any(|site| same(site, name.as_str())) {
                return Ok(Err((Stop::NoSuchSite(name.as_str().to_string()), Vec::new())));
            }
            let identity = format!("site:{}", name.as_str());
            match find(&identity) {
                Some(site) => Ok(changes(turn_on(&site.identity, site.apple, site.microsoft)?)),
                None => {
                    let global = find("Global").ok_or(cmdlet::GET_PUSH_CONFIGURATION)?;
                    let apple = services.apns || global.apple.ok_or(cmdlet::GET_PUSH_CONFIGURATION)?;
                    let microsoft = services.mpns || global.microsoft.ok_or(cmdlet::GET_PUSH_CONFIGURATION)?;
                    let copies_global = !(services.apns && services.mpns);
                    Ok(changes(vec![Change::CreatePushSettings { identity, apple, microsoft, copies_global }]))
                }
            }
        }
    }
}

/// Seed Enable step 4; New-CsHostingProvider.md: no hosting-provider federation with default
/// routing, so the script stops there (a routing no signal tells is only a warning).
fn federation(found: &Discovered, check_dns_srv_routing: bool) -> Looked {
    let edge = read(&found.access_edge, Part::AccessEdge)?;
    let federating = edge.allow_federated_users.ok_or(cmdlet::GET_ACCESS_EDGE_CONFIGURATION)?;
    let then = if federating { Vec::new() } else { vec![Change::AllowFederatedUsers] };
    if check_dns_srv_routing && edge.routing() == Routing::Default {
        return Ok(Err((Stop::DefaultRouting, then)));
    }
    Ok(changes(then))
}

/// The push cmdlets the plan's script calls that the shell lacks (facts §2: they came with a
/// cumulative update of Lync Server 2010); the script stops before any change without them.
fn missing_cmdlets(plan: &Plan, found: &Discovered) -> Vec<Stop> {
    let Some(cmdlets) = found.cmdlets.done() else { return Vec::new() };
    let mut needed: Vec<&'static str> = Vec::new();
    for step in &plan.steps {
        match &step.action {
            Action::EnablePush { scope: Scope::Global, .. } => {
                needed.extend([cmdlet::GET_PUSH_CONFIGURATION, cmdlet::SET_PUSH_CONFIGURATION])
            }
            Action::EnablePush { scope: Scope::Site(_), .. } => {
                needed.extend([cmdlet::GET_PUSH_CONFIGURATION, cmdlet::SET_PUSH_CONFIGURATION, cmdlet::NEW_PUSH_CONFIGURATION])
            }
            Action::TestPush { .. } => needed.push(cmdlet::TEST_MCX_PUSH_NOTIFICATION),
            Action::AddHostingProvider { .. }
            | Action::AllowPushDomain
            | Action::FederateOcsEdge
            | Action::AllowFederatedUsers { .. }
            | Action::TestFederation { .. } => {}
        }
    }
    let mut missing: Vec<&'static str> = Vec::new();
    for name in needed {
        let absent = cmdlets.iter().any(|(found, there)| same(found, name) && !there);
        if absent && !missing.contains(&name) {
            missing.push(name);
        }
    }
    if missing.is_empty() {
        Vec::new()
    } else {
        vec![Stop::MissingCmdlets(missing)]
    }
}

/// The outlook as sentences: what stops the script, and each changing step's title with what
/// it will do there. What the CLI prints and the page shows.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct OutlookView {
    pub stops: Vec<String>,
    /// Said before the steps where the script stops first: what they would do once cleared.
    pub after_stops: Option<String>,
    /// Each changing step: its number in the plan, its title, what it will do.
    pub steps: Vec<(usize, String, Vec<String>)>,
}

impl Outlook {
    pub fn view(&self, plan: &Plan, language: Language) -> OutlookView {
        let (t, d) = (language.strings(), language.discovery_strings());
        let stops = self.stops.iter().map(|stop| stop.text(d)).collect();
        let steps = self
            .steps
            .iter()
            .filter_map(|(index, forecast)| {
                let title = step_title(t, &plan.steps.get(*index)?.action);
                let lines = match forecast {
                    Forecast::AlreadySo => vec![d.forecast_already.to_string()],
                    Forecast::Unknown(cmdlet) => vec![fill(d.forecast_unknown, &[cmdlet])],
                    Forecast::Changes(changes) => changes.iter().map(|change| change.text(d)).collect(),
                    Forecast::Stopped(stop, then) => std::iter::once(fill(d.forecast_stopped, &[&stop.text(d)]))
                        .chain(then.iter().map(|change| fill(d.forecast_once_cleared, &[&change.text(d)])))
                        .collect(),
                };
                Some((index + 1, title, lines))
            })
            .collect();
        let after_stops = (!self.stops.is_empty()).then(|| d.forecast_after_stops.to_string());
        OutlookView { stops, after_stops, steps }
    }
}

impl Change {
    pub fn text(&self, d: &DiscoveryStrings) -> String {
        let on = |value: bool| if value { d.word_on } else { d.word_off };
        match self {
            Change::AddProvider(identity) => fill(d.change_add_provider, &[&printable(identity), LYNC_ONLINE_PROXY_FQDN]),
            Change::AllowPushDomain => fill(d.change_allow_domain, &[PUSH_DOMAIN]),
            Change::CreatePushSettings { identity, apple, microsoft, copies_global } => {
                let template = if *copies_global { d.change_create_settings_copy } else { d.change_create_settings };
                fill(template, &[&printable(identity), on(*apple), on(*microsoft)])
            }
            Change::TurnOn { identity, switch } => fill(d.change_turn_on, &[switch.name(), &printable(identity)]),
            Change::AllowFederatedUsers => d.change_federation.to_string(),
        }
    }
}

impl Switch {
    pub const fn name(self) -> &'static str {
        match self {
            Switch::Apple => APPLE_SWITCH,
            Switch::Microsoft => MICROSOFT_SWITCH,
        }
    }
}

impl Stop {
    pub fn text(&self, d: &DiscoveryStrings) -> String {
        match self {
            Stop::PushDomainBlocked => fill(d.stop_blocked, &[PUSH_DOMAIN]),
            Stop::DefaultRouting => d.stop_default_route.to_string(),
            Stop::ProviderNameTaken { identity, proxy_fqdn } => fill(d.stop_name_taken, &[&printable(identity), &printable(proxy_fqdn)]),
            Stop::ProviderMissing(identity) => fill(d.stop_provider_missing, &[&printable(identity), LYNC_ONLINE_PROXY_FQDN]),
            Stop::NoSuchSite(name) => fill(d.stop_no_site, &[&printable(name)]),
            Stop::MissingCmdlets(names) => fill(d.stop_cmdlets, &[&names.join(d.separator)]),
        }
    }
}
