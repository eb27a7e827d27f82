//! Which clients need push, through which service, and whether this deployment can have it.

use serde::Serialize;

use super::answers::{shell_of, EdgeServer, MobileClient, OptIns, PoolVersion};
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
    /// Turned on because the administrator chose it, beyond Microsoft's page: Apple push for
    /// Skype for Business on iOS, which msxfaq.de reports on premises since CU4HF1 (sfb-facts §2,
    /// "Unknown / conflicting").
    PushByChoice(PushService),
    /// Microsoft's Skype for Business page turns on only MPNS (sfb-facts §1), so no switch is
    /// turned on for Skype for Business on iOS unless the administrator opts in.
    NotOnMicrosoftsPage,
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
            Need::Push(service) | Need::PushByChoice(service) => Some(service),
            Need::NoLongerNeeded
            | Need::RunsInBackground
            | Need::NoSwitch
            | Need::CannotUsePool
            | Need::NotOnMicrosoftsPage => None,
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
pub const fn need_of(shell: PoolVersion, client: MobileClient, opt_ins: OptIns) -> Need {
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
        // sfb-facts §1-2: that page turns on only MPNS, and it is followed; msxfaq.de reports
        // that CU4HF1 turns on iOS push on premises (Feb 2017), so APNS is an explicit choice.
        MobileClient::IosSfb if opt_ins.apns_for_sfb_ios => Need::PushByChoice(PushService::Apns),
        MobileClient::IosSfb => Need::NotOnMicrosoftsPage,
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
    /// No Microsoft page documents this pool with this Edge Server: one reason each (`Gap`).
    Lync2010With2019,
    SubscriptionEditionWithLync,
    OcsEdgeWithSfbPool,
    /// Every chosen client that would use push talks to MCX, which this pool no longer has
    /// (sfb-facts §3).
    ClientsCannotUsePool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotRecommendedBecause {
    /// Windows Phone's MPNS is the only reason, and Microsoft has deprecated it and no longer
    /// supports it (sfb-facts §5, send-mpns-native-notification): configuring turns federation on
    /// organisation-wide (unless it is on) and needs a provider, for a service that may no longer
    /// deliver.
    OnlyRetiredMpns,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case", tag = "verdict")]
pub enum Verdict {
    Configure { route: Route },
    NotNeeded { because: NotNeededBecause },
    Blocked { because: BlockedBecause },
    /// Configurable, but not advised; configured only when the administrator opts in.
    NotRecommended { because: NotRecommendedBecause },
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
    /// How Microsoft documents this pool with this Edge Server: the plan's note, or the blocked
    /// verdict's reason. The JSON says it in those.
    #[serde(skip)]
    pub mix: Mix,
    /// The choices beyond Microsoft's pages this decision was made with (`Answers::opt_ins`).
    #[serde(skip)]
    pub opt_ins: OptIns,
}

impl Decision {
    /// The version whose Management Shell runs the steps (see `shell_of`).
    pub const fn shell(&self) -> PoolVersion {
        shell_of(self.pool, self.edge)
    }
}

pub fn decide<'a>(
    pool: Option<PoolVersion>,
    edge: EdgeServer,
    clients: impl IntoIterator<Item = &'a MobileClient>,
    opt_ins: OptIns,
) -> Decision {
    let shell = shell_of(pool, edge);
    let clients: Vec<ClientNeed> =
        clients.into_iter().map(|&client| ClientNeed { client, need: need_of(shell, client, opt_ins) }).collect();
    let mut services = Services::default();
    for client in &clients {
        match client.need.service() {
            Some(PushService::Apns) => services.apns = true,
            Some(PushService::Mpns) => services.mpns = true,
            None => {}
        }
    }
    let mix = mix(shell, edge);
    let stranded = clients.iter().any(|client| client.need == Need::CannotUsePool);
    let verdict = if clients.is_empty() {
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen }
    } else if !services.any() && stranded {
        Verdict::Blocked { because: BlockedBecause::ClientsCannotUsePool }
    } else if !services.any() {
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush }
    } else {
        match (route_for(edge), mix) {
            (None, _) => Verdict::Blocked { because: BlockedBecause::NoEdgeServer },
            (Some(_), Mix::Undocumented(gap)) => Verdict::Blocked { because: gap.blocks() },
            // sfb-facts §5: MPNS is deprecated and unsupported; with no other service needed,
            // configuring is not advised unless chosen.
            (Some(_), Mix::Same | Mix::Coexists(_)) if !services.apns && !opt_ins.configure_retired_mpns => {
                Verdict::NotRecommended { because: NotRecommendedBecause::OnlyRetiredMpns }
            }
            (Some(route), Mix::Same | Mix::Coexists(_)) => Verdict::Configure { route },
        }
    };
    Decision { edge, pool, clients, services, verdict, mix, opt_ins }
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

/// How Microsoft's pages treat an Edge Server of one version in front of a pool of another
/// (sfb-facts §6b). Federation, and so push, runs through one Edge pool, and the route follows
/// the Edge's version; the pool's version decides only MCX and the cmdlets (§6b, last lines).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mix {
    /// The push procedure of the pool's own version names this Edge Server.
    Same,
    /// A Microsoft page other than the push procedure documents the pair as a working topology;
    /// the plan says which page, and the push steps are the same.
    Coexists(Coexistence),
    /// No Microsoft page documents the pair, or Microsoft excludes it: the verdict says which.
    Undocumented(Gap),
}

/// The page that documents a pool with an Edge Server of another version (sfb-facts §6b).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coexistence {
    /// A 2019 pool uses the legacy (Lync Server 2013 or Skype for Business Server 2015) Edge
    /// while it is migrated (connect-pilot-pool-to-legacy-edge-servers.md, 2019).
    LegacyEdgeFor2019,
    /// A Lync Server pool behind a Skype for Business Server 2015 Edge: "Users can remain on a
    /// Lync 2013 Pool" (SfbHybrid plan-hybrid-connectivity.md); Lync Server 2010 with 2015 on
    /// the older hybrid page.
    LyncPoolBehindSfbEdge,
    /// A Lync Server 2013 or Skype for Business Server 2015 pool behind a 2019 Edge: the
    /// federation route moves to the 2019 Edge (configure-federation-routes-and-media-traffic.md).
    OlderPoolBehind2019Edge,
    /// A Skype for Business Server 2015 pool keeps a Lync Server 2010 Edge: 2015 runs "in the
    /// same topology as Lync Server 2013 or Lync Server 2010" (upgrade.md), and new pools use the
    /// legacy Edge while they are migrated (connect-pilot-pool-to-legacy-edge-servers.md).
    Lync2010EdgeFor2015,
    /// Subscription Edition with Skype for Business Server 2015 or 2019: no Microsoft page
    /// pairs them; a Microsoft blog describes the upgrade (in place from 2019, side by side from
    /// 2015), so the pair is treated like the 2019 migration pairs. An inference, said as one.
    SubscriptionEditionInferred,
}

/// Why a pool and Edge Server pair is not served (sfb-facts §6b).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gap {
    /// The 2019 migration guide "covers migrating Lync Server 2013 or Skype for Business Server
    /// 2015" only: no Lync Server 2010 role with 2019.
    Lync2010With2019,
    /// Nothing found pairs Subscription Edition with Lync Server 2010 or 2013.
    SubscriptionEditionWithLync,
    /// An OCS 2007 R2 Edge is documented by the seed for Lync Server pools only; no Skype for
    /// Business Server page names it.
    OcsEdgeWithSfbPool,
}

impl Gap {
    const fn blocks(self) -> BlockedBecause {
        match self {
            Gap::Lync2010With2019 => BlockedBecause::Lync2010With2019,
            Gap::SubscriptionEditionWithLync => BlockedBecause::SubscriptionEditionWithLync,
            Gap::OcsEdgeWithSfbPool => BlockedBecause::OcsEdgeWithSfbPool,
        }
    }
}

/// Which Edge Servers each pool works with, with the page that documents the pair.
pub const fn mix(shell: PoolVersion, edge: EdgeServer) -> Mix {
    use Coexistence::*;
    use EdgeServer as E;
    use PoolVersion as P;
    match (shell, edge) {
        // No Edge at all is decided by `route_for` (facts §3), not here.
        (_, E::None) => Mix::Same,
        // Seed, 0cb70-111 and 0cb70-112: a Lync Server 2013 or 2010 Edge, or an OCS 2007 R2 Edge.
        // The wizard takes a Lync Server 2010 pool to follow the same page (push-facts §1).
        (P::Lync2013 | P::Lync2010, E::Lync2013 | E::Lync2010 | E::Ocs2007R2) => Mix::Same,
        (P::Lync2013 | P::Lync2010, E::Sfb2015) => Mix::Coexists(LyncPoolBehindSfbEdge),
        (P::Lync2013, E::Sfb2019) => Mix::Coexists(OlderPoolBehind2019Edge),
        (P::Lync2010, E::Sfb2019) | (P::Sfb2019, E::Lync2010) => Mix::Undocumented(Gap::Lync2010With2019),
        (P::Lync2013 | P::Lync2010, E::SfbSe) | (P::SfbSe, E::Lync2013 | E::Lync2010) => {
            Mix::Undocumented(Gap::SubscriptionEditionWithLync)
        }
        // sfb-facts §6, plan mobility.md: "use this functionality with Skype for Business Server
        // Edge Servers or Lync Server 2013 Edge Servers".
        (P::Sfb2015, E::Sfb2015 | E::Lync2013) => Mix::Same,
        (P::Sfb2015, E::Lync2010) => Mix::Coexists(Lync2010EdgeFor2015),
        (P::Sfb2015, E::Sfb2019) => Mix::Coexists(OlderPoolBehind2019Edge),
        (P::Sfb2019, E::Sfb2019) => Mix::Same,
        (P::Sfb2019, E::Sfb2015 | E::Lync2013) => Mix::Coexists(LegacyEdgeFor2019),
        // sfb-facts §1: no Subscription Edition push page; Learn's mobility pages apply to it
        // with the same steps, which name Skype for Business Server Edge Servers.
        (P::SfbSe, E::SfbSe) => Mix::Same,
        (P::Sfb2015 | P::Sfb2019, E::SfbSe) | (P::SfbSe, E::Sfb2015 | E::Sfb2019) => {
            Mix::Coexists(SubscriptionEditionInferred)
        }
        (P::Sfb2015 | P::Sfb2019 | P::SfbSe, E::Ocs2007R2) => Mix::Undocumented(Gap::OcsEdgeWithSfbPool),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_phone_alone_is_not_recommended_unless_chosen() {
        let clients = [MobileClient::WpLync2013, MobileClient::Android];
        let advised = decide(None, EdgeServer::Lync2013, &clients, OptIns::default());
        assert_eq!(advised.verdict, Verdict::NotRecommended { because: NotRecommendedBecause::OnlyRetiredMpns });
        let chosen = decide(None, EdgeServer::Lync2013, &clients, OptIns { configure_retired_mpns: true, ..OptIns::default() });
        assert_eq!(chosen.verdict, Verdict::Configure { route: Route::HostingProvider });
        // Mixed with a client that needs APNS: configured as before.
        let mixed = decide(None, EdgeServer::Lync2013, &[MobileClient::WpLync2013, MobileClient::IosLync2010], OptIns::default());
        assert_eq!(mixed.verdict, Verdict::Configure { route: Route::HostingProvider });
    }

    #[test]
    fn skype_for_business_on_ios_gets_apns_only_when_chosen() {
        let shell = PoolVersion::Sfb2015;
        assert_eq!(need_of(shell, MobileClient::IosSfb, OptIns::default()), Need::NotOnMicrosoftsPage);
        let chosen = OptIns { apns_for_sfb_ios: true, ..OptIns::default() };
        assert_eq!(need_of(shell, MobileClient::IosSfb, chosen), Need::PushByChoice(PushService::Apns));
    }

    #[test]
    fn seed_example_needs_both_services_through_the_hosting_provider() {
        let decision = decide(None, EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013], OptIns::default());
        assert_eq!(decision.services, Services { apns: true, mpns: true });
        assert_eq!(decision.verdict, Verdict::Configure { route: Route::HostingProvider });
    }

    #[test]
    fn lync_2013_on_iphone_alone_needs_nothing() {
        let decision = decide(None, EdgeServer::None, &[MobileClient::IosLync2013, MobileClient::Android], OptIns::default());
        assert_eq!(decision.verdict, Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush });
    }

    #[test]
    fn windows_phone_without_an_edge_is_blocked() {
        let decision = decide(None, EdgeServer::None, &[MobileClient::WpLync2010], OptIns::default());
        assert_eq!(decision.verdict, Verdict::Blocked { because: BlockedBecause::NoEdgeServer });
        assert_eq!(decision.services, Services { apns: false, mpns: true });
    }
}
