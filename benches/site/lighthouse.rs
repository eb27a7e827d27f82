//! Lighthouse 12.2.3 (`benches/lighthouse/node_modules`), one run at a time, each in its own
//! process group so that a Chromium it leaves behind is ended with it.

#[cfg(unix)]
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

pub const CATEGORIES: [&str; 4] = ["performance", "accessibility", "best-practices", "seo"];
pub const PRESETS: [&str; 2] = ["mobile", "desktop"];

fn binary(root: &Path) -> PathBuf {
    root.join("benches/lighthouse/node_modules/.bin/lighthouse")
}

/// Every run's four category scores (0–100) and the metrics behind performance, in run order:
/// the budget is on every run, not on a median. Lighthouse's whole report is kept beside
/// `out_stem` (`<out_stem>-<run>.json`).
pub fn runs(root: &Path, url: &str, preset: &str, count: usize, out_stem: &Path) -> Result<Value, String> {
    let mut runs = Vec::new();
    for run in 1..=count {
        let out = PathBuf::from(format!("{}-{run}.json", out_stem.display()));
        runs.push(one_run(root, url, preset, &out)?);
    }
    let perfect = runs.iter().all(|run| CATEGORIES.iter().all(|c| run[*c].as_f64() == Some(100.0)));
    Ok(json!({ "runs": runs, "every_run_100": perfect }))
}

fn one_run(root: &Path, url: &str, preset: &str, out: &Path) -> Result<Value, String> {
    let binary = binary(root);
    if !binary.is_file() {
        return Err(format!("{} is missing: ./dev bench installs it", binary.display()));
    }
    let mut command = Command::new(&binary);
    command
        .arg(url)
        .args(["--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo"])
        .arg(format!("--output-path={}", out.display()))
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run")
        .env("CHROME_PATH", std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    // Its own process group, ended afterwards: Lighthouse can leave Chromium running.
    #[cfg(unix)]
    command.process_group(0);
    if preset == "desktop" {
        command.arg("--preset=desktop");
    }
    let mut child = command.spawn().map_err(|e| format!("cannot run lighthouse: {e}"))?;
    let status = child.wait().map_err(|e| format!("lighthouse: {e}"))?;
    end_group(child.id());
    if !status.success() {
        return Err(format!("lighthouse {preset} on {url} failed ({status})"));
    }
    let text = std::fs::read_to_string(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let report: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(summarise(&report))
}

/// Ends what is left of the process group Lighthouse led (its Chromium can outlive it).
fn end_group(leader: u32) {
    let _ = Command::new("kill").args(["-TERM", "--", &format!("-{leader}")]).stderr(std::process::Stdio::null()).status();
}

fn summarise(report: &Value) -> Value {
    let score = |category: &str| report["categories"][category]["score"].as_f64().map(|s| (s * 100.0).round());
    let metric = |audit: &str| report["audits"][audit]["numericValue"].as_f64();
    json!({
        "performance": score("performance"),
        "accessibility": score("accessibility"),
        "best-practices": score("best-practices"),
        "seo": score("seo"),
        "first-contentful-paint_ms": metric("first-contentful-paint"),
        "largest-contentful-paint_ms": metric("largest-contentful-paint"),
        "total-blocking-time_ms": metric("total-blocking-time"),
        "speed-index_ms": metric("speed-index"),
        "cumulative-layout-shift": metric("cumulative-layout-shift"),
    })
}
