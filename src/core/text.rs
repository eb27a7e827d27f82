//! Every sentence a person reads about the rules, in one place. Cmdlet names and the English
//! Windows labels are quoted exactly as the administrator sees them on screen.

use super::answers::{EdgeServer, MobileClient};
use super::decision::{BlockedBecause, Decision, Need, NotNeededBecause, PushService, Route, Services, Verdict};
use super::facts::{APNS_WIFI_PORT, LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN};
use super::plan::{Action, Host, Note, Role, Scope, Trouble};

pub const fn edge_label(edge: EdgeServer) -> &'static str {
    match edge {
        EdgeServer::Lync2013 => "Lync Server 2013",
        EdgeServer::Lync2010 => "Lync Server 2010",
        EdgeServer::Ocs2007R2 => "Office Communications Server 2007 R2",
        EdgeServer::None => "No Edge Server",
    }
}

/// What the Edge Server answer means for the route (seed, 0cb70-111, 0cb70-112; facts §3).
pub const fn edge_hint(edge: EdgeServer) -> &'static str {
    match super::decision::route_for(edge) {
        Some(Route::HostingProvider) => "Hosting-provider federation with Lync Online, set up in the Management Shell.",
        Some(Route::DirectFederation) => "Direct SIP federation with push.lync.com, set up in Computer Management on the Edge Server.",
        None => "Push cannot reach push.lync.com without an Edge Server.",
    }
}

pub const fn client_label(client: MobileClient) -> &'static str {
    match client {
        MobileClient::IosLync2010 => "Lync 2010 Mobile on iPhone/iPad",
        MobileClient::IosLync2013 => "Lync 2013 Mobile on iPhone/iPad",
        MobileClient::WpLync2010 => "Lync 2010 Mobile on Windows Phone",
        MobileClient::WpLync2013 => "Lync 2013 Mobile on Windows Phone",
        MobileClient::Android => "Lync 2010 / 2013 Mobile on Android",
        MobileClient::Nokia => "Lync 2010 Mobile on Nokia (Symbian)",
    }
}

/// Short client names for the diagram's device boxes.
pub const fn client_short_label(client: MobileClient) -> &'static str {
    match client {
        MobileClient::IosLync2010 => "iPhone/iPad, Lync 2010",
        MobileClient::IosLync2013 => "iPhone/iPad, Lync 2013",
        MobileClient::WpLync2010 => "Windows Phone, Lync 2010",
        MobileClient::WpLync2013 => "Windows Phone, Lync 2013",
        MobileClient::Android => "Android",
        MobileClient::Nokia => "Nokia (Symbian)",
    }
}

pub const fn service_label(service: PushService) -> &'static str {
    match service {
        PushService::Apns => "Apple Push Notification Service (APNS)",
        PushService::Mpns => "Microsoft Push Notification Service (MPNS)",
    }
}

/// One line per client: does it need push, and the source that says so.
pub const fn need_reason(need: Need) -> &'static str {
    match need {
        Need::Push(PushService::Apns) => {
            "Needs push through APNS: the page calls push an important consideration for Lync 2010 Mobile on Apple devices."
        }
        Need::Push(PushService::Mpns) => {
            "Needs push through MPNS: the page calls push an important consideration for Windows Phone with Lync 2010 or 2013 Mobile."
        }
        Need::NoLongerNeeded => "No push needed: with Lync 2013 Mobile on Apple devices you no longer need push notification.",
        Need::RunsInBackground => "No push needed: the app keeps running in the background and receives events itself.",
    }
}

pub fn services_label(services: Services) -> String {
    match (services.apns, services.mpns) {
        (true, true) => "APNS and MPNS".into(),
        (true, false) => "APNS only".into(),
        (false, true) => "MPNS only".into(),
        (false, false) => "none".into(),
    }
}

/// The verdict in one sentence.
pub fn verdict_headline(decision: &Decision) -> String {
    match decision.verdict {
        Verdict::Configure { route: Route::HostingProvider } => format!(
            "Configure push notifications ({}) through hosting-provider federation with Lync Online.",
            services_label(decision.services)
        ),
        Verdict::Configure { route: Route::DirectFederation } => format!(
            "Configure push notifications ({}) through direct federation with {PUSH_DOMAIN} on the OCS 2007 R2 Edge Server.",
            services_label(decision.services)
        ),
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen } => {
            "No push notifications to configure: no mobile client is chosen.".into()
        }
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush } => {
            "Push notifications are not needed: none of the chosen mobile clients uses them.".into()
        }
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer } => format!(
            "Push notifications are needed ({}) but cannot be configured: they reach {PUSH_DOMAIN} only through an Edge Server, and this deployment has none.",
            services_label(decision.services)
        ),
    }
}

/// What to do about the verdict when there is nothing to configure.
pub fn verdict_advice(decision: &Decision) -> &'static str {
    match decision.verdict {
        Verdict::Configure { .. } => "Follow the steps in order; the script is safe to run more than once.",
        Verdict::NotNeeded { because: NotNeededBecause::NoClientChosen } => {
            "Choose the mobile clients your users have to see whether they need push."
        }
        Verdict::NotNeeded { because: NotNeededBecause::NoClientNeedsPush } => {
            "Leave push notifications off (the default); nothing needs to change."
        }
        Verdict::Blocked { because: BlockedBecause::NoEdgeServer } => {
            "Deploy a Lync Server 2013 or 2010 Edge Server first, then come back to configure push."
        }
    }
}

pub const fn host_label(host: Host) -> &'static str {
    match host {
        Host::ManagementShell => "An internal server with Lync Server Management Shell and Ocscore",
        Host::OcsEdge => "The Office Communications Server 2007 R2 Edge Server itself",
    }
}

pub const fn role_label(role: Role) -> &'static str {
    match role {
        Role::RtcUniversalServerAdmins => "member of RtcUniversalServerAdmins",
        Role::CsAdministrator => "member of the CsAdministrator role",
    }
}

pub fn scope_label(scope: &Scope) -> String {
    match scope {
        Scope::Global => "global".into(),
        Scope::Site(name) => format!("site:{}", name.as_str()),
    }
}

pub fn step_title(action: &Action) -> String {
    match action {
        Action::AddHostingProvider { existing: None } => {
            format!("Add the Lync Online hosting provider ({LYNC_ONLINE_PROXY_FQDN})")
        }
        Action::AddHostingProvider { existing: Some(identity) } => {
            format!("Check the existing hosting provider {} for {LYNC_ONLINE_PROXY_FQDN}", identity.as_str())
        }
        Action::AllowPushDomain => format!("Allow federation with {PUSH_DOMAIN}"),
        Action::FederateOcsEdge => format!("Federate the OCS 2007 R2 Edge Server with {PUSH_DOMAIN}"),
        Action::EnablePush { services, scope } => {
            format!("Turn on push notifications ({}, {})", services_label(*services), scope_label(scope))
        }
        Action::AllowFederatedUsers { .. } => "Enable federation on the Access Edge".into(),
        Action::TestFederation { .. } => format!("Test federation with {PUSH_DOMAIN}"),
        Action::TestPush { .. } => "Test push notifications".into(),
    }
}

pub fn step_why(action: &Action) -> String {
    match action {
        Action::AddHostingProvider { existing: None } => format!(
            "A Lync Server 2010 or 2013 Edge reaches the Push Notification Service through hosting-provider federation with Lync Online ({LYNC_ONLINE_PROXY_FQDN}). Only one hosting provider may federate with it, so the script adds LyncOnline only if none does yet."
        ),
        Action::AddHostingProvider { existing: Some(identity) } => format!(
            "You have a hosting provider ({}) for {LYNC_ONLINE_PROXY_FQDN} already. Only one may federate with it, so none is added; the script checks that it is there.",
            identity.as_str()
        ),
        Action::AllowPushDomain => format!(
            "{PUSH_DOMAIN} is the Office 365 domain of the Push Notification Service; without it on the allowed list, notifications time out (504)."
        ),
        Action::FederateOcsEdge => format!(
            "An OCS 2007 R2 Edge Server needs direct SIP federation with {PUSH_DOMAIN}, through Lync Online's Access Edge {LYNC_ONLINE_PROXY_FQDN}. OCS 2007 R2 has no cmdlet for this: it is done in Computer Management on the Edge Server."
        ),
        Action::EnablePush { services, scope } => {
            let which = match (services.apns, services.mpns) {
                (true, true) => "Apple (APNS) and Windows Phone (MPNS)",
                (true, false) => "Apple (APNS)",
                (false, true) => "Windows Phone (MPNS)",
                (false, false) => "no",
            };
            let scope_text = match scope {
                Scope::Global => "the global settings".to_string(),
                Scope::Site(name) => format!(
                    "the settings of site {} (created if the site has none; they override global there)",
                    name.as_str()
                ),
            };
            format!(
                "Push notifications are off by default. This turns on {which} push in {scope_text}; a service your clients do not need is left as it is."
            )
        }
        Action::AllowFederatedUsers { check_dns_srv_routing: true } => "Push travels as federated traffic, so the Access Edge must allow federated users. The script also checks that the Access Edge uses DNS SRV routing, which hosting-provider federation needs.".into(),
        Action::AllowFederatedUsers { check_dns_srv_routing: false } => {
            "Push travels as federated traffic, so the Access Edge must allow federated users.".into()
        }
        Action::TestFederation { .. } => format!(
            "Checks that your Access Edge can reach {PUSH_DOMAIN} through {LYNC_ONLINE_PROXY_FQDN}."
        ),
        Action::TestPush { .. } => "Sends a test notification through the Push Notification Service.".into(),
    }
}

/// What success and failure of a test look like.
pub fn test_outcomes(action: &Action) -> Option<(&'static str, &'static str)> {
    match action {
        Action::TestFederation { .. } => Some((
            "Result : Success",
            "Result : Failure with Error : 504, Server time-out: check the allowed domain push.lync.com, federation on the Access Edge, DNS SRV routing and the hosting provider.",
        )),
        Action::TestPush { .. } => Some((
            "Result : Success",
            "The cmdlet throws, e.g. \"A 504 (Server time-out) response was received\": check the Edge Server, DNS SRV records and that (Get-CsMcxConfiguration).PushNotificationProxyUri is sip:push@push.lync.com; \"Push Notification request was rejected.\" points at the IM filter blocking http:/https: prefixes.",
        )),
        Action::AddHostingProvider { .. }
        | Action::AllowPushDomain
        | Action::FederateOcsEdge
        | Action::EnablePush { .. }
        | Action::AllowFederatedUsers { .. } => None,
    }
}

pub fn note_text(note: Note) -> String {
    match note {
        Note::AppleWifiPort => format!(
            "Lync 2010 Mobile on iPhone/iPad receives push from APNS over outbound TCP {APNS_WIFI_PORT}: open it on corporate Wi-Fi, or devices there get no notifications."
        ),
        Note::DnsSrvRouting => "Hosting-provider federation does not work when the Access Edge uses default routing instead of DNS SRV routing (Get-CsAccessEdgeConfiguration shows UseDnsSrvRouting).".into(),
        Note::RunInternally => "Run the script on an internal server with Lync Server Management Shell and Ocscore, not on the Edge Server: the settings live in the Central Management Store.".into(),
    }
}

/// Starting the shell, as the seed writes it (0cb70-119, 0cb70-138, 0cb70-145).
pub const START_SHELL: [&str; 4] = ["Start", "All Programs", "Microsoft Lync Server 2013", "Lync Server Management Shell"];

/// The OCS 2007 R2 GUI procedure (seed, 0cb70-128 … 0cb70-135), with the labels as on screen.
pub fn ocs_edge_gui_steps() -> Vec<String> {
    vec![
        "Log on to the Edge Server as a member of the RtcUniversalServerAdmins group.".into(),
        "Click Start, click All Programs, click Administrative Tools, and then click Computer Management.".into(),
        "In the console tree, expand Services and Applications, right-click Microsoft Office Communications Server 2007 R2, and then click Properties.".into(),
        "On the Allow tab, click Add.".into(),
        format!("In the Add Federated Partner dialog box, in Federated partner domain name, type {PUSH_DOMAIN}."),
        format!("In Federated partner Access Edge Server, type {LYNC_ONLINE_PROXY_FQDN}."),
        "Click OK.".into(),
    ]
}

/// Undoing the OCS 2007 R2 GUI step: the same dialog, removing the partner it added.
pub fn ocs_edge_undo_steps() -> Vec<String> {
    vec![
        "Log on to the Edge Server as a member of the RtcUniversalServerAdmins group.".into(),
        "Open Computer Management, expand Services and Applications, right-click Microsoft Office Communications Server 2007 R2, and then click Properties.".into(),
        format!("On the Allow tab, select {PUSH_DOMAIN}, click Remove, and then click OK."),
    ]
}

pub fn start_shell_step() -> String {
    format!("Start the Lync Server Management Shell: click {}.", START_SHELL.join(", then "))
}

/// A known failure: what the admin sees, why, and what to run or change.
pub struct TroubleText {
    pub symptom: &'static str,
    pub cause: &'static str,
    /// A read-only command that shows whether this is the cause.
    pub check: &'static str,
}

pub const fn trouble_text(trouble: Trouble) -> TroubleText {
    match trouble {
        Trouble::DomainNotAllowed => TroubleText {
            symptom: "504 time-out; traces show 408 \"No push subscription for target device\"; the Edge logs that push.lync.com \"is not configured and does not appear to belong to a federated partner\".",
            cause: "push.lync.com is missing from the allowed domains while the hosting provider exists.",
            check: "Get-CsAllowedDomain | Where-Object { $_.Domain -eq \"push.lync.com\" }",
        },
        Trouble::FederationOff => TroubleText {
            symptom: "Result : Failure for Test-CsFederatedPartner.",
            cause: "Federation is off on the Access Edge (AllowFederatedUsers is False).",
            check: "Get-CsAccessEdgeConfiguration | Select-Object AllowFederatedUsers, UseDnsSrvRouting",
        },
        Trouble::DefaultRouting => TroubleText {
            symptom: "Federation with the hosting provider never succeeds.",
            cause: "The Access Edge uses default routing; hosting-provider federation needs DNS SRV routing.",
            check: "Get-CsAccessEdgeConfiguration | Select-Object UseDnsSrvRouting",
        },
        Trouble::DuplicateProvider => TroubleText {
            symptom: "New-CsHostingProvider fails because the ProxyFqdn is not unique.",
            cause: "Another hosting provider already federates with sipfed.online.lync.com (often Office365 in hybrid deployments); only one may.",
            check: "Get-CsHostingProvider | Where-Object { $_.ProxyFqdn -eq \"sipfed.online.lync.com\" }",
        },
        Trouble::PushTimeout => TroubleText {
            symptom: "Test-CsMcxPushNotification throws \"A 504 (Server time-out) response was received\".",
            cause: "The Edge Server or its DNS SRV records, or a wrong clearinghouse address: PushNotificationProxyUri must be sip:push@push.lync.com (fix: Get-CsMcxConfiguration | Set-CsMcxConfiguration -PushNotificationProxyUri \"sip:push@push.lync.com\").",
            check: "Get-CsMcxConfiguration | Select-Object Identity, PushNotificationProxyUri",
        },
        Trouble::PushRejected => TroubleText {
            symptom: "\"Push Notification request was rejected.\"",
            cause: "The IM filter blocks messages with http: or https: prefixes, which push notifications carry.",
            check: "(Get-CsImFilterConfiguration -Identity Global).Prefixes",
        },
        Trouble::SiteOverride => TroubleText {
            symptom: "Push works for some users and not for others.",
            cause: "A site has its own push settings that override global with the needed service off.",
            check: "Get-CsPushNotificationConfiguration -Filter \"site:*\"",
        },
        Trouble::CertificateChain => TroubleText {
            symptom: "Push stopped working although nothing was changed.",
            cause: "Since 1 June 2013 the push clearinghouse certificate chains to the Baltimore CyberTrust Root; an Edge Server that does not trust it loses push.",
            check: "Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object { $_.Subject -like \"*Baltimore CyberTrust Root*\" }",
        },
    }
}
