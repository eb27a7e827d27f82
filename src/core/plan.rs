//! The ordered steps that carry out a decision. Built only from validated values, so every
//! renderer downstream can trust what it reads. What a step is (`step`), which steps each route
//! takes (`procedure`), and what is said beside them (`notes`, `status`) stand apart.

mod notes;
mod procedure;
mod status;
mod step;

use serde::Serialize;

use super::answers::{Answers, EdgeServer, ScopeKind};
use super::decision::{decide, Decision, Verdict};
use super::facts::Article;
use super::validate::{Field, FieldError, Fqdn, Name, Problem};

pub use notes::Note;
pub use procedure::{article_for, provider_identity_for, push_cmdlets_may_be_missing, push_test_documented};
pub use status::StatusFact;
pub use step::{Action, Host, NewProvider, Role, Scope, Step, Trouble};

use notes::notes_for;
use procedure::configuration_steps;
use status::status_for;

/// Everything the renderers need, all of it checked.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Plan {
    pub decision: Decision,
    pub access_edge: Option<Fqdn>,
    pub existing_provider: Option<Name>,
    pub scope: Scope,
    pub steps: Vec<Step>,
    pub notes: Vec<Note>,
    /// What is true in 2026 beside the seed's rules (see `status_for`).
    pub status: Vec<StatusFact>,
}

impl Plan {
    /// The answers this plan was made from, as far as they were used (for headers and links).
    pub fn answers(&self) -> Answers {
        let (scope, site) = match &self.scope {
            Scope::Global => (ScopeKind::Global, String::new()),
            Scope::Site(name) => (ScopeKind::Site, name.as_str().to_string()),
        };
        let clients = self.decision.clients.iter().map(|need| need.client).collect();
        Answers {
            edge: Some(self.decision.edge),
            pool: self.decision.pool,
            clients,
            access_edge: self.access_edge.as_ref().map(|f| f.as_str().to_string()).unwrap_or_default(),
            provider_exists: self.existing_provider.is_some(),
            provider_identity: self.existing_provider.as_ref().map(|n| n.as_str().to_string()).unwrap_or_default(),
            scope,
            site,
            apns_for_sfb_ios: self.decision.opt_ins.apns_for_sfb_ios,
            configure_retired_mpns: self.decision.opt_ins.configure_retired_mpns,
        }
    }

    /// The Microsoft page the plan follows (`article_for`).
    pub const fn article(&self) -> Article {
        article_for(self.decision.shell())
    }

    /// Whether the plan ends with the push test (`push_test_documented`), which the status facts
    /// name as what shows whether push still arrives.
    pub fn has_push_test(&self) -> bool {
        self.steps.iter().any(|step| matches!(step.action, Action::TestPush { .. }))
    }

    /// For the status facts: whether a push test ends the steps, or `None` when nothing is
    /// configured (a not-recommended verdict still states why, without pointing at a test).
    pub fn push_test_said(&self) -> Option<bool> {
        (!self.steps.is_empty()).then(|| self.has_push_test())
    }

    pub fn script_steps(&self) -> impl Iterator<Item = (usize, &Step)> {
        self.numbered().filter(|(_, step)| !step.action.is_manual())
    }

    /// Steps with the number a person sees (1-based, over the whole plan).
    pub fn numbered(&self) -> impl Iterator<Item = (usize, &Step)> {
        self.steps.iter().enumerate().map(|(index, step)| (index + 1, step))
    }
}

/// A plan, or every problem that stops one, each naming its field.
pub type Outcome = Result<Plan, Vec<FieldError>>;

pub fn plan(answers: &Answers) -> Outcome {
    let mut errors = Vec::new();
    let edge = answers.edge;
    if edge.is_none() {
        errors.push(FieldError::new(Field::Edge, Problem::Missing));
    }
    let decision = decide(answers.pool, edge.unwrap_or(EdgeServer::None), answers.clients.iter(), answers.opt_ins());
    let configure = matches!(decision.verdict, Verdict::Configure { .. });

    // The Access Edge FQDN is needed only by the tests of a configuration, but a typed value is
    // checked whenever it is there, so a mistake shows before it matters.
    let access_edge = if configure || !answers.access_edge.trim().is_empty() {
        collect(Fqdn::parse(Field::AccessEdge, &answers.access_edge), &mut errors)
    } else {
        None
    };
    let existing_provider = if answers.provider_exists {
        collect(Name::parse(Field::ProviderIdentity, &answers.provider_identity), &mut errors)
    } else {
        None
    };
    let scope = match answers.scope {
        ScopeKind::Global => Some(Scope::Global),
        ScopeKind::Site => collect(Name::parse(Field::Site, &answers.site), &mut errors).map(Scope::Site),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let scope = scope.unwrap_or(Scope::Global);
    let steps = match (&decision.verdict, &access_edge) {
        (Verdict::Configure { route }, Some(access_edge)) => {
            configuration_steps(*route, decision.shell(), decision.services, &existing_provider, &scope, access_edge)
        }
        _ => Vec::new(),
    };
    let notes = notes_for(&decision, existing_provider.is_none());
    let status = status_for(&decision);
    Ok(Plan { decision, access_edge, existing_provider, scope, steps, notes, status })
}

/// The wizard's outcome: a plan only once every answer it asks for is there and valid; until
/// then, each answer still missing or invalid, in the order of the questions, so the page can
/// say what is left instead of a verdict. `plan` gives answers without a mobile client the
/// verdict "no client chosen" (the command line, a script's header), which is right when
/// someone says so; the wizard asks which clients there are, so there an empty choice is a
/// question not answered yet. Everything else is `plan`'s.
///
/// `clients_confirmed`: the clients question has been left with Next (or the answers came back
/// from a link, storage or a script). Until then a first box ticked is not yet the answer: a
/// verdict there ("not needed" for one Lync 2013 iPhone) would flip as the next box is ticked.
pub fn wizard_outcome(answers: &Answers, clients_confirmed: bool) -> Outcome {
    let outcome = plan(answers);
    let problem = match (answers.clients.is_empty(), clients_confirmed) {
        (true, _) => Problem::Missing,
        (false, true) => return outcome,
        (false, false) => Problem::NotConfirmed,
    };
    let mut errors = outcome.err().unwrap_or_default();
    let after_edge = errors.iter().take_while(|error| error.field == Field::Edge).count();
    errors.insert(after_edge, FieldError::new(Field::Clients, problem));
    Err(errors)
}

fn collect<T>(result: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{MobileClient, PoolVersion};

    fn seed_answers() -> Answers {
        let mut answers = Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() };
        answers.set_client(MobileClient::IosLync2010, true);
        answers.set_client(MobileClient::WpLync2013, true);
        answers.access_edge = "accessproxy.contoso.com".into();
        answers
    }

    #[test]
    fn seed_example_follows_the_seed_order() {
        let plan = plan(&seed_answers()).expect("valid");
        let actions: Vec<&str> = plan
            .steps
            .iter()
            .map(|s| match s.action {
                Action::AddHostingProvider { .. } => "provider",
                Action::AllowPushDomain => "domain",
                Action::FederateOcsEdge => "ocs",
                Action::EnablePush { .. } => "enable",
                Action::AllowFederatedUsers { .. } => "federation",
                Action::TestFederation { .. } => "test-federation",
                Action::TestPush { .. } => "test-push",
            })
            .collect();
        assert_eq!(actions, ["provider", "domain", "enable", "federation", "test-federation", "test-push"]);
        assert_eq!(plan.steps[0].role, Role::RtcUniversalServerAdmins);
        assert_eq!(plan.steps[2].role, Role::CsAdministrator);
    }

    #[test]
    fn configuring_without_access_edge_names_the_field() {
        let mut answers = seed_answers();
        answers.access_edge = "  ".into();
        let errors = plan(&answers).unwrap_err();
        assert_eq!(errors, vec![FieldError::new(Field::AccessEdge, Problem::Missing)]);
    }

    #[test]
    fn unused_fields_do_not_block_but_typed_ones_are_checked() {
        let mut answers = Answers { edge: Some(EdgeServer::None), ..Answers::default() };
        answers.site = "bad'site".into(); // scope is global: the site text is kept but unused
        answers.provider_identity = "x;y".into(); // no existing provider: unused
        assert!(plan(&answers).is_ok());
        answers.access_edge = "not valid".into();
        assert_eq!(plan(&answers).unwrap_err()[0].field, Field::AccessEdge);
    }

    #[test]
    fn the_wizard_waits_for_every_answer_it_asks_for() {
        let fields = |answers: &Answers| wizard_outcome(answers, true).err().map(|e| e.iter().map(|e| e.field).collect::<Vec<_>>());
        // A first visit: the Edge Server and the clients are missing; no verdict, not even "no
        // client chosen", which `plan` gives such answers.
        assert_eq!(fields(&Answers::default()), Some(vec![Field::Edge, Field::Clients]));
        let edge_only = Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() };
        assert!(plan(&edge_only).is_ok());
        assert_eq!(fields(&edge_only), Some(vec![Field::Clients]));
        // In the questions' order, the clients after the Edge Server and before the text fields.
        let mut typed = Answers { access_edge: "access proxy".into(), ..Answers::default() };
        assert_eq!(fields(&typed), Some(vec![Field::Edge, Field::Clients, Field::AccessEdge]));
        typed.edge = Some(EdgeServer::Ocs2007R2);
        assert_eq!(fields(&typed), Some(vec![Field::Clients, Field::AccessEdge]));
        // Clients chosen: exactly `plan`, for every verdict.
        let mut answers = seed_answers();
        assert_eq!(wizard_outcome(&answers, true), plan(&answers));
        answers.access_edge = "access proxy".into();
        assert_eq!(fields(&answers), Some(vec![Field::AccessEdge]));
        let not_needed = Answers { edge: Some(EdgeServer::Lync2013), clients: [MobileClient::Android].into_iter().collect(), ..Answers::default() };
        assert!(wizard_outcome(&not_needed, true).is_ok_and(|p| matches!(p.decision.verdict, Verdict::NotNeeded { .. })));
        // While the clients question is still open, a box ticked is not yet the answer.
        let open = wizard_outcome(&not_needed, false).unwrap_err();
        assert_eq!(open, vec![FieldError::new(Field::Clients, Problem::NotConfirmed)]);
        let mut typed = seed_answers();
        typed.access_edge = "access proxy".into();
        let fields_open: Vec<Field> = wizard_outcome(&typed, false).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields_open, vec![Field::Clients, Field::AccessEdge]);
    }

    #[test]
    fn every_step_cites_the_page_its_pool_follows() {
        let mut configured = 0;
        for &pool in PoolVersion::ALL {
            for &edge in EdgeServer::ALL {
                let mut answers = Answers { edge: Some(edge), pool: Some(pool), ..seed_answers() };
                answers.set_client(MobileClient::WpSfb, true);
                let plan = plan(&answers).expect("valid");
                let documented = push_test_documented(pool);
                assert_eq!(plan.has_push_test(), documented && !plan.steps.is_empty(), "{pool:?} {edge:?}");
                for step in &plan.steps {
                    configured += 1;
                    // The OCS 2007 R2 GUI procedure is only on the seed.
                    let page = if step.action == Action::FederateOcsEdge { Article::Seed } else { plan.article() };
                    assert_eq!(step.seed.article(), page, "{pool:?} {edge:?} {:?}", step.action);
                }
            }
        }
        assert!(configured > 0);
        assert_eq!(article_for(PoolVersion::Lync2013), Article::Seed);
        assert_eq!(article_for(PoolVersion::SfbSe), Article::SfbDeploy);
    }

    #[test]
    fn plan_gives_back_the_answers_it_used() {
        let mut answers = seed_answers();
        answers.site = "ignored".into();
        let plan = plan(&answers).unwrap();
        answers.site.clear();
        assert_eq!(plan.answers(), answers);
    }
}
