//! `./dev bench`: the release site measured side by side, in one run on this machine, with
//! - a static page (`benches/static-page`): one question in plain HTML and CSS, no script; the
//!   floor for the first question's paint, which the wizard pre-renders into its HTML;
//! - an empty Leptos app built with the same profile and tools (`benches/empty-app`): the floor
//!   for the size of any Leptos app;
//! - the wizard's own page without its scripts and policy (written from `dist/` at each run):
//!   what its first paint costs as plain HTML and CSS, so that the gap to the static page splits
//!   into what the page shows and what its start-up adds.
//!
//! It prints a table, writes it as JSON (`target/bench/report.json`) and prints PASS/FAIL against
//! the budgets below. Only the size ceiling fails the command: timings are too noisy on a shared
//! machine to gate on. `--size-only` measures just the bytes (no browser).
//!
//! The sites are served gzip-encoded from loopback, as a static host would serve them.
//!
//! When `benches/core-only` has been built (`./dev bench` builds it), the wizard's size is also
//! split into its parts: the empty app, the rules core alone (bytes no change to the UI can
//! remove) and what is left, the UI's own.

#[allow(dead_code)]
#[path = "../tests/e2e/server.rs"]
mod server;
#[allow(dead_code)]
#[path = "../tests/e2e/webdriver.rs"]
mod webdriver;

#[path = "site/browser.rs"]
mod browser;
#[path = "site/lighthouse.rs"]
mod lighthouse;
#[path = "site/size.rs"]
mod size;
#[path = "site/table.rs"]
mod table;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use serde_json::{json, Value};

use browser::{Conditions, LoadSamples, ReadySample};
use size::{FileSize, Staged};

/// Until the site shrinks, its first-visit gzip bytes may not grow past this many times the
/// empty app's (`./dev test` fails beyond it). A ratchet: lower it whenever the site shrinks;
/// raising it is a decision, not a fix. Raised once, from 5.37 to 5.48, for the run marks both
/// scripts print (the page renders the scripts, so their `$mark` and its calls are in its wasm);
/// the extra wasm-opt passes in index.html took back 1.35 KB of the 5.2 KB they cost.
const SIZE_CEILING_RATIO: f64 = 5.48;

/// The budgets the table is held to; only the size ceiling fails the command.
pub struct Budgets {
    pub size_ceiling_ratio: f64,
    /// The wizard's first question paints within this many times the static page's (medians).
    pub first_question_ratio: f64,
    /// Throttled (see `browser.rs`), the wizard's first question is painted, and usable as
    /// plain HTML, within this many ms (median).
    pub throttled_first_question_ms: f64,
    /// Throttled, the script appears at most this many ms after the wasm is ready (median).
    pub script_after_ready_ms: f64,
    pub update_median_ms: f64,
    pub update_p95_ms: f64,
}

const BUDGETS: Budgets = Budgets {
    size_ceiling_ratio: SIZE_CEILING_RATIO,
    first_question_ratio: 1.1,
    throttled_first_question_ms: 600.0,
    script_after_ready_ms: 1000.0,
    update_median_ms: 4.0,
    update_p95_ms: 16.0,
};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

pub struct Site {
    name: &'static str,
    dist: PathBuf,
    /// Opened for the update timing and script after ready: answers that already give a script.
    fragment: &'static str,
    /// Text that only the script for `fragment`'s answers contains (not a placeholder).
    script_contains: &'static str,
    /// Clicked in turn, each click changing the text of `[data-testid=script]`; `None` for a
    /// page with nothing to answer.
    changes: Option<[&'static str; 2]>,
    /// Whether the page says when its wasm is ready (`wizard-ready`), so that script after
    /// ready is measured.
    has_ready: bool,
    /// Whether Lighthouse runs on it (not on a page that is only a yardstick for another).
    lighthouse: bool,
}

impl Site {
    fn staged(&self) -> PathBuf {
        Path::new(ROOT).join("target/bench").join(self.name.replace(' ', "-"))
    }
}

/// The wizard first: the budgets compare it with the static page and the empty app.
fn sites() -> [Site; 4] {
    [
        Site {
            name: "wizard",
            dist: Path::new(ROOT).join("dist"),
            fragment: "#edge=lync2013&clients=ios-lync2010,wp-lync2010&access-edge=accessproxy.contoso.com",
            script_contains: "accessproxy.contoso.com",
            changes: Some(["[data-testid=edge-lync2010]", "[data-testid=edge-lync2013]"]),
            has_ready: true,
            lighthouse: true,
        },
        Site {
            name: "static page",
            dist: Path::new(ROOT).join("benches/static-page"),
            fragment: "",
            script_contains: "",
            changes: None,
            has_ready: false,
            lighthouse: true,
        },
        Site {
            name: "empty app",
            dist: Path::new(ROOT).join("benches/empty-app/dist"),
            fragment: "",
            script_contains: "",
            changes: Some(["input[type=checkbox]", "input[type=checkbox]"]),
            has_ready: false,
            lighthouse: true,
        },
        Site {
            name: "page alone",
            dist: Path::new(ROOT).join("target/bench/page-alone-source"),
            fragment: "",
            script_contains: "",
            changes: None,
            has_ready: false,
            lighthouse: false,
        },
    ]
}

struct Settings {
    size_only: bool,
    /// Loads per site, both unthrottled and throttled, and throttled loads for script after ready.
    loads: usize,
    changes: usize,
    lighthouse: bool,
    /// Lighthouse runs per site and preset; every one must score 100 in all four categories.
    lighthouse_runs: usize,
    out: PathBuf,
}

fn settings() -> Result<Settings, String> {
    let mut settings = Settings {
        size_only: false,
        loads: 11,
        changes: 200,
        lighthouse: true,
        lighthouse_runs: 5,
        out: Path::new(ROOT).join("target/bench/report.json"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next().and_then(|v| v.parse().ok()).filter(|&n| n > 0).ok_or(format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "--size-only" => settings.size_only = true,
            "--no-lighthouse" => settings.lighthouse = false,
            "--loads" => settings.loads = number("--loads")?,
            "--changes" => settings.changes = number("--changes")?,
            "--lighthouse-runs" => settings.lighthouse_runs = number("--lighthouse-runs")?,
            "--out" => settings.out = args.next().map(PathBuf::from).ok_or("--out needs a path")?,
            // cargo bench passes this to every bench target.
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?} (--size-only, --no-lighthouse, --loads N, --changes N, --lighthouse-runs N, --out PATH)")),
        }
    }
    Ok(settings)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(problem) => {
            eprintln!("bench: {problem}");
            ExitCode::from(2)
        }
    }
}

/// `Ok(false)`: measured, and the size ceiling failed.
fn run() -> Result<bool, String> {
    let settings = settings()?;
    let sites = sites();
    let mut report = report_head();
    write_page_alone(&sites[0].dist, &sites[3].dist)?;
    for site in &sites {
        if !site.dist.join("index.html").is_file() {
            return Err(format!("{} has no index.html: ./dev bench builds it", site.dist.display()));
        }
        let staged = size::stage(&site.dist, &site.staged())?;
        report["sites"][site.name] = size_entry(&staged);
    }
    report["size"] = size_parts(&report, &sites)?;
    if !settings.size_only {
        measure_in_browser(&mut report, &sites, &settings)?;
    }
    let size_ok = table::print(&report, &sites, &BUDGETS);
    write_report(&report, &settings.out)?;
    Ok(size_ok)
}

/// The wizard's pre-rendered page with no `<script>` and no policy meta tag (which also stops
/// Chromium's preload scanner), beside its stylesheets and icon: the same HTML and CSS, painted
/// with none of what starts the wizard.
fn write_page_alone(dist: &Path, into: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(into);
    std::fs::create_dir_all(into).map_err(|e| format!("{}: {e}", into.display()))?;
    let page = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("{}/index.html: {e}", dist.display()))?;
    let mut alone = size::without_elements(&page, "<script", "</script>");
    // The whole tag that names the policy, wherever the minifier put its attributes.
    let policy = alone.find("Content-Security-Policy").and_then(|at| Some((alone[..at].rfind('<')?, at + alone[at..].find('>')? + 1)));
    if let Some((from, to)) = policy {
        alone.replace_range(from..to, "");
    }
    if alone.contains("<script") || alone.contains("Content-Security-Policy") {
        return Err("the page alone still has a script or a policy: the build's markup changed".into());
    }
    std::fs::write(into.join("index.html"), alone).map_err(|e| format!("{}: {e}", into.display()))?;
    for entry in std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name().to_string_lossy().to_string();
        if name.ends_with(".css") || name.starts_with("favicon") {
            std::fs::copy(dist.join(&name), into.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(())
}

fn report_head() -> Value {
    let browser = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let browser_version = Command::new(&browser).arg("--version").output().ok().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    json!({
        "measured_with": { "browser": browser_version, "lighthouse": "12.2.3", "cpus": std::thread::available_parallelism().map(|n| n.get()).ok() },
        "budgets": {
            "gzip_ceiling_ratio": BUDGETS.size_ceiling_ratio,
            "first_question_ratio_to_static_page": BUDGETS.first_question_ratio,
            "throttled_first_question_ms": BUDGETS.throttled_first_question_ms,
            "script_after_ready_ms": BUDGETS.script_after_ready_ms,
            "cls": 0,
            "update_median_ms": BUDGETS.update_median_ms,
            "update_p95_ms": BUDGETS.update_p95_ms,
            "lighthouse": "100 in all four categories, every run, mobile and desktop",
        },
        "sites": {},
    })
}

fn file_list(files: &[FileSize]) -> Vec<Value> {
    files.iter().map(|f| json!({ "file": f.name, "raw": f.raw, "gzip": f.gzip })).collect()
}

/// A site's bytes: what a first visit downloads (summed) and, apart, the rest of its build.
fn size_entry(staged: &Staged) -> Value {
    json!({
        "files": file_list(&staged.first_visit),
        "other_files": file_list(&staged.other),
        "named_but_not_counted": staged.named_but_not_counted,
        "raw": size::total_raw(&staged.first_visit),
        "gzip": size::total_gzip(&staged.first_visit),
    })
}

/// The wizard's first-visit gzip bytes in parts: the empty app, the rules core alone and the
/// UI's own (the rest); its ratio to the empty app (the ceiling); the single-file page apart.
fn size_parts(report: &Value, sites: &[Site]) -> Result<Value, String> {
    let [ours, _, empty] = [sites[0].name, sites[1].name, sites[2].name];
    let total = report["sites"][ours]["gzip"].as_u64().unwrap_or(0);
    let empty_app = report["sites"][empty]["gzip"].as_u64().unwrap_or(0);
    let core = core_alone()?;
    let single = report["sites"][ours]["other_files"].as_array().into_iter().flatten().find(|f| f["file"] == size::SINGLE_FILE);
    Ok(json!({
        "total_gzip": total,
        "empty_app_gzip": empty_app,
        "core_alone_gzip": core.as_ref().map(|c| c.gzip),
        "core_alone_file": core.as_ref().map(|c| c.name.clone()),
        "ui_own_gzip": core.as_ref().map(|c| total as i64 - empty_app as i64 - c.gzip as i64),
        "ratio_to_empty_app": (empty_app > 0).then(|| total as f64 / empty_app as f64),
        "single_file_raw": single.map(|f| f["raw"].clone()),
        "single_file_gzip": single.map(|f| f["gzip"].clone()),
    }))
}

/// The rules core's wasm from `benches/core-only/dist`: the core and its texts with no UI,
/// under the wizard's profile and tools, as `./dev bench` last built it. `None` where it never
/// has been (a clean clone: `./dev test` does not build it). It carries its own allocator and
/// formatting, which the empty app has too, so the UI's own share errs low.
fn core_alone() -> Result<Option<FileSize>, String> {
    let dist = Path::new(ROOT).join("benches/core-only/dist");
    if !dist.join("index.html").is_file() {
        return Ok(None);
    }
    let staged = size::stage(&dist, &Path::new(ROOT).join("target/bench/core-only"))?;
    let wasm = staged.first_visit.into_iter().find(|f| f.name.ends_with(".wasm"));
    wasm.map(Some).ok_or_else(|| format!("{} has no .wasm", dist.display()))
}

fn measure_in_browser(report: &mut Value, sites: &[Site], settings: &Settings) -> Result<(), String> {
    let servers: Vec<String> = sites.iter().map(|site| server::serve(site.staged(), "/").base).collect();
    let driver = webdriver::Driver::start();
    let loads = browser::measure_loads(&driver, sites, &servers, settings.loads, Conditions::Unthrottled)?;
    let throttled = browser::measure_loads(&driver, sites, &servers, settings.loads, Conditions::Throttled)?;
    for ((site, plain), slow) in sites.iter().zip(&loads).zip(&throttled) {
        record_loads(&mut report["sites"][site.name], plain);
        record_loads(&mut report["sites"][site.name]["throttled"], slow);
    }
    for (site, base) in sites.iter().zip(&servers) {
        if site.has_ready {
            let samples = browser::measure_script_after_ready(&driver, site, base, settings.loads)?;
            report["sites"][site.name]["script_after_ready"] = script_after_ready(&samples);
        }
        if site.changes.is_some() {
            let times = browser::measure_updates(&driver, site, base, settings.changes)?;
            report["sites"][site.name]["answer_to_script_ms"] = summary(&times);
        }
    }
    drop(driver);
    if settings.lighthouse {
        for (site, base) in sites.iter().zip(&servers).filter(|(site, _)| site.lighthouse) {
            for preset in lighthouse::PRESETS {
                let stem = Path::new(ROOT).join(format!("target/bench/lighthouse-{}-{preset}", site.name.replace(' ', "-")));
                let mut entry = lighthouse::runs(Path::new(ROOT), base, preset, settings.lighthouse_runs, &stem)?;
                add_lighthouse_summary(&mut entry);
                report["sites"][site.name]["lighthouse"][preset] = entry;
            }
        }
    }
    Ok(())
}

fn record_loads(entry: &mut Value, samples: &LoadSamples) {
    entry["first_question_ms"] = summary(&samples.first_question_ms);
    entry["cls"] = summary(&samples.cls);
    entry["shifted"] = json!(samples.moved.iter().enumerate().filter(|(_, m)| !m.is_empty()).map(|(load, m)| json!({ "load": load + 1, "moved": m })).collect::<Vec<_>>());
    entry["js_heap_bytes"] = summary(&samples.heap_bytes);
}

/// Script after ready: b − a per load where the page said it was ready, else "n/a" and why
/// (before the wizard makes its `wizard-ready` mark, no number is invented).
fn script_after_ready(samples: &[ReadySample]) -> Value {
    let script: Vec<f64> = samples.iter().map(|s| s.script_ms).collect();
    let gaps: Vec<f64> = samples.iter().filter_map(|s| s.ready_ms.map(|ready| s.script_ms - ready)).collect();
    let ready: Vec<f64> = samples.iter().filter_map(|s| s.ready_ms).collect();
    let by: Vec<&str> = samples.iter().filter_map(|s| s.ready_by.as_deref()).collect();
    let gap = if gaps.len() == samples.len() {
        summary(&gaps)
    } else {
        let why = format!("the page said it was ready in {} of {} loads (no wizard-ready mark, no data-wizard=\"ready\")", gaps.len(), samples.len());
        json!({ "median": "n/a", "why": why, "values": gaps })
    };
    json!({ "script_after_ready_ms": gap, "ready_ms": summary(&ready), "ready_by": by, "script_ms": summary(&script) })
}

/// The numbers the budgets read from a preset's runs: CLS's worst and LCP's and TBT's medians.
fn add_lighthouse_summary(entry: &mut Value) {
    let values = |key: &str| -> Vec<f64> { entry["runs"].as_array().into_iter().flatten().filter_map(|r| r[key].as_f64()).collect() };
    let cls = values("cumulative-layout-shift");
    let lcp = summary(&values("largest-contentful-paint_ms"));
    let tbt = summary(&values("total-blocking-time_ms"));
    entry["cls_max"] = json!(cls.iter().copied().reduce(f64::max));
    entry["lcp_median_ms"] = lcp["median"].clone();
    entry["tbt_median_ms"] = tbt["median"].clone();
}

fn write_report(report: &Value, out: &Path) -> Result<(), String> {
    if let Some(folder) = out.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    std::fs::write(out, text + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    println!("\nwritten: {}", out.display());
    Ok(())
}

/// Median, nearest-rank p95 and maximum of the samples, with the samples themselves.
fn summary(samples: &[f64]) -> Value {
    let mut sorted: Vec<f64> = samples.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return json!({ "samples": samples.len() });
    }
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    let rank = ((0.95 * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    json!({ "median": median, "p95": sorted[rank - 1], "max": sorted[sorted.len() - 1], "samples": sorted.len(), "values": samples })
}
