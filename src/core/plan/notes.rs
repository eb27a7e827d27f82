//! The facts an administrator needs beside the steps, as the plan's notes.

use crate::core::answers::PoolVersion;
use crate::core::decision::{Coexistence, Decision, Mix, Need, PushService, Route, Verdict};
use crate::core::vocabulary::vocabulary;

use super::procedure::push_test_documented;

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

pub(super) fn notes_for(decision: &Decision, adds_provider: bool) -> Vec<Note> {
    let Verdict::Configure { route } = decision.verdict else {
        return Vec::new();
    };
    let mut notes = vec![Note::RunInternally, Note::UnblockDownload];
    if decision.clients.iter().any(|c| c.need == Need::PushByChoice(PushService::Apns)) {
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
