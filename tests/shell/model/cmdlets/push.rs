//! The cmdlets of push notification and mobility (Mcx) settings, global and per site, and the
//! XdsIdentity they take. Apart because these settings are scoped by site, and their cmdlets came
//! with Lync Server 2010's November 2011 cumulative update.

use super::{bool_arg, not_found, remove_one, text_arg};
use crate::shell::model::objects::{mcx_object, push_object};
use crate::shell::model::{wildcard, Args, CmdErr, Machine, PushSettings};
use crate::shell::value::Value;

impl Machine {
    pub(super) fn push_cmdlet(&mut self, name: &str, args: &Args) -> Result<Vec<Value>, CmdErr> {
        let s = |k: &str| text_arg(args, k);
        let b = |k: &str| bool_arg(args, k);
        let d = &mut self.deployment;
        match name {
            "Get-CsPushNotificationConfiguration" | "Get-CsMcxConfiguration" => {
                let push = name == "Get-CsPushNotificationConfiguration";
                let ids: Vec<String> =
                    if push { d.push.iter().map(|p| p.identity.clone()).collect() } else { d.mcx.iter().map(|m| m.identity.clone()).collect() };
                let pick: Vec<String> = match (s("Identity"), s("Filter")) {
                    (Some(id), _) => {
                        let id = xds_identity(&id)?;
                        match ids.iter().find(|i| i.eq_ignore_ascii_case(&id)) {
                            Some(i) => vec![i.clone()],
                            None => return Err(not_found(if push { "push notification settings" } else { "mobility settings" }, &id)),
                        }
                    }
                    (None, Some(filter)) => ids.into_iter().filter(|i| wildcard(&filter, i)).collect(),
                    (None, None) => ids,
                };
                Ok(pick
                    .iter()
                    .map(|id| {
                        if push {
                            push_object(d.push_settings(id).unwrap())
                        } else {
                            mcx_object(d.mcx.iter().find(|m| m.identity.eq_ignore_ascii_case(id)).unwrap())
                        }
                    })
                    .collect())
            }
            "Set-CsPushNotificationConfiguration" => {
                let id = xds_identity(&s("Identity").unwrap_or_else(|| "Global".into()))?;
                let Some(p) = d.push_settings_mut(&id) else { return Err(not_found("push notification settings", &id)) };
                if let Some(v) = b("EnableApplePushNotificationService") {
                    p.apple = v;
                }
                if let Some(v) = b("EnableMicrosoftPushNotificationService") {
                    p.microsoft = v;
                }
                self.changed();
                Ok(Vec::new())
            }
            "New-CsPushNotificationConfiguration" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("New-CsPushNotificationConfiguration needs -Identity".into())) };
                let id = xds_identity(&id)?;
                let Some(site) = id.strip_prefix("site:") else {
                    return Err(CmdErr::Error(format!("\"{id}\": New-CsPushNotificationConfiguration creates site settings only.")));
                };
                let Some(site) = d.sites.iter().find(|s| s.eq_ignore_ascii_case(site)) else {
                    return Err(CmdErr::Error(format!("Site \"{site}\" is not in the topology.")));
                };
                // The store names the settings after the site as the topology spells it
                // (`site:<Name>`, lync-objects.md §10), whatever casing the command used.
                let id = format!("site:{site}");
                if d.push_settings(&id).is_some() {
                    return Err(CmdErr::Error(format!("Push notification settings \"{id}\" already exist.")));
                }
                d.push.push(PushSettings {
                    identity: id,
                    apple: b("EnableApplePushNotificationService").unwrap_or(false),
                    microsoft: b("EnableMicrosoftPushNotificationService").unwrap_or(false),
                });
                self.changed();
                Ok(Vec::new())
            }
            "Remove-CsPushNotificationConfiguration" => {
                let Some(id) = s("Identity") else { return Err(CmdErr::Fail("Remove-CsPushNotificationConfiguration needs -Identity".into())) };
                let id = xds_identity(&id)?;
                if id == "Global" {
                    // push-facts.md §2: on global, Remove- resets both switches to False.
                    let g = d.push_settings_mut("Global").unwrap();
                    g.apple = false;
                    g.microsoft = false;
                } else {
                    remove_one(&mut d.push, |p| &p.identity, &id, "push notification settings")?;
                }
                self.changed();
                Ok(Vec::new())
            }
            "Set-CsMcxConfiguration" => {
                let id = xds_identity(&s("Identity").unwrap_or_else(|| "Global".into()))?;
                let Some(m) = d.mcx.iter_mut().find(|m| m.identity.eq_ignore_ascii_case(&id)) else {
                    return Err(not_found("mobility settings", &id));
                };
                if let Some(v) = s("PushNotificationProxyUri") {
                    m.push_notification_proxy_uri = v;
                }
                if let Some(v) = s("ExposedWebURL") {
                    m.exposed_web_url = v;
                }
                if let Some(Value::Int(v)) = args.get("SessionExpirationInterval") {
                    m.session_expiration_interval = *v;
                }
                if let Some(Value::Int(v)) = args.get("SessionShortExpirationInterval") {
                    m.session_short_expiration_interval = *v;
                }
                self.changed();
                Ok(Vec::new())
            }
            other => Err(CmdErr::Fail(format!("{other} is not modelled"))),
        }
    }
}

/// XdsIdentity: `global` or `site:<name>` (lync-objects.md §10), matched without case.
fn xds_identity(id: &str) -> Result<String, CmdErr> {
    if id.eq_ignore_ascii_case("global") {
        return Ok("Global".into());
    }
    match id.split_once(':') {
        Some((scope, name)) if scope.eq_ignore_ascii_case("site") && !name.is_empty() => Ok(format!("site:{name}")),
        _ => Err(CmdErr::Fail(format!("the identity '{id}' is neither global nor site:<name> (service scopes are not modelled)"))),
    }
}
