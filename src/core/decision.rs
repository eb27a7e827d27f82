//! Which clients need push, through which service, and whether this deployment can have it.

use serde::Serialize;

use super::answers::{EdgeServer, MobileClient, PoolVersion};
use super::vocabulary::vocabulary;

vocabulary! {
    /// The vendor push services behind Lync Online's Push Notification Service (seed, 0cb70-106).
    pub enum PushService {
        Apns => "apns",
        Mpns => "mpns",
    }
}

/// Why a client needs push, or why it does not.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case", tag = "need", content = "service")]
pub enum Need {
    Push(PushService),
    /// Lync 2013 Mobile on Apple devices no longer needs push (seed, IMPORTANT box, 0cb70-109).
    NoLongerNeeded,
    /// The app keeps running in the background, so no push is involved (facts §1: Hh690980,
    /// techcommunity 620401).
    RunsInBackground,
    /// Microsoft's sources disagree whether the client needs this service, so it is turned on:
    /// a switch nobody uses is harmless, a needed one left off is not (sfb-facts §2, "Unknown /
    /// conflicting": Skype for Business on iOS).
    PushDisputed(PushService),
    /// Microsoft lists push for the app, but the push settings have no switch for its platform
    /// (sfb-facts §2 and §4: Set-CsPushNotificationConfiguration has only Apple and Microsoft).
    NoSwitch,
    /// The client talks to the Mobility Service (MCX), which this pool no longer has, so it
    /// cannot sign in and gets no push from it (sfb-facts §3, deprecated.md).
    CannotUsePool,
}

impl Need {
    /// The service a switch must turn on for this need, if any.
    pub const fn service(self) -> Option<PushService> {
        match self {
            Need::Push(service) | Need::PushDisputed(service) => Some(service),
            Need::NoLongerNeeded | Need::RunsInBackground | Need::NoSwitch | Need::CannotUsePool => None,
        }
    }
}

/// Whether the pool still runs the Mobility Service (MCX) that Lync 2010 Mobile uses.
/// sfb-facts §3: from Lync Server 2010's November 2011 update; Skype for Business Server 2015
/// keeps it (plan mobility.md); 2019 removed it (deprecated.md: "Mobility Service support used
/// by legacy mobile clients is no longer available in Skype for Business Server 2019"). For
/// Subscription Edition no Microsoft page says it came back, so it is treated as 2019's.
pub const fn has_mcx(shell: PoolVersion) -> bool {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 | PoolVersion::Sfb2015 => true,
        PoolVersion::Sfb2019 | PoolVersion::SfbSe => false,
    }
}

/// The client table: the seed's (IMPORTANT box, 0cb70-107 … 0cb70-109, and facts §1), the Skype
/// for Business apps' (sfb-facts §2), and what the pool's version takes away (sfb-facts §3).
pub const fn need_of(shell: PoolVersion, client: MobileClient) -> Need {
    let mcx = has_mcx(shell);
    match client {
        // Lync 2010 Mobile uses MCX (sfb-facts §3): without it the client cannot sign in.
        MobileClient::IosLync2010 | MobileClient::WpLync2010 | MobileClient::Nokia if !mcx => Need::CannotUsePool,
        // 0cb70-108: Lync 2010 Mobile on Apple devices: push is an important consideration.
        MobileClient::IosLync2010 => Need::Push(PushService::Apns),
        // 0cb70-109: Lync 2013 Mobile on Apple devices: you no longer need push notification.
        MobileClient::IosLync2013 => Need::NoLongerNeeded,
        // 0cb70-107: Windows Phone with Lync 2010 Mobile or Lync 2013 Mobile.
        MobileClient::WpLync2010 | MobileClient::WpLync2013 => Need::Push(PushService::Mpns),
        // facts §1: Android and Nokia Symbian keep the app running in the background.
        MobileClient::Android | MobileClient::Nokia => Need::RunsInBackground,
        // sfb-facts §1: the Skype for Business deploy page turns on MPNS "for Windows Phone users".
        MobileClient::WpSfb => Need::Push(PushService::Mpns),
        // sfb-facts §2: that page turns on only MPNS, while msxfaq.de reports that CU4HF1 turns
        // on iOS push on premises (Feb 2017): APNS is turned on, which cannot hurt.
        MobileClient::IosSfb => Need::PushDisputed(PushService::Apns),
        // sfb-facts §2: mobile-feature-comparison.md ticks push for Android, but there is no
        // Android switch (§4); Lync-era pages say Android needs none.
        MobileClient::AndroidSfb => Need::NoSwitch,
    }
}

/// How the deployment reaches push.lync.com (seed, 0cb70-111 and 0cb70-112).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// Lync Server 2010 or 2013 Edge, or a Skype for Business Server Edge: hosting-provider
    /// federation with Lync Online (sfb-facts §1: the same steps for Skype for Business).
    HostingProvider,
    /// Office Communications Server 2007 R2 Edge: direct SIP federation with push.lync.com.
    DirectFederation,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotNeededBecause {
    NoClientChosen,
    NoClientNeedsPush,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockedBecause {
    /// Federation with push.lync.com goes through an Edge Server (facts §3).
    NoEdgeServer,
    /// No Microsoft page documents push for this pool with this Edge Server (see `mix`).
    UndocumentedMix,
    /// Every chosen client that would use push talks to MCX, which this pool no longer has
    /// (sfb-facts §3).
    ClientsCannotUsePool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case", tag = "verdict")]
pub enum Verdict {
    Configure { route: Route },
    NotNeeded { because: NotNeededBecause },
    Blocked { because: BlockedBecause },
}

/// Which push switches must be on. Each is independent of the other (facts §2).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize)]
pub struct Services {
    pub apns: bool,
    pub mpns: bool,
}

impl Services {
    pub const fn any(self) -> bool {
        self.apns || self.mpns
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct ClientNeed {
    pub client: MobileClient,
    #[serde(flatten)]
    pub need: Need,
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Decision {
    pub edge: EdgeServer,
    /// The pool's version as answered; `None` (not given) means the seed's Lync Server 2013 and
    /// is left out of the JSON, so earlier answers give the same document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool: Option<PoolVersion>,
    pub clients: Vec<ClientNeed>,
    pub services: Services,
    #[serde(flatten)]
    pub verdict: Verdict,
}

impl Decision {
    /// The version whose Management Shell runs the steps (see `shell_of`).
    pub const fn shell(&self) -> PoolVersion {
        shell_of(self.pool, self.edge)
    }
}

/// The version whose Management Shell runs the steps. Given, it is the pool's. Not given, it is
/// what the wizard read before it asked: the seed's Lync Server 2013, except that a Lync Server
/// 2010 Edge stood for a Lync Server 2010 deployment (its Start-menu path, its cmdlets), so
/// earlier answers keep that reading.
pub const fn shell_of(pool: Option<PoolVersion>, edge: EdgeServer) -> PoolVersion {
    match (pool, edge) {
        (Some(pool), _) => pool,
        (None, EdgeServer::Lync2010) => PoolVersion::Lync2010,
        (
            None,
            EdgeServer::Lync2013
            | EdgeServer::Ocs2007R2
            | EdgeServer::None
            | EdgeServer::Sfb2015
            | EdgeServer::Sfb2019
            | EdgeServer::SfbSe,
        ) => PoolVersion::Lync2013,
    }
}

pub fn decide<'a>(
    pool: Option<PoolVersion>,
    edge: EdgeServer,
    clients: impl IntoIterator<Item = &'a MobileClient>,
) -> Decision {
    let shell = shell_of(pool, edge);
    let clients: Vec<ClientNeed> =
        clients.into_iter().map(|&client| ClientNeed { client, need: need_of(shell, client) }).collect();
    let mut services = Services::default();
    for client in &clients {
        match client.need.service() {
            Some(PushService::Apns) => services.apns = true,
            Some(PushService::Mpns) => services.mpns = true,
            None => {}
        }
    }
    let stranded = clients.iter().any(|client| client.need == Need::CannotUsePool);
    let verdict = if clients.is_empty() {
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen }
    } else if !services.any() && stranded {
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool }
    } else if !services.any() {
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush }
    } else {
        match (route_for(edge), mix(shell, edge)) {
            (None, _) => Verdict::Blocked { because: BlockedBecause::NoEdgeServer },
            (Some(_), Mix::Undocumented) => Verdict::Blocked { because: BlockedBecause::UndocumentedMix },
            (Some(route), Mix::Same | Mix::Documented) => Verdict::Configure { route },
        }
    };
    Decision { edge, pool, clients, services, verdict }
}

/// Seed, 0cb70-110 … 0cb70-112: the Edge Server decides the federation route; a Skype for
/// Business Server Edge takes the same hosting-provider route (sfb-facts §1).
pub const fn route_for(edge: EdgeServer) -> Option<Route> {
    match edge {
        EdgeServer::Lync2013 | EdgeServer::Lync2010 => Some(Route::HostingProvider),
        EdgeServer::Sfb2015 | EdgeServer::Sfb2019 | EdgeServer::SfbSe => Some(Route::HostingProvider),
        EdgeServer::Ocs2007R2 => Some(Route::DirectFederation),
        EdgeServer::None => None,
    }
}

/// How Microsoft's pages treat an Edge Server of one version in front of a pool of another.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mix {
    /// The push procedure of the pool's own version names this Edge Server.
    Same,
    /// Documented, but as a step of a migration, and explained in the plan.
    Documented,
    /// No Microsoft page documents push for it: the verdict says so.
    Undocumented,
}

/// Which Edge Servers each pool's push procedure names, with the page that names them.
pub const fn mix(shell: PoolVersion, edge: EdgeServer) -> Mix {
    match (shell, edge) {
        // No Edge at all is decided by `route_for` (facts §3), not here.
        (_, EdgeServer::None) => Mix::Same,
        // Seed, 0cb70-111 and 0cb70-112: a Lync Server 2013 or 2010 Edge, or an OCS 2007 R2 Edge.
        // The wizard took a Lync Server 2010 pool to follow the same page (push-facts §1).
        (PoolVersion::Lync2013 | PoolVersion::Lync2010, EdgeServer::Lync2013 | EdgeServer::Lync2010 | EdgeServer::Ocs2007R2) => {
            Mix::Same
        }
        // No Microsoft page documents a newer Edge in front of a Lync Server pool.
        (
            PoolVersion::Lync2013 | PoolVersion::Lync2010,
            EdgeServer::Sfb2015 | EdgeServer::Sfb2019 | EdgeServer::SfbSe,
        ) => Mix::Undocumented,
        // sfb-facts §6, plan mobility.md: "use this functionality with Skype for Business Server
        // Edge Servers or Lync Server 2013 Edge Servers".
        (PoolVersion::Sfb2015, EdgeServer::Sfb2015 | EdgeServer::Lync2013) => Mix::Same,
        (PoolVersion::Sfb2019, EdgeServer::Sfb2019) => Mix::Same,
        // sfb-facts §6, connect-pilot-pool-to-legacy-edge-servers.md: a 2019 pool uses the
        // "Director and Edge Server of the legacy deployment", Lync Server 2013 or Skype for
        // Business Server 2015, while it is being migrated.
        (PoolVersion::Sfb2019, EdgeServer::Sfb2015 | EdgeServer::Lync2013) => Mix::Documented,
        // sfb-facts §1: no Subscription Edition push page; Learn's mobility pages apply to it
        // with the same steps, which name Skype for Business Server Edge Servers.
        (PoolVersion::SfbSe, EdgeServer::SfbSe) => Mix::Same,
        // sfb-facts §6: Skype for Business pages name no Lync Server 2010 or OCS 2007 R2 Edge,
        // and no page documents a Subscription Edition Edge with an older pool or the reverse;
        // a 2015 pool behind a 2019 Edge is not documented either.
        (
            PoolVersion::Sfb2015,
            EdgeServer::Lync2010 | EdgeServer::Ocs2007R2 | EdgeServer::Sfb2019 | EdgeServer::SfbSe,
        )
        | (PoolVersion::Sfb2019, EdgeServer::Lync2010 | EdgeServer::Ocs2007R2 | EdgeServer::SfbSe)
        | (
            PoolVersion::SfbSe,
            EdgeServer::Lync2013 | EdgeServer::Lync2010 | EdgeServer::Ocs2007R2 | EdgeServer::Sfb2015 | EdgeServer::Sfb2019,
        ) => Mix::Undocumented,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_example_needs_both_services_through_the_hosting_provider() {
        let decision = decide(None, EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]);
        assert_eq!(decision.services, Services { apns: true, mpns: true });
        assert_eq!(decision.verdict, Verdict::Configure { route: Route::HostingProvider });
    }

    #[test]
    fn lync_2013_on_iphone_alone_needs_nothing() {
        let decision = decide(None, EdgeServer::None, &[MobileClient::IosLync2013, MobileClient::Android]);
        assert_eq!(decision.verdict, Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush });
    }

    #[test]
    fn windows_phone_without_an_edge_is_blocked() {
        let decision = decide(None, EdgeServer::None, &[MobileClient::WpLync2010]);
        assert_eq!(decision.verdict, Verdict::Blocked { because: BlockedBecause::NoEdgeServer });
        assert_eq!(decision.services, Services { apns: false, mpns: true });
    }
}
