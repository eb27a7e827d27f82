//! The command line: the same answers as the wizard, as flags. `run` returns what to print; it
//! reads nothing but the file `--discovery` or `--report` names.

use crate::core::answers::{Answers, EdgeServer, MobileClient, PoolVersion, ScopeKind};
use crate::core::facts::{FLAG_APNS_FOR_SFB_IOS, FLAG_CONFIGURE_RETIRED_MPNS};
use crate::core::plan::plan;
use crate::core::render::{json::json, markdown::runbook, powershell::discovery as discovery_script, powershell::script, rollback::rollback, steps::steps};
use crate::core::discovery::{self, Filled, OutlookView, ReadingView, MAX_TEXT_BYTES};
use crate::core::i18n::{Language, DISCOVERY_EN, EN, REPORT_EN};
use crate::core::render::report;
use crate::core::run_report;
use crate::core::validate::{Field, FieldError, Problem};

pub const HELP: &str = "\
lync-push-wizard: decides whether Lync Server 2013 mobility needs push notifications and writes
the Lync Server Management Shell script, the GUI steps and the tests.

USAGE:
    lync-push-wizard --edge EDGE [--pool POOL] [--client CLIENT]... [--access-edge FQDN]
                     [--existing-provider IDENTITY] [--site NAME]
                     [--apns-for-sfb-ios] [--configure-retired-mpns]
                     [--format ps1|rollback|steps|runbook|json]
    lync-push-wizard --format discovery
    lync-push-wizard --discovery FILE [--edge EDGE --client CLIENT... and the other answers]
    lync-push-wizard --report FILE [--lang en|zh-TW] [--edge EDGE ... and the other answers]

OPTIONS:
    --edge EDGE                  lync2013 | lync2010 | ocs2007r2 | none |
                                 sfb2015 | sfb2019 | sfbse
    --pool POOL                  the version of the pool whose Management Shell runs the steps:
                                 sfbse | sfb2019 | sfb2015 | lync2013 | lync2010
                                 (default: a Skype for Business Edge's own version;
                                 lync2010 behind a lync2010 Edge; else lync2013, as in
                                 Microsoft's article)
    --client CLIENT              ios-lync2010 | ios-lync2013 | wp-lync2010 | wp-lync2013 |
                                 android | nokia | ios-sfb | android-sfb | wp-sfb
                                 (repeat for each client in use)
    --access-edge FQDN           internal Access Edge FQDN, e.g. accessproxy.contoso.com
                                 (needed when push is to be configured)
    --existing-provider IDENTITY a hosting provider for sipfed.online.lync.com exists already
    --site NAME                  set push at site:NAME instead of global
    --apns-for-sfb-ios           also turn on Apple push (APNS) for Skype for Business on iOS,
                                 beyond Microsoft's page, which turns on only MPNS
    --configure-retired-mpns     configure push even when Windows Phone's retired MPNS is the
                                 only reason (not recommended: opens federation org-wide)
    --format FORMAT              ps1 (default): the configuration script
                                 rollback: the script that undoes it, from its undo record
                                 steps: the plan as numbered text
                                 runbook: everything as Markdown; json: decision and plan
                                 discovery: the read-only script that reads the
                                 deployment (no other option needed)
    --discovery FILE             read the block that script printed (saved with > or
                                 Start-Transcript) and say what it answers and what stays open;
                                 with answers (--edge, ...) also what the configuration
                                 script will change there, step by step
    --report FILE                read what the configuration script or the rollback printed
                                 (a console paste, or a Start-Transcript file) and say what
                                 each step did, what the exit code means and what to do next;
                                 with answers, also whether the run was of their script
    --lang LANG                  en (default) | zh-TW: the language of the report
    -h, --help                   this text
    -V, --version                version and rules version

Exit status: 0 for any verdict (and any run read), 2 for invalid input or an output that cannot
be read (one line on stderr naming the line, nothing on stdout).
";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Script,
    Rollback,
    Steps,
    Runbook,
    Json,
}

/// What the process prints and returns.
#[derive(Debug, PartialEq, Eq)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[String]) -> Output {
    match parse(args) {
        Ok(Command::Help) => ok(HELP.to_string()),
        Ok(Command::Version) => ok(format!(
            "lync-push-wizard {} (rules {})\n",
            env!("CARGO_PKG_VERSION"),
            crate::core::RULES_VERSION
        )),
        // The discovery script reads the deployment: it needs no answers.
        Ok(Command::DiscoveryScript) => ok(discovery_script()),
        Ok(Command::ReadDiscovery(path, given)) => read_discovery(&path, given),
        Ok(Command::ReadRun(path, lang, given)) => read_run(&path, lang, given),
        Ok(Command::Render(answers, format)) => match plan(&answers) {
            Ok(plan) => ok(match format {
                Format::Script => script(&plan),
                Format::Rollback => rollback(&plan),
                Format::Steps => steps(&plan),
                Format::Runbook => runbook(&EN, &plan),
                Format::Json => json(&plan) + "\n",
            }),
            Err(errors) => fail(errors.iter().map(flag_message).collect::<Vec<_>>().join(" ")),
        },
        Err(message) => fail(message),
    }
}

fn ok(stdout: String) -> Output {
    Output { code: 0, stdout, stderr: String::new() }
}

fn fail(message: String) -> Output {
    Output { code: 2, stdout: String::new(), stderr: format!("error: {message}\n") }
}

enum Command {
    Help,
    Version,
    Render(Answers, Format),
    DiscoveryScript,
    /// The block's file, and the answers given beside it, if any.
    ReadDiscovery(String, Option<Answers>),
    /// A run's output file, the report's language, and the answers given beside it, if any.
    ReadRun(String, Language, Option<Answers>),
}

fn flag(field: Field) -> &'static str {
    match field {
        Field::Pool => "--pool",
        Field::Edge => "--edge",
        Field::Clients => "--client",
        Field::AccessEdge => "--access-edge",
        Field::ProviderIdentity => "--existing-provider",
        Field::Site => "--site",
    }
}

fn flag_message(error: &FieldError) -> String {
    format!("{} ({}): {}", error.field.label(&EN), flag(error.field), error.problem_text(&EN))
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut answers = Answers::default();
    let mut format = Format::Script;
    let mut discovery_script = false;
    let mut report_file = None;
    let mut lang = Language::En;
    let mut discovery_file = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline.clone().or_else(|| args.next().cloned()).ok_or_else(|| format!("{name} needs a value (see --help)"))
        };
        let unknown = |field: Field, token: String| flag_message(&FieldError::new(field, Problem::UnknownToken { token }));
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--edge" => {
                let token = value()?;
                answers.edge = Some(EdgeServer::from_token(&token).ok_or_else(|| unknown(Field::Edge, token))?);
            }
            "--pool" => {
                let token = value()?;
                answers.pool = Some(PoolVersion::from_token(&token).ok_or_else(|| unknown(Field::Pool, token))?);
            }
            "--client" => {
                let token = value()?;
                let client = MobileClient::from_token(&token).ok_or_else(|| unknown(Field::Clients, token))?;
                answers.set_client(client, true);
            }
            "--access-edge" => answers.access_edge = value()?,
            "--existing-provider" => {
                answers.provider_exists = true;
                answers.provider_identity = value()?;
            }
            "--site" => {
                answers.scope = ScopeKind::Site;
                answers.site = value()?;
            }
            // The choices beyond Microsoft's pages: switches, never on by default.
            FLAG_APNS_FOR_SFB_IOS => answers.apns_for_sfb_ios = true,
            FLAG_CONFIGURE_RETIRED_MPNS => answers.configure_retired_mpns = true,
            "--format" => {
                format = match value()?.as_str() {
                    "ps1" => Format::Script,
                    "rollback" => Format::Rollback,
                    "steps" => Format::Steps,
                    "runbook" => Format::Runbook,
                    "json" => Format::Json,
                    "discovery" => {
                        discovery_script = true;
                        format
                    }
                    other => return Err(format!("--format: '{other}' is not one of: ps1, rollback, steps, runbook, json, discovery")),
                }
            }
            "--discovery" => discovery_file = Some(value()?),
            "--report" => report_file = Some(value()?),
            "--lang" => {
                let token = value()?;
                lang = Language::from_token(&token).ok_or_else(|| format!("--lang: '{token}' is not one of: en, zh-TW"))?;
            }
            other => return Err(format!("unknown option '{other}' (see --help)")),
        }
    }
    let given = (answers != Answers::default()).then_some(answers.clone());
    if let Some(path) = report_file {
        return Ok(Command::ReadRun(path, lang, given));
    }
    Ok(match (discovery_file, discovery_script) {
        (Some(path), _) => Command::ReadDiscovery(path, given),
        (None, true) => Command::DiscoveryScript,
        (None, false) => Command::Render(answers, format),
    })
}

/// `--discovery FILE`: what a saved discovery block fills and what stays open; with answers
/// given beside it, also what the configuration script will do there. The file may be a console
/// paste or a transcript, in UTF-8 or, as `>` saves it in Windows PowerShell, UTF-16.
fn read_discovery(path: &str, given: Option<Answers>) -> Output {
    let text = match read_text(path, "--discovery", |bytes| discovery::Problem::TooLarge { bytes }.message(&DISCOVERY_EN)) {
        Ok(text) => text,
        Err(output) => return output,
    };
    let found = match discovery::parse(&text) {
        Ok(found) => found,
        Err(problem) => return fail(format!("{path}: {}", problem.message(&DISCOVERY_EN))),
    };
    let reading = discovery::fill(&found);
    let mut text = print_reading(&reading.view(Language::En, given.as_ref()));
    if let Some(mut answers) = given {
        // What the block answers fills what the options left out; an option given wins.
        if answers.access_edge.is_empty() {
            if let Filled::Known(fqdn) = &reading.access_edge {
                answers.access_edge = fqdn.clone();
            }
        }
        if let (false, Filled::Known(Some(identity))) = (answers.provider_exists, &reading.provider) {
            answers.provider_exists = true;
            answers.provider_identity = identity.clone();
        }
        match plan(&answers) {
            Ok(plan) => text.push_str(&print_outlook(&discovery::forecast(&plan, &found).view(&plan, Language::En))),
            Err(errors) => return fail(errors.iter().map(flag_message).collect::<Vec<_>>().join(" ")),
        }
    }
    ok(text)
}

/// A file's text, UTF-8 or UTF-16 as Windows PowerShell saves it; a file far past what is read
/// is refused before it is read (`too_large` says so).
fn read_text(path: &str, option: &str, too_large: impl Fn(usize) -> String) -> Result<String, Output> {
    let limit = 4 * MAX_TEXT_BYTES as u64;
    let bytes = match std::fs::metadata(path) {
        Ok(meta) if meta.len() > limit => return Err(fail(format!("{path}: {}", too_large(meta.len() as usize)))),
        Ok(_) => std::fs::read(path),
        Err(error) => Err(error),
    };
    match bytes {
        Ok(bytes) => Ok(discovery::text_of(&bytes)),
        Err(error) => Err(fail(format!("{option} {path}: {error}"))),
    }
}

/// `--report FILE`: the run report of a run's output, as Markdown.
fn read_run(path: &str, lang: Language, given: Option<Answers>) -> Output {
    let r = lang.report_strings();
    let text = match read_text(path, "--report", |bytes| run_report::Problem::TooLarge { bytes }.message(&REPORT_EN)) {
        Ok(text) => text,
        Err(output) => return output,
    };
    match run_report::parse(&text) {
        Ok(run) => ok(report::markdown(&report::view(lang, &run, given.as_ref()))),
        Err(problem) => fail(format!("{path}: {}", problem.message(r))),
    }
}

fn print_outlook(view: &OutlookView) -> String {
    let d = &DISCOVERY_EN;
    let mut text = format!("\n{}:\n  ({})\n", d.forecast_heading, d.forecast_recheck);
    if !view.stops.is_empty() {
        text.push_str(&format!("  {}:\n", d.stops_heading));
        for stop in &view.stops {
            text.push_str(&format!("    - {stop}\n"));
        }
    }
    if let Some(after) = &view.after_stops {
        text.push_str(&format!("  {after}\n"));
    }
    for (number, title, lines) in &view.steps {
        text.push_str(&format!("  {number}. {title}\n"));
        for line in lines {
            text.push_str(&format!("    - {line}\n"));
        }
    }
    text
}

fn print_reading(view: &ReadingView) -> String {
    let d = &DISCOVERY_EN;
    let mut text = format!("{}\n", view.made_by);
    for (heading, answers) in [(d.heading_filled, &view.filled), (d.heading_open, &view.open)] {
        text.push_str(&format!("\n{heading}:\n"));
        for (label, answer) in answers {
            text.push_str(&format!("  {label}: {answer}\n"));
        }
    }
    text.push_str(&format!("\n{}:\n", d.heading_state));
    for fact in &view.state {
        text.push_str(&format!("  - {fact}\n"));
    }
    text
}
