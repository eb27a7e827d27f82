//! What is true in 2026 beside the seed's rules: support dates, MPNS, the relay.

use crate::core::answers::{EdgeServer, PoolVersion};
use crate::core::decision::{Decision, NotRecommendedBecause, Route, Verdict};
use crate::core::vocabulary::vocabulary;

vocabulary! {
    /// What is true in 2026 and the seed (written in 2012) cannot say. Facts only, each from a
    /// Microsoft source (sfb-facts.md); they change neither the verdict nor the script.
    pub enum StatusFact {
        /// sfb-facts §7 (Microsoft lifecycle data): Lync Server 2013's extended support ended on
        /// 11 April 2023.
        Lync2013SupportEnded => "lync2013-support-ended",
        /// sfb-facts §7 (Microsoft lifecycle data): Lync Server 2010's extended support ended on
        /// 13 April 2021. (An older Microsoft page, lync-2010-end-of-support.md, said 13 October
        /// 2020; the lifecycle data is what Microsoft publishes now.)
        Lync2010SupportEnded => "lync2010-support-ended",
        /// sfb-facts §5 (learn.microsoft.com, send-mpns-native-notification): "Microsoft Push
        /// Notification Service (MPNS) has been deprecated and is no longer supported."
        MpnsRetired => "mpns-retired",
        /// sfb-facts §7 (Microsoft lifecycle data): Skype for Business Server 2015's extended
        /// support ended on 14 October 2025.
        Sfb2015SupportEnded => "sfb2015-support-ended",
        /// sfb-facts §7 (Microsoft lifecycle data): Skype for Business Server 2019's extended
        /// support ended on 14 October 2025.
        Sfb2019SupportEnded => "sfb2019-support-ended",
        /// sfb-facts §7: Subscription Edition is the version Microsoft supports, under the Modern
        /// Lifecycle Policy.
        SfbSeSupported => "sfbse-supported",
        /// As `Lync2010SupportEnded`, for a Lync Server 2010 pool whose Edge is not Lync Server
        /// 2010 (that fact's sentence speaks of the Edge).
        Lync2010PoolSupportEnded => "lync2010-pool-support-ended",
        /// sfb-facts §5 (skype-for-business-online-retirement.md): Microsoft decommissions the
        /// Skype for Business Online infrastructure "on or after June 30, 2022"; no Microsoft
        /// statement says whether push.lync.com still relays for on-premises servers.
        RelayUnconfirmed => "relay-unconfirmed",
        /// The banner of Microsoft's OCS 2007 R2 documentation (facts::status_source::OCS_2007_R2_END):
        /// support ended on 9 January 2018.
        Ocs2007R2SupportEnded => "ocs2007r2-support-ended",
    }
}

/// The status facts that bear on this decision, each once: none unless configuring. The pool's
/// version (not given: the one `shell_of` assumes), then the Edge Server's when it differs.
/// OCS 2007 R2's date is the banner on Microsoft's own documentation for it.
pub(super) fn status_for(decision: &Decision) -> Vec<StatusFact> {
    match decision.verdict {
        Verdict::Configure { route: Route::HostingProvider | Route::DirectFederation } => {}
        // sfb-facts §5: the reason it is not recommended, with its source.
        Verdict::NotRecommended { because: NotRecommendedBecause::OnlyRetiredMpns } => return vec![StatusFact::MpnsRetired],
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } => return Vec::new(),
    }
    let mut facts = Vec::new();
    let mut add = |fact: Option<StatusFact>| {
        if let Some(fact) = fact.filter(|fact| !facts.contains(fact)) {
            facts.push(fact);
        }
    };
    // The pool's version first: its shell runs the steps. Not given, the version the steps
    // assume (`shell_of`), as the header says it.
    add(Some(match decision.shell() {
        PoolVersion::Lync2013 => StatusFact::Lync2013SupportEnded,
        PoolVersion::Lync2010 => match decision.edge {
            EdgeServer::Lync2010 => StatusFact::Lync2010SupportEnded,
            EdgeServer::Lync2013
            | EdgeServer::Ocs2007R2
            | EdgeServer::None
            | EdgeServer::Sfb2015
            | EdgeServer::Sfb2019
            | EdgeServer::SfbSe => StatusFact::Lync2010PoolSupportEnded,
        },
        PoolVersion::Sfb2015 => StatusFact::Sfb2015SupportEnded,
        PoolVersion::Sfb2019 => StatusFact::Sfb2019SupportEnded,
        PoolVersion::SfbSe => StatusFact::SfbSeSupported,
    }));
    // Then the Edge Server's, when it is another version.
    add(match decision.edge {
        EdgeServer::Lync2010 => Some(StatusFact::Lync2010SupportEnded),
        EdgeServer::Lync2013 => Some(StatusFact::Lync2013SupportEnded),
        EdgeServer::Sfb2015 => Some(StatusFact::Sfb2015SupportEnded),
        EdgeServer::Sfb2019 => Some(StatusFact::Sfb2019SupportEnded),
        EdgeServer::SfbSe => Some(StatusFact::SfbSeSupported),
        EdgeServer::Ocs2007R2 => Some(StatusFact::Ocs2007R2SupportEnded),
        EdgeServer::None => None,
    });
    // MPNS only carries Windows Phone push (seed, 0cb70-107; facts §2).
    if decision.services.mpns {
        facts.push(StatusFact::MpnsRetired);
    }
    // Both routes reach push.lync.com through Lync Online's Access Edge (seed, 0cb70-111,
    // 0cb70-112), so both depend on the relay.
    facts.push(StatusFact::RelayUnconfirmed);
    facts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{Answers, MobileClient};
    use crate::core::decision::decide;
    use crate::core::plan::plan;

    fn decision(edge: EdgeServer, clients: &[MobileClient]) -> Decision {
        decide(None, edge, clients, crate::core::answers::OptIns::default())
    }

    #[test]
    fn nothing_is_said_unless_configuring() {
        for &edge in EdgeServer::ALL {
            assert_eq!(status_for(&decision(edge, &[])), [], "no client chosen");
            assert_eq!(status_for(&decision(edge, &[MobileClient::IosLync2013, MobileClient::Android])), [], "not needed");
        }
        assert_eq!(status_for(&decision(EdgeServer::None, &[MobileClient::WpLync2013])), [], "blocked");
    }

    #[test]
    fn mpns_fact_iff_mpns_is_needed() {
        for &edge in EdgeServer::ALL {
            for mask in 0u32..(1 << MobileClient::ALL.len()) {
                let clients: Vec<MobileClient> =
                    MobileClient::ALL.iter().enumerate().filter(|(bit, _)| mask & (1 << bit) != 0).map(|(_, c)| *c).collect();
                let decision = decision(edge, &clients);
                let configure = matches!(decision.verdict, Verdict::Configure { .. });
                let facts = status_for(&decision);
                // Not recommended for MPNS alone: the retirement is the reason, with its source.
                let not_recommended = matches!(decision.verdict, Verdict::NotRecommended { .. });
                assert_eq!(facts.contains(&StatusFact::MpnsRetired), (configure || not_recommended) && decision.services.mpns, "{edge:?} {clients:?}");
                if not_recommended {
                    assert_eq!(facts, [StatusFact::MpnsRetired]);
                    continue;
                }
                // Not given, the pool is Lync Server 2013 behind a Lync Server 2013 or OCS Edge,
                // 2010 behind a 2010 Edge, and a Skype for Business Edge's own version.
                let lync_era = matches!(edge, EdgeServer::Lync2013 | EdgeServer::Ocs2007R2);
                assert_eq!(facts.contains(&StatusFact::Lync2013SupportEnded), configure && lync_era, "{edge:?} {clients:?}");
                assert_eq!(facts.contains(&StatusFact::RelayUnconfirmed), configure, "{edge:?} {clients:?}");
                assert_eq!(
                    facts.contains(&StatusFact::Lync2010SupportEnded),
                    configure && edge == EdgeServer::Lync2010,
                    "{edge:?} {clients:?}"
                );
                let mut unique = facts.clone();
                unique.dedup();
                assert_eq!(unique, facts, "each fact once");
            }
        }
    }

    #[test]
    fn the_seed_example_gets_its_facts_in_the_plan() {
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        answers.set_client(MobileClient::WpLync2013, true);
        answers.access_edge = "accessproxy.contoso.com".into();
        let plan = plan(&answers).expect("valid");
        assert_eq!(plan.status, [StatusFact::Lync2013SupportEnded, StatusFact::MpnsRetired, StatusFact::RelayUnconfirmed]);
    }
}
