//! The cmdlets of the Access Edge configuration, the Edge service and the sites of the topology,
//! and external access policies. Apart as the Edge side of federation: one global configuration,
//! and the topology and policies around it.

use super::{bool_arg, not_found, select, text_arg};
use crate::shell::model::objects::{access_edge_object, edge_service_object, external_access_object};
use crate::shell::model::{Args, CmdErr, Edge, Machine, Routing};
use crate::shell::value::{Kind, Obj, Value};

impl Machine {
    pub(super) fn edge_cmdlet(&mut self, name: &str, args: &Args) -> Result<Vec<Value>, CmdErr> {
        let s = |k: &str| text_arg(args, k);
        let b = |k: &str| bool_arg(args, k);
        let d = &mut self.deployment;
        match name {
            "Get-CsAccessEdgeConfiguration" => {
                if let Some(id) = s("Identity") {
                    if !id.eq_ignore_ascii_case("global") {
                        return Err(not_found("Access Edge configuration", &id));
                    }
                }
                Ok(vec![access_edge_object(&d.access_edge)])
            }
            "Set-CsAccessEdgeConfiguration" => {
                if let Some(id) = s("Identity") {
                    if !id.eq_ignore_ascii_case("global") {
                        return Err(not_found("Access Edge configuration", &id));
                    }
                }
                let e = &mut d.access_edge;
                if let Some(v) = b("AllowFederatedUsers") {
                    e.allow_federated_users = v;
                }
                if let Some(v) = b("EnablePartnerDiscovery") {
                    e.enable_partner_discovery = v;
                }
                if b("UseDnsSrvRouting") == Some(true) {
                    e.routing = Routing::DnsSrv;
                }
                if b("UseDefaultRouting") == Some(true) {
                    let Some(fqdn) = s("DefaultRouteFqdn") else {
                        return Err(CmdErr::Fail("-UseDefaultRouting needs -DefaultRouteFqdn".into()));
                    };
                    e.routing = Routing::Default { default_route_fqdn: fqdn, verification_level: "AlwaysVerifiable".into(), is_public_provider: false };
                }
                self.changed();
                Ok(Vec::new())
            }
            "Get-CsService" => {
                if b("EdgeServer") != Some(true) {
                    return Err(CmdErr::Fail("only Get-CsService -EdgeServer is modelled".into()));
                }
                // An OCS 2007 R2 Edge is not an Edge pool of the Lync Server topology.
                Ok(match &d.edge {
                    Edge::Lync { internal_fqdn } => vec![edge_service_object(internal_fqdn)],
                    Edge::Ocs2007R2 { .. } => Vec::new(),
                })
            }
            "Get-CsExternalAccessPolicy" => {
                let all = d.external_access.iter().map(|(id, on)| (id.clone(), external_access_object(id, *on))).collect();
                select(all, s("Identity"), s("Filter"), "external access policy")
            }
            "Get-CsSite" => {
                // Identity prints as "Site:Redmond"; the display name is modelled unlike the name
                // (Set-CsSite Example 2 sets it to "US Headquarters"), so a reader of the wrong
                // property is caught.
                let site = |name: &str| {
                    Obj::value(
                        Kind::Site,
                        vec![
                            ("Identity", Value::str(format!("Site:{name}"))),
                            ("SiteType", Value::str("CentralSite")),
                            ("Pools", Value::array(Vec::new())),
                            ("DisplayName", Value::str(format!("{name} office"))),
                        ],
                    )
                };
                let all = d.sites.iter().map(|name| (name.clone(), site(name))).collect();
                select(all, s("Identity"), s("Filter"), "site")
            }
            other => Err(CmdErr::Fail(format!("{other} is not modelled"))),
        }
    }
}
