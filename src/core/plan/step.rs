//! What a step is: the action, where it runs, who runs it, the section it follows, and the known
//! failures a test can show. The vocabulary every renderer reads.

use serde::Serialize;

use crate::core::decision::Services;
use crate::core::facts::{SeedSection, NEW_PROVIDER_IDENTITY, NEW_PROVIDER_IDENTITY_SFB};
use crate::core::validate::{Fqdn, Name};
use crate::core::vocabulary::vocabulary;

/// Where the push switches are set (facts §2: `global`, or `site:<name>`).
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case", tag = "scope", content = "site")]
pub enum Scope {
    Global,
    Site(Name),
}

vocabulary! {
    /// Where a step is carried out (seed: every procedure's step 1).
    pub enum Host {
        /// "a computer where Lync Server Management Shell and Ocscore are installed"
        ManagementShell => "management-shell",
        /// "Log on to the Edge Server" (OCS 2007 R2 procedure).
        OcsEdge => "ocs2007r2-edge",
    }
}

vocabulary! {
    /// The membership each procedure asks for (seed: every procedure's step 1).
    pub enum Role {
        RtcUniversalServerAdmins => "RtcUniversalServerAdmins",
        CsAdministrator => "CsAdministrator",
        /// sfb-facts §1: the Skype for Business page's table names RtcUniversalServerAdmins and
        /// its steps CsAdministrator for the same steps; either is what it allows.
        EitherAdministrator => "RtcUniversalServerAdmins or CsAdministrator",
    }
}

/// One thing to do. Each variant names the seed step it encodes.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case", rename_all_fields = "kebab-case", tag = "action")]
pub enum Action {
    /// Seed LyncEdge step 3 (0cb70-120 … 0cb70-124): one hosting provider for Lync Online,
    /// skipped when one already federates with sipfed.online.lync.com, whatever its Identity.
    /// `new_identity` is the example Identity of the pool's version (`provider_identity_for`);
    /// the JSON names it only when it is not the seed's LyncOnline, so earlier documents stay.
    AddHostingProvider {
        existing: Option<Name>,
        #[serde(skip_serializing_if = "NewProvider::is_seed")]
        new_identity: NewProvider,
    },
    /// Seed LyncEdge step 4 (0cb70-125, 0cb70-126).
    AllowPushDomain,
    /// Seed OcsEdge steps 2–5 (0cb70-129 … 0cb70-135): GUI only, on the Edge Server.
    FederateOcsEdge,
    /// Seed Enable step 3 (0cb70-139, 0cb70-140), only for the services the clients need.
    EnablePush { services: Services, scope: Scope },
    /// Seed Enable step 4 (0cb70-141, 0cb70-142). Hosting-provider federation also needs DNS SRV
    /// routing on the Access Edge (facts §2, New-CsHostingProvider), so the script checks it.
    AllowFederatedUsers { check_dns_srv_routing: bool },
    /// Seed Test step 3 (0cb70-146 … 0cb70-148). The cmdlet needs the domain on the Lync Server
    /// allowed list (facts §2), which only the hosting-provider route adds; on the OCS 2007 R2
    /// route the test is kept as the seed has it and its precondition is stated.
    TestFederation { access_edge: Fqdn, domain_allowed_by_plan: bool },
    /// Seed Test step 4 (0cb70-149 … 0cb70-151).
    TestPush { access_edge: Fqdn },
}

impl Action {
    /// GUI steps are done by hand; everything else is in the script.
    pub const fn is_manual(&self) -> bool {
        match self {
            Action::FederateOcsEdge => true,
            Action::AddHostingProvider { .. }
            | Action::AllowPushDomain
            | Action::EnablePush { .. }
            | Action::AllowFederatedUsers { .. }
            | Action::TestFederation { .. }
            | Action::TestPush { .. } => false,
        }
    }

    pub const fn is_test(&self) -> bool {
        match self {
            Action::TestFederation { .. } | Action::TestPush { .. } => true,
            Action::AddHostingProvider { .. }
            | Action::AllowPushDomain
            | Action::FederateOcsEdge
            | Action::EnablePush { .. }
            | Action::AllowFederatedUsers { .. } => false,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Step {
    #[serde(flatten)]
    pub action: Action,
    pub host: Host,
    pub role: Role,
    pub seed: SeedSection,
    /// Known failures a test can show, and what to check (tests only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub troubles: Vec<Trouble>,
}

vocabulary! {
    /// Known ways push fails, each from push-facts.md §4 with its source.
    pub enum Trouble {
        /// §4.1 (bhargavs.com 2013-03-28): push.lync.com not allowed; senders see 504, traces 408.
        DomainNotAllowed => "domain-not-allowed",
        /// §4.4: federation off on the Access Edge.
        FederationOff => "federation-off",
        /// §4.4 and §2 (New-CsHostingProvider): hosting-provider federation needs DNS SRV routing.
        DefaultRouting => "default-routing",
        /// §4.4: a second provider for sipfed.online.lync.com makes New-CsHostingProvider fail.
        DuplicateProvider => "duplicate-provider",
        /// §4.2 (Dn767948): 504 from Test-CsMcxPushNotification: Edge, DNS SRV, clearinghouse URI.
        PushTimeout => "push-timeout",
        /// §4.3 (Dn767948): "Push Notification request was rejected.": the IM URL filter.
        PushRejected => "push-rejected",
        /// §4.4: a site's own push settings override global with the service off.
        SiteOverride => "site-override",
        /// §4.5 (Lync team blog 2013-05-02): the clearinghouse certificate chains to Baltimore
        /// CyberTrust Root since 1 June 2013.
        CertificateChain => "certificate-chain",
        /// Test-CsFederatedPartner.md, Test-CsMcxPushNotification.md: both tests need the Edge's
        /// internal FQDN; the external one fails them.
        ExternalFqdn => "external-fqdn",
    }
}

vocabulary! {
    /// The example Identity a new hosting provider gets; the tokens are the Identities.
    pub enum NewProvider {
        /// Seed 0cb70-122.
        LyncOnline => "LyncOnline",
        /// sfb-facts §1 (deploy-and-configure-mobility.md).
        SkypeOnline => "SkypeOnline",
    }
}

impl NewProvider {
    /// The Identity, from facts.rs (a test holds the tokens to it).
    pub const fn identity(self) -> &'static str {
        match self {
            NewProvider::LyncOnline => NEW_PROVIDER_IDENTITY,
            NewProvider::SkypeOnline => NEW_PROVIDER_IDENTITY_SFB,
        }
    }

    fn is_seed(&self) -> bool {
        *self == NewProvider::LyncOnline
    }
}
