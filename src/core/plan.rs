//! The ordered steps that carry out a decision. Built only from validated values, so every
//! renderer downstream can trust what it reads.

use serde::Serialize;

use super::answers::{Answers, EdgeServer, PoolVersion, ScopeKind};
use super::decision::{decide, Coexistence, Decision, Mix, Need, NotRecommendedBecause, Route, Services, Verdict};
use super::facts::{Article, SeedSection, NEW_PROVIDER_IDENTITY, NEW_PROVIDER_IDENTITY_SFB};
use super::validate::{Field, FieldError, Fqdn, Name, Problem};
use super::vocabulary::vocabulary;

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

vocabulary! {
    /// Facts an administrator needs beside the steps.
    pub enum Note {
        /// Facts §3 (Hh690030): Lync 2010 Mobile on Apple devices uses APNS on outbound TCP 5223.
        AppleWifiPort => "apple-wifi-port",
        /// Facts §2 (New-CsHostingProvider): no hosting-provider federation over default routing.
        DnsSrvRouting => "dns-srv-routing",
        /// Facts §3: push settings live in the Central Management Store, so A, C and D run on an
        /// internal server, not on the Edge.
        RunInternally => "run-internally",
        /// about_Execution_Policies (PowerShell-Docs): under RemoteSigned a script downloaded from
        /// the internet runs only once unblocked; Unblock-File came with PowerShell 3.0, so Lync
        /// Server 2010's shell (PowerShell 2.0) unblocks in the file's Properties.
        UnblockDownload => "unblock-download",
        /// The pool and Edge Server pair is documented by a page other than the push procedure
        /// (`decision::Coexistence`, sfb-facts §6b); one note per page.
        LegacyEdgeMigration => "legacy-edge-migration",
        LyncPoolBehindSfbEdge => "lync-pool-behind-sfb-edge",
        OlderPoolBehind2019Edge => "older-pool-behind-2019-edge",
        Lync2010EdgeFor2015 => "lync2010-edge-for-2015",
        SubscriptionEditionInferred => "subscription-edition-inferred",
        /// sfb-facts §4: Test-CsMcxPushNotification is not documented for this version; the
        /// federation test is the documented test that remains.
        NoPushTest => "no-push-test",
        /// The administrator's choices beyond Microsoft's pages (`Note::is_choice`): Apple push
        /// for Skype for Business on iOS (sfb-facts §2, msxfaq.de), and configuring for MPNS
        /// alone although it is retired (sfb-facts §5).
        ApnsByChoice => "apns-by-choice",
        /// Going hybrid later: Microsoft's hybrid page (plan-hybrid-connectivity, configure
        /// federation with Skype for Business Online) creates the same provider with
        /// -EnabledSharedAddressSpace $True; the one this plan adds is changed, not doubled.
        HybridLater => "hybrid-later",
        RetiredMpnsByChoice => "retired-mpns-by-choice",
    }
}

impl Note {
    /// Whether the note records a choice beyond Microsoft's pages: the script says those in its
    /// header, as its own additions.
    pub const fn is_choice(self) -> bool {
        match self {
            Note::ApnsByChoice | Note::RetiredMpnsByChoice => true,
            Note::HybridLater => false,
            Note::AppleWifiPort
            | Note::DnsSrvRouting
            | Note::RunInternally
            | Note::UnblockDownload
            | Note::LegacyEdgeMigration
            | Note::LyncPoolBehindSfbEdge
            | Note::OlderPoolBehind2019Edge
            | Note::Lync2010EdgeFor2015
            | Note::SubscriptionEditionInferred
            | Note::NoPushTest => false,
        }
    }
}

/// Everything the renderers need, all of it checked.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Plan {
    pub decision: Decision,
    pub access_edge: Option<Fqdn>,
    pub existing_provider: Option<Name>,
    pub scope: Scope,
    pub steps: Vec<Step>,
    pub notes: Vec<Note>,
    /// What is true in 2026 beside the seed's rules (see `status_for`).
    pub status: Vec<StatusFact>,
}

impl Plan {
    /// The answers this plan was made from, as far as they were used (for headers and links).
    pub fn answers(&self) -> Answers {
        let (scope, site) = match &self.scope {
            Scope::Global => (ScopeKind::Global, String::new()),
            Scope::Site(name) => (ScopeKind::Site, name.as_str().to_string()),
        };
        let clients = self.decision.clients.iter().map(|need| need.client).collect();
        Answers {
            edge: Some(self.decision.edge),
            pool: self.decision.pool,
            clients,
            access_edge: self.access_edge.as_ref().map(|f| f.as_str().to_string()).unwrap_or_default(),
            provider_exists: self.existing_provider.is_some(),
            provider_identity: self.existing_provider.as_ref().map(|n| n.as_str().to_string()).unwrap_or_default(),
            scope,
            site,
            apns_for_sfb_ios: self.decision.opt_ins.apns_for_sfb_ios,
            configure_retired_mpns: self.decision.opt_ins.configure_retired_mpns,
        }
    }

    /// The Microsoft page the plan follows (`article_for`).
    pub const fn article(&self) -> Article {
        article_for(self.decision.shell())
    }

    /// Whether the plan ends with the push test (`push_test_documented`), which the status facts
    /// name as what shows whether push still arrives.
    pub fn has_push_test(&self) -> bool {
        self.steps.iter().any(|step| matches!(step.action, Action::TestPush { .. }))
    }

    /// For the status facts: whether a push test ends the steps, or `None` when nothing is
    /// configured (a not-recommended verdict still states why, without pointing at a test).
    pub fn push_test_said(&self) -> Option<bool> {
        (!self.steps.is_empty()).then(|| self.has_push_test())
    }

    pub fn script_steps(&self) -> impl Iterator<Item = (usize, &Step)> {
        self.numbered().filter(|(_, step)| !step.action.is_manual())
    }

    /// Steps with the number a person sees (1-based, over the whole plan).
    pub fn numbered(&self) -> impl Iterator<Item = (usize, &Step)> {
        self.steps.iter().enumerate().map(|(index, step)| (index + 1, step))
    }
}

/// A plan, or every problem that stops one, each naming its field.
pub type Outcome = Result<Plan, Vec<FieldError>>;

pub fn plan(answers: &Answers) -> Outcome {
    let mut errors = Vec::new();
    let edge = answers.edge;
    if edge.is_none() {
        errors.push(FieldError::new(Field::Edge, Problem::Missing));
    }
    let decision = decide(answers.pool, edge.unwrap_or(EdgeServer::None), answers.clients.iter(), answers.opt_ins());
    let configure = matches!(decision.verdict, Verdict::Configure { .. });

    // The Access Edge FQDN is needed only by the tests of a configuration, but a typed value is
    // checked whenever it is there, so a mistake shows before it matters.
    let access_edge = if configure || !answers.access_edge.trim().is_empty() {
        collect(Fqdn::parse(Field::AccessEdge, &answers.access_edge), &mut errors)
    } else {
        None
    };
    let existing_provider = if answers.provider_exists {
        collect(Name::parse(Field::ProviderIdentity, &answers.provider_identity), &mut errors)
    } else {
        None
    };
    let scope = match answers.scope {
        ScopeKind::Global => Some(Scope::Global),
        ScopeKind::Site => collect(Name::parse(Field::Site, &answers.site), &mut errors).map(Scope::Site),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let scope = scope.unwrap_or(Scope::Global);
    let steps = match (&decision.verdict, &access_edge) {
        (Verdict::Configure { route }, Some(access_edge)) => {
            configuration_steps(*route, decision.shell(), decision.services, &existing_provider, &scope, access_edge)
        }
        _ => Vec::new(),
    };
    let notes = notes_for(&decision, existing_provider.is_none());
    let status = status_for(&decision);
    Ok(Plan { decision, access_edge, existing_provider, scope, steps, notes, status })
}

/// The wizard's outcome: a plan only once every answer it asks for is there and valid; until
/// then, each answer still missing or invalid, in the order of the questions, so the page can
/// say what is left instead of a verdict. `plan` gives answers without a mobile client the
/// verdict "no client chosen" (the command line, a script's header), which is right when
/// someone says so; the wizard asks which clients there are, so there an empty choice is a
/// question not answered yet. Everything else is `plan`'s.
///
/// `clients_confirmed`: the clients question has been left with Next (or the answers came back
/// from a link, storage or a script). Until then a first box ticked is not yet the answer: a
/// verdict there ("not needed" for one Lync 2013 iPhone) would flip as the next box is ticked.
pub fn wizard_outcome(answers: &Answers, clients_confirmed: bool) -> Outcome {
    let outcome = plan(answers);
    let problem = match (answers.clients.is_empty(), clients_confirmed) {
        (true, _) => Problem::Missing,
        (false, true) => return outcome,
        (false, false) => Problem::NotConfirmed,
    };
    let mut errors = outcome.err().unwrap_or_default();
    let after_edge = errors.iter().take_while(|error| error.field == Field::Edge).count();
    errors.insert(after_edge, FieldError::new(Field::Clients, problem));
    Err(errors)
}

fn collect<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

fn configuration_steps(
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

fn notes_for(decision: &Decision, adds_provider: bool) -> Vec<Note> {
    let Verdict::Configure { route } = decision.verdict else {
        return Vec::new();
    };
    let mut notes = vec![Note::RunInternally, Note::UnblockDownload];
    if decision.clients.iter().any(|c| c.need == Need::PushByChoice(super::decision::PushService::Apns)) {
        notes.push(Note::ApnsByChoice);
    }
    if decision.opt_ins.configure_retired_mpns && !decision.services.apns {
        notes.push(Note::RetiredMpnsByChoice);
    }
    // Facts §3: whenever Apple's service is on, devices on corporate Wi-Fi need outbound 5223.
    if decision.services.apns {
        notes.push(Note::AppleWifiPort);
    }
    match route {
        Route::HostingProvider => notes.push(Note::DnsSrvRouting),
        Route::DirectFederation => {}
    }
    // Only when the plan adds the provider: an existing one is the administrator's already.
    // Not for Lync Server 2010, which Microsoft's hybrid pages do not support.
    if route == Route::HostingProvider && adds_provider && decision.shell() != PoolVersion::Lync2010 {
        notes.push(Note::HybridLater);
    }
    match decision.mix {
        Mix::Coexists(Coexistence::LegacyEdgeFor2019) => notes.push(Note::LegacyEdgeMigration),
        Mix::Coexists(Coexistence::LyncPoolBehindSfbEdge) => notes.push(Note::LyncPoolBehindSfbEdge),
        Mix::Coexists(Coexistence::OlderPoolBehind2019Edge) => notes.push(Note::OlderPoolBehind2019Edge),
        Mix::Coexists(Coexistence::Lync2010EdgeFor2015) => notes.push(Note::Lync2010EdgeFor2015),
        Mix::Coexists(Coexistence::SubscriptionEditionInferred) => notes.push(Note::SubscriptionEditionInferred),
        Mix::Same | Mix::Undocumented(_) => {}
    }
    if !push_test_documented(decision.shell()) {
        notes.push(Note::NoPushTest);
    }
    notes
}

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
fn status_for(decision: &Decision) -> Vec<StatusFact> {
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
    use crate::core::answers::MobileClient;

    fn seed_answers() -> Answers {
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        answers.set_client(MobileClient::WpLync2013, true);
        answers.access_edge = "accessproxy.contoso.com".into();
        answers
    }

    #[test]
    fn seed_example_follows_the_seed_order() {
        let plan = plan(&seed_answers()).expect("valid");
        let actions: Vec<&str> = plan
            .steps
            .iter()
            .map(|s| match s.action {
                Action::AddHostingProvider { .. } => "provider",
                Action::AllowPushDomain => "domain",
                Action::FederateOcsEdge => "ocs",
                Action::EnablePush { .. } => "enable",
                Action::AllowFederatedUsers { .. } => "federation",
                Action::TestFederation { .. } => "test-federation",
                Action::TestPush { .. } => "test-push",
            })
            .collect();
        assert_eq!(actions, ["provider", "domain", "enable", "federation", "test-federation", "test-push"]);
        assert_eq!(plan.steps[0].role, Role::RtcUniversalServerAdmins);
        assert_eq!(plan.steps[2].role, Role::CsAdministrator);
    }

    #[test]
    fn configuring_without_access_edge_names_the_field() {
        let mut answers = seed_answers();
        answers.access_edge = "  ".into();
        let errors = plan(&answers).unwrap_err();
        assert_eq!(errors, vec![FieldError::new(Field::AccessEdge, Problem::Missing)]);
    }

    #[test]
    fn unused_fields_do_not_block_but_typed_ones_are_checked() {
        let mut answers = Answers { edge: Some(EdgeServer::None), ..Answers::default() };
        answers.site = "bad'site".into(); // scope is global: the site text is kept but unused
        answers.provider_identity = "x;y".into(); // no existing provider: unused
        assert!(plan(&answers).is_ok());
        answers.access_edge = "not valid".into();
        assert_eq!(plan(&answers).unwrap_err()[0].field, Field::AccessEdge);
    }

    #[test]
    fn the_wizard_waits_for_every_answer_it_asks_for() {
        let fields = |answers: &Answers| wizard_outcome(answers, true).err().map(|e| e.iter().map(|e| e.field).collect::<Vec<_>>());
        // A first visit: the Edge Server and the clients are missing; no verdict, not even "no
        // client chosen", which `plan` gives such answers.
        assert_eq!(fields(&Answers::default()), Some(vec![Field::Edge, Field::Clients]));
        let edge_only = Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() };
        assert!(plan(&edge_only).is_ok());
        assert_eq!(fields(&edge_only), Some(vec![Field::Clients]));
        // In the questions' order, the clients after the Edge Server and before the text fields.
        let mut typed = Answers { access_edge: "access proxy".into(), ..Answers::default() };
        assert_eq!(fields(&typed), Some(vec![Field::Edge, Field::Clients, Field::AccessEdge]));
        typed.edge = Some(EdgeServer::Ocs2007R2);
        assert_eq!(fields(&typed), Some(vec![Field::Clients, Field::AccessEdge]));
        // Clients chosen: exactly `plan`, for every verdict.
        let mut answers = seed_answers();
        assert_eq!(wizard_outcome(&answers, true), plan(&answers));
        answers.access_edge = "access proxy".into();
        assert_eq!(fields(&answers), Some(vec![Field::AccessEdge]));
        let not_needed = Answers { edge: Some(EdgeServer::Lync2013), clients: [MobileClient::Android].into_iter().collect(), ..Answers::default() };
        assert!(wizard_outcome(&not_needed, true).is_ok_and(|p| matches!(p.decision.verdict, Verdict::NotNeeded { .. })));
        // While the clients question is still open, a box ticked is not yet the answer.
        let open = wizard_outcome(&not_needed, false).unwrap_err();
        assert_eq!(open, vec![FieldError::new(Field::Clients, Problem::NotConfirmed)]);
        let mut typed = seed_answers();
        typed.access_edge = "access proxy".into();
        let fields_open: Vec<Field> = wizard_outcome(&typed, false).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields_open, vec![Field::Clients, Field::AccessEdge]);
    }

    #[test]
    fn every_step_cites_the_page_its_pool_follows() {
        let mut configured = 0;
        for &pool in PoolVersion::ALL {
            for &edge in EdgeServer::ALL {
                let mut answers = Answers { edge: Some(edge), pool: Some(pool), ..seed_answers() };
                answers.set_client(MobileClient::WpSfb, true);
                let plan = plan(&answers).expect("valid");
                let documented = push_test_documented(pool);
                assert_eq!(plan.has_push_test(), documented && !plan.steps.is_empty(), "{pool:?} {edge:?}");
                for step in &plan.steps {
                    configured += 1;
                    // The OCS 2007 R2 GUI procedure is only on the seed.
                    let page = if step.action == Action::FederateOcsEdge { Article::Seed } else { plan.article() };
                    assert_eq!(step.seed.article(), page, "{pool:?} {edge:?} {:?}", step.action);
                }
            }
        }
        assert!(configured > 0);
        assert_eq!(article_for(PoolVersion::Lync2013), Article::Seed);
        assert_eq!(article_for(PoolVersion::SfbSe), Article::SfbDeploy);
    }

    #[test]
    fn plan_gives_back_the_answers_it_used() {
        let mut answers = seed_answers();
        answers.site = "ignored".into();
        let plan = plan(&answers).unwrap();
        answers.site.clear();
        assert_eq!(plan.answers(), answers);
    }
}

#[cfg(test)]
mod status_tests {
    use super::*;
    use crate::core::answers::MobileClient;

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
