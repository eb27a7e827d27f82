//! Which clients need push, through which service, and whether this deployment can have it.

use serde::Serialize;

use super::answers::{EdgeServer, MobileClient};
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
}

/// The seed's client table (IMPORTANT box, 0cb70-107 … 0cb70-109, and facts §1).
pub const fn need_of(client: MobileClient) -> Need {
    match client {
        // 0cb70-108: Lync 2010 Mobile on Apple devices: push is an important consideration.
        MobileClient::IosLync2010 => Need::Push(PushService::Apns),
        // 0cb70-109: Lync 2013 Mobile on Apple devices: you no longer need push notification.
        MobileClient::IosLync2013 => Need::NoLongerNeeded,
        // 0cb70-107: Windows Phone with Lync 2010 Mobile or Lync 2013 Mobile.
        MobileClient::WpLync2010 | MobileClient::WpLync2013 => Need::Push(PushService::Mpns),
        // facts §1: Android and Nokia Symbian keep the app running in the background.
        MobileClient::Android | MobileClient::Nokia => Need::RunsInBackground,
    }
}

/// How the deployment reaches push.lync.com (seed, 0cb70-111 and 0cb70-112).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// Lync Server 2010 or 2013 Edge: hosting-provider federation with Lync Online.
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
    pub clients: Vec<ClientNeed>,
    pub services: Services,
    #[serde(flatten)]
    pub verdict: Verdict,
}

pub fn decide<'a>(edge: EdgeServer, clients: impl IntoIterator<Item = &'a MobileClient>) -> Decision {
    let clients: Vec<ClientNeed> =
        clients.into_iter().map(|&client| ClientNeed { client, need: need_of(client) }).collect();
    let mut services = Services::default();
    for client in &clients {
        match client.need {
            Need::Push(PushService::Apns) => services.apns = true,
            Need::Push(PushService::Mpns) => services.mpns = true,
            Need::NoLongerNeeded | Need::RunsInBackground => {}
        }
    }
    let verdict = if clients.is_empty() {
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen }
    } else if !services.any() {
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush }
    } else {
        match route_for(edge) {
            Some(route) => Verdict::Configure { route },
            None => Verdict::Blocked { because: BlockedBecause::NoEdgeServer },
        }
    };
    Decision { edge, clients, services, verdict }
}

/// Seed, 0cb70-110 … 0cb70-112: the Edge Server decides the federation route.
pub const fn route_for(edge: EdgeServer) -> Option<Route> {
    match edge {
        EdgeServer::Lync2013 | EdgeServer::Lync2010 => Some(Route::HostingProvider),
        EdgeServer::Ocs2007R2 => Some(Route::DirectFederation),
        EdgeServer::None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_example_needs_both_services_through_the_hosting_provider() {
        let decision = decide(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013]);
        assert_eq!(decision.services, Services { apns: true, mpns: true });
        assert_eq!(decision.verdict, Verdict::Configure { route: Route::HostingProvider });
    }

    #[test]
    fn lync_2013_on_iphone_alone_needs_nothing() {
        let decision = decide(EdgeServer::None, &[MobileClient::IosLync2013, MobileClient::Android]);
        assert_eq!(decision.verdict, Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush });
    }

    #[test]
    fn windows_phone_without_an_edge_is_blocked() {
        let decision = decide(EdgeServer::None, &[MobileClient::WpLync2010]);
        assert_eq!(decision.verdict, Verdict::Blocked { because: BlockedBecause::NoEdgeServer });
        assert_eq!(decision.services, Services { apns: false, mpns: true });
    }
}
