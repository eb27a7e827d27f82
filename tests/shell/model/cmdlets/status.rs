//! The cmdlets that report how things stand: Get-CsManagementStoreReplicationStatus,
//! Test-CsFederatedPartner and Test-CsMcxPushNotification, and the model's own truth the tests'
//! outcomes are held to (`test_would_pass`). Apart because they change nothing and answer from
//! the whole store at once.

use super::text_arg;
use crate::shell::model::objects::task_output;
use crate::shell::model::{Args, CmdErr, Edge, Machine, Routing, LYNC_ONLINE, PUSH_DOMAIN};
use crate::shell::value::{Kind, Obj, Value};

impl Machine {
    pub(super) fn status_cmdlet(&mut self, name: &str, args: &Args) -> Result<Vec<Value>, CmdErr> {
        let s = |k: &str| text_arg(args, k);
        match name {
            "Get-CsManagementStoreReplicationStatus" => {
                let last = Value::Date(self.last_update_creation());
                let wanted = s("ReplicaFqdn");
                Ok(self
                    .deployment
                    .replicas
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| wanted.as_ref().is_none_or(|w| r.eq_ignore_ascii_case(w)))
                    .map(|(i, _)| Obj::value(Kind::ReplicaState, vec![("UpToDate", Value::Bool(self.replica_reported_up_to_date(i))), ("LastUpdateCreation", last.clone())]))
                    .collect())
            }
            "Test-CsFederatedPartner" => {
                let (Some(target), Some(domain)) = (s("TargetFqdn"), s("Domain")) else {
                    return Err(CmdErr::Fail("Test-CsFederatedPartner needs -TargetFqdn and -Domain (push-facts.md §2)".into()));
                };
                let problem = self.federation_problem(&target, &domain, s("ProxyFqdn").as_deref(), self.up_to_date());
                self.tests.push((name.to_string(), problem.is_none()));
                Ok(vec![task_output(&target, problem)])
            }
            "Test-CsMcxPushNotification" => {
                let Some(target) = s("AccessEdgeFqdn") else {
                    return Err(CmdErr::Fail("Test-CsMcxPushNotification needs -AccessEdgeFqdn".into()));
                };
                let problem = self.push_test_problem(&target, self.up_to_date());
                self.tests.push((name.to_string(), problem.is_none()));
                if problem.is_some() && self.mcx_test_throws {
                    return Err(CmdErr::Error(
                        "A 504 (Server time-out) response was received from the network and the operation failed. See the exception details for more information."
                            .into(),
                    ));
                }
                Ok(vec![task_output(&target, problem)])
            }
            other => Err(CmdErr::Fail(format!("{other} is not modelled"))),
        }
    }

    /// Why Test-CsMcxPushNotification would fail, if it would, with the replicas up to date or not.
    fn push_test_problem(&self, target: &str, up_to_date: bool) -> Option<String> {
        let mut problem = self.federation_problem(target, PUSH_DOMAIN, Some(LYNC_ONLINE), up_to_date);
        let d = &self.deployment;
        // Push goes through only where a service is switched on: settings whose two
        // switches are off (global, or a site's) do not count (push-facts.md §2).
        if problem.is_none() && !d.push.iter().any(|p| p.apple || p.microsoft) {
            problem = Some("push notifications are off".into());
        }
        if problem.is_none() && !d.mcx.iter().any(|m| m.push_notification_proxy_uri.eq_ignore_ascii_case("sip:push@push.lync.com")) {
            problem = Some("PushNotificationProxyUri is not sip:push@push.lync.com".into());
        }
        problem
    }

    /// Whether a test would pass on the store as it is once replication has run its course
    /// (`replicated`), or never has: the truth a script's reported outcome is held to.
    pub fn test_would_pass(&self, name: &str, target: &str, replicated: bool) -> bool {
        match name {
            "Test-CsFederatedPartner" => self.federation_problem(target, PUSH_DOMAIN, Some(LYNC_ONLINE), replicated).is_none(),
            "Test-CsMcxPushNotification" => self.push_test_problem(target, replicated).is_none(),
            other => panic!("{other} is not a test"),
        }
    }

    /// Why federation with `domain` through the Edge would fail, if it would.
    fn federation_problem(&self, target: &str, domain: &str, proxy: Option<&str>, up_to_date: bool) -> Option<String> {
        let d = &self.deployment;
        if !target.eq_ignore_ascii_case(d.edge_fqdn()) {
            return Some(format!("{target} is not the internal Access Edge FQDN"));
        }
        if !d.access_edge.allow_federated_users {
            return Some("AllowFederatedUsers is False".into());
        }
        match &d.edge {
            Edge::Lync { .. } => {
                if !d.is_allowed(domain) {
                    return Some(format!("{domain} is not an allowed domain"));
                }
                match proxy.map(|p| d.provider_for(p)) {
                    Some(None) => return Some("no hosting provider for the proxy FQDN".into()),
                    Some(Some(p)) if !p.enabled => return Some(format!("hosting provider {} is disabled", p.identity)),
                    _ => {}
                }
                if d.access_edge.routing != Routing::DnsSrv {
                    return Some("the Access Edge uses default routing".into());
                }
            }
            Edge::Ocs2007R2 { push_partner_added, .. } => {
                if !push_partner_added {
                    return Some("push.lync.com is not a federated partner on the OCS 2007 R2 Edge".into());
                }
            }
        }
        if !up_to_date {
            return Some("the replicas are not up to date".into());
        }
        None
    }
}
