//! Replication of the store: when each replica is up to date after a change, and what
//! Get-CsManagementStoreReplicationStatus says meanwhile. Apart because these timing rules (an
//! update created late, replicas catching up in turn) are asked about by the cmdlets and the
//! checks alike.

use super::Machine;

impl Machine {
    pub fn up_to_date(&self) -> bool {
        (0..self.deployment.replicas.len()).all(|i| self.replica_up_to_date(i))
    }

    /// Replicas catch up one after another: the i-th of n after (i + 1)/n of the delay, so the
    /// last (the Edge Server's) is the one a wait must not stop before.
    pub fn replica_up_to_date(&self, i: usize) -> bool {
        let n = self.deployment.replicas.len().max(1) as i64;
        match (self.last_change, self.replication_delay) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(at), Some(delay)) => self.clock >= at + self.replication_start + delay * (i as i64 + 1) / n,
        }
    }

    /// What Get-CsManagementStoreReplicationStatus says of a replica: before the store has created
    /// the last change's update, UpToDate still (the replica has every update there is).
    pub fn replica_reported_up_to_date(&self, i: usize) -> bool {
        match self.last_change {
            Some(at) if self.clock < at + self.replication_start => true,
            _ => self.replica_up_to_date(i),
        }
    }

    /// LastUpdateCreation (Get-CsManagementStoreReplicationStatus.md, Example 4): when the store
    /// created the latest update.
    pub fn last_update_creation(&self) -> i64 {
        match self.last_change {
            Some(at) if self.clock >= at + self.replication_start => at + self.replication_start,
            _ => self.earlier_update,
        }
    }

    /// Whether every replica is up to date within `limit` seconds of this run's start (the
    /// scripts change the store at once and then wait).
    pub fn replicated_within(&self, limit: i64) -> bool {
        match (self.last_change, self.replication_delay) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(at), Some(delay)) => at + self.replication_start + delay <= self.run_started.max(at) + limit,
        }
    }

    pub(super) fn changed(&mut self) {
        // An update created before this change stays the latest until this one's is created.
        if let Some(at) = self.last_change {
            if self.clock >= at + self.replication_start {
                self.earlier_update = at + self.replication_start;
            }
        }
        self.last_change = Some(self.clock);
    }
}
