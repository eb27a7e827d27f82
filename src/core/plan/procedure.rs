//! The steps each route takes, in the words of the page the pool's version follows: the seed
//! for Lync Server, the Skype for Business deploy page for its successors.

use crate::core::answers::PoolVersion;
use crate::core::decision::{Route, Services};
use crate::core::facts::{Article, SeedSection};
use crate::core::validate::{Fqdn, Name};

use super::step::{Action, Host, NewProvider, Role, Scope, Step, Trouble};

/// The Identity a new hosting provider gets: the example of the pool's version's own page. Seed
/// 0cb70-122: "LyncOnline"; sfb-facts §1 (deploy-and-configure-mobility.md, for 2015 and 2019):
/// "SkypeOnline". Subscription Edition has no page of its own; Learn's mobility pages apply
/// that one to it. Either way only one provider may point at sipfed.online.lync.com.
pub const fn provider_identity_for(shell: PoolVersion) -> NewProvider {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => NewProvider::LyncOnline,
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => NewProvider::SkypeOnline,
    }
}

/// Whether Microsoft documents Test-CsMcxPushNotification for the pool's version. sfb-facts §4:
/// its page applies to "Lync Server 2010, Lync Server 2013, Skype for Business Server 2015";
/// 2019 was removed (office-docs-powershell fdd47fa, 2018-10-15), although the deploy page still
/// lists the test; no cmdlet page names Subscription Edition. Where it is not documented the
/// plan offers no such test and says so (`Note::NoPushTest`).
pub const fn push_test_documented(shell: PoolVersion) -> bool {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 | PoolVersion::Sfb2015 => true,
        PoolVersion::Sfb2019 | PoolVersion::SfbSe => false,
    }
}

/// The Microsoft page whose procedure the steps follow, which every source line cites. Lync
/// Server: the seed. Skype for Business Server 2015 and 2019: "Deploy and Configure Mobility for
/// Skype for Business Server" (sfb-facts §1: the same steps, "unchanged from Lync Server 2013",
/// with SkypeOnline). Subscription Edition has no page of its own; Learn's mobility pages apply
/// to it (sfb-facts §1), so it follows the same page.
pub const fn article_for(shell: PoolVersion) -> Article {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => Article::Seed,
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => Article::SfbDeploy,
    }
}

/// Whether a shell of this version can lack the push cmdlets: facts §2, they came with the
/// November 2011 cumulative update for Lync Server 2010, and the wizard has always said so to a
/// Lync Server shell that lacks them. Every Skype for Business Server version has them (sfb-facts
/// §4: the cmdlet pages apply to 2015 and 2019), so there a missing one means another shell.
pub const fn push_cmdlets_may_be_missing(shell: PoolVersion) -> bool {
    match shell {
        PoolVersion::Lync2010 | PoolVersion::Lync2013 => true,
        PoolVersion::Sfb2015 | PoolVersion::Sfb2019 | PoolVersion::SfbSe => false,
    }
}

/// Which known failures a test can reveal on this route. Without a push test, the federation
/// test carries the failures that are not the push test's own output (§4.4 site override, §4.5
/// certificate chain).
fn troubles_for(action: &Action, route: Route, push_test: bool) -> Vec<Trouble> {
    let hosting_provider = match route {
        Route::HostingProvider => true,
        Route::DirectFederation => false,
    };
    match action {
        Action::TestFederation { .. } => {
            let mut troubles = vec![Trouble::FederationOff];
            if hosting_provider {
                troubles.extend([Trouble::ExternalFqdn, Trouble::DomainNotAllowed, Trouble::DefaultRouting, Trouble::DuplicateProvider]);
            }
            if !push_test {
                troubles.extend([Trouble::SiteOverride, Trouble::CertificateChain]);
            }
            troubles
        }
        Action::TestPush { .. } => {
            vec![Trouble::PushTimeout, Trouble::PushRejected, Trouble::SiteOverride, Trouble::CertificateChain]
        }
        Action::AddHostingProvider { .. }
        | Action::AllowPushDomain
        | Action::FederateOcsEdge
        | Action::EnablePush { .. }
        | Action::AllowFederatedUsers { .. } => Vec::new(),
    }
}

pub(super) fn configuration_steps(
    route: Route,
    shell: PoolVersion,
    services: Services,
    existing_provider: &Option<Name>,
    scope: &Scope,
    access_edge: &Fqdn,
) -> Vec<Step> {
    let push_test = push_test_documented(shell);
    let step = |action: Action, host, role, seed| {
        let troubles = troubles_for(&action, route, push_test);
        Step { action, host, role, seed, troubles }
    };
    let host = Host::ManagementShell;
    // Each step cites the section of the page its pool's version follows (`article_for`).
    let (edge_section, enable_section, test_section) = match article_for(shell) {
        Article::Seed => (SeedSection::LyncEdge, SeedSection::Enable, SeedSection::Test),
        Article::SfbDeploy => (SeedSection::SfbEdge, SeedSection::SfbEnable, SeedSection::SfbTest),
    };
    // The seed's steps ask for RtcUniversalServerAdmins; the Skype for Business page allows either.
    let edge_role = match article_for(shell) {
        Article::Seed => Role::RtcUniversalServerAdmins,
        Article::SfbDeploy => Role::EitherAdministrator,
    };
    let mut steps = match route {
        Route::HostingProvider => vec![
            step(
                Action::AddHostingProvider {
                    existing: existing_provider.clone(),
                    new_identity: provider_identity_for(shell),
                },
                host,
                edge_role,
                edge_section,
            ),
            step(Action::AllowPushDomain, host, edge_role, edge_section),
        ],
        // Only the seed documents the OCS 2007 R2 Edge (a Skype for Business pool with one is an
        // undocumented mix, decision::mix).
        Route::DirectFederation => {
            vec![step(Action::FederateOcsEdge, Host::OcsEdge, Role::RtcUniversalServerAdmins, SeedSection::OcsEdge)]
        }
    };
    // Seed 0cb70-111/112: only the hosting-provider route adds push.lync.com to the allowed list
    // and depends on DNS SRV routing (facts §2, New-CsHostingProvider).
    let hosting_provider = match route {
        Route::HostingProvider => true,
        Route::DirectFederation => false,
    };
    let check_dns_srv_routing = hosting_provider;
    steps.extend([
        step(
            Action::EnablePush { services, scope: scope.clone() },
            host,
            Role::CsAdministrator,
            enable_section,
        ),
        step(Action::AllowFederatedUsers { check_dns_srv_routing }, host, Role::CsAdministrator, enable_section),
        step(
            Action::TestFederation { access_edge: access_edge.clone(), domain_allowed_by_plan: hosting_provider },
            host,
            Role::CsAdministrator,
            test_section,
        ),
    ]);
    if push_test {
        steps.push(step(Action::TestPush { access_edge: access_edge.clone() }, host, Role::CsAdministrator, test_section));
    }
    steps
}
