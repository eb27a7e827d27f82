//! The printed comparison: the sites side by side, then each budget with PASS, FAIL or n/a.

use serde_json::Value;

use crate::lighthouse::{CATEGORIES, PRESETS};
use crate::{Budgets, Site};

const LABEL: usize = 40;
const COLUMN: usize = 17;

/// A JSON value by path (`&["a", "b"]` is `value["a"]["b"]`).
fn at<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
    path.iter().fold(value, |v, key| &v[*key])
}

fn number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) if v.abs() < 0.01 => format!("{v:.4}"),
        Some(v) if v.abs() < 10.0 => format!("{v:.2}"),
        Some(v) => format!("{v:.1}"),
        None => "–".into(),
    }
}

/// One line: a label and one cell per site; skipped when no site has a value (not measured in
/// this run: `--size-only`, `--no-lighthouse`).
fn line(label: &str, cells: &[String]) {
    if cells.iter().all(|c| c == "–" || c.is_empty()) {
        return;
    }
    let cells: String = cells.iter().map(|c| format!(" {c:>COLUMN$}")).collect();
    println!("{label:<LABEL$}{cells}");
}

/// A row of numbers found at the same path in each site's report.
fn row(report: &Value, sites: &[Site], label: &str, path: &[&str]) {
    let cells: Vec<String> = sites.iter().map(|s| number(at(&report["sites"][s.name], path).as_f64())).collect();
    line(label, &cells);
}

/// Prints the table and the budgets; true when the size ceiling holds (the one budget that
/// fails the command: timings are too noisy on a shared machine to gate on).
pub fn print(report: &Value, sites: &[Site], budgets: &Budgets) -> bool {
    print_files(report, sites);
    let header: Vec<String> = sites.iter().map(|s| s.name.to_string()).collect();
    println!();
    line("", &header);
    print_size(report, sites);
    row(report, sites, "first question, median (ms)", &["first_question_ms", "median"]);
    row(report, sites, "first question, p95 (ms)", &["first_question_ms", "p95"]);
    row(report, sites, "throttled first question, median (ms)", &["throttled", "first_question_ms", "median"]);
    row(report, sites, "throttled first question, max (ms)", &["throttled", "first_question_ms", "max"]);
    print_script_after_ready(report, sites);
    row(report, sites, "CLS, max of loads", &["cls", "max"]);
    row(report, sites, "CLS throttled, max of loads", &["throttled", "cls", "max"]);
    row(report, sites, "answer → script, median (ms)", &["answer_to_script_ms", "median"]);
    row(report, sites, "answer → script, p95 (ms)", &["answer_to_script_ms", "p95"]);
    row(report, sites, "JS heap after load, median (B)", &["js_heap_bytes", "median"]);
    print_lighthouse(report, sites);
    print_budgets(report, sites, budgets)
}

fn print_files(report: &Value, sites: &[Site]) {
    for site in sites {
        let entry = &report["sites"][site.name];
        for (list, what) in [("files", "first visit"), ("other_files", "not downloaded")] {
            for file in entry[list].as_array().into_iter().flatten() {
                println!(
                    "  {}: {what:<14} {:<44} raw {:>8} B  gzip -9 {:>7} B",
                    site.name,
                    file["file"].as_str().unwrap_or(""),
                    file["raw"],
                    file["gzip"]
                );
            }
        }
        for name in entry["named_but_not_counted"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            println!("  {}: WARNING index.html names {name}, which the first visit's size does not count", site.name);
        }
    }
}

/// The transfer size and, for the wizard, its parts: the empty app, the rules core alone and
/// what is left, the UI's own bytes; and the single-file page, which no first visit loads.
fn print_size(report: &Value, sites: &[Site]) {
    row(report, sites, "first visit raw (B)", &["raw"]);
    row(report, sites, "first visit gzip -9 (B)", &["gzip"]);
    let size = &report["size"];
    let only_first = |v: Option<f64>| {
        let mut cells = vec!["".to_string(); sites.len()];
        cells[0] = number(v);
        cells
    };
    line("  of which the empty app", &only_first(size["empty_app_gzip"].as_f64()));
    line("  of which the rules core alone (wasm)", &only_first(size["core_alone_gzip"].as_f64()));
    line("  of which the UI's own", &only_first(size["ui_own_gzip"].as_f64()));
    line("single-file page raw (B)", &only_first(size["single_file_raw"].as_f64()));
    line("single-file page gzip -9 (B)", &only_first(size["single_file_gzip"].as_f64()));
}

/// Only the wizard says when it is ready; "n/a" until its page makes the mark.
fn print_script_after_ready(report: &Value, sites: &[Site]) {
    let cell = |site: &Site, key: &str| {
        let entry = &report["sites"][site.name]["script_after_ready"];
        if entry.is_null() {
            return "–".to_string();
        }
        match entry[key]["median"].as_f64() {
            Some(v) => number(Some(v)),
            None => "n/a".to_string(),
        }
    };
    let cells: Vec<String> = sites.iter().map(|s| cell(s, "script_after_ready_ms")).collect();
    line("script after ready, median (ms)", &cells);
    let cells: Vec<String> = sites.iter().map(|s| cell(s, "script_ms")).collect();
    line("  script appears (throttled), median (ms)", &cells);
}

fn print_lighthouse(report: &Value, sites: &[Site]) {
    for preset in PRESETS {
        let runs = |site: &Site| report["sites"][site.name]["lighthouse"][preset]["runs"].as_array().cloned().unwrap_or_default();
        let count = sites.iter().map(|s| runs(s).len()).max().unwrap_or(0);
        for index in 0..count {
            let cells: Vec<String> = sites
                .iter()
                .map(|site| match runs(site).get(index) {
                    Some(run) => CATEGORIES.iter().map(|c| number(run[*c].as_f64())).collect::<Vec<_>>().join("/"),
                    None => "–".into(),
                })
                .collect();
            line(&format!("Lighthouse {preset} run {} (P/A/BP/SEO)", index + 1), &cells);
        }
        row(report, sites, &format!("  {preset} CLS, max of runs"), &["lighthouse", preset, "cls_max"]);
        row(report, sites, &format!("  {preset} LCP, median of runs (ms)"), &["lighthouse", preset, "lcp_median_ms"]);
        row(report, sites, &format!("  {preset} TBT, median of runs (ms)"), &["lighthouse", preset, "tbt_median_ms"]);
    }
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

fn print_budgets(report: &Value, sites: &[Site], budgets: &Budgets) -> bool {
    let [ours, static_page, empty, alone] = [sites[0].name, sites[1].name, sites[2].name, sites[3].name];
    let site = |name: &str| &report["sites"][name];
    println!("\nbudgets (timings from this machine; only the size ceiling fails the command):");

    let size = &report["size"];
    let ratio = size["ratio_to_empty_app"].as_f64();
    let within = ratio.is_some_and(|r| r <= budgets.size_ceiling_ratio);
    println!(
        "  {} size ceiling {:.2}× the empty app's (at most {}×; a ratchet: lower it as the site shrinks; fails ./dev test)",
        verdict(within),
        ratio.unwrap_or(f64::NAN),
        budgets.size_ceiling_ratio
    );
    let part = |key: &str| size[key].as_f64().map_or("n/a".to_string(), |v| format!("{v:.0}"));
    println!(
        "  size: total gzip {} B = empty app {} + core alone {} + UI's own {}",
        part("total_gzip"),
        part("empty_app_gzip"),
        part("core_alone_gzip"),
        part("ui_own_gzip")
    );

    let median = |name: &str, path: &[&str]| at(site(name), path)["median"].as_f64();
    if let (Some(a), Some(b)) = (median(ours, &["first_question_ms"]), median(static_page, &["first_question_ms"])) {
        let ratio = a / b;
        println!("  {} first question {ratio:.2}× the static page's ({a:.1} / {b:.1} ms; at most {}×)", verdict(ratio <= budgets.first_question_ratio), budgets.first_question_ratio);
        if let Some(e) = median(empty, &["first_question_ms"]) {
            println!("       (the empty app's: {e:.1} ms)");
        }
        if let Some(p) = median(alone, &["first_question_ms"]) {
            println!("       (the wizard's page alone, no script: {p:.1} ms, {:.2}× the static page's; the wizard is {:.2}× it)", p / b, a / p);
        }
    }
    if let Some(t) = median(ours, &["throttled", "first_question_ms"]) {
        println!("  {} throttled first question {t:.0} ms, median (at most {} ms)", verdict(t <= budgets.throttled_first_question_ms), budgets.throttled_first_question_ms);
        if let (Some(p), Some(b)) = (median(alone, &["throttled", "first_question_ms"]), median(static_page, &["throttled", "first_question_ms"])) {
            println!("       (the page alone: {p:.0} ms; the static page: {b:.0} ms)");
        }
    }
    let ready = &site(ours)["script_after_ready"];
    if !ready.is_null() {
        match ready["script_after_ready_ms"]["median"].as_f64() {
            Some(t) => println!("  {} script after ready {t:.0} ms, median (at most {} ms)", verdict(t <= budgets.script_after_ready_ms), budgets.script_after_ready_ms),
            None => println!("  n/a  script after ready: {}", ready["script_after_ready_ms"]["why"].as_str().unwrap_or("not measured")),
        }
    }
    print_cls_budget(site(ours));
    let update = &site(ours)["answer_to_script_ms"];
    if let (Some(median), Some(p95)) = (update["median"].as_f64(), update["p95"].as_f64()) {
        println!("  {} answer → script median {median:.2} ms (at most {} ms)", verdict(median <= budgets.update_median_ms), budgets.update_median_ms);
        println!("  {} answer → script p95 {p95:.2} ms (at most {} ms)", verdict(p95 <= budgets.update_p95_ms), budgets.update_p95_ms);
    }
    for preset in PRESETS {
        let entry = &site(ours)["lighthouse"][preset];
        if let Some(perfect) = entry["every_run_100"].as_bool() {
            let runs = entry["runs"].as_array().map_or(0, Vec::len);
            println!("  {} Lighthouse {preset}: 100 in all four categories in every run ({runs} runs)", verdict(perfect));
        }
    }
    within
}

/// CLS 0: in every load, throttled or not, and in every Lighthouse run.
fn print_cls_budget(ours: &Value) {
    let mut worst: Vec<(String, f64)> = Vec::new();
    for (what, path) in [("loads", &["cls", "max"][..]), ("throttled loads", &["throttled", "cls", "max"][..])] {
        if let Some(v) = at(ours, path).as_f64() {
            worst.push((what.to_string(), v));
        }
    }
    for preset in PRESETS {
        if let Some(v) = ours["lighthouse"][preset]["cls_max"].as_f64() {
            worst.push((format!("Lighthouse {preset}"), v));
        }
    }
    if worst.is_empty() {
        return;
    }
    let ok = worst.iter().all(|(_, v)| *v == 0.0);
    let shown: Vec<String> = worst.iter().map(|(what, v)| format!("{what} {}", number(Some(*v)))).collect();
    println!("  {} CLS 0, worst of: {}", verdict(ok), shown.join(", "));
    for (what, path) in [("load", &["shifted"][..]), ("throttled load", &["throttled", "shifted"][..])] {
        for shift in at(ours, path).as_array().into_iter().flatten() {
            for moved in shift["moved"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                println!("       {what} {}: {moved}", shift["load"]);
            }
        }
    }
}
