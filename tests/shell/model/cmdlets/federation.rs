//! The cmdlets of federation partners: hosting providers, and the allowed and blocked domain
//! lists. Apart because their uniqueness rules (one Identity, one ProxyFqdn, a domain on one list
//! only) are theirs alone.

use super::{bool_arg, not_found, remove_one, select, text_arg};
use crate::shell::model::objects::{allowed_object, blocked_object, provider_object};
use crate::shell::model::{AllowedDomain, Args, CmdErr, HostingProvider, Machine};
use crate::shell::value::Value;

impl Machine {
    pub(super) fn federation_cmdlet(&mut self, name: &str, args: &Args) -> Result<Vec<Value>, CmdErr> {
        let s = |k: &str| text_arg(args, k);
        let b = |k: &str| bool_arg(args, k);
        let d = &mut self.deployment;
        match name {
            "Get-CsHostingProvider" => {
                let all = d.providers.iter().map(|p| (p.identity.clone(), provider_object(p))).collect();
                select(all, s("Identity"), s("Filter"), "hosting provider")
            }
            "New-CsHostingProvider" => {
                let (Some(id), Some(proxy), Some(enabled)) = (s("Identity"), s("ProxyFqdn"), b("Enabled")) else {
                    return Err(CmdErr::Fail("New-CsHostingProvider needs -Identity, -ProxyFqdn and -Enabled (push-facts.md §2)".into()));
                };
                if d.provider(&id).is_some() {
                    return Err(CmdErr::Error(format!("A hosting provider with the Identity \"{id}\" already exists.")));
                }
                if let Some(other) = d.provider_for(&proxy) {
                    return Err(CmdErr::Error(format!(
                        "ProxyFqdn \"{proxy}\" is already used by hosting provider \"{}\"; it must be unique.",
                        other.identity
                    )));
                }
                let mut p = HostingProvider::new(&id, &proxy, enabled);
                if let Some(v) = s("VerificationLevel") {
                    p.verification_level = v;
                }
                p.enabled_shared_address_space = b("EnabledSharedAddressSpace").unwrap_or(false);
                p.hosts_ocs_users = b("HostsOCSUsers").unwrap_or(false);
                p.is_local = b("IsLocal").unwrap_or(false);
                p.autodiscover_url = s("AutodiscoverUrl");
                d.providers.push(p);
                self.changed();
                Ok(Vec::new())
            }
            "Set-CsHostingProvider" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Set-CsHostingProvider needs -Identity".into())) };
                let Some(p) = d.providers.iter_mut().find(|p| p.identity.eq_ignore_ascii_case(&id)) else {
                    return Err(not_found("hosting provider", &id));
                };
                if let Some(v) = b("Enabled") {
                    p.enabled = v;
                }
                if let Some(v) = s("VerificationLevel") {
                    p.verification_level = v;
                }
                if let Some(v) = b("EnabledSharedAddressSpace") {
                    p.enabled_shared_address_space = v;
                }
                if let Some(v) = b("HostsOCSUsers") {
                    p.hosts_ocs_users = v;
                }
                if let Some(v) = b("IsLocal") {
                    p.is_local = v;
                }
                if let Some(v) = s("AutodiscoverUrl") {
                    p.autodiscover_url = Some(v);
                }
                self.changed();
                Ok(Vec::new())
            }
            "Remove-CsHostingProvider" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Remove-CsHostingProvider needs -Identity".into())) };
                remove_one(&mut d.providers, |p| &p.identity, &id, "hosting provider")?;
                self.changed();
                Ok(Vec::new())
            }
            "Get-CsAllowedDomain" | "Get-CsBlockedDomain" => {
                let allowed = name == "Get-CsAllowedDomain";
                let (all, what) = if allowed {
                    (d.allowed.iter().map(|a| (a.domain.clone(), allowed_object(a))).collect(), "allowed domain")
                } else {
                    (d.blocked.iter().map(|b| (b.domain.clone(), blocked_object(b))).collect(), "blocked domain")
                };
                select(all, s("Identity"), s("Filter"), what)
            }
            "New-CsAllowedDomain" => {
                let Some(domain) = s("Identity").or(s("Domain")) else {
                    return Err(CmdErr::Fail("New-CsAllowedDomain needs -Identity or -Domain".into()));
                };
                if d.is_allowed(&domain) {
                    return Err(CmdErr::Error(format!("\"{domain}\" is already on the allowed domain list.")));
                }
                if d.is_blocked(&domain) {
                    return Err(CmdErr::Error(format!(
                        "\"{domain}\" is on the blocked domain list; a domain cannot be on both lists."
                    )));
                }
                d.allowed.push(AllowedDomain {
                    domain,
                    proxy_fqdn: s("ProxyFqdn"),
                    comment: s("Comment"),
                    mark_for_monitoring: b("MarkForMonitoring").unwrap_or(false),
                });
                self.changed();
                Ok(Vec::new())
            }
            "Remove-CsAllowedDomain" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Remove-CsAllowedDomain needs -Identity".into())) };
                remove_one(&mut d.allowed, |a| &a.domain, &id, "allowed domain")?;
                self.changed();
                Ok(Vec::new())
            }
            other => Err(CmdErr::Fail(format!("{other} is not modelled"))),
        }
    }
}
