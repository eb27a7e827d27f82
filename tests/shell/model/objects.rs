//! The Lync objects: the properties Microsoft documents for each kind (lync-objects.md, cited per
//! kind), the output types it names, and the objects the Get-Cs* and Test-Cs* cmdlets return,
//! built from the store. Apart from the cmdlets so that what an object carries can be held to its
//! source in one place.

use super::{AccessEdge, AllowedDomain, BlockedDomain, HostingProvider, McxSettings, PushSettings, Routing};
use crate::shell::value::{Kind, Obj, Value};

/// Properties per object kind, each list from lync-objects.md (the section named beside it).
pub const DOCUMENTED: &[(Kind, &[&str], &str)] = &[
    // §1 Get-CsHostingProvider (New-/Get-/Set-CsHostingProvider pages). ProxyFqdn is read as a
    // property in Microsoft's hybrid docs: `Get-CsHostingProvider | Where-Object { $_.ProxyFqdn
    // -eq "sipfed.online.lync.com" }` (push-facts.md §2). SipClientPort (2013+, hidden) is left
    // out: a script for Lync Server 2010 and 2013 cannot rely on it.
    (
        Kind::HostingProvider,
        &["Identity", "ProxyFqdn", "Enabled", "EnabledSharedAddressSpace", "HostsOCSUsers", "IsLocal", "VerificationLevel", "AutodiscoverUrl"],
        "lync-objects.md §1",
    ),
    // §2 AllowedDomain, sample output [L13-ES].
    (Kind::AllowedDomain, &["Identity", "Domain", "ProxyFqdn", "Comment", "MarkForMonitoring"], "lync-objects.md §2"),
    // §2 BlockedDomain: Identity, Domain [L13-ES]; Comment [Get-CsBlockedDomain] Ex4/5.
    (Kind::BlockedDomain, &["Identity", "Domain", "Comment"], "lync-objects.md §2"),
    // §3 sample output [L13-PN].
    (Kind::PushConfiguration, &["Identity", "EnableApplePushNotificationService", "EnableMicrosoftPushNotificationService"], "lync-objects.md §3"),
    // §4 the properties printed in both [L13-GS] and [SFB-AE]; RoutingMethod UseDnsSrvRouting.
    (
        Kind::AccessEdgeDnsSrvRouting,
        &[
            "Identity",
            "AllowAnonymousUsers",
            "AllowFederatedUsers",
            "AllowOutsideUsers",
            "BeClearingHouse",
            "EnablePartnerDiscovery",
            "EnableArchivingDisclaimer",
            "KeepCrlsUpToDateForPeers",
            "MarkSourceVerifiableOnOutgoingMessages",
            "OutgoingTlsCountForFederatedPartners",
            "RoutingMethod",
        ],
        "lync-objects.md §4",
    ),
    // §4 the default-route object: the Set page says you "will see" DefaultRouteFqdn,
    // VerificationLevel and IsPublicProvider instead of BeClearingHouse/EnablePartnerDiscovery.
    (
        Kind::AccessEdgeDefaultRoute,
        &[
            "Identity",
            "AllowAnonymousUsers",
            "AllowFederatedUsers",
            "AllowOutsideUsers",
            "EnableArchivingDisclaimer",
            "KeepCrlsUpToDateForPeers",
            "MarkSourceVerifiableOnOutgoingMessages",
            "OutgoingTlsCountForFederatedPartners",
            "DefaultRouteFqdn",
            "VerificationLevel",
            "IsPublicProvider",
            "RoutingMethod",
        ],
        "lync-objects.md §4",
    ),
    // §5 ([L10] hh690031 and the Get-/New-CsMcxConfiguration examples).
    (
        Kind::McxConfiguration,
        &["Identity", "ExposedWebURL", "PushNotificationProxyUri", "SessionExpirationInterval", "SessionShortExpirationInterval"],
        "lync-objects.md §5",
    ),
    // §6 ReplicaState: UpToDate (Ex2), LastUpdateCreation (Ex4). ReplicaFqdn is a parameter only.
    (Kind::ReplicaState, &["UpToDate", "LastUpdateCreation"], "lync-objects.md §6"),
    // §8 Get-CsSite: SiteType (Ex3) and Pools (Ex4) are used as properties in Microsoft's
    // examples; Identity is used as a property by Set-CsSite Example 3 ($_.Identity piped as a
    // site's name); DisplayName is a Set-CsSite parameter (P, 2010+); SiteId and the rest are
    // third-party only.
    (Kind::Site, &["SiteType", "Pools", "Identity", "DisplayName"], "lync-objects.md §8"),
    // §7 TaskOutput sample output [L13-FT], [L13-PT].
    (Kind::TaskOutput, &["TargetFqdn", "Result", "Latency", "Error", "Diagnosis"], "lync-objects.md §7"),
    // §8 Get-CsService -EdgeServer, sample output [L13-GS] (the FQDNs, Identity, SiteId, Role);
    // Microsoft finds the Edge's FQDN with `Get-CsService -EdgeServer | Select-Object PoolFqdn`.
    (
        Kind::EdgeService,
        &["Identity", "AccessEdgeExternalFqdn", "DataEdgeExternalFqdn", "AVEdgeExternalFqdn", "InternalInterfaceFqdn", "SiteId", "PoolFqdn", "Version", "Role"],
        "lync-objects.md §8",
    ),
    // Get-CsExternalAccessPolicy.md (2010-2019): Identity; EnableFederationAccess (Example 4,
    // `$_.EnableFederationAccess`), EnablePublicCloudAccess (Example 5).
    (Kind::ExternalAccessPolicy, &["Identity", "EnableFederationAccess", "EnablePublicCloudAccess", "EnableOutsideAccess"], "Get-CsExternalAccessPolicy.md"),
];

/// The output types Microsoft names (Get-CsAccessEdgeConfiguration.md, OUTPUTS; lync-objects.md
/// §4): the routing shows in the type. Other kinds' types are not relied on.
pub fn type_name(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::AccessEdgeDnsSrvRouting => Some("Microsoft.Rtc.Management.WritableConfig.Settings.Edge.DisplayAccessEdgeSettingsDnsSrvRouting"),
        Kind::AccessEdgeDefaultRoute => Some("Microsoft.Rtc.Management.WritableConfig.Settings.Edge.DisplayAccessEdgeSettingsDefaultRoute"),
        _ => None,
    }
}

pub fn documented(kind: Kind) -> Option<(&'static [&'static str], &'static str)> {
    DOCUMENTED.iter().find(|(k, _, _)| *k == kind).map(|(_, props, source)| (*props, *source))
}

pub(super) fn task_output(target: &str, problem: Option<String>) -> Value {
    let (result, error, diagnosis) = match problem {
        None => ("Success", Value::Null, Value::Null),
        Some(why) => (
            "Failure",
            Value::str("504, Server time-out"),
            Value::str(format!("ErrorCode=2, Source={target}, Reason={why}")),
        ),
    };
    Obj::value(
        Kind::TaskOutput,
        vec![
            ("TargetFqdn", Value::str(target)),
            ("Result", Value::str(result)),
            ("Latency", Value::str("00:00:00.1234567")),
            ("Error", error),
            ("Diagnosis", diagnosis),
        ],
    )
}

pub(super) fn provider_object(p: &HostingProvider) -> Value {
    Obj::value(
        Kind::HostingProvider,
        vec![
            ("Identity", Value::str(&p.identity)),
            ("ProxyFqdn", Value::str(&p.proxy_fqdn)),
            ("Enabled", Value::Bool(p.enabled)),
            ("EnabledSharedAddressSpace", Value::Bool(p.enabled_shared_address_space)),
            ("HostsOCSUsers", Value::Bool(p.hosts_ocs_users)),
            ("IsLocal", Value::Bool(p.is_local)),
            ("VerificationLevel", Value::str(&p.verification_level)),
            ("AutodiscoverUrl", Value::opt_str(&p.autodiscover_url)),
        ],
    )
}

pub(super) fn allowed_object(a: &AllowedDomain) -> Value {
    Obj::value(
        Kind::AllowedDomain,
        vec![
            ("Identity", Value::str(&a.domain)),
            ("Domain", Value::str(&a.domain)),
            ("ProxyFqdn", Value::opt_str(&a.proxy_fqdn)),
            ("Comment", Value::opt_str(&a.comment)),
            ("MarkForMonitoring", Value::Bool(a.mark_for_monitoring)),
        ],
    )
}

pub(super) fn blocked_object(b: &BlockedDomain) -> Value {
    Obj::value(
        Kind::BlockedDomain,
        vec![("Identity", Value::str(&b.domain)), ("Domain", Value::str(&b.domain)), ("Comment", Value::opt_str(&b.comment))],
    )
}

pub(super) fn push_object(p: &PushSettings) -> Value {
    Obj::value(
        Kind::PushConfiguration,
        vec![
            ("Identity", Value::str(&p.identity)),
            ("EnableApplePushNotificationService", Value::Bool(p.apple)),
            ("EnableMicrosoftPushNotificationService", Value::Bool(p.microsoft)),
        ],
    )
}

pub(super) fn mcx_object(m: &McxSettings) -> Value {
    Obj::value(
        Kind::McxConfiguration,
        vec![
            ("Identity", Value::str(&m.identity)),
            ("ExposedWebURL", Value::str(&m.exposed_web_url)),
            ("PushNotificationProxyUri", Value::str(&m.push_notification_proxy_uri)),
            ("SessionExpirationInterval", Value::Int(m.session_expiration_interval)),
            ("SessionShortExpirationInterval", Value::Int(m.session_short_expiration_interval)),
        ],
    )
}

pub(super) fn edge_service_object(pool: &str) -> Value {
    Obj::value(
        Kind::EdgeService,
        vec![
            ("Identity", Value::str(format!("EdgeServer:{pool}"))),
            ("AccessEdgeExternalFqdn", Value::str(format!("sip.{}", pool.split_once('.').map_or(pool, |(_, d)| d)))),
            ("DataEdgeExternalFqdn", Value::str("webconf.contoso.com")),
            ("AVEdgeExternalFqdn", Value::str("av.contoso.com")),
            ("InternalInterfaceFqdn", Value::str("")),
            ("SiteId", Value::str("site:Redmond")),
            ("PoolFqdn", Value::str(pool)),
            ("Version", Value::Int(5)),
            ("Role", Value::str("EdgeServer")),
        ],
    )
}

pub(super) fn external_access_object(identity: &str, federation: bool) -> Value {
    Obj::value(
        Kind::ExternalAccessPolicy,
        vec![
            ("Identity", Value::str(identity)),
            ("EnableFederationAccess", Value::Bool(federation)),
            ("EnablePublicCloudAccess", Value::Bool(false)),
            ("EnableOutsideAccess", Value::Bool(false)),
        ],
    )
}

pub(super) fn access_edge_object(e: &AccessEdge) -> Value {
    let mut props = vec![
        ("Identity", Value::str("Global")),
        ("AllowAnonymousUsers", Value::Bool(e.allow_anonymous_users)),
        ("AllowFederatedUsers", Value::Bool(e.allow_federated_users)),
        ("AllowOutsideUsers", Value::Bool(e.allow_outside_users)),
    ];
    let kind = match &e.routing {
        Routing::DnsSrv => {
            props.push(("BeClearingHouse", Value::Bool(e.be_clearing_house)));
            props.push(("EnablePartnerDiscovery", Value::Bool(e.enable_partner_discovery)));
            Kind::AccessEdgeDnsSrvRouting
        }
        Routing::Default { .. } => Kind::AccessEdgeDefaultRoute,
    };
    props.extend([
        ("EnableArchivingDisclaimer", Value::Bool(e.enable_archiving_disclaimer)),
        ("KeepCrlsUpToDateForPeers", Value::Bool(e.keep_crls_up_to_date_for_peers)),
        ("MarkSourceVerifiableOnOutgoingMessages", Value::Bool(e.mark_source_verifiable)),
        ("OutgoingTlsCountForFederatedPartners", Value::Int(e.outgoing_tls_count)),
    ]);
    let method = match &e.routing {
        Routing::DnsSrv => "UseDnsSrvRouting",
        Routing::Default { default_route_fqdn, verification_level, is_public_provider } => {
            props.push(("DefaultRouteFqdn", Value::str(default_route_fqdn)));
            props.push(("VerificationLevel", Value::str(verification_level)));
            props.push(("IsPublicProvider", Value::Bool(*is_public_provider)));
            "UseDefaultRouting"
        }
    };
    if e.routing_method_shown {
        props.push(("RoutingMethod", Value::str(method)));
    }
    Obj::value(kind, props)
}
