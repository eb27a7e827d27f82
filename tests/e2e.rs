//! End-to-end: the release site (`dist/`, built by `trunk build --release`) served on loopback
//! under a documentation-style sub-path, driven in real Chromium over WebDriver.
//! Run by `./dev test` (which builds the site first); screenshots land in target/e2e-screenshots/.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/server.rs"]
mod server;
#[path = "e2e/webdriver.rs"]
mod webdriver;

use std::path::PathBuf;
use std::sync::OnceLock;

use lync_push_wizard::core::saved::{BACKUP_KEY, STORAGE_KEY};
use serde_json::json;
use webdriver::{Driver, Options, Session};

const SUB_PATH: &str = "/docs/lync-push/";
const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const SPACE: &str = " ";

fn site() -> &'static str {
    static SERVER: OnceLock<server::StaticServer> = OnceLock::new();
    let root = PathBuf::from(std::env::var("E2E_DIST").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/dist").into()));
    assert!(root.join("index.html").is_file(), "{} has no release build: run ./dev test", root.display());
    &SERVER.get_or_init(|| server::serve(root, SUB_PATH)).base
}

fn shots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Opens the wizard and waits for the first question: the wasm has loaded and mounted.
fn open(session: &Session, url: &str) {
    session.goto(url);
    session.find("question");
}

const SEED_COMMANDS: [&str; 6] = [
    "New-CsHostingProvider -Identity \"LyncOnline\" -Enabled $True -ProxyFqdn \"sipfed.online.lync.com\" -VerificationLevel UseSourceVerification",
    "New-CsAllowedDomain -Identity \"push.lync.com\"",
    "Set-CsPushNotificationConfiguration -EnableApplePushNotificationService $True -EnableMicrosoftPushNotificationService $True",
    "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True",
    "Test-CsFederatedPartner -TargetFqdn 'accessproxy.contoso.com' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com",
    "Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'",
];

fn assert_seed_script(script: &str) {
    for command in SEED_COMMANDS {
        assert!(script.contains(command), "missing: {command}");
    }
}

/// The seed scenario answered by clicking, a screenshot per step; the script; reload restores it.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn seed_scenario_by_clicking_survives_a_reload() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    let dir = shots();
    session.screenshot(&dir.join("step-1-edge-empty.png"));
    session.click("edge-lync2013");
    session.wait_until_contains("problems", "Mobile clients");
    session.screenshot(&dir.join("step-1-edge.png"));
    session.click("next");
    session.click("client-ios-lync2010");
    session.click("client-wp-lync2013");
    session.wait_until_contains("problems", "Access Edge FQDN");
    session.screenshot(&dir.join("step-2-clients.png"));
    session.click("next");
    session.type_into("input-access-edge", "accessproxy.contoso.com");
    session.wait_until_contains("verdict", "APNS and MPNS");
    session.screenshot(&dir.join("step-3-access-edge.png"));
    session.click("next");
    session.screenshot(&dir.join("step-4-provider.png"));
    session.click("next");
    session.screenshot(&dir.join("step-5-scope.png"));
    session.click("to-result");
    let script = session.wait_until_contains("script", "Test-CsMcxPushNotification");
    assert_seed_script(&script);
    session.click("tick-start-shell");
    session.screenshot(&dir.join("result-light.png"));

    session.refresh();
    session.find("question");
    let restored = session.wait_until_contains("script", "Test-CsMcxPushNotification");
    assert_eq!(restored, script, "the same script after a reload");
    assert!(session.is_checked("tick-start-shell"), "the tick is restored");
    session.click("progress-3");
    let value = session.exec("return document.querySelector('[data-testid=input-access-edge]').value", vec![]);
    assert_eq!(value, json!("accessproxy.contoso.com"), "the typed answer is back in its field");
}

/// A share link opens the same script in a fresh profile, and wins over saved state.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn share_link_opens_the_same_script_in_a_fresh_profile() {
    let driver = Driver::start();
    let first = driver.session(Options::default());
    open(&first, site());
    for id in ["edge-lync2013", "next", "client-ios-lync2010", "client-wp-lync2013", "next"] {
        first.click(id);
    }
    first.type_into("input-access-edge", "accessproxy.contoso.com");
    let script = first.wait_until_contains("script", "Test-CsMcxPushNotification");
    let link = first.content("share-link");
    assert!(link.starts_with(site()) && link.contains("#edge=lync2013&clients=ios-lync2010,wp-lync2013"), "{link}");

    let second = driver.session(Options::default());
    open(&second, &link);
    assert_eq!(second.wait_until_contains("script", "Test-CsMcxPushNotification"), script);
    assert!(second.content("notices").contains("opened from a link"));
    let url = second.exec("return location.href", vec![]);
    assert!(!url.as_str().unwrap().contains('#'), "the fragment is dropped so a reload keeps later edits");

    // The first profile has its own answers. A link replaces them and offers them back, both
    // when followed in the open page (only the fragment changes) and when it loads the page.
    for url in [format!("{}#edge=none", site()), format!("{}index.html#edge=none", site())] {
        first.goto(&url);
        first.find("question");
        first.wait_until_contains("problems", "Mobile clients");
        first.click("bring-back");
        assert_eq!(first.wait_until_contains("script", "Test-CsMcxPushNotification"), script, "{url}: earlier answers are back");
    }

    // Invalid values show as errors and never reach a script.
    let third = driver.session(Options::default());
    open(&third, &format!("{}#edge=lync2015&clients=wp-lync2013,blackberry&access-edge=bad..name&theme=dark", site()));
    assert!(third.content("notices").contains("Edge Server: Replace \"lync2015\" with one of: lync2013"));
    assert!(third.content("notices").contains("Replace \"blackberry\""));
    third.find("share-link"); // the whole result is built
    let script = "const s = document.querySelector('[data-testid=script]'); return [s.offsetParent !== null, s.textContent]";
    assert_eq!(
        third.exec(script, vec![]),
        json!([false, ""]),
        "no script from invalid values; the verdict says: {}",
        third.content("verdict")
    );
}

/// Broken JSON, an old schema and a 5 MB string under our key: the page works, the old value
/// is kept under the backup key, and a notice says so.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn corrupted_storage_never_breaks_the_page() {
    let driver = Driver::start();
    let cases = [
        ("broken JSON", "'{\"version\":1,\"answers\":{'"),
        ("an old schema", "JSON.stringify({version: 0, edge: 'lync2013'})"),
        ("a 5 MB string", "'x'.repeat(5 * 1000 * 1000 - 64)"),
    ];
    for (name, value) in cases {
        let session = driver.session(Options::default());
        open(&session, site());
        let stored = session.exec(
            "try { localStorage.setItem(arguments[0], eval(arguments[1])); return localStorage.getItem(arguments[0]).length } catch (e) { return String(e) }",
            vec![json!(STORAGE_KEY), json!(value)],
        );
        let length = stored.as_u64().unwrap_or_else(|| panic!("{name}: could not store the bad value: {stored}"));
        session.refresh();
        session.find("question");
        assert!(session.content("notices").contains("were not loaded"), "{name}");
        let backup = session.exec("return (localStorage.getItem(arguments[0]) || '').length", vec![json!(BACKUP_KEY)]);
        assert_eq!(backup, json!(length), "{name}: the backup key holds the old value");
        session.click("edge-none");
        session.wait_for(&format!("{name}: new answers saved"), || {
            let saved = session.exec("return localStorage.getItem(arguments[0])", vec![json!(STORAGE_KEY)]);
            saved.as_str().is_some_and(|s| s.contains("\"edge\":\"none\"")).then_some(())
        });
    }
}

/// With site data blocked, the wizard still works, in memory, and says so.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn storage_disabled_works_in_memory() {
    let driver = Driver::start();
    let session = driver.session(Options { block_storage: true, ..Options::default() });
    open(&session, site());
    let blocked = session.exec("try { localStorage.length; return false } catch (e) { return true }", vec![]);
    assert_eq!(blocked, json!(true), "the browser really blocks storage");
    assert!(session.content("notices").contains("won't be kept"));
    for id in ["edge-lync2010", "next", "client-wp-lync2010", "next"] {
        session.click(id);
    }
    session.type_into("input-access-edge", "edge.fabrikam.com");
    session.wait_until_contains("script", "Test-CsMcxPushNotification -AccessEdgeFqdn 'edge.fabrikam.com'");
}

fn tab_to(session: &Session, test_id: &str) {
    for _ in 0..40 {
        session.press(TAB);
        if session.focused_test_id().as_deref() == Some(test_id) {
            return;
        }
    }
    panic!("Tab never reached {test_id}");
}

/// The whole seed scenario with the keyboard only.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn keyboard_only_walk_to_the_script() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    tab_to(&session, "edge-lync2013");
    session.press(SPACE);
    tab_to(&session, "next");
    session.press(ENTER);
    assert_eq!(session.focused_test_id().as_deref(), Some("question-heading"), "focus moves to the new question");
    tab_to(&session, "client-ios-lync2010");
    session.press(SPACE);
    tab_to(&session, "client-wp-lync2013");
    session.press(SPACE);
    tab_to(&session, "next");
    session.press(ENTER);
    tab_to(&session, "input-access-edge");
    session.press("accessproxy.contoso.com");
    tab_to(&session, "next");
    session.press(ENTER);
    tab_to(&session, "next");
    session.press(ENTER);
    tab_to(&session, "to-result");
    session.press(ENTER);
    assert_eq!(session.focused_test_id().as_deref(), Some("result-heading"));
    assert_seed_script(&session.wait_until_contains("script", "Test-CsMcxPushNotification"));
    session.screenshot(&shots().join("keyboard-result.png"));
    // Reset asks first; the focus moves to the question and back, never onto something hidden.
    tab_to(&session, "reset");
    session.press(ENTER);
    // The focus moves once the page has drawn the change.
    let focus_on = |id: &str| session.wait_for(&format!("focus on {id}"), || (session.focused_test_id().as_deref() == Some(id)).then_some(()));
    focus_on("reset-cancel");
    let shown = |id: &str| session.exec(&format!("return document.querySelector('[data-testid={id}]').offsetParent !== null"), vec![]);
    assert_eq!((shown("reset"), shown("reset-confirm")), (json!(false), json!(true)));
    session.press(ENTER);
    focus_on("reset");
    assert_eq!((shown("reset"), shown("reset-confirm")), (json!(true), json!(false)));
    assert!(session.content("script").contains("Test-CsMcxPushNotification"), "cancel keeps the answers");
}

/// The result in the dark scheme, and on a phone-sized screen.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn dark_and_narrow_screenshots() {
    let driver = Driver::start();
    let link = format!("{}#edge=ocs2007r2&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com", site());
    let session = driver.session(Options::default());
    session.cdp("Emulation.setEmulatedMedia", json!({ "features": [{ "name": "prefers-color-scheme", "value": "dark" }] }));
    open(&session, &link);
    session.wait_until_contains("checklist", "Add Federated Partner");
    let background = session.exec("return getComputedStyle(document.body).backgroundColor", vec![]);
    assert_eq!(background, json!("rgb(13, 17, 23)"), "the dark scheme applies");
    session.screenshot(&shots().join("result-dark.png"));
    // Answers from a link open every question directly.
    for step in 1..=5 {
        session.click(&format!("progress-{step}"));
        session.wait_until_contains("question", &format!("Question {step} of 5"));
        session.screenshot(&shots().join(format!("step-{step}-dark.png")));
    }
    let phone = driver.session(Options { width: 390, height: 1800, ..Options::default() });
    open(&phone, &link);
    phone.wait_until_contains("script", "Set-CsAccessEdgeConfiguration");
    let overflow = phone.exec("return document.documentElement.scrollWidth <= window.innerWidth", vec![]);
    assert_eq!(overflow, json!(true), "no sideways scrolling on a phone");
    phone.screenshot(&shots().join("result-phone.png"));
}

/// The release HTML has what a hosted page needs, with relative asset URLs. Read as the browser
/// parses it: the release build minifies it (attributes unquoted, optional tags left out).
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn release_html_is_complete_and_relative() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    let found = session.exec(
        "const one = (s, a) => { const e = document.querySelector(s); return e && e.getAttribute(a); };
         const start = document.querySelector('script[src]');
         return {
           lang: document.documentElement.getAttribute('lang'),
           title: document.title,
           viewport: one('meta[name=viewport]', 'content'),
           description: one('meta[name=description]', 'content'),
           icon: one('link[rel=icon]', 'href'),
           start: start && [start.getAttribute('src'), start.dataset.js, start.dataset.wasm],
           policy: one('meta[http-equiv=Content-Security-Policy]', 'content'),
           absolute: [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src')).filter(u => u.startsWith('/')),
         };",
        vec![],
    );
    assert_eq!(found["lang"], json!("en"));
    assert!(found["title"].as_str().is_some_and(|t| t.contains("Lync Server 2013")), "{found}");
    assert!(found["viewport"].as_str().is_some_and(|v| v.contains("width=device-width")), "{found}");
    assert!(found["description"].as_str().is_some_and(|d| d.len() > 50), "{found}");
    assert!(found["icon"].as_str().is_some_and(|u| u.starts_with("./")), "{found}");
    let start: Vec<&str> = found["start"].as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    assert!(start.len() == 3 && start[0] == "./start.js" && start[1..].iter().all(|u| u.starts_with("./")), "{found}");
    assert!(found["policy"].as_str().is_some_and(|p| p.contains("script-src 'self' 'wasm-unsafe-eval'")), "{found}");
    assert_eq!(found["absolute"], json!([]), "no absolute asset URLs");
}

/// The page's Content-Security-Policy allows no inline script and no eval. The wizard starts and
/// works under it without one violation, and a script injected inline does not run.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn runs_under_a_strict_content_security_policy() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, &format!("{}#edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com", site()));
    let policy = session.exec("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content", vec![]);
    let policy = policy.as_str().expect("a CSP meta tag");
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval';"), "{policy}");
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(!policy.contains("'unsafe-inline'") && !policy.contains("'unsafe-eval'"), "{policy}");

    // Use it: change answers, open the rollback, copy, download, switch language.
    session.wait_until_contains("script", "Test-CsMcxPushNotification");
    session.click("edge-ocs2007r2");
    session.wait_until_contains("checklist", "sipfed.online.lync.com");
    session.exec("document.querySelector('details.undo > summary').click()", vec![]);
    session.wait_until_contains("rollback", "push.lync.com");
    session.click("copy-script");
    session.wait_for("the copy status", || Some(session.content("script-status")).filter(|s| !s.is_empty()));
    session.click("download-script");
    session.exec("const s = document.querySelector('[data-testid=language]'); s.value = 'zh-TW'; s.dispatchEvent(new Event('change'))", vec![]);
    session.wait_until_contains("result", "推播");
    let violations = |log: Vec<String>| -> Vec<String> { log.into_iter().filter(|m| m.contains("Content Security Policy")).collect() };
    assert_eq!(violations(session.console()), Vec::<String>::new(), "no violation while the wizard starts and works");

    let injected = "
        const done = arguments[arguments.length - 1];
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = true';
        document.body.append(script);
        setTimeout(() => done(window.injectedRan === true), 100);
    ";
    assert_eq!(session.exec_async(injected, vec![]), json!(false), "an injected inline script does not run");
    let handler = session.exec("const b = document.createElement('b'); b.setAttribute('onclick', 'window.handlerRan = true'); document.body.append(b); b.click(); return window.handlerRan === true", vec![]);
    assert_eq!(handler, json!(false), "an injected inline event handler does not run");
    let refused = violations(session.console());
    assert_eq!(refused.len(), 2, "both refusals are reported: {refused:?}");
    assert!(refused[0].contains("inline script") && refused[1].contains("inline event handler"), "{refused:?}");
}

/// Download .ps1 writes the script with CRLF line endings; Copy reaches the clipboard or
/// selects the script; printed, the page is the runbook without the questions.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn download_copy_and_print() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    let downloads = std::env::temp_dir().join(format!("lync-push-downloads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    session.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }));
    open(&session, &format!("{}#edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com", site()));
    let script = session.wait_until_contains("script", "Test-CsMcxPushNotification");

    session.click("download-script");
    let file = downloads.join("Enable-LyncPushNotifications.ps1");
    let bytes = session.wait_for("the downloaded .ps1", || {
        std::fs::read(&file).ok().filter(|b| !b.is_empty() && !downloads.join("Enable-LyncPushNotifications.ps1.crdownload").exists())
    });
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(!text.starts_with('\u{FEFF}'), "no byte-order mark for an ASCII script");
    assert!(text.split('\n').all(|line| line.is_empty() || line.ends_with('\r')), "every line ends in CRLF");
    assert_eq!(text.replace("\r\n", "\n"), script, "the file is the script shown");

    session.click("download-runbook");
    let book_file = downloads.join("Lync-push-notifications-runbook.md");
    let book = session.wait_for("the downloaded runbook", || {
        std::fs::read_to_string(&book_file).ok().filter(|b| b.ends_with("```\n"))
    });
    assert!(book.starts_with("# Push notifications for Lync Server mobility: runbook"));
    assert!(book.contains(&script), "the runbook carries the script shown");

    // Round trip: the downloaded file, opened in a fresh profile, gives the same script.
    let fresh = driver.session(Options::default());
    open(&fresh, site());
    fresh.upload("script-file", &file);
    assert_eq!(fresh.wait_until_contains("script", "Test-CsMcxPushNotification"), script);
    assert!(fresh.content("notices").contains("restored from the script"));
    let _ = std::fs::remove_dir_all(&downloads);

    session.click("copy-script");
    let status = session.wait_for("the copy status", || Some(session.content("script-status")).filter(|s| !s.is_empty()));
    if !status.contains("Copied") {
        assert!(status.contains("Ctrl+C"), "{status}");
        let selected = session.exec("return String(window.getSelection())", vec![]);
        assert!(selected.as_str().unwrap_or("").contains("New-CsHostingProvider"), "the fallback selects the script");
    }

    session.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let hidden = session.exec("return getComputedStyle(document.querySelector('.wizard')).display", vec![]);
    assert_eq!(hidden, json!("none"), "printing leaves out the questions");
    let shown = session.exec("return getComputedStyle(document.querySelector('[data-testid=plan]')).display", vec![]);
    assert_eq!(shown, json!("block"), "printing keeps the plan");
}

/// The result in Traditional Chinese from a link with lang=zh-TW, kept after a reload; the
/// script stays English. Screenshots in both languages.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn traditional_chinese_from_a_link_and_kept() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    let answers = "edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com";
    open(&session, &format!("{}#{answers}&lang=zh-TW", site()));
    session.wait_until_contains("verdict", "設定推播通知");
    assert_eq!(session.exec("return document.documentElement.lang", vec![]), json!("zh-TW"));
    assert!(session.content("question").contains("您的部署使用哪一種 Edge Server"));
    let masthead = session.exec("return document.querySelector('#masthead h1').textContent", vec![]);
    assert_eq!(masthead, json!("推播通知精靈"), "the masthead from index.html follows the language");
    let script = session.wait_until_contains("script", "Test-CsMcxPushNotification");
    let chosen = "return document.querySelector('[data-testid=language]').selectedOptions[0].textContent";
    assert_eq!(session.exec(chosen, vec![]), json!("繁體中文"), "the switch shows the language");
    assert!(script.starts_with("# Push notifications for Lync Server mobility"));
    session.screenshot(&shots().join("result-zh-TW.png"));
    session.refresh();
    session.find("question");
    session.wait_until_contains("verdict", "設定推播通知");
    let english = driver.session(Options::default());
    open(&english, &format!("{}#{answers}&lang=en", site()));
    english.wait_until_contains("verdict", "Configure push notifications");
    assert_eq!(english.wait_until_contains("script", "Test-CsMcxPushNotification"), script, "one script in both languages");
    assert_eq!(english.exec(chosen, vec![]), json!("English"));
    english.screenshot(&shots().join("result-en.png"));
}
