//! The plan against a block (`forecast`), on blocks built from the sample (tests.rs); the
//! modelled shell holds it to what the configuration script then changes (tests/discovery.rs).

use super::tests::sample;
use super::*;
use crate::core::answers::Answers;
use crate::core::i18n::Language;

/// The plan against the sample: the pre-flight's stops (a blocked push.lync.com, a missing push
/// cmdlet), a step already so, and changes from what is there to what will be, in both languages.
#[test]
fn the_forecast_says_what_stops_what_is_so_and_what_changes() {
    use crate::core::answers::{EdgeServer, MobileClient, ScopeKind};
    let found = sample();
    let mut answers = Answers { edge: Some(EdgeServer::Lync2013), scope: ScopeKind::Site, site: "North America".into(), ..Answers::default() };
    answers.set_client(MobileClient::IosLync2010, true);
    answers.set_client(MobileClient::WpLync2013, true);
    fill(&found).apply(&mut answers);
    let plan = crate::core::plan(&answers).expect("a plan");
    let outlook = forecast(&plan, &found);
    assert_eq!(outlook.stops, [Stop::MissingCmdlets(vec!["Test-CsMcxPushNotification"]), Stop::PushDomainBlocked]);
    assert!(outlook.changes().is_empty(), "a script that stops changes nothing");
    assert!(outlook.complete());
    let view = outlook.view(&plan, Language::En);
    assert_eq!(view.stops, ["This shell lacks Test-CsMcxPushNotification.", "push.lync.com is on the blocked domain list."]);
    assert_eq!(view.after_stops.as_deref(), Some("Once what stops it is cleared, the script would:"));
    let steps: Vec<(usize, &str, Vec<&str>)> =
        view.steps.iter().map(|(number, title, lines)| (*number, title.as_str(), lines.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        steps,
        [
            (1, "Check the existing hosting provider Office365 for sipfed.online.lync.com", vec!["Already so: nothing changes."]),
            (
                2,
                "Allow federation with push.lync.com",
                vec![
                    "Stops here, before any change: push.lync.com is on the blocked domain list.",
                    "Once that is cleared: Will add push.lync.com to the allowed domains.",
                ]
            ),
            (3, "Turn on push notifications (APNS and MPNS, site:North America)", vec!["Will create push settings site:North America: Apple (APNS) on, Microsoft (MPNS) on."]),
            (4, "Enable federation on the Access Edge", vec!["Will change AllowFederatedUsers from False to True, for the whole organisation."]),
        ]
    );
    // Without the blocked domain and with the cmdlet, the same plan changes what it says.
    let mut open = found.clone();
    open.push_blocked = Read::Done(false);
    open.cmdlets = Read::Done(LOOKED_FOR.iter().map(|name| (name.to_string(), true)).collect());
    let outlook = forecast(&plan, &open);
    assert!(outlook.stops.is_empty());
    assert_eq!(
        outlook.changes(),
        [&Change::AllowPushDomain, &Change::CreatePushSettings { identity: "site:North America".into(), apple: true, microsoft: true, copies_global: false }, &Change::AllowFederatedUsers]
            .into_iter()
            .collect::<Vec<_>>()
    );
    let zh = outlook.view(&plan, Language::ZhTw);
    assert_eq!(zh.steps[2].2, ["會建立推播設定 site:North America：Apple (APNS) 開啟，Microsoft (MPNS) 開啟。"]);
    // Settings a site gets for one service only: the other takes Global's value, and says so.
    let mut iphone = answers.clone();
    iphone.set_client(MobileClient::WpLync2013, false);
    let iphone_plan = crate::core::plan(&iphone).expect("a plan");
    let iphone_view = forecast(&iphone_plan, &open).view(&iphone_plan, Language::En);
    assert_eq!(
        iphone_view.steps[2].2,
        ["Will create push settings site:North America: Apple (APNS) on, Microsoft (MPNS) off. The service these clients do not need takes Global's value now; later changes to Global do not reach this site."]
    );
    assert_eq!(iphone_view.after_stops, None, "nothing stops it");
    // A part not read leaves its step unknown, never guessed.
    open.providers = Read::Absent;
    assert_eq!(forecast(&plan, &open).steps[0].1, Forecast::Unknown("Get-CsHostingProvider"));
    assert!(!forecast(&plan, &open).complete());
    // A switch already on in existing settings is left as it is; one off is turned on.
    let mut global = Answers { scope: ScopeKind::Global, site: String::new(), ..answers.clone() };
    global.provider_exists = true;
    let plan = crate::core::plan(&global).expect("a plan");
    let view = forecast(&plan, &open).view(&plan, Language::En);
    assert_eq!(view.steps[2].2, ["Will change EnableMicrosoftPushNotificationService of Global from False to True."]);
}

/// New site settings for one service: the needed one on whatever Global has, the other
/// Global's value, both ways round.
#[test]
fn new_site_settings_take_globals_value_only_for_the_service_not_needed() {
    use crate::core::answers::{EdgeServer, MobileClient, ScopeKind};
    let mut found = sample();
    found.push_blocked = Read::Done(false);
    found.cmdlets = Read::Done(LOOKED_FOR.iter().map(|name| (name.to_string(), true)).collect());
    let mut answers = Answers { edge: Some(EdgeServer::Lync2013), scope: ScopeKind::Site, site: "Redmond".into(), ..Answers::default() };
    answers.set_client(MobileClient::IosLync2010, true);
    fill(&found).apply(&mut answers);
    let plan = crate::core::plan(&answers).expect("a plan");
    for (global_apple, global_microsoft) in [(false, false), (true, true), (false, true)] {
        found.push = Read::Done(vec![PushScope { identity: "Global".into(), apple: Some(global_apple), microsoft: Some(global_microsoft) }]);
        let created = forecast(&plan, &found).changes().into_iter().find_map(|change| match change {
            Change::CreatePushSettings { apple, microsoft, copies_global, .. } => Some((*apple, *microsoft, *copies_global)),
            _ => None,
        });
        assert_eq!(created, Some((true, global_microsoft, true)), "Global {global_apple} {global_microsoft}");
    }
}
