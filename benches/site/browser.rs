//! The measurements made in headless Chromium over WebDriver: the first question's paint
//! (unthrottled and throttled), layout shifts, the heap, answer → script, and script after ready.

use std::time::Duration;

use serde_json::{json, Value};

use crate::webdriver::{Driver, Options, Session};
use crate::Site;

/// A slow phone on a slow network, as the budgets are stated: 150 ms round trip, 1.6 Mbit/s
/// down, 750 kbit/s up (CDP wants bytes per second), and the CPU four times slower.
const THROTTLE_LATENCY_MS: f64 = 150.0;
const THROTTLE_DOWN_BYTES_PER_S: f64 = 1_600_000.0 / 8.0;
const THROTTLE_UP_BYTES_PER_S: f64 = 750_000.0 / 8.0;
const THROTTLE_CPU_RATE: f64 = 4.0;

/// When a load counts as over, for its layout shifts and heap. A page that says when its wasm
/// is ready is given `Conditions::ready_wait_ms` to say so (a wizard that never does waits it
/// out) and then this long for what the take-over moves; a page that cannot say is left
/// `Conditions::settle_ms` after its first question.
const AFTER_READY_MS: u64 = 1_000;

/// When `elementtiming="first-question"` first painted, relative to navigation start.
const FIRST_QUESTION: &str = "
    const done = arguments[arguments.length - 1];
    new PerformanceObserver((list, observer) => {
        const entry = list.getEntries().find(e => e.identifier === 'first-question');
        if (entry) { observer.disconnect(); done(entry.renderTime || entry.loadTime); }
    }).observe({ type: 'element', buffered: true });
";

/// Waits up to `arguments[0]` ms for the `wizard-ready` mark or `data-wizard="ready"`, then
/// `arguments[1]` ms more; then the JS heap, and the load's cumulative layout shift from the
/// buffered `layout-shift` entries, as Chromium defines CLS (the largest session window: shifts
/// less than 1 s apart, at most 5 s long, none right after input).
const AFTER_LOAD: &str = "
    const [readyWait, then, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const cls = entries => {
        let largest = 0, current = 0, first = 0, last = 0;
        for (const e of entries.filter(e => !e.hadRecentInput).sort((a, b) => a.startTime - b.startTime)) {
            const same = current > 0 && e.startTime - last < 1000 && e.startTime - first < 5000;
            current = same ? current + e.value : e.value;
            if (!same) first = e.startTime;
            last = e.startTime;
            largest = Math.max(largest, current);
        }
        return largest;
    };
    const ready = () => performance.getEntriesByName('wizard-ready', 'mark').length > 0 || document.documentElement.dataset.wizard === 'ready';
    const collect = () => {
        const shifts = [];
        const observer = new PerformanceObserver(list => shifts.push(...list.getEntries()));
        observer.observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => {
            shifts.push(...observer.takeRecords());
            observer.disconnect();
            // What moved, for a CLS above 0 to be traced: each shifted element, when, from where to where.
            const node = n => n ? n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/ +/).join('.') : '') : 'a removed node';
            const rect = r => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
            const moved = shifts.filter(e => !e.hadRecentInput).flatMap(e => e.sources.map(s => `${Math.round(e.startTime)} ms: ${node(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`));
            done({ cls: cls(shifts), moved, ready: ready(), heap: performance.memory ? performance.memory.usedJSHeapSize : null });
        }, 100);
    };
    const started = performance.now();
    const poll = () => {
        if (ready() || performance.now() - started >= readyWait) { setTimeout(collect, then); return; }
        setTimeout(poll, 50);
    };
    poll();
";

/// Put into the page before its own scripts (CDP `Page.addScriptToEvaluateOnNewDocument`), as
/// nothing run after the load can tell when an attribute appeared: the times at which
/// `<html data-wizard="ready">` and the script for the given answers (its text contains
/// `NEEDLE`, so that a placeholder in the pre-rendered page does not count) appear in the DOM.
const RECORDER: &str = "
    (() => {
        const needle = NEEDLE;
        const seen = window.__benchSeen = { ready: null, script: null };
        const look = () => {
            const now = performance.now();
            if (seen.ready === null && document.documentElement && document.documentElement.dataset.wizard === 'ready') seen.ready = now;
            if (seen.script === null) {
                const script = document.querySelector('[data-testid=script]');
                if (script && script.textContent.includes(needle)) seen.script = now;
            }
            if (seen.ready !== null && seen.script !== null) observer.disconnect();
        };
        const observer = new MutationObserver(look);
        observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-wizard'] });
    })();
";

/// `RECORDER` looking for a script that contains `needle`.
fn recorder(needle: &str) -> String {
    RECORDER.replace("NEEDLE", &json!(needle).to_string())
}

/// Waits (at most `arguments[0]` ms) for the script's text, then up to `arguments[1]` ms more
/// for the wasm to say it is ready; the `wizard-ready` mark wins over the attribute.
const READY_AND_SCRIPT: &str = "
    const [scriptWait, readyWait, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const seen = window.__benchSeen;
    if (!seen) { done({ error: 'the recorder did not run' }); return; }
    const ready = () => {
        const mark = performance.getEntriesByName('wizard-ready', 'mark')[0];
        if (mark) return { at: mark.startTime, by: 'mark' };
        if (seen.ready !== null) return { at: seen.ready, by: 'attribute' };
        return null;
    };
    const started = performance.now();
    let scriptAt = null;
    const poll = () => {
        const now = performance.now();
        if (seen.script !== null && scriptAt === null) scriptAt = now;
        const r = ready();
        if (seen.script !== null && (r || now - scriptAt >= readyWait)) { done({ script: seen.script, ready: r }); return; }
        if (seen.script === null && now - started >= scriptWait) { done({ error: 'no script text', ready: r }); return; }
        setTimeout(poll, 50);
    };
    poll();
";

/// Clicks an answer, then waits (MutationObserver) for the script's text to change, `count`
/// times; each time is `performance.now()` from just before the click to the change.
const UPDATES: &str = "
    const [selectors, count, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const script = document.querySelector('[data-testid=script]');
    const targets = selectors.map(s => document.querySelector(s));
    if (!script || targets.some(t => !t)) { done({ error: 'the script or an answer is not on the page' }); return; }
    const times = [];
    const next = () => {
        if (times.length === count) { done({ times }); return; }
        const before = script.textContent;
        let start = 0;
        const timer = setTimeout(() => { observer.disconnect(); done({ error: 'no script change after change ' + times.length }); }, 5000);
        const observer = new MutationObserver(() => {
            if (script.textContent === before) return;
            times.push(performance.now() - start);
            observer.disconnect();
            clearTimeout(timer);
            setTimeout(next, 0);
        });
        observer.observe(script, { childList: true, subtree: true, characterData: true });
        start = performance.now();
        targets[times.length % targets.length].click();
    };
    next();
";

fn fresh_session(driver: &Driver) -> Session {
    let session = driver.session(Options {
        width: 1280,
        height: 900,
        extra_args: vec!["--enable-precise-memory-info".into()],
        ..Options::default()
    });
    session.set_script_timeout(Duration::from_secs(120));
    session
}

/// A fresh session already slowed down: DevTools' network and CPU emulation stay on across
/// the navigations that follow, as Lighthouse's own throttling does.
fn throttled_session(driver: &Driver) -> Session {
    let session = fresh_session(driver);
    session.cdp("Network.enable", json!({}));
    session.cdp(
        "Network.emulateNetworkConditions",
        json!({
            "offline": false,
            "latency": THROTTLE_LATENCY_MS,
            "downloadThroughput": THROTTLE_DOWN_BYTES_PER_S,
            "uploadThroughput": THROTTLE_UP_BYTES_PER_S,
        }),
    );
    session.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": THROTTLE_CPU_RATE }));
    session
}

/// One site's samples, one per load.
#[derive(Clone, Default)]
pub struct LoadSamples {
    pub first_question_ms: Vec<f64>,
    pub cls: Vec<f64>,
    /// Per load, what shifted (see `AFTER_LOAD`); empty where nothing did.
    pub moved: Vec<Vec<String>>,
    pub heap_bytes: Vec<f64>,
}

/// The settings under which a set of loads runs.
#[derive(Clone, Copy)]
pub enum Conditions {
    Unthrottled,
    Throttled,
}

impl Conditions {
    fn session(self, driver: &Driver) -> Session {
        match self {
            Conditions::Unthrottled => fresh_session(driver),
            Conditions::Throttled => throttled_session(driver),
        }
    }

    /// How long a page that says when it is ready has to say so (see `AFTER_READY_MS`).
    fn ready_wait_ms(self) -> u64 {
        match self {
            Conditions::Unthrottled => 3_000,
            Conditions::Throttled => 8_000,
        }
    }

    /// How long after its first question a page that cannot say it is ready is left to settle.
    fn settle_ms(self) -> u64 {
        match self {
            Conditions::Unthrottled => 1_000,
            Conditions::Throttled => 3_000,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Conditions::Unthrottled => "loads",
            Conditions::Throttled => "throttled loads",
        }
    }
}

/// `loads` loads of each site, each in a new browser profile (nothing cached), interleaving the
/// sites so that all see the same machine noise, and starting each round with the next site so
/// that none is always the first after a pause.
pub fn measure_loads(driver: &Driver, sites: &[Site], servers: &[String], loads: usize, conditions: Conditions) -> Result<Vec<LoadSamples>, String> {
    let mut results = vec![LoadSamples::default(); sites.len()];
    for round in 0..loads {
        for index in (0..sites.len()).map(|i| (i + round) % sites.len()) {
            let load = one_load(driver, &sites[index], &servers[index], conditions)?;
            let samples = &mut results[index];
            samples.first_question_ms.push(load.first_question_ms);
            samples.cls.push(load.cls);
            samples.moved.push(load.moved);
            samples.heap_bytes.push(load.heap_bytes);
        }
        eprint!("\r{}: {}/{loads}", conditions.label(), round + 1);
    }
    eprintln!();
    Ok(results)
}

struct Load {
    first_question_ms: f64,
    cls: f64,
    moved: Vec<String>,
    heap_bytes: f64,
}

fn one_load(driver: &Driver, site: &Site, base: &str, conditions: Conditions) -> Result<Load, String> {
    let session = conditions.session(driver);
    session.goto(base);
    let first = session.exec_async(FIRST_QUESTION, vec![]);
    let first_question_ms = first.as_f64().ok_or(format!("{}: no first-question paint ({first})", site.name))?;
    let (ready_wait, then) = if site.has_ready { (conditions.ready_wait_ms(), AFTER_READY_MS) } else { (0, conditions.settle_ms()) };
    let after = session.exec_async(AFTER_LOAD, vec![json!(ready_wait), json!(then)]);
    Ok(Load {
        first_question_ms,
        cls: after["cls"].as_f64().unwrap_or(f64::NAN),
        moved: after["moved"].as_array().into_iter().flatten().filter_map(|m| m.as_str().map(str::to_string)).collect(),
        heap_bytes: after["heap"].as_f64().unwrap_or(f64::NAN),
    })
}

/// One throttled load of the wizard with its answers: when the wasm said it was ready (`None`
/// when it never did: the page has no `wizard-ready` mark and no `data-wizard="ready"`), how,
/// and when the script's text appeared.
pub struct ReadySample {
    pub ready_ms: Option<f64>,
    pub ready_by: Option<String>,
    pub script_ms: f64,
}

/// How long to wait for the script's text, and then for the ready signal, before giving up.
const SCRIPT_WAIT_MS: u64 = 60_000;
const READY_WAIT_MS: u64 = 3_000;

/// Opens the site with its answers (`site.fragment`), the recorder in place, and waits for the
/// script of those answers and then for the ready signal (see `READY_AND_SCRIPT`); its reply.
fn open_with_answers(session: &Session, site: &Site, base: &str) -> Result<Value, String> {
    session.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": recorder(site.script_contains) }));
    session.goto(&format!("{base}{}", site.fragment));
    let reply = session.exec_async(READY_AND_SCRIPT, vec![json!(SCRIPT_WAIT_MS), json!(READY_WAIT_MS)]);
    match reply["error"].as_str() {
        Some(error) => Err(format!("{}: opened with its answers: {error}", site.name)),
        None => Ok(reply),
    }
}

/// `loads` throttled loads of the wizard opened with all its answers (`site.fragment`).
pub fn measure_script_after_ready(driver: &Driver, site: &Site, base: &str, loads: usize) -> Result<Vec<ReadySample>, String> {
    let mut samples = Vec::new();
    for load in 0..loads {
        let session = throttled_session(driver);
        let reply = open_with_answers(&session, site, base)?;
        samples.push(ReadySample {
            ready_ms: reply["ready"]["at"].as_f64(),
            ready_by: reply["ready"]["by"].as_str().map(str::to_string),
            script_ms: reply["script"].as_f64().ok_or(format!("{}: no script time ({reply})", site.name))?,
        });
        eprint!("\rscript after ready: {}/{loads}", load + 1);
    }
    eprintln!();
    Ok(samples)
}

/// Answer → script times in one page: `count` clicks on the site's answers, once the wasm can
/// answer them. A pre-rendered question is on the page before that, so a page that says when it
/// is ready is waited for (or, if it never says so, for its script's text and `READY_WAIT_MS`).
pub fn measure_updates(driver: &Driver, site: &Site, base: &str, count: usize) -> Result<Vec<f64>, String> {
    let [first, second] = site.changes.ok_or(format!("{}: nothing to answer", site.name))?;
    let session = fresh_session(driver);
    if site.has_ready {
        open_with_answers(&session, site, base)?;
    } else {
        session.goto(&format!("{base}{}", site.fragment));
    }
    session.find("script");
    let reply = session.exec_async(UPDATES, vec![json!([first, second]), json!(count)]);
    if let Some(error) = reply["error"].as_str() {
        return Err(format!("{}: {error}", site.name));
    }
    let times: Vec<f64> = reply["times"].as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    if times.len() != count {
        return Err(format!("{}: {} of {count} changes timed", site.name, times.len()));
    }
    Ok(times)
}
