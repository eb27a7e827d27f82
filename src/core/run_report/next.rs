//! What to do after a run, from its marks alone: the exit code says how it ended, the stop what
//! to fix, the replication wait whether failed tests may only be early, and the rollback's
//! `left` marks what -Force would still undo.

use super::{Event, Item, Kind, Replication, Run};

#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Next {
    /// The configuration script finished and its tests passed.
    Done,
    /// It stopped: fix what it stopped on and run it again (finished steps are skipped).
    FixAndRunAgain { step: usize, message: String },
    /// Every step is done but a test failed while replication was not seen to finish: wait for
    /// it, then run the tests again.
    WaitThenTestAgain,
    /// Every step is done, replication had finished, and a test failed: its troubleshooting.
    Troubleshoot,
    /// The rollback finished: everything it could undo is undone.
    Undone,
    /// The rollback finished but left these, which only -Force undoes.
    RunWithForce(Vec<Item>),
    /// No end in the text: the run was interrupted, or the output was cut short.
    Unfinished,
}

pub fn next(run: &Run) -> Next {
    let Some(code) = run.exit_code else { return Next::Unfinished };
    if let Some((step, message)) = run.stopped() {
        return Next::FixAndRunAgain { step, message: message.to_string() };
    }
    match (run.kind, code) {
        (Kind::Configure, 2) => {
            // Tests right after a change fail (504) until replication reaches the Edge.
            let replicated = matches!(run.replication(), Some(Replication::Seen { pending: 0, .. }));
            if replicated {
                Next::Troubleshoot
            } else {
                Next::WaitThenTestAgain
            }
        }
        (Kind::Configure, _) => Next::Done,
        (Kind::Rollback, 3) => Next::RunWithForce(
            run.events()
                .filter_map(|(_, event)| match event {
                    Event::Left { item, force_undoes: true } => Some(item.clone()),
                    _ => None,
                })
                .collect(),
        ),
        (Kind::Rollback, _) => Next::Undone,
    }
}
