//! Reading a run back: the marks the configuration script and its rollback print beside their
//! own words (`render::powershell::marks`), found again in whatever surrounds them (`parse`),
//! what they say happened, and what to do next (`next`). `render::report` lays it out.
//!
//! Marks, format version 1:
//!
//! ```text
//! ~push1|begin|configure|2026.12.07|edge%3Dlync2013%26clients%3Dios-lync2010|False~
//! ~push1|step|1~
//! ~push1|created|provider|LyncOnline~
//! ~push1|step|3~
//! ~push1|set|push|Global|EnableApplePushNotificationService|False|True~
//! ~push1|test|True|returned|Failure|504%2C%20Server%20time-out|ErrorCode%3D2~
//! ~push1|end|2|9|2A1B0C3D~
//! ```
//!
//! - A mark starts with `~push1|` and ends with `~`; its tag and fields are separated by `|`,
//!   each percent-encoded by .NET's EscapeDataString (then `~` as `%7E`), so no value holds a
//!   `~`, a `|`, a space or a line break of its own.
//! - No line of a mark is longer than `discovery::LINE_WIDTH`: a longer mark goes on over the
//!   next lines. A mark line without its closing `~` goes on in the line after it, as the script
//!   splits it and as a console or a transcript wraps it, for at most `MAX_MARK_LINES` lines.
//! - Every other line is the script's own words, a transcript's header, or the shell's: it is
//!   read past.
//! - A run is a `begin`, then what happened in order, then `end` with the exit code, the count
//!   of the marks before it and their check value (`check`), so a lost, added, moved or changed
//!   mark is found. A run with no `end` was interrupted, or its output was cut short.
//! - Outcomes belong to the `step` above them; before the first `step`, to the pre-flight.

mod next;
mod parse;

pub use next::{next, Next};
pub use parse::{parse, Problem};

/// The version of the marks' format; every mark carries it in its prefix.
pub const FORMAT_VERSION: u32 = 1;
/// How every mark of this version starts.
pub const PREFIX: &str = "~push1|";
/// How a mark of any version starts (`~push` and digits).
pub const ANY_VERSION: &str = "~push";
pub const MARK_END: char = '~';
/// The most lines one mark may take, wrapped or split: a mark of the longest value the script
/// writes (`MAX_MESSAGE` characters, most of them ASCII) fits, wrapped at 40 columns.
pub const MAX_MARK_LINES: usize = 400;
/// The script cuts each value (a long message) to this many characters in its mark.
pub const MAX_MESSAGE: usize = 1000;

/// The marks' check value: Adler-32's two sums, taken a mark at a time (each mark's bytes and a
/// line feed summed as one step). The script adds up each mark's bytes with one Measure-Object,
/// where a byte-by-byte Adler-32 would cost PowerShell a loop per byte of every mark.
pub fn check<'a>(marks: impl IntoIterator<Item = &'a str>) -> u32 {
    const MOD: u64 = 65_521;
    let (mut a, mut b) = (1u64, 0u64);
    for mark in marks {
        let sum: u64 = mark.bytes().map(u64::from).sum::<u64>() + u64::from(b'\n');
        a = (a + sum) % MOD;
        b = (b + a) % MOD;
    }
    ((b << 16) | a) as u32
}

/// Which script ran.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Configure,
    Rollback,
}

impl Kind {
    pub const fn token(self) -> &'static str {
        match self {
            Kind::Configure => "configure",
            Kind::Rollback => "rollback",
        }
    }
}

/// The marks' tags, one per kind of event.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tag {
    /// Kind, rules version, the answers' share-link fragment, whether -Force was given.
    Begin,
    /// The step's number as the plan numbers it (the rollback: the step it undoes).
    Step,
    /// An item the script created: its kind and identity.
    Created,
    /// A value the script set: item kind, identity, property, from, to.
    Set,
    /// An item the script removed: its kind and identity.
    Removed,
    /// Nothing to do in this step: why (`Skip`).
    Skipped,
    /// The rollback left an item as it is: kind, identity, whether -Force would undo it.
    Left,
    /// A warning, by its cause (`Warning`), and the item it names where it names one.
    Warning,
    /// The replication wait: replicas not up to date, replicas (or `?` and why it was not read).
    Replication,
    /// A read-only test: counted, returned or threw, Result, Error (or the thrown message),
    /// Diagnosis.
    Test,
    /// The error the run stopped on.
    Stop,
    /// The exit code, the count of marks before this one, their check value.
    End,
}

impl Tag {
    pub const ALL: [Tag; 12] =
        [Tag::Begin, Tag::Step, Tag::Created, Tag::Set, Tag::Removed, Tag::Skipped, Tag::Left, Tag::Warning, Tag::Replication, Tag::Test, Tag::Stop, Tag::End];

    pub const fn token(self) -> &'static str {
        match self {
            Tag::Begin => "begin",
            Tag::Step => "step",
            Tag::Created => "created",
            Tag::Set => "set",
            Tag::Removed => "removed",
            Tag::Skipped => "skipped",
            Tag::Left => "left",
            Tag::Warning => "warning",
            Tag::Replication => "replication",
            Tag::Test => "test",
            Tag::Stop => "stop",
            Tag::End => "end",
        }
    }

    /// How many fields follow the tag.
    pub const fn fields(self) -> usize {
        match self {
            Tag::Begin => 4,
            Tag::Step | Tag::Skipped | Tag::Stop => 1,
            Tag::Created | Tag::Removed | Tag::Warning | Tag::Replication => 2,
            Tag::Left => 3,
            Tag::Set => 5,
            Tag::Test => 5,
            Tag::End => 3,
        }
    }

    fn from_token(token: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|tag| tag.token() == token)
    }
}

/// What an item is: each the script creates, changes or removes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ItemKind {
    /// A hosting provider, by Identity.
    Provider,
    /// An allowed domain (push.lync.com).
    AllowedDomain,
    /// Push settings, by Identity (`Global`, `site:<name>`).
    PushSettings,
    /// The Access Edge settings (`Global`).
    AccessEdge,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [ItemKind::Provider, ItemKind::AllowedDomain, ItemKind::PushSettings, ItemKind::AccessEdge];

    pub const fn token(self) -> &'static str {
        match self {
            ItemKind::Provider => "provider",
            ItemKind::AllowedDomain => "allowed",
            ItemKind::PushSettings => "push",
            ItemKind::AccessEdge => "accessedge",
        }
    }

    fn from_token(token: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|kind| kind.token() == token)
    }
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub identity: String,
}

/// Why a step had nothing to do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Skip {
    /// It is already as the step makes it (the rollback: already undone, or gone). The scripts
    /// of this version print no mark for it: a step with no outcome mark is already so, and the
    /// count and check value make a lost mark a damaged paste, never a silent "already".
    Already,
    /// The rollback: the configuration script did not change it (it was there before).
    NotChanged,
    /// The rollback: a step whose existing item the configuration script never changed.
    NothingToUndo,
    /// The rollback: a step done by hand, which is undone by hand (the script says how).
    ByHand,
}

impl Skip {
    pub const ALL: [Skip; 4] = [Skip::Already, Skip::NotChanged, Skip::NothingToUndo, Skip::ByHand];

    pub const fn token(self) -> &'static str {
        match self {
            Skip::Already => "already",
            Skip::NotChanged => "not-changed",
            Skip::NothingToUndo => "nothing-to-undo",
            Skip::ByHand => "by-hand",
        }
    }

    fn from_token(token: &str) -> Option<Skip> {
        Skip::ALL.into_iter().find(|skip| skip.token() == token)
    }
}

/// The warnings the scripts give that no other mark already tells, by cause.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Warning {
    /// The provider for sipfed.online.lync.com has another Identity than the one answered.
    ProviderOtherIdentity,
    /// The provider for sipfed.online.lync.com is disabled.
    ProviderDisabled,
    /// Neither the type nor RoutingMethod tells the routing.
    RoutingUnknown,
    /// The internal Access Edge FQDN answered is not an Edge pool's.
    EdgeFqdnNotAPool,
    /// Site settings keep a needed service off (the item: the site's settings).
    SiteOverridesGlobal,
    /// The federation test's precondition is unmet on the OCS 2007 R2 route: not counted.
    TestNotCounted,
    /// The record holds push settings of an earlier version of the script, not undone.
    EarlierRecord,
}

impl Warning {
    pub const ALL: [Warning; 7] = [
        Warning::ProviderOtherIdentity,
        Warning::ProviderDisabled,
        Warning::RoutingUnknown,
        Warning::EdgeFqdnNotAPool,
        Warning::SiteOverridesGlobal,
        Warning::TestNotCounted,
        Warning::EarlierRecord,
    ];

    pub const fn token(self) -> &'static str {
        match self {
            Warning::ProviderOtherIdentity => "provider-other-identity",
            Warning::ProviderDisabled => "provider-disabled",
            Warning::RoutingUnknown => "routing-unknown",
            Warning::EdgeFqdnNotAPool => "edge-fqdn-not-a-pool",
            Warning::SiteOverridesGlobal => "site-overrides-global",
            Warning::TestNotCounted => "test-not-counted",
            Warning::EarlierRecord => "earlier-record",
        }
    }

    fn from_token(token: &str) -> Option<Warning> {
        Warning::ALL.into_iter().find(|warning| warning.token() == token)
    }
}

/// One thing a step did or said, in the order the run printed it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Event {
    Created(Item),
    Set { item: Item, property: String, from: String, to: String },
    Removed(Item),
    Skipped(Skip),
    Left { item: Item, force_undoes: bool },
    Warning { warning: Warning, about: String },
    Replication(Replication),
    Test(TestRun),
    Stop(String),
}

/// What the replication wait saw at its end.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Replication {
    Seen { pending: usize, replicas: usize },
    /// Get-CsManagementStoreReplicationStatus failed; its message.
    Unread(String),
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TestRun {
    /// A failure counts toward exit code 2 (a test whose precondition is unmet does not).
    pub counted: bool,
    /// The cmdlet threw instead of returning a result.
    pub threw: bool,
    pub result: String,
    /// Error, or the thrown message.
    pub error: String,
    pub diagnosis: String,
}

impl TestRun {
    /// As the script decides: `-ne 'Success'` ignores case.
    pub fn passed(&self) -> bool {
        !self.threw && self.result.eq_ignore_ascii_case("Success")
    }
}

/// The pre-flight (number 0) or a step, with what happened in it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct StepRun {
    pub number: usize,
    /// The line of the mark that opened it (of `begin`, for the pre-flight).
    pub line: usize,
    pub events: Vec<Event>,
}

impl StepRun {
    pub fn stop(&self) -> Option<&str> {
        self.events.iter().find_map(|event| match event {
            Event::Stop(message) => Some(message.as_str()),
            _ => None,
        })
    }

    pub fn tests(&self) -> impl Iterator<Item = &TestRun> {
        self.events.iter().filter_map(|event| match event {
            Event::Test(test) => Some(test),
            _ => None,
        })
    }
}

/// One run, read back: who made it, what each step did, how it ended.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Run {
    pub kind: Kind,
    /// The rules version of the wizard that wrote the script.
    pub rules: String,
    /// The answers, as the share link's fragment (without `#`).
    pub fragment: String,
    /// The rollback ran with -Force.
    pub force: bool,
    /// The pre-flight first (number 0), then each step in the order it ran.
    pub steps: Vec<StepRun>,
    /// The exit code, from `end`; `None`: the run has no end in the text.
    pub exit_code: Option<i64>,
    /// Runs earlier in the same text (a transcript of several): only the last is read.
    pub earlier_runs: usize,
    /// The line of its `begin` mark.
    pub line: usize,
}

impl Run {
    /// Every event, with the number of its step (0: the pre-flight).
    pub fn events(&self) -> impl Iterator<Item = (usize, &Event)> {
        self.steps.iter().flat_map(|step| step.events.iter().map(move |event| (step.number, event)))
    }

    /// The step it stopped in, and the message.
    pub fn stopped(&self) -> Option<(usize, &str)> {
        self.steps.iter().find_map(|step| step.stop().map(|message| (step.number, message)))
    }

    pub fn replication(&self) -> Option<&Replication> {
        self.events().find_map(|(_, event)| match event {
            Event::Replication(replication) => Some(replication),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests;
