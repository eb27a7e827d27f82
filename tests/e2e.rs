//! End-to-end: the release site (`dist/`, built by `trunk build --release`) served on loopback
//! under a documentation-style sub-path, driven in real Chromium over WebDriver.
//! Run by `./dev test` (which builds the site first); screenshots land in target/e2e-screenshots/.
#![cfg(not(target_arch = "wasm32"))]

#[path = "e2e/server.rs"]
mod server;
#[path = "e2e/webdriver.rs"]
mod webdriver;
#[path = "e2e/from_disk.rs"]
mod from_disk;
#[path = "e2e/discovery.rs"]
mod discovery;
#[path = "e2e/report.rs"]
mod report;

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

/// Whether a script element added to the page runs (a strict policy refuses it).
fn injected_inline_script_runs(session: &Session) -> bool {
    let injected = "
        const done = arguments[arguments.length - 1];
        const script = document.createElement('script');
        script.textContent = 'window.injectedRan = true';
        document.body.append(script);
        setTimeout(() => done(window.injectedRan === true), 100);
    ";
    session.exec_async(injected, vec![]) == json!(true)
}

/// Opens the wizard and waits until the wasm has taken the page over.
fn open(session: &Session, url: &str) {
    session.goto(url);
    session.wait_ready();
}

const SEED_COMMANDS: [&str; 6] = [
    "New-CsHostingProvider -Identity \"LyncOnline\" -Enabled $True -ProxyFqdn \"sipfed.online.lync.com\" -VerificationLevel UseSourceVerification -EnabledSharedAddressSpace $False -HostsOCSUsers $False",
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
    session.wait_ready();
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
    // Until the choice is made, the answers saved in this browser stay saved.
    let saved_edge = |session: &Session| {
        let saved = session.exec("return localStorage.getItem(arguments[0])", vec![json!(STORAGE_KEY)]);
        let saved = saved.as_str().unwrap_or_default().to_string();
        saved.split("\"edge\":\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap_or_default().to_string()
    };
    for url in [format!("{}#edge=none", site()), format!("{}index.html#edge=none", site())] {
        first.goto(&url);
        first.wait_ready();
        first.wait_until_contains("problems", "Mobile clients");
        assert!(first.content("notices").contains("stay saved until you choose"), "{url}: the link asks");
        assert_eq!(first.exec("return document.querySelector('[data-testid=dismiss]')", vec![]), json!(null), "{url}: no dismissing the question");
        assert_eq!(saved_edge(&first), "lync2013", "{url}: the saved answers are kept while the link asks");
        // A reload before the choice asks again: the link stays in the address bar until then.
        assert!(first.exec("return location.hash", vec![]).as_str().unwrap_or_default().contains("edge=none"), "{url}");
        first.refresh();
        first.wait_ready();
        assert!(first.wait_until_contains("notices", "stay saved until you choose").contains("Keep the link's answers"), "{url}: asked again");
        first.click("bring-back");
        assert_eq!(first.exec("return location.hash", vec![]), json!(""), "{url}: answered, the link leaves the address bar");
        assert_eq!(first.wait_until_contains("script", "Test-CsMcxPushNotification"), script, "{url}: earlier answers are back");
    }
    // Keeping the link's answers saves them.
    first.goto(&format!("{}#edge=none", site()));
    first.wait_ready();
    first.click("keep-link");
    first.wait_for("the link's answers saved", || (saved_edge(&first) == "none").then_some(()));
    assert_eq!(first.content("notices"), "", "the question is answered");

    // Invalid values show as errors and never reach a script.
    let third = driver.session(Options::default());
    open(&third, &format!("{}#edge=lync2015&clients=wp-lync2013,blackberry&access-edge=bad..name&theme=dark", site()));
    assert!(third.content("notices").contains("Edge Server: Replace \"lync2015\" with one of: lync2013"));
    assert!(third.content("notices").contains("Replace \"blackberry\""));
    assert!(third.content("notices").contains("does not ask for them: theme."), "a name it does not know is said, not silently dropped");
    third.find("share-link"); // the whole result is built
    let script = "const s = document.querySelector('[data-testid=script]'); return [s.offsetParent !== null, s.textContent]";
    assert_eq!(
        third.exec(script, vec![]),
        json!([false, ""]),
        "no script from invalid values; the verdict says: {}",
        third.content("verdict")
    );
}

/// A share link whose values and names carry markup: the page shows it as text, in the notice
/// and in the list of what is left, and runs none of it.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn a_share_link_carrying_markup_shows_it_as_text() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    let markup = "%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E";
    open(&session, &format!("{}#edge={markup}&clients=wp-lync2013,{markup}&{markup}=1&access-edge=a.contoso.com", site()));
    session.find("share-link");
    let notices = session.wait_until_contains("notices", "<img src=x onerror=\"window.pwned=1\">");
    assert!(notices.contains("does not ask for them: <img"), "the unknown name, as text: {notices}");
    assert!(notices.contains("Replace \"<img src=x"), "the unknown value, as text: {notices}");
    let found = session.exec("return [typeof window.pwned, document.querySelectorAll('img').length]", vec![]);
    assert_eq!(found, json!(["undefined", 0]), "no element was made from the link, nothing ran");
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
        session.wait_ready();
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
    for id in ["edge-lync2010", "next", "client-ios-lync2010", "next"] {
        session.click(id);
    }
    session.type_into("input-access-edge", "edge.fabrikam.com");
    session.wait_until_contains("script", "Test-CsMcxPushNotification -AccessEdgeFqdn 'edge.fabrikam.com'");
}

/// Storage taken away while the page is open (site data blocked from then on): the answers
/// keep working in memory, and the page says they are not saved; nothing panics.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn storage_taken_away_while_open_never_breaks_the_page() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    session.click("edge-lync2010");
    session.exec(
        "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError') } })",
        vec![],
    );
    for id in ["next", "client-ios-lync2010", "next"] {
        session.click(id);
    }
    session.type_into("input-access-edge", "edge.fabrikam.com");
    session.wait_until_contains("script", "Test-CsMcxPushNotification -AccessEdgeFqdn 'edge.fabrikam.com'");
    assert!(session.content("notices").contains("could not be saved"), "{}", session.content("notices"));
    let panics: Vec<String> = session.console().into_iter().filter(|line| line.contains("panicked")).collect();
    assert!(panics.is_empty(), "{panics:?}");
}

fn tab_to(session: &Session, test_id: &str) {
    for _ in 0..80 {
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
         const start = document.querySelector('script[data-wasm]');
         const lang = document.querySelector('script[src]');
         return {
           lang: document.documentElement.getAttribute('lang'),
           title: document.title,
           viewport: one('meta[name=viewport]', 'content'),
           description: one('meta[name=description]', 'content'),
           icon: one('link[rel=icon]', 'href'),
           start: start && [start.getAttribute('src'), start.dataset.js, start.dataset.wasm],
           redirect: lang && lang.getAttribute('src'),
           policy: one('meta[http-equiv=Content-Security-Policy]', 'content'),
           absolute: [...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src')).filter(u => u.startsWith('/')),
         };",
        vec![],
    );
    assert_eq!(found["lang"], json!("en"), "{found}");
    assert!(found["title"].as_str().is_some_and(|t| t.contains("Lync Server 2013")), "{found}");
    assert!(found["viewport"].as_str().is_some_and(|v| v.contains("width=device-width")), "{found}");
    assert!(found["description"].as_str().is_some_and(|d| d.len() > 50), "{found}");
    assert!(found["icon"].as_str().is_some_and(|u| u.starts_with("./")), "{found}");
    let start: Vec<&str> = found["start"].as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    assert!(start.len() == 3 && start[0] == "./start.js" && start[1..].iter().all(|u| u.starts_with("./")), "{found}");
    assert_eq!(found["redirect"], json!("./lang.js"), "the language redirect runs first, from a file");
    assert!(found["policy"].as_str().is_some_and(|p| p.contains("script-src 'self' 'wasm-unsafe-eval'")), "{found}");
    assert_eq!(found["absolute"], json!([]), "no absolute asset URLs");
}

/// What the first paint needs is asked for at once, and the wasm only after that paint: the
/// stylesheet before `lang.js` blocks the parser (the policy's meta tag stops the preload
/// scanner, so nothing after a blocking script is asked for until it has run), and the wasm and
/// its JavaScript not before the first contentful paint (Lighthouse counts into that paint every
/// request begun before it).
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn the_first_paint_waits_for_nothing_it_does_not_need() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    let found = session.exec(
        "const started = (end) => performance.getEntriesByType('resource').filter(r => r.name.endsWith(end)).map(r => r.startTime);
         return {
           paint: performance.getEntriesByName('first-contentful-paint').map(p => p.startTime),
           css: started('.css'), lang: started('/lang.js'), wasm: started('_bg.wasm'),
           glue: performance.getEntriesByType('resource').filter(r => /lync-push-wizard-[0-9a-f]+\\.js$/.test(r.name)).map(r => r.startTime),
         };",
        vec![],
    );
    let times = |key: &str| -> Vec<f64> { found[key].as_array().into_iter().flatten().filter_map(|v| v.as_f64()).collect() };
    let ([paint], [css], [lang], [wasm], [glue]) = (&times("paint")[..], &times("css")[..], &times("lang")[..], &times("wasm")[..], &times("glue")[..]) else {
        panic!("one first contentful paint, stylesheet, lang.js, wasm and glue each: {found}");
    };
    assert!(css <= lang, "the stylesheet is asked for before lang.js: {found}");
    assert!(wasm >= paint && glue >= paint, "the wasm and its JavaScript are asked for after the first contentful paint: {found}");
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
    session.click("language");
    session.wait_for("the Chinese page", || (session.exec("return document.documentElement.lang", vec![]) == json!("zh-TW")).then_some(()));
    session.wait_ready();
    session.wait_until_contains("result", "推播");
    let violations = |log: Vec<String>| -> Vec<String> { log.into_iter().filter(|m| m.contains("Content Security Policy")).collect() };
    assert_eq!(violations(session.console()), Vec::<String>::new(), "no violation while the wizard starts and works");

    assert!(!injected_inline_script_runs(&session), "an injected inline script does not run");
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

    // From the top, as a reader reaches it: WebDriver's own scrolling would put it under the
    // jump bar that stays at the top of the screen.
    session.exec("window.scrollTo(0, 0)", vec![]);
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
    fresh.click("open-script-summary");
    fresh.upload("script-file", &file);
    assert_eq!(fresh.wait_until_contains("script", "Test-CsMcxPushNotification"), script);
    assert!(fresh.content("script-notice").contains("restored from the script"), "said beside the box");
    assert!(!fresh.content("notices").contains("restored from the script"), "and only there");
    let _ = std::fs::remove_dir_all(&downloads);

    session.click("copy-script");
    // The clipboard answers asynchronously: until it does, the status still tells of the download.
    let status = session.wait_for("the copy status", || {
        Some(session.content("script-status")).filter(|s| s.contains("Copied") || s.contains("Ctrl+C"))
    });
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

/// The result in Traditional Chinese from a link with lang=zh-TW: the link opens the Chinese
/// page (zh-TW/index.html) before any English shows, and a reload keeps it; the script stays
/// English. Screenshots in both languages.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn traditional_chinese_from_a_link_and_kept() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    let answers = "edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com";
    open(&session, &format!("{}#{answers}&lang=zh-TW", site()));
    session.wait_until_contains("verdict", "設定推播通知");
    assert_eq!(session.exec("return document.documentElement.lang", vec![]), json!("zh-TW"));
    let path = session.exec("return location.pathname", vec![]);
    assert_eq!(path, json!(format!("{SUB_PATH}zh-TW/index.html")), "the Chinese page itself");
    assert!(session.content("question").contains("您的部署使用哪一種 Edge Server"));
    let masthead = session.exec("return document.querySelector('#masthead h1').textContent", vec![]);
    assert_eq!(masthead, json!("推播通知精靈"), "the masthead from index.html follows the language");
    let script = session.wait_until_contains("script", "Test-CsMcxPushNotification");
    let other = "return document.querySelector('[data-testid=language]').textContent";
    assert_eq!(session.exec(other, vec![]), json!("English"), "the link leads to the other language");
    assert!(script.starts_with("# Push notifications for Lync Server mobility"));
    session.screenshot(&shots().join("result-zh-TW.png"));
    session.refresh();
    session.wait_ready();
    session.wait_until_contains("verdict", "設定推播通知");
    let english = driver.session(Options::default());
    open(&english, &format!("{}#{answers}&lang=en", site()));
    english.wait_until_contains("verdict", "Configure push notifications");
    assert_eq!(english.wait_until_contains("script", "Test-CsMcxPushNotification"), script, "one script in both languages");
    assert_eq!(english.exec(other, vec![]), json!("繁體中文"));
    english.screenshot(&shots().join("result-en.png"));
}

/// Whether an element is on screen (present, not inside anything hidden).
fn shown(session: &Session, test_id: &str) -> bool {
    let script = "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0";
    session.exec(script, vec![json!(format!("[data-testid=\"{test_id}\"]"))]) == json!(true)
}

fn style_of(session: &Session, test_id: &str, property: &str) -> String {
    let script = "return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]";
    session.exec(script, vec![json!(format!("[data-testid=\"{test_id}\"]")), json!(property)]).as_str().unwrap_or_default().to_string()
}

/// Until every answer the wizard asks for is there and valid, the result gives no verdict: it
/// says, in the card's neutral colours, what is left, and offers no script, runbook or path.
fn assert_pending(session: &Session, left: &[&str], when: &str) {
    session.find("verdict");
    assert_eq!(session.exec("return document.querySelector('[data-testid=verdict]').dataset.verdict", vec![]), json!("pending"), "{when}");
    assert_eq!(session.content("verdict-headline"), "No verdict yet", "{when}");
    let card = session.content("verdict");
    for verdict in ["Configure push notifications", "No push notifications to configure", "not needed", "cannot be configured"] {
        assert!(!card.contains(verdict), "{when}: {verdict:?} in {card}");
    }
    // The card keeps the surface and border of any card: no green, blue, red or orange.
    assert_eq!(style_of(session, "verdict", "backgroundColor"), "rgb(255, 255, 255)", "{when}");
    assert_eq!(style_of(session, "verdict", "borderLeftColor"), "rgb(207, 214, 224)", "{when}");
    let listed: Vec<String> = session
        .exec("return [...document.querySelectorAll('[data-testid=problems] [data-field]')].map(b => b.textContent)", vec![])
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    assert_eq!(listed, left, "{when}: what is left");
    for action in ["copy-script", "download-script", "download-runbook", "print-runbook", "plan", "diagram"] {
        assert!(!shown(session, action), "{when}: {action} is offered before the answers are complete");
    }
}

/// Item 1: a cold visit and question 1 alone give no verdict; nor does an invalid Access Edge
/// FQDN; once every answer is valid, the verdict and the script appear, and follow changes.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn no_verdict_before_the_answers_are_complete() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    session.find("share-link"); // the whole result is built
    assert_pending(&session, &["Edge Server", "Mobile clients"], "a cold visit");
    session.click("edge-lync2013");
    session.wait_for("the Edge Server's problem to go", || (!session.content("problems").contains("Edge Server")).then_some(()));
    assert_pending(&session, &["Mobile clients"], "after question 1 alone");
    for id in ["next", "client-ios-lync2010", "client-wp-lync2013", "next"] {
        session.click(id);
    }
    assert_pending(&session, &["Internal Access Edge FQDN"], "before the Access Edge FQDN");
    session.type_into("input-access-edge", "access proxy");
    session.wait_until_contains("problems", "Access Edge FQDN: Remove the space.");
    assert_pending(&session, &["Internal Access Edge FQDN"], "with an invalid Access Edge FQDN");

    session.type_into("input-access-edge", "accessproxy.contoso.com");
    session.wait_until_contains("verdict-headline", "Configure push notifications (APNS and MPNS)");
    assert_eq!(session.exec("return document.querySelector('[data-testid=verdict]').dataset.verdict", vec![]), json!("configure"));
    assert_eq!(session.exec("return document.querySelector('[data-testid=verdict-headline]').getAttribute('role')", vec![]), json!("status"));
    assert_seed_script(&session.wait_until_contains("script", "Test-CsMcxPushNotification"));
    for action in ["copy-script", "download-script", "download-runbook", "plan", "diagram"] {
        assert!(shown(&session, action), "{action} once every answer is valid");
    }
    // The live update after that stays: another answer changes the verdict at once.
    session.click("progress-2");
    session.click("client-ios-lync2010");
    session.wait_until_contains("verdict-headline", "Not recommended: only Windows Phone clients");
    session.click("client-wp-lync2013");
    session.click("client-android");
    session.wait_until_contains("verdict-headline", "Push notifications are not needed");
    assert_eq!(style_of(&session, "verdict", "backgroundColor"), "rgb(228, 244, 234)", "the verdict's own colour");
}

/// Item 3: Next on a question without a valid answer stays there, focuses the field, shows the
/// problem, and its step in the progress list says it needs an answer; steps done are those
/// answered.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn next_on_an_invalid_answer_stays_and_focuses_the_field() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    let step_class = |n: usize| {
        let script = format!("return document.querySelector('[data-testid=progress-{n}]').parentElement.className.trim()");
        session.exec(&script, vec![]).as_str().unwrap_or_default().to_string()
    };
    let focus_on = |id: &str| session.wait_for(&format!("focus on {id}"), || (session.focused_test_id().as_deref() == Some(id)).then_some(()));

    session.click("next");
    focus_on("edge-lync2013");
    assert!(session.content("question").contains("Question 1 of 5"), "Next stays on question 1");
    assert_eq!(session.content("error-edge"), "Choose the one your deployment uses, or none.");
    assert_eq!(step_class(1), "current needs");
    assert!(session.content("progress-1").contains("needs an answer"));
    assert!(session.exec("return document.querySelector('[data-testid=progress-2]').disabled", vec![]) == json!(true));

    session.click("edge-lync2013");
    session.wait_for("the Edge Server's problem to go", || session.content("error-edge").is_empty().then_some(()));
    session.click("next");
    session.wait_until_contains("question", "Question 2 of 5");
    session.click("next");
    focus_on("client-ios-lync2010");
    assert!(session.content("question").contains("Question 2 of 5"), "Next stays on question 2");
    assert_eq!(session.content("error-clients"), "Tick at least one.");
    assert_eq!((step_class(1), step_class(2)), ("done".into(), "current needs".into()));
    assert!(session.content("progress-2").contains("needs an answer"));

    session.click("client-ios-lync2010");
    session.click("next");
    session.wait_until_contains("question", "Question 3 of 5");
    session.type_into("input-access-edge", "access proxy");
    session.click("next");
    focus_on("input-access-edge");
    assert!(session.content("question").contains("Question 3 of 5"), "Next stays on question 3");
    assert_eq!(session.content("error-access-edge"), "Remove the space.");
    let field = session.exec(
        "const i = document.querySelector('[data-testid=input-access-edge]'); return [i.getAttribute('aria-invalid'), i.getAttribute('aria-describedby')]",
        vec![],
    );
    assert_eq!(field, json!(["true", "access-edge-help access-edge-error"]));
    assert_eq!((step_class(2), step_class(3)), ("done".into(), "current needs".into()));
    session.screenshot(&shots().join("next-stays-on-an-invalid-answer.png"));

    // Going back and undoing an answer does not leave its step looking done.
    session.click("progress-2");
    session.click("client-ios-lync2010");
    session.wait_until_contains("problems", "Mobile clients");
    assert_eq!((step_class(1), step_class(2), step_class(3)), ("done".into(), "current needs".into(), "needs".into()));
}

/// The result's list of what is left takes the reader into the field itself.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn problem_links_focus_the_input() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, &format!("{}#edge=lync2013&clients=ios-lync2010&access-edge=https%3A%2F%2Fedge.contoso.com&existing-provider=_x", site()));
    session.wait_until_contains("problems", "Access Edge FQDN: Enter the host name only, without https://");
    let focus_on = |id: &str| session.wait_for(&format!("focus on {id}"), || (session.focused_test_id().as_deref() == Some(id)).then_some(()));
    session.click_selector("[data-testid=problems] [data-field=access-edge]");
    focus_on("input-access-edge");
    assert!(session.content("question").contains("Question 3 of 5"));
    session.click_selector("[data-testid=problems] [data-field=existing-provider]");
    focus_on("input-existing-provider");
    assert!(session.content("question").contains("Question 4 of 5"));
    assert_eq!(session.content("error-existing-provider"), "Start and end it with a letter or digit.");
    // A choice question: its first choice.
    session.click("reset");
    session.click("reset-confirm");
    session.click_selector("[data-testid=problems] [data-field=edge]");
    focus_on("edge-lync2013");
    // The list's bullets stand by the first line of their item, however it wraps.
    let aligned = session.exec(
        "const li = document.querySelector('[data-testid=problems] li'); const b = li.querySelector('button');
         return Math.abs(b.getBoundingClientRect().top - li.getBoundingClientRect().top) < 2",
        vec![],
    );
    assert_eq!(aligned, json!(true));
}

/// Enter in a text field acts as Next, through to the result.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn enter_in_a_text_field_acts_as_next() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    for id in ["edge-lync2013", "next", "client-ios-lync2010", "next"] {
        session.click(id);
    }
    session.type_into("input-access-edge", "accessproxy");
    session.press(ENTER);
    session.wait_until_contains("error-access-edge", "Add the domain");
    assert!(session.content("question").contains("Question 3 of 5"), "Enter on an invalid answer stays");
    assert_eq!(session.focused_test_id().as_deref(), Some("input-access-edge"));
    session.press(".contoso.com");
    session.press(ENTER);
    session.wait_until_contains("question", "Question 4 of 5");
    assert_eq!(session.focused_test_id().as_deref(), Some("question-heading"));
    session.click("existing-provider-yes");
    session.type_into("input-existing-provider", "Office365");
    session.press(ENTER);
    session.wait_until_contains("question", "Question 5 of 5");
    session.click("scope-yes");
    session.type_into("input-site", "Redmond");
    session.press(ENTER);
    session.wait_for("focus on the result", || (session.focused_test_id().as_deref() == Some("result-heading")).then_some(()));
    assert!(session.wait_until_contains("script", "$siteIdentity = 'site:Redmond'").contains("Office365"));
}

/// Item 4: no error on a cold visit or on arriving at a question; a field's problem shows once
/// it is left, in words that say what to do.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn errors_show_after_interaction_not_before() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    session.find("share-link");
    let no_errors = |when: &str| {
        let found = session.exec(
            "return { errors: [...document.querySelectorAll('.field-error')].map(e => e.textContent).join(''),
                      invalid: document.querySelectorAll('[aria-invalid=true]').length,
                      notices: document.querySelector('[data-testid=notices]').textContent }",
            vec![],
        );
        assert_eq!(found, json!({ "errors": "", "invalid": 0, "notices": "" }), "{when}");
    };
    no_errors("a cold visit");
    assert_ne!(style_of(&session, "verdict", "backgroundColor"), "rgb(255, 241, 220)", "no orange box");
    for id in ["edge-lync2013", "next", "client-ios-lync2010", "next"] {
        session.click(id);
    }
    session.wait_until_contains("question", "Question 3 of 5");
    no_errors("arriving at question 3");
    session.click("input-access-edge");
    session.press(TAB);
    assert_eq!(session.wait_until_contains("error-access-edge", "Enter"), "Enter the internal host name, e.g. accessproxy.contoso.com.");
    session.type_into("input-access-edge", "https://edge.contoso.com");
    assert_eq!(session.content("error-access-edge"), "Enter the host name only, without https://, a port or a path.");
    session.type_into("input-access-edge", "accessproxy.contoso.com");
    session.click("next");
    session.click("existing-provider-yes");
    assert_eq!(session.content("error-existing-provider"), "", "arriving at the provider's Identity");
    session.click("next");
    assert_eq!(session.wait_until_contains("error-existing-provider", "Enter"), "Enter it, e.g. Office365.");
    session.type_into("input-existing-provider", "Office365");
    session.click("next");
    session.click("scope-yes");
    assert_eq!(session.content("error-site"), "", "arriving at the site name");
}

/// Ticking a first client is not yet the answer: the verdict waits for Next on the clients
/// question, so it does not flip as the next box is ticked.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn no_verdict_while_the_clients_question_is_open() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, site());
    for id in ["edge-lync2013", "next", "client-ios-lync2013"] {
        session.click(id);
    }
    let verdict = || session.exec("return document.querySelector('[data-testid=verdict]').dataset.verdict", vec![]);
    assert_eq!(verdict(), json!("pending"), "one box ticked on an open question");
    assert!(session.content("problems").contains("then press Next"), "{}", session.content("problems"));
    session.click("next");
    session.wait_for("the verdict", || (verdict() == json!("not-needed")).then_some(()));
    assert!(session.content("question").contains("Question 3 of 5"), "Next moves on");
}

/// A session whose page is exactly `width`×`height` CSS px (the window's size includes room
/// for browser chrome), as a phone when narrow, opened at `url` with the whole result built.
fn page_of_size(driver: &Driver, width: u32, height: u32, url: &str) -> Session {
    let session = driver.session(Options { width, height, ..Options::default() });
    let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 });
    session.cdp("Emulation.setDeviceMetricsOverride", metrics);
    open(&session, url);
    session.find("share-link");
    session
}

/// An element's box on screen: [top, bottom, left, right], in CSS px from the viewport.
fn rect_of(session: &Session, selector: &str) -> [f64; 4] {
    let rect = session.exec(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]",
        vec![json!(selector)],
    );
    let number = |i: usize| rect[i].as_f64().unwrap_or_else(|| panic!("{selector}: {rect}"));
    [number(0), number(1), number(2), number(3)]
}

fn seed_link() -> String {
    format!("{}#edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com", site())
}

/// Printed, the page is the runbook in the runbook's order: what to have in place before the
/// script, and everything expanded, the undo script included. The browser's own Print menu
/// fires the same events as the Print button, so the test fires them.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn print_puts_the_prerequisites_first_and_includes_the_undo_script() {
    let driver = Driver::start();
    let session = page_of_size(&driver, 1280, 900, &seed_link());
    session.wait_until_contains("script", "Test-CsMcxPushNotification");
    assert_eq!(session.content("rollback"), "", "the undo script is made only when wanted");
    // A part the reader opened stays open after printing; the rest closes again.
    session.exec("document.querySelector('.troubles').open = true", vec![]);
    session.exec("window.dispatchEvent(new Event('beforeprint'))", vec![]);
    session.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let rollback = session.wait_until_contains("rollback", "Remove-CsHostingProvider");
    assert!(rollback.contains("Import-Clixml"), "the whole undo script");
    let closed = session.exec("return document.querySelectorAll('details:not([open])').length", vec![]);
    assert_eq!(closed, json!(0), "every part is open on paper");
    let visible = |selector: &str| {
        session.exec(
            "return [...document.querySelectorAll(arguments[0])].every(e => e.offsetParent !== null && e.getBoundingClientRect().height > 0)",
            vec![json!(selector)],
        )
    };
    for selector in ["[data-testid=before] li", "[data-testid=rollback]", ".troubles dl", "[data-testid=tests] pre"] {
        assert_eq!(visible(selector), json!(true), "{selector} is printed");
    }
    let top = |selector: &str| rect_of(&session, selector)[0];
    assert!(top("[data-testid=verdict]") < top("[data-testid=before]"), "the verdict, then what to have in place");
    assert!(top("[data-testid=before]") < top("[data-testid=plan]"), "before the plan");
    assert!(top("[data-testid=plan]") < top("[data-testid=script]"), "the plan before the script");
    assert!(top("[data-testid=script]") < top("[data-testid=rollback]"), "the undo script after it");
    let style = "return [getComputedStyle(document.querySelector('[data-testid=script]')).maxHeight, getComputedStyle(document.querySelector('[data-testid=jump-bar]')).display]";
    assert_eq!(session.exec(style, vec![]), json!(["none", "none"]), "the whole script, no jump links on paper");
    // Afterwards, the page is as it was.
    session.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }));
    session.exec("window.dispatchEvent(new Event('afterprint'))", vec![]);
    session.wait_for("the parts printing opened to close", || {
        let open = session.exec("return [...document.querySelectorAll('details')].filter(d => d.open).length", vec![]);
        (open == json!(1)).then_some(())
    });
    assert_eq!(session.exec("return document.querySelector('.troubles').open", vec![]), json!(true), "the reader's part stays open");
}

/// The script scrolls in a box of its own, with Copy and Download in view above it; long lines
/// wrap on a phone and, when asked, on a desktop.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn the_script_is_readable_on_screen() {
    let driver = Driver::start();
    for (width, height, wraps) in [(1280, 900, false), (390, 844, true)] {
        let session = page_of_size(&driver, width, height, &seed_link());
        session.click("jump-script");
        session.wait_for("the script's heading at the top", || (rect_of(&session, "#script-heading")[0] < 200.0).then_some(()));
        let [box_top, box_bottom, ..] = rect_of(&session, "[data-testid=script]");
        let [copy_top, copy_bottom, ..] = rect_of(&session, "[data-testid=copy-script]");
        let [download_top, ..] = rect_of(&session, "[data-testid=download-script]");
        assert!(copy_top >= 0.0 && copy_bottom <= f64::from(height) && download_top >= 0.0, "{width}: the actions are in view");
        assert!(box_top < f64::from(height) && box_bottom <= f64::from(height) + 1.0, "{width}: the whole box is in view: {box_top}..{box_bottom}");
        let sizes = "const s = document.querySelector('[data-testid=script]'); return [s.scrollHeight > s.clientHeight, s.scrollWidth > s.clientWidth]";
        assert_eq!(session.exec(sizes, vec![]), json!([true, !wraps]), "{width}: scrolls in its own box; cut lines only without wrapping");
        assert_eq!(session.is_checked("wrap-script"), wraps, "{width}: wrapping is on by default only where lines do not fit");
        session.click("wrap-script");
        assert_eq!(session.exec(sizes, vec![]), json!([true, wraps]), "{width}: the switch turns wrapping {}", if wraps { "off" } else { "on" });
        let page_width = session.exec("return document.documentElement.scrollWidth", vec![]);
        assert!(page_width.as_f64().unwrap() <= f64::from(width), "{width}: the page does not scroll sideways ({page_width})");
    }
}

/// Jump links take the reader to each part, below the bar that stays in view; the questions
/// stay beside the result on a desktop, and Edit takes a phone back to them. Where and who are
/// said once per group of steps.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn jump_links_and_the_questions_stay_in_view() {
    let driver = Driver::start();
    let session = page_of_size(&driver, 1280, 900, &seed_link());
    let steps = session.exec("return document.querySelectorAll('[data-testid=plan] li').length", vec![]);
    let groups = session.exec("return document.querySelectorAll('[data-testid=plan] .where-who').length", vec![]);
    assert!(groups.as_u64().unwrap() < steps.as_u64().unwrap(), "{groups} groups for {steps} steps");
    for (jump, heading) in [("jump-tests", "#tests-heading"), ("jump-plan", "#plan-heading"), ("jump-undo", "#undo-heading"), ("jump-script", "#script-heading")] {
        session.click(jump);
        session.wait_for(jump, || {
            let focused = session.exec("return document.activeElement.id", vec![]);
            (format!("#{}", focused.as_str().unwrap_or_default()) == heading).then_some(())
        });
        let [bar_top, bar_bottom, ..] = rect_of(&session, "[data-testid=jump-bar]");
        let [top, bottom, ..] = rect_of(&session, heading);
        assert!(bar_top.abs() < 1.0, "{jump}: the bar stays at the top ({bar_top})");
        assert!(top >= bar_bottom - 1.0 && bottom <= 900.0, "{jump}: {heading} shows below the bar ({top} vs {bar_bottom})");
        let [wizard_top, .., ] = rect_of(&session, ".wizard");
        let [next_top, next_bottom, ..] = rect_of(&session, "[data-testid=next]");
        assert!(wizard_top >= 0.0 && next_top >= 0.0 && next_bottom <= 900.0, "{jump}: the questions stay in view, Next included");
    }
    assert_eq!(session.exec("return document.querySelector('details.undo').open", vec![]), json!(true), "Undo opens its part");
    assert_eq!(session.exec("return document.querySelector('[data-testid=edit-answers]').offsetParent", vec![]), json!(null), "no Edit beside the questions");

    let phone = page_of_size(&driver, 390, 844, &seed_link());
    phone.click("jump-tests");
    phone.wait_for("the tests at the top", || (rect_of(&phone, "#tests-heading")[0] < 200.0).then_some(()));
    assert!(rect_of(&phone, "[data-testid=jump-bar]")[0].abs() < 1.0, "the bar stays at the top of a phone");
    let bar_height = rect_of(&phone, "[data-testid=jump-bar]");
    assert!(bar_height[1] - bar_height[0] < 50.0, "one row on a phone: {bar_height:?}");
    phone.click("edit-answers");
    phone.wait_for("the questions", || (phone.focused_test_id().as_deref() == Some("question-heading")).then_some(()));
    let [top, ..] = rect_of(&phone, "#question-heading");
    assert!((0.0..844.0).contains(&top), "Edit brings the question into view ({top})");
}

/// Feedback shows where the eye is: "Go to the result" marks the verdict; a pasted script's
/// answers are reported beside the box; a first visit shows no Reset or paste box beside the
/// first question.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn feedback_shows_where_the_eye_is() {
    let driver = Driver::start();
    let session = page_of_size(&driver, 1280, 900, site());
    let shown = |session: &Session, id: &str| {
        // checkVisibility: the content of a closed <details> keeps its layout box.
        session.exec("return document.querySelector(arguments[0]).checkVisibility()", vec![json!(format!("[data-testid={id}]"))])
    };
    assert_eq!(shown(&session, "reset"), json!(false), "nothing to reset on a first visit");
    assert_eq!(shown(&session, "copy-link"), json!(false), "nothing to share yet");
    assert_eq!(shown(&session, "pasted-script"), json!(false), "the paste box is closed");
    assert_eq!(shown(&session, "open-script-summary"), json!(true), "but offered");
    session.click("edge-lync2013");
    assert_eq!(shown(&session, "reset"), json!(true), "with an answer, Reset is there");

    let session = page_of_size(&driver, 1280, 900, &seed_link());
    for _ in 0..4 {
        session.click("next");
    }
    session.click("to-result");
    session.wait_for("the result focused", || (session.focused_test_id().as_deref() == Some("result-heading")).then_some(()));
    let marked = session.exec("return document.querySelector('[data-testid=verdict]').classList.contains('flash')", vec![]);
    assert_eq!(marked, json!(true), "the verdict is marked");
    let [top, bottom, ..] = rect_of(&session, "[data-testid=verdict]");
    assert!((0.0..900.0).contains(&top) && bottom > 0.0, "and in view");

    // A script pasted: its answers come back, and the box says so right below itself.
    let script = session.content("script");
    let other = page_of_size(&driver, 1280, 900, &format!("{}#edge=none", site()));
    other.click("open-script-summary");
    other.exec(
        "const box = document.querySelector('[data-testid=pasted-script]'); box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }))",
        vec![json!(script)],
    );
    let said = other.wait_until_contains("script-notice", "restored from the script");
    assert!(said.contains("Bring back my earlier answers"), "{said}");
    // Brought into view by `browser::reveal`, which aligns its bottom with the screen's: with
    // fractional layout that can leave a fraction of a pixel below it.
    let [_, box_bottom, ..] = rect_of(&other, "[data-testid=pasted-script]");
    let [notice_top, notice_bottom, ..] = rect_of(&other, "[data-testid=script-notice]");
    assert!(notice_top >= box_bottom && notice_top - box_bottom < 150.0 && notice_bottom < 901.0, "next to the box, in view ({box_bottom} → {notice_top}, bottom {notice_bottom})");
    other.click("bring-back");
    other.wait_until_contains("problems", "Mobile clients");
}

/// The page's height for the seed scenario at 1280 and 390 px, written for the review
/// (`target/e2e-screenshots/page-heights-<label>.txt`); asserts only that the result is shorter
/// than a ceiling, so it stays a page and not a scroll.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn page_heights_for_the_seed_scenario() {
    let label = std::env::var("E2E_SHOTS_LABEL").unwrap_or_else(|_| "after".into());
    let driver = Driver::start();
    let mut report = String::new();
    // 390 px: 9,500 until the plan gained its hybrid-later note, the external-FQDN entry and the
    // federation and policy lines (9,801 px measured); the ceiling moved to 10,000.
    for (width, height, ceiling) in [(1280, 900, 6000), (390, 844, 10_000)] {
        let session = page_of_size(&driver, width, height, &seed_link());
        session.wait_until_contains("script", "Test-CsMcxPushNotification");
        let measured = session.exec("return [document.documentElement.scrollHeight, document.documentElement.scrollWidth]", vec![]);
        report.push_str(&format!("{width}x{height}: height {} px, width {} px\n", measured[0], measured[1]));
        if label == "after" {
            assert!(measured[0].as_u64().unwrap() < ceiling, "{width}: {measured}");
        }
    }
    std::fs::write(shots().join(format!("page-heights-{label}.txt")), report).unwrap();
}

/// A screenshot for review under `target/e2e-screenshots/`, with the element `selector` finds
/// (if the build has it) scrolled to the top, so a phone shows the part the shot is about.
fn review_shot(session: &Session, file: &str, selector: &str) {
    let scroll = "const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'start'})";
    session.exec(scroll, vec![json!(selector)]);
    session.exec_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))", vec![]);
    session.screenshot(&shots().join(file));
}

/// Screenshots of the result page for review: print order (item 2), the script block (6), the
/// page scrolled down (7) and feedback (10), at desktop and phone sizes. The same steps run on
/// an older build, where parts that did not exist yet are skipped:
/// `E2E_DIST=<old dist> E2E_SHOTS_LABEL=before`. Asserts nothing.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn review_screenshots_of_the_result_page() {
    let label = std::env::var("E2E_SHOTS_LABEL").unwrap_or_else(|_| "after".into());
    let driver = Driver::start();
    for (size, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        let shot = |session: &Session, name: &str, selector: &str| review_shot(session, &format!("{label}-{name}-{size}.png"), selector);
        // Through the page, and only if the build has it.
        let click = |session: &Session, test_id: &str| {
            session.exec("const e = document.querySelector(arguments[0]); if (e) e.click()", vec![json!(format!("[data-testid=\"{test_id}\"]"))]);
        };
        let session = page_of_size(&driver, width, height, &seed_link());
        session.wait_until_contains("script", "Test-CsMcxPushNotification");
        // Item 6: the script on screen.
        shot(&session, "item6-script", "[data-testid=script]");
        // Item 7: far down the page, with what stays in view.
        shot(&session, "item7-scrolled-to-tests", "[data-testid=tests]");
        // Item 2: printed.
        session.exec("window.dispatchEvent(new Event('beforeprint'))", vec![]);
        session.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
        shot(&session, "item2-print-top", "#result-heading");
        shot(&session, "item2-print-undo", ".undo");
        session.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }));
        session.exec("window.dispatchEvent(new Event('afterprint'))", vec![]);
        // Item 10: "Go to the result" on the last question.
        session.exec("window.scrollTo(0, 0)", vec![]);
        for _ in 0..4 {
            click(&session, "next");
        }
        click(&session, "to-result");
        session.exec_async("setTimeout(arguments[0], 200)", vec![]);
        session.screenshot(&shots().join(format!("{label}-item10-go-to-the-result-{size}.png")));
        // A link opened over other saved answers.
        session.goto(&format!("{}#edge=none", site()));
        session.wait_ready();
        session.exec_async("setTimeout(arguments[0], 300)", vec![]);
        shot(&session, "item10-link-over-saved-answers", "body");
        // A script pasted into the box.
        let fresh = page_of_size(&driver, width, height, site());
        shot(&fresh, "item10-cold-visit", "[data-testid=result]");
        click(&fresh, "open-script-summary");
        let (seed_answers, _) = lync_push_wizard::core::share::from_fragment(seed_link().split('#').nth(1).unwrap_or_default());
        let seed_plan = lync_push_wizard::core::plan(&seed_answers).expect("the seed's plan");
        let seed_script = lync_push_wizard::core::render::powershell::script(&seed_plan);
        fresh.exec(
            "const box = document.querySelector('[data-testid=pasted-script]'); box.scrollIntoView({block: 'center'}); box.value = arguments[0]; box.dispatchEvent(new Event('input', { bubbles: true }))",
            vec![json!(seed_script)],
        );
        fresh.exec_async("setTimeout(arguments[0], 300)", vec![]);
        fresh.screenshot(&shots().join(format!("{label}-item10-pasted-script-{size}.png")));
    }
}

/// Screenshots of the words an administrator reads (item 5: the edge hints, the verdict, the
/// tests' Expect/If not, the footer) and of the zh-TW page (item 9), at desktop and phone sizes,
/// for review against an older build (`E2E_DIST`, `E2E_SHOTS_LABEL=before`). Asserts nothing.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn review_screenshots_of_words_and_zh_tw() {
    let label = std::env::var("E2E_SHOTS_LABEL").unwrap_or_else(|_| "after".into());
    let driver = Driver::start();
    for (size, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        for (item, lang) in [("item5", "en"), ("item9-zh-TW", "zh-TW")] {
            let session = page_of_size(&driver, width, height, &format!("{}&lang={lang}", seed_link()));
            session.wait_until_contains("script", "Test-CsMcxPushNotification");
            for (part, selector) in [("edge-hints", "[data-testid=question]"), ("verdict", "[data-testid=verdict]"), ("tests", "[data-testid=tests]"), ("footer", ".footer")] {
                review_shot(&session, &format!("{label}-{item}-{part}-{size}.png"), selector);
            }
        }
    }
}

/// A new user's walk: a Skype for Business Server 2015 Edge, the pool left as it is, the Skype
/// for Business apps ticked. The pool follows the Edge (said beside the question), the pair is
/// the one Microsoft's page names, and the verdict follows Microsoft's page: only the retired
/// MPNS would be served, so "not recommended"; with APNS for the iOS app chosen, configure.
/// Both languages, with screenshots.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn a_skype_for_business_2015_edge_with_the_pool_untouched() {
    let driver = Driver::start();
    for (lang, page, follows, not_recommended, configure) in [
        ("en", "", "assume Skype for Business Server 2015", "Not recommended", "Configure push notifications"),
        ("zh-TW", "zh-TW/", "步驟假設為 商務用 Skype Server 2015", "不建議", "設定推播通知"),
    ] {
        let session = driver.session(Options::default());
        open(&session, &format!("{}{page}#lang={lang}", site()));
        session.click("edge-sfb2015");
        let said = session.wait_for("the pool following the Edge", || {
            let text = session.exec("return document.getElementById('pool-follows').textContent", vec![]);
            text.as_str().filter(|t| t.contains(follows)).map(str::to_string)
        });
        let checked = session.exec("return document.querySelector('[data-testid=pool-sfb2015]').checked", vec![]);
        assert_eq!(checked, json!(true), "{lang}: {said}");
        session.screenshot(&shots().join(format!("sfb2015-edge-pool-untouched-question-{lang}.png")));
        session.click("next");
        for client in ["client-ios-sfb", "client-android-sfb", "client-wp-sfb"] {
            session.click(client);
        }
        session.click("next");
        session.type_into("input-access-edge", "accessproxy.contoso.com");
        let verdict = session.wait_until_contains("verdict-headline", not_recommended);
        assert!(!verdict.contains("Lync Server 2013"), "{lang}: the pool is not said to be Lync Server 2013: {verdict}");
        session.exec("document.querySelector('[data-testid=verdict]').scrollIntoView()", vec![]);
        session.screenshot(&shots().join(format!("sfb2015-edge-pool-untouched-verdict-{lang}.png")));
        session.click("progress-2");
        // Scrolled to the middle first: WebDriver's own scrolling leaves it under the sticky
        // Back and Next bar at the bottom of the screen.
        session.exec("const e = document.querySelector('[data-testid=apns-for-sfb-ios]'); e.scrollIntoView({ block: 'center' }); e.click()", vec![]);
        session.wait_until_contains("verdict-headline", configure);
        let script = session.wait_until_contains("script", "Skype for Business Server 2015 (sfb2015), assumed: not given");
        assert!(script.contains("-EnableApplePushNotificationService $True") && script.contains("-Identity \"SkypeOnline\""), "{lang}");
        session.exec("document.querySelector('[data-testid=verdict]').scrollIntoView()", vec![]);
        session.screenshot(&shots().join(format!("sfb2015-edge-pool-untouched-apns-chosen-{lang}.png")));
    }
}

/// Screenshots of the pending result, validation on Next and field errors, at desktop (1280×900)
/// and phone (390×844) sizes, for review. The same clicks run on any build, so an older `dist/`
/// can be shot for comparison: `E2E_DIST=<old dist> E2E_SHOTS_LABEL=before`. Asserts nothing.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn review_screenshots_of_pending_validation_and_errors() {
    let label = std::env::var("E2E_SHOTS_LABEL").unwrap_or_else(|_| "after".into());
    let driver = Driver::start();
    for (size, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        let shot = |session: &Session, name: &str, selector: &str| {
            review_shot(session, &format!("{label}-{name}-{size}.png"), selector);
            session.exec("window.scrollTo(0, 0)", vec![]);
        };
        // As a person does, but through the page: WebDriver's own click can land on the sticky
        // questions' edge at this height.
        let click = |session: &Session, test_id: &str| {
            session.find(test_id);
            session.exec("document.querySelector(arguments[0]).click()", vec![json!(format!("[data-testid=\"{test_id}\"]"))]);
        };
        let fresh = || {
            let session = driver.session(Options { width, height, ..Options::default() });
            // The window's size includes room for browser chrome: set the page's own.
            let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": size == "phone" });
            session.cdp("Emulation.setDeviceMetricsOverride", metrics);
            open(&session, site());
            session.find("share-link"); // the whole result is built
            session
        };
        // Item 1: the result before the answers are complete.
        let session = fresh();
        shot(&session, "item1-cold-visit", "[data-testid=verdict]");
        click(&session, "edge-lync2013");
        shot(&session, "item1-after-question-1", "[data-testid=verdict]");
        for id in ["next", "client-ios-lync2010", "client-wp-lync2013", "next"] {
            click(&session, id);
        }
        session.type_into("input-access-edge", "access proxy");
        session.press(TAB);
        shot(&session, "item1-invalid-fqdn", "[data-testid=verdict]");
        // Item 3: Next on unanswered or invalid questions.
        let session = fresh();
        click(&session, "next");
        shot(&session, "item3-next-without-edge", ".progress");
        let session = fresh();
        for id in ["edge-lync2013", "next", "next"] {
            click(&session, id);
        }
        shot(&session, "item3-next-without-clients", ".progress");
        let session = fresh();
        for id in ["edge-lync2013", "next", "client-ios-lync2010", "next"] {
            click(&session, id);
        }
        session.type_into("input-access-edge", "access proxy");
        click(&session, "next");
        shot(&session, "item3-next-invalid-fqdn", ".progress");
        // Item 4: errors on a cold visit and on arrival, then after leaving a field.
        let session = fresh();
        shot(&session, "item4-cold-visit", "[data-testid=question]");
        for id in ["edge-lync2013", "next", "client-ios-lync2010", "next"] {
            click(&session, id);
        }
        shot(&session, "item4-question-3-on-arrival", "[data-testid=question]");
        session.type_into("input-access-edge", "https://edge.contoso.com");
        session.press(TAB);
        shot(&session, "item4-left-the-field", "[data-testid=question]");
        // The list of problems: the card of its own in earlier builds, the verdict's card now.
        shot(&session, "item4-problem-list", "div.problems:not([hidden]), .verdict:has(ul.problems)");
    }
}

/// The golden scenarios (tests/golden.rs) as share links, and the Android-only case.
const GOLDEN_LINKS: [(&str, &str); 6] = [
    ("seed-lync2013", "edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com"),
    ("lync2010-mpns", "edge=lync2010&clients=wp-lync2010,wp-lync2013,android&access-edge=accessproxy.contoso.com&configure-retired-mpns=yes"),
    ("ocs2007r2", "edge=ocs2007r2&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com"),
    (
        "lync2013-hybrid-site",
        "edge=lync2013&clients=ios-lync2010,ios-lync2013&access-edge=accessproxy.contoso.com&existing-provider=Office365&site=Redmond",
    ),
    ("none-blocked", "edge=none&clients=wp-lync2013,nokia&access-edge=accessproxy.contoso.com"),
    ("not-needed", "edge=lync2013&clients=ios-lync2013,android,nokia&access-edge=accessproxy.contoso.com"),
];
const ANDROID_ONLY: &str = "edge=lync2013&clients=android&access-edge=accessproxy.contoso.com";

/// A session whose page (not only its window) is `width`×`height`, as a phone's when `phone`.
fn sized(driver: &Driver, width: u32, height: u32, phone: bool) -> Session {
    let session = driver.session(Options { width, height, ..Options::default() });
    let metrics = json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone });
    session.cdp("Emulation.setDeviceMetricsOverride", metrics);
    session
}

/// Opens a share link and waits for the whole result, with every undo and troubleshooting
/// section open and drawn, so their content is laid out too.
fn open_result_expanded(session: &Session, fragment: &str) {
    open(session, &format!("{}#{fragment}", site()));
    session.find("share-link");
    session.exec("document.querySelectorAll('details').forEach(d => { d.open = true; })", vec![]);
    session.wait_for("the undo script, if offered, to be drawn", || {
        let drawn = "const r = document.querySelector('[data-testid=rollback]'); return !r || r.getClientRects().length === 0 || r.textContent.includes('Remove-Cs') || r.textContent.includes('Set-Cs')";
        (session.exec(drawn, vec![]) == json!(true)).then_some(())
    });
    session.exec_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))", vec![]);
}

/// The page's width, and every element whose box reaches past the right edge of the window
/// without a scrolling box of its own around it to hold it.
fn sideways_overflow(session: &Session) -> (u64, Vec<String>) {
    let found = session.exec(
        "const limit = document.documentElement.clientWidth + 0.5;
         const held = e => { for (let a = e.parentElement; a; a = a.parentElement) {
             if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= limit; }
           return false; };
         const right = n => { if (n.nodeType === 1) return n.getClientRects().length ? n.getBoundingClientRect().right : 0;
             const r = document.createRange(); r.selectNodeContents(n); return r.getBoundingClientRect().right; };
         const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
         const out = [];
         for (let n = walk.nextNode(); n; n = walk.nextNode()) {
           const e = n.nodeType === 1 ? n : n.parentElement;
           if (right(n) > limit && !held(n.nodeType === 1 ? n : { parentElement: e }))
             out.push(`${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''} right=${Math.round(right(n))} ${(n.textContent || '').slice(0, 60)}`);
         }
         return [document.documentElement.scrollWidth, out]",
        vec![],
    );
    let width = found[0].as_u64().unwrap_or(u64::MAX);
    let out = found[1].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
    (width, out)
}

/// Item 8: on a 390 px phone, no golden scenario's result, with its undo script and
/// troubleshooting open, is wider than the screen.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn no_sideways_scrolling_at_390_px_in_any_golden_scenario() {
    let driver = Driver::start();
    let mut failures = Vec::new();
    // Every golden scenario, as its JSON document links it, in both languages: Chinese text
    // breaks lines differently.
    let mut golden: Vec<(String, String)> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden"))
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let document: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).ok()?).ok()?;
            Some((path.file_stem()?.to_str()?.to_string(), document["share-fragment"].as_str()?.to_string()))
        })
        .collect();
    golden.sort();
    assert!(golden.len() >= 10, "the golden scenarios: {golden:?}");
    for (name, fragment) in &golden {
        for lang in ["en", "zh-TW"] {
            let session = sized(&driver, 390, 844, true);
            open_result_expanded(&session, &format!("{fragment}&lang={lang}"));
            let (width, out) = sideways_overflow(&session);
            println!("{name} ({lang}): scrollWidth {width}");
            if width > 390 || !out.is_empty() {
                failures.push(format!("{name} ({lang}): scrollWidth {width}, sticking out: {out:#?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Each diagram text's rendered font size (its computed size times the drawing's scale) and
/// box height in CSS px, and the labels that do not fit inside their box.
fn diagram_text(session: &Session) -> (f64, f64, Vec<String>) {
    let found = session.exec(
        "const texts = [...document.querySelectorAll('svg.diagram text')].filter(t => t.getClientRects().length > 0);
         const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
         const heights = texts.map(t => t.getBoundingClientRect().height);
         const spill = texts.filter(t => { const r = t.parentNode.querySelector('rect'); const b = t.getBBox();
             return b.x + b.width > r.x.baseVal.value + r.width.baseVal.value; }).map(t => t.textContent);
         return [texts.length ? Math.min(...sizes) : 0, texts.length ? Math.min(...heights) : 0, spill]",
        vec![],
    );
    let spill = found[2].as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string)).collect();
    (found[0].as_f64().unwrap_or(0.0), found[1].as_f64().unwrap_or(0.0), spill)
}

/// Item 8: the diagram's text is at least 11 px high on a phone and on a desktop, every label
/// fits its box, every box is joined to the path, and the boxes' states follow the verdict.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn diagram_text_is_readable_on_a_phone_and_a_desktop() {
    let driver = Driver::start();
    let every_client = "edge=lync2010&clients=ios-lync2010,ios-lync2013,wp-lync2010,wp-lync2013,android,nokia&access-edge=a.contoso.com&lang=zh-TW";
    let cases = [("seed", GOLDEN_LINKS[0].1), ("android-only", ANDROID_ONLY), ("no-edge", GOLDEN_LINKS[4].1), ("every client, zh-TW", every_client)];
    for (size, width, height) in [("phone", 390, 844), ("desktop", 1280, 900)] {
        let session = sized(&driver, width, height, size == "phone");
        for (name, fragment) in cases {
            open(&session, &format!("{}#{fragment}", site()));
            session.find("share-link");
            let (font, box_height, spill) = diagram_text(&session);
            println!("{name} on a {size}: smallest text {font:.1} px, its box {box_height:.1} px high");
            assert!(font >= 11.0 && box_height >= 11.0, "{name} on a {size}: {font:.1} px text, {box_height:.1} px box");
            assert!(spill.is_empty(), "{name} on a {size}: labels wider than their box: {spill:?}");
            let joined = session.exec("const d = document.querySelector('svg.diagram'); return [d.querySelectorAll('.node').length, d.querySelectorAll('path.link').length]", vec![]);
            assert_eq!(joined[0].as_u64().unwrap() - 1, joined[1].as_u64().unwrap(), "{name}: every box but the first has its arrow");
            session.goto("about:blank");
        }
    }
    let session = sized(&driver, 1280, 900, false);
    open(&session, &format!("{}#{}", site(), GOLDEN_LINKS[4].1));
    let drawn = session.content("diagram");
    assert!(!drawn.contains("receives push"), "without an Edge Server no device receives push: {drawn}");
}

/// Screenshots of the diagram, code in prose, the progress list and the page width, at desktop
/// (1280×900) and phone (390×844) sizes, for review; like the screenshots above, on any build
/// (`E2E_DIST=<old dist> E2E_SHOTS_LABEL=before`). Asserts nothing.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn review_screenshots_of_the_phone_and_the_diagram() {
    let label = std::env::var("E2E_SHOTS_LABEL").unwrap_or_else(|_| "after".into());
    let driver = Driver::start();
    for (size, width, height) in [("desktop", 1280, 900), ("phone", 390, 844)] {
        let shot = |session: &Session, name: &str, selector: &str| {
            let scroll = "const e = document.querySelector(arguments[0]); if (e) { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -8); }";
            session.exec(scroll, vec![json!(selector)]);
            session.exec_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))", vec![]);
            session.screenshot(&shots().join(format!("{label}-item8-{name}-{size}.png")));
            session.exec("window.scrollTo(0, 0)", vec![]);
        };
        let session = sized(&driver, width, height, size == "phone");
        for (name, fragment) in [("seed", GOLDEN_LINKS[0].1), ("android-only", ANDROID_ONLY), ("no-edge", GOLDEN_LINKS[4].1)] {
            open(&session, &format!("{}#{fragment}", site()));
            session.find("share-link");
            shot(&session, &format!("diagram-{name}"), "[data-testid=diagram]");
            session.goto("about:blank");
        }
        open_result_expanded(&session, GOLDEN_LINKS[0].1);
        let (scroll_width, _) = sideways_overflow(&session);
        println!("{label} {size}: seed scrollWidth {scroll_width}");
        shot(&session, "tests", "[data-testid=tests]");
        let troubles = "document.querySelector('.troubles dl') && document.querySelector('.troubles dl').scrollIntoView({block: 'start'})";
        session.exec(troubles, vec![]);
        session.exec_async("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))", vec![]);
        session.screenshot(&shots().join(format!("{label}-item8-troubleshooting-{size}.png")));
        // The progress list with the current step and one that needs an answer.
        session.goto("about:blank");
        open(&session, &format!("{}#edge=lync2013&clients=ios-lync2010&access-edge=access%20proxy", site()));
        session.find("share-link");
        session.exec("document.querySelector('[data-testid=progress-4]').click()", vec![]);
        shot(&session, "progress", ".progress");
        session.exec("document.querySelector('[data-testid=progress-3]').click()", vec![]);
        shot(&session, "progress-needs", ".progress");
    }
}

/// Beside the result, the questions' column keeps its scrollbar's room: as the page streams in,
/// the column is short at first and overflows once the rest has come, and a scrollbar appearing
/// then narrowed it, wrapped the progress list onto another row and moved the question down
/// (a layout shift in the bench's throttled loads). Measured with the column overflowing, then
/// with its question pages hidden so that it does not.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn the_questions_stay_put_whether_or_not_their_column_overflows() {
    let driver = Driver::start();
    let session = page_of_size(&driver, 1280, 700, site());
    let measure = "const column = document.querySelector('.wizard');
        const style = getComputedStyle(column);
        return { overflows: column.scrollHeight > column.clientHeight, width: column.clientWidth,
                 gutter: column.offsetWidth - column.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth),
                 progress: document.getElementById('progress').offsetHeight,
                 question: document.querySelector('[data-testid=question]').getBoundingClientRect().top };";
    let full = session.exec(measure, vec![]);
    assert_eq!(full["overflows"], json!(true), "the first question overflows a 700 px high page: {full}");
    session.exec("document.querySelectorAll('.question-page').forEach(page => page.style.display = 'none')", vec![]);
    let short = session.exec(measure, vec![]);
    assert_eq!(short["overflows"], json!(false), "{short}");
    // Where scrollbars take no room (overlay scrollbars) the comparison below proves nothing.
    assert!(short["gutter"].as_f64().is_some_and(|gutter| gutter > 0.0), "room is kept for a scrollbar that is not there: {short}");
    for key in ["width", "progress", "question"] {
        assert_eq!(full[key], short[key], "{key} changed with the overflow: {full} then {short}");
    }
}

/// Item 8: on a phone the progress list is one row on every question, and each step keeps its
/// name, its place (aria-current) and whether it needs an answer for screen readers.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn progress_is_one_row_on_a_phone_and_keeps_its_names() {
    let driver = Driver::start();
    let session = sized(&driver, 390, 844, true);
    open(&session, &format!("{}#edge=lync2013&clients=ios-lync2010&access-edge=access%20proxy", site()));
    session.find("share-link");
    for step in 1..=5 {
        session.exec("document.querySelector(arguments[0]).click()", vec![json!(format!("[data-testid=progress-{step}]"))]);
        session.wait_until_contains("question", &format!("Question {step} of 5"));
        let rows = session.exec("return new Set([...document.querySelectorAll('.progress li')].map(l => Math.round(l.getBoundingClientRect().top))).size", vec![]);
        assert_eq!(rows, json!(1), "question {step}: the steps on one row");
        let current = session.exec("return document.querySelector('.progress [aria-current=step]').dataset.testid", vec![]);
        assert_eq!(current, json!(format!("progress-{step}")));
    }
    for (step, name) in [(1, "Edge Server"), (2, "Mobile clients"), (3, "Access Edge"), (4, "Hosting provider"), (5, "Scope")] {
        assert!(session.content(&format!("progress-{step}")).contains(name), "step {step} keeps its name");
    }
    assert!(session.content("progress-3").contains("needs an answer"), "the step with the invalid answer says so");
    assert_eq!(sideways_overflow(&session).0, 390);
}

/// The pre-rendered page answered while the wasm is held back on the network, then taken over:
/// the choices, the focus and the scroll position stay, the very same elements are kept (a mark
/// set on the question before the takeover is still on it after), nothing shifts (CLS 0), and
/// the answers given before count. Screenshots before and after the takeover.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn the_first_page_answered_before_the_wasm_arrives_is_kept() {
    let driver = Driver::start();
    // A phone: the page is taller than the screen, so the scroll position means something.
    let session = driver.session(Options { width: 390, height: 844, ..Options::default() });
    let held = server::hold_wasm();
    session.goto(site());
    session.find("question");
    let state = "return document.documentElement.dataset.wizard || 'not yet'";
    assert_eq!(session.exec(state, vec![]), json!("not yet"), "the wasm is held back");
    session.click("edge-lync2010");
    session.click("pool-lync2010");
    session.exec("window.scrollTo(0, 240); document.querySelector('[data-testid=question]').dataset.mark = 'before'", vec![]);
    session.screenshot(&shots().join("takeover-1-answered-before-the-wasm.png"));
    let before = session.exec("return [window.scrollY, document.activeElement.dataset.testid]", vec![]);
    assert_eq!(before[1], json!("pool-lync2010"));
    drop(held);
    session.wait_ready();
    let after = session.exec("return [window.scrollY, document.activeElement.dataset.testid]", vec![]);
    assert_eq!(after, before, "scroll position and focus kept");
    assert!(session.is_checked("edge-lync2010") && session.is_checked("pool-lync2010"), "the choices stay");
    let mark = session.exec("return document.querySelector('[data-testid=question]').dataset.mark || null", vec![]);
    assert_eq!(mark, json!("before"), "the same elements: nothing was built again");
    let shifts = session.exec_async(
        "const done = arguments[arguments.length - 1];
         // As CLS counts: a shift right after the reader's own input (a hint opening) is not one.
         new PerformanceObserver((list) => done(list.getEntries().filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0)))
           .observe({ type: 'layout-shift', buffered: true });
         setTimeout(() => done(0), 500);",
        vec![],
    );
    assert_eq!(shifts, json!(0), "no layout shift");
    session.screenshot(&shots().join("takeover-2-taken-over.png"));
    // The answers count: Next moves on (the Edge Server is answered), and the script says so.
    session.click("next");
    session.click("client-ios-lync2010");
    session.click("next");
    session.type_into("input-access-edge", "accessproxy.contoso.com");
    let script = session.wait_until_contains("script", "Test-CsMcxPushNotification");
    assert!(script.contains("#edge=lync2010&pool=lync2010&clients=ios-lync2010&access-edge=accessproxy.contoso.com"), "{script}");
    session.screenshot(&shots().join("takeover-3-script.png"));
}

/// With JavaScript off, the page still shows every question, each under its own label, and
/// says what is missing and where the command-line version is.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn with_javascript_off_the_questions_and_the_reason_show() {
    let driver = Driver::start();
    let session = driver.session(Options { javascript_off: true, ..Options::default() });
    session.goto(site());
    session.screenshot(&shots().join("javascript-off.png"));
    // The test reads the page through the driver; the page's own scripts never ran.
    assert_eq!(session.exec("return document.documentElement.dataset.wizard || null", vec![]), json!(null));
    let shown = "return [...document.querySelectorAll('.question-page')].filter(p => p.getClientRects().length > 0).length";
    assert_eq!(session.exec(shown, vec![]), json!(5), "every question page shows");
    assert!(shown_element(&session, "p.noscript"), "the no-script text is shown");
    let said = session.exec("return document.querySelector('p.noscript').textContent", vec![]);
    let said = said.as_str().unwrap_or_default();
    assert!(said.contains("JavaScript and WebAssembly") && said.contains("command-line version, lync-push-wizard"), "{said}");
    assert!(!shown_element(&session, "[data-testid=next]"), "no button that needs the wasm");
    let questions = "return [...document.querySelectorAll('.page-question')].filter(p => p.getClientRects().length > 0).length";
    assert_eq!(session.exec(questions, vec![]), json!(5), "each page under its own question");
    assert!(shown_element(&session, "#site") && shown_element(&session, "#existing-provider"), "the follow-up fields too");
    assert!(!shown_element(&session, "#result-placeholder"), "no result that seems to be waiting");
    assert!(!shown_element(&session, "[data-testid=from-disk]"), "the stylesheet loaded: no from-disk hint");
}

fn shown_element(session: &Session, selector: &str) -> bool {
    let script = "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0";
    session.exec(script, vec![json!(selector)]) == json!(true)
}

/// `zh-TW/` opened from a link, as a documentation page in Chinese would link it: the Chinese
/// page with the link's answers, its assets found one level up, and the link to English keeps
/// the language choice.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn the_chinese_folder_opened_from_a_link() {
    let driver = Driver::start();
    let session = driver.session(Options::default());
    open(&session, &format!("{}zh-TW/#edge=lync2010&clients=ios-lync2010&access-edge=accessproxy.contoso.com", site()));
    session.wait_until_contains("verdict", "設定推播通知");
    assert_eq!(session.exec("return document.documentElement.lang", vec![]), json!("zh-TW"));
    assert_eq!(session.exec("return document.title", vec![]), json!("Lync Server 2013 推播通知：設定精靈"));
    session.wait_until_contains("script", "Test-CsMcxPushNotification");
    session.screenshot(&shots().join("zh-TW-opened-from-a-link.png"));
    let english = session.exec("return document.querySelector('[data-testid=language]').href", vec![]);
    assert!(english.as_str().is_some_and(|href| href.ends_with(&format!("{SUB_PATH}index.html#lang=en"))), "{english}");
    session.click("language");
    session.wait_for("the English page", || (session.exec("return document.documentElement.lang", vec![]) == json!("en")).then_some(()));
    session.wait_ready();
    session.wait_until_contains("verdict", "Configure push notifications");
}

/// Before the wasm: Next is kept and said to be coming, a returning reader is told the saved
/// answers are loading; and when the wasm is refused (a proxy blocking WebAssembly), the page
/// says so and links the single file. Screenshots of each.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn before_the_wasm_next_waits_and_a_refused_wasm_is_reported() {
    let driver = Driver::start();
    let session = driver.session(Options { width: 1280, height: 900, ..Options::default() });
    let held = server::hold_wasm();
    session.goto(site());
    session.find("question");
    session.click("edge-lync2013");
    session.click("next");
    assert!(shown_element(&session, "#load-waiting"), "Next says the wizard is still loading");
    session.screenshot(&shots().join("before-wasm-next-waits.png"));
    drop(held);
    session.wait_ready();
    session.wait_for("the second question", || session.content("question").contains("Which mobile clients").then_some(()));
    assert!(!shown_element(&session, "#load-waiting"));
    // A returning reader: the saved answers are said to be loading, not shown as lost.
    let held = server::hold_wasm();
    session.goto(site());
    session.find("question");
    assert!(shown_element(&session, ".early-saved"), "the result says the saved answers are loading");
    session.screenshot(&shots().join("before-wasm-returning.png"));
    drop(held);
    session.wait_ready();
    assert!(!shown_element(&session, ".early-saved"));
    // The wasm refused: said at once, with the single file linked.
    let refused = server::refuse_wasm();
    session.goto(site());
    session.wait_for("the page to say the wizard has not started", || shown_element(&session, "#load-failed").then_some(()));
    let link = session.exec("return document.querySelector('#load-failed a').getAttribute('href')", vec![]);
    assert_eq!(link, json!("lync-push-wizard.html"));
    assert!(!shown_element(&session, ".early-saved"), "nothing says the answers are still loading");
    session.screenshot(&shots().join("wasm-refused.png"));
    drop(refused);
}
