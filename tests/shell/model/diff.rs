//! What changed between two deployments, one readable line per created, removed or changed item.
//! Apart because it only reads the store, for the tests' reports.

use super::Deployment;

fn yes(b: bool) -> String {
    if b { "True" } else { "False" }.into()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "$null".into())
}

type Fields = Vec<(&'static str, String)>;

fn entities(d: &Deployment) -> Vec<(String, Fields)> {
    let mut all: Vec<(String, Fields)> = Vec::new();
    all.push(("shell".into(), vec![("Shell", format!("{:?}", d.shell))]));
    all.push(("edge".into(), vec![("Edge", format!("{:?}", d.edge))]));
    all.push(("topology".into(), vec![("Sites", d.sites.join(", ")), ("Replicas", d.replicas.join(", "))]));
    for p in &d.providers {
        all.push((
            format!("hosting provider {}", p.identity),
            vec![
                ("ProxyFqdn", p.proxy_fqdn.clone()),
                ("Enabled", yes(p.enabled)),
                ("EnabledSharedAddressSpace", yes(p.enabled_shared_address_space)),
                ("HostsOCSUsers", yes(p.hosts_ocs_users)),
                ("IsLocal", yes(p.is_local)),
                ("VerificationLevel", p.verification_level.clone()),
                ("AutodiscoverUrl", opt(&p.autodiscover_url)),
            ],
        ));
    }
    for a in &d.allowed {
        all.push((
            format!("allowed domain {}", a.domain.to_ascii_lowercase()),
            vec![("ProxyFqdn", opt(&a.proxy_fqdn)), ("Comment", opt(&a.comment)), ("MarkForMonitoring", yes(a.mark_for_monitoring))],
        ));
    }
    for b in &d.blocked {
        all.push((format!("blocked domain {}", b.domain.to_ascii_lowercase()), vec![("Comment", opt(&b.comment))]));
    }
    for p in &d.push {
        all.push((
            format!("push settings {}", p.identity),
            vec![("EnableApplePushNotificationService", yes(p.apple)), ("EnableMicrosoftPushNotificationService", yes(p.microsoft))],
        ));
    }
    let e = &d.access_edge;
    all.push((
        "Access Edge configuration".into(),
        vec![
            ("Routing", format!("{:?}", e.routing)),
            ("AllowAnonymousUsers", yes(e.allow_anonymous_users)),
            ("AllowFederatedUsers", yes(e.allow_federated_users)),
            ("AllowOutsideUsers", yes(e.allow_outside_users)),
            ("BeClearingHouse", yes(e.be_clearing_house)),
            ("EnablePartnerDiscovery", yes(e.enable_partner_discovery)),
            ("EnableArchivingDisclaimer", yes(e.enable_archiving_disclaimer)),
            ("KeepCrlsUpToDateForPeers", yes(e.keep_crls_up_to_date_for_peers)),
            ("MarkSourceVerifiableOnOutgoingMessages", yes(e.mark_source_verifiable)),
            ("OutgoingTlsCountForFederatedPartners", e.outgoing_tls_count.to_string()),
        ],
    ));
    for m in &d.mcx {
        all.push((
            format!("mcx settings {}", m.identity),
            vec![
                ("ExposedWebURL", m.exposed_web_url.clone()),
                ("PushNotificationProxyUri", m.push_notification_proxy_uri.clone()),
                ("SessionExpirationInterval", m.session_expiration_interval.to_string()),
                ("SessionShortExpirationInterval", m.session_short_expiration_interval.to_string()),
            ],
        ));
    }
    all
}

/// What changed from `before` to `after`, one line per created, removed or changed item.
pub fn diff(before: &Deployment, after: &Deployment) -> Vec<String> {
    let (b, a) = (entities(before), entities(after));
    let mut lines = Vec::new();
    let fields = |f: &Fields| f.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ");
    for (key, old) in &b {
        match a.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)) {
            None => lines.push(format!("removed {key} ({})", fields(old))),
            Some((_, new)) => {
                for ((field, x), (_, y)) in old.iter().zip(new.iter()) {
                    if x != y {
                        lines.push(format!("{key}: {field} {x} -> {y}"));
                    }
                }
            }
        }
    }
    for (key, new) in &a {
        if !b.iter().any(|(k, _)| k.eq_ignore_ascii_case(key)) {
            lines.push(format!("created {key} ({})", fields(new)));
        }
    }
    lines
}
