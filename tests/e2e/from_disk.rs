//! The site opened from disk (`file://`), as administrators do on jump hosts without a web
//! server: the single file `dist/lync-push-wizard.html` runs the wizard with nothing fetched and
//! no Content-Security-Policy violation; `dist/index.html` says to open the single file instead.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::webdriver::{Driver, Options, Session};

fn dist() -> PathBuf {
    PathBuf::from(std::env::var("E2E_DIST").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/dist").into()))
}

/// `file:///…` for a file on disk, its path percent-encoded.
fn file_url(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut url = String::from("file://");
    for byte in path.to_str().expect("a UTF-8 path").bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(byte as char);
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// Records every `securitypolicyviolation` from the very start of each page load, before the
/// page's own scripts run, into `window.violations`.
fn listen_for_violations(session: &Session) {
    let source = "window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));";
    session.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": source }));
}

fn violations(session: &Session) -> Vec<String> {
    let recorded = session.exec("return window.violations || []", vec![]);
    recorded.as_array().into_iter().flatten().map(|v| v.as_str().unwrap_or_default().to_string()).collect()
}

fn visible(session: &Session, test_id: &str) -> bool {
    let script = "const e = document.querySelector(arguments[0]); return !!e && e.checkVisibility({ visibilityProperty: true, opacityProperty: true })";
    session.exec(script, vec![json!(format!("[data-testid=\"{test_id}\"]"))]) == json!(true)
}

/// The single file from disk: the wizard takes over and writes the script; nothing is fetched and
/// the strict policy (inline texts by hash only) reports no violation, yet refuses injected script.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn single_file_from_disk_runs_the_wizard_under_its_policy() {
    let file = dist().join("lync-push-wizard.html");
    assert!(file.is_file(), "{} is missing: the release build's post-build step writes it (./dev test)", file.display());
    let driver = Driver::start();
    let session = driver.session(Options::default());
    listen_for_violations(&session);
    session.goto(&file_url(&file));
    session.wait_ready();
    let dir = super::shots();
    session.screenshot(&dir.join("from-disk-single-file-start.png"));

    let policy = session.exec("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content", vec![]);
    let policy = policy.as_str().expect("a CSP meta tag");
    assert!(policy.contains("default-src 'none'") && policy.contains("'wasm-unsafe-eval'") && policy.contains("'sha256-"), "{policy}");
    assert!(!policy.contains("'unsafe-inline'") && !policy.contains("'unsafe-eval'") && !policy.contains("'self'"), "{policy}");
    assert!(!visible(&session, "from-disk"), "the single file does not tell the reader to open itself");

    for id in ["edge-lync2013", "next", "client-ios-lync2010", "client-wp-lync2013", "next"] {
        session.click(id);
    }
    session.type_into("input-access-edge", "accessproxy.contoso.com");
    let script = session.wait_until_contains("script", "Test-CsMcxPushNotification");
    assert!(script.contains("Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'"), "{script}");
    session.screenshot(&dir.join("from-disk-single-file-script.png"));

    // From disk too, the answers are kept in this browser and the script downloads.
    session.refresh();
    session.wait_ready();
    assert_eq!(session.wait_until_contains("script", "Test-CsMcxPushNotification"), script, "the same script after a reload");
    let downloads = std::env::temp_dir().join(format!("lync-push-from-disk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    session.cdp("Browser.setDownloadBehavior", json!({ "behavior": "allow", "downloadPath": downloads.display().to_string() }));
    session.click("download-script");
    let saved = downloads.join("Enable-LyncPushNotifications.ps1");
    let bytes = session.wait_for("the downloaded .ps1", || {
        std::fs::read(&saved).ok().filter(|b| !b.is_empty() && !downloads.join("Enable-LyncPushNotifications.ps1.crdownload").exists())
    });
    assert!(String::from_utf8_lossy(&bytes).contains("Test-CsMcxPushNotification"), "the downloaded script");
    let _ = std::fs::remove_dir_all(&downloads);

    // Nothing came from another file: the page, its style, scripts, wasm and icon are one file.
    let fetched = session.exec("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('data:'))", vec![]);
    assert_eq!(fetched, json!([]), "resources fetched");
    assert_eq!(violations(&session), Vec::<String>::new(), "securitypolicyviolation events");
    let console: Vec<String> = session.console().into_iter().filter(|m| m.contains("Content Security Policy") || m.contains("Refused")).collect();
    assert_eq!(console, Vec::<String>::new(), "CSP messages in the console");

    // The policy is still strict: an injected inline script does not run, and is reported.
    assert!(!super::injected_inline_script_runs(&session), "an injected inline script does not run");
    let refused = violations(&session);
    assert!(refused.len() == 1 && refused[0].starts_with("script-src"), "{refused:?}");
}

/// `dist/index.html` from disk cannot start the wizard (Chromium refuses module scripts from
/// `file://`); it says in plain words to open the single file instead.
#[test]
#[ignore = "needs the release site and Chromium: ./dev test"]
fn index_from_disk_says_to_open_the_single_file() {
    let file = dist().join("index.html");
    assert!(file.is_file(), "{} has no release build: run ./dev test", file.display());
    let driver = Driver::start();
    let session = driver.session(Options::default());
    session.goto(&file_url(&file));
    session.wait_for("the from-disk notice to be visible", || visible(&session, "from-disk").then_some(()));
    let notice = session.content("from-disk");
    assert!(notice.contains("lync-push-wizard.html"), "the notice names the single file: {notice:?}");
    session.screenshot(&super::shots().join("from-disk-index-notice.png"));
}
