//! Shared by the native test files: an independent PowerShell parser and the scenario builder.
#![allow(dead_code)]

use std::collections::BTreeMap;

use lync_push_wizard::core::{plan, Answers, EdgeServer, MobileClient, PoolVersion, ScopeKind};
use tree_sitter::{Node, Parser, Tree};

pub const SEED_ACCESS_EDGE: &str = "accessproxy.contoso.com";

pub fn answers(edge: EdgeServer, clients: &[MobileClient]) -> Answers {
    let mut answers = Answers { edge: Some(edge), access_edge: SEED_ACCESS_EDGE.into(), ..Answers::default() };
    for &client in clients {
        answers.set_client(client, true);
    }
    answers
}

pub fn with_provider(mut answers: Answers, identity: &str) -> Answers {
    answers.provider_exists = true;
    answers.provider_identity = identity.into();
    answers
}

pub fn with_site(mut answers: Answers, site: &str) -> Answers {
    answers.scope = ScopeKind::Site;
    answers.site = site.into();
    answers
}

/// The pool answers: not given (the seed's Lync Server 2013), then each version.
pub fn pool_answers() -> Vec<Option<PoolVersion>> {
    std::iter::once(None).chain(PoolVersion::ALL.iter().copied().map(Some)).collect()
}

/// Every client subset, in mask order.
pub fn client_subsets() -> Vec<Vec<MobileClient>> {
    (0u32..(1 << MobileClient::ALL.len()))
        .map(|mask| MobileClient::ALL.iter().enumerate().filter(|(bit, _)| mask & (1 << bit) != 0).map(|(_, c)| *c).collect())
        .collect()
}

/// Every combination of pool (not given, or a version) × Edge Server × client subset ×
/// existing provider × scope: 6 × 7 × 512 × 2 × 2 = 86,016 as Microsoft's pages have it; and
/// each choice beyond them wherever it can matter: APNS for Skype for Business on iOS where
/// that app is chosen (+43,008), configuring for the retired MPNS where a Windows Phone client
/// is (+75,264): 204,288 in all.
pub fn every_answer_set() -> Vec<Answers> {
    let mut all = Vec::new();
    for answers in answer_sets_as_microsoft_gives_them() {
        let has = |client| answers.clients.contains(&client);
        if has(MobileClient::IosSfb) {
            all.push(Answers { apns_for_sfb_ios: true, ..answers.clone() });
        }
        if has(MobileClient::WpLync2010) || has(MobileClient::WpLync2013) || has(MobileClient::WpSfb) {
            all.push(Answers { configure_retired_mpns: true, ..answers.clone() });
        }
        all.push(answers);
    }
    all
}

fn answer_sets_as_microsoft_gives_them() -> Vec<Answers> {
    let mut all = Vec::new();
    for pool in pool_answers() {
        for &edge in EdgeServer::ALL {
            for clients in client_subsets() {
                let mut base = answers(edge, &clients);
                base.pool = pool;
                for provider in [None, Some("Office365")] {
                    for site in [None, Some("Redmond")] {
                        let mut answers = base.clone();
                        if let Some(identity) = provider {
                            answers = with_provider(answers, identity);
                        }
                        if let Some(site) = site {
                            answers = with_site(answers, site);
                        }
                        all.push(answers);
                    }
                }
            }
        }
    }
    all
}

/// A deterministic sample of `every_answer_set` for the tests that render and run scripts
/// (too slow for all 204,288 in a debug build). Answer sets whose plans differ only in the list
/// of clients render the same code, differing only in comments and messages that name the
/// clients; of each such group the sample keeps the first and the last in order (the smallest
/// and the largest client set). Every plan the core can make is represented; the core's own
/// rules are checked over the whole space (tests/decision_table.rs).
pub fn sampled_answer_sets() -> Vec<Answers> {
    let mut groups: BTreeMap<String, (Answers, Option<Answers>)> = BTreeMap::new();
    for answers in every_answer_set() {
        let plan = plan(&answers).expect("every answer set is valid");
        let key = format!(
            "{:?}|{:?}|{:?}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
            answers.opt_ins(),
            answers.pool,
            answers.edge,
            answers.provider_exists,
            answers.scope,
            plan.decision.verdict,
            plan.decision.services,
            plan.steps,
            plan.notes,
            plan.status
        );
        groups.entry(key).and_modify(|group| group.1 = Some(answers.clone())).or_insert((answers, None));
    }
    groups.into_values().flat_map(|(first, last)| std::iter::once(first).chain(last)).collect()
}

/// The rules restated independently of the core, from the reference files, for the tests to
/// hold the core to.
pub struct Expected {
    pub apns: bool,
    pub mpns: bool,
    /// A step list is written (`Verdict::Configure`).
    pub configure: bool,
    pub hosting_provider: bool,
    /// The example Identity of a new hosting provider (seed: LyncOnline; sfb-facts §1: SkypeOnline).
    pub identity: &'static str,
    /// Test-CsMcxPushNotification is documented for the shell's version (sfb-facts §4).
    pub push_test: bool,
    /// The shell is Skype for Business Server's.
    pub sfb: bool,
}

pub fn expected(answers: &Answers) -> Expected {
    use EdgeServer as E;
    use PoolVersion as P;
    let edge = answers.edge.unwrap_or(E::None);
    // Not given: a Skype for Business Edge's own version, Lync Server 2010 behind its Edge, else
    // the seed's Lync Server 2013 (issue: "the Edge's own version for Skype for Business Edges").
    let shell = match (answers.pool, edge) {
        (Some(pool), _) => pool,
        (None, E::Lync2010) => P::Lync2010,
        (None, E::Sfb2015) => P::Sfb2015,
        (None, E::Sfb2019) => P::Sfb2019,
        (None, E::SfbSe) => P::SfbSe,
        (None, _) => P::Lync2013,
    };
    let mcx = !matches!(shell, P::Sfb2019 | P::SfbSe);
    let has = |c: MobileClient| answers.clients.contains(&c);
    // Skype for Business on iOS: Microsoft's page turns on only MPNS; APNS only when chosen.
    let apns = (mcx && has(MobileClient::IosLync2010)) || (answers.apns_for_sfb_ios && has(MobileClient::IosSfb));
    let mpns = (mcx && has(MobileClient::WpLync2010)) || has(MobileClient::WpLync2013) || has(MobileClient::WpSfb);
    // sfb-facts §6b: blocked only where Microsoft excludes the pair or never mentions it: any
    // Lync Server 2010 role with 2019; Subscription Edition with Lync Server; an OCS 2007 R2
    // Edge (the seed's, for Lync Server pools) with a Skype for Business pool.
    let lync = matches!(shell, P::Lync2010 | P::Lync2013);
    let documented = match edge {
        E::None => true,
        E::Ocs2007R2 => lync,
        E::Lync2010 => !matches!(shell, P::Sfb2019 | P::SfbSe),
        E::Lync2013 => shell != P::SfbSe,
        E::Sfb2015 => true,
        E::Sfb2019 => shell != P::Lync2010,
        E::SfbSe => !lync,
    };
    let sfb = matches!(shell, P::Sfb2015 | P::Sfb2019 | P::SfbSe);
    Expected {
        apns,
        mpns,
        // MPNS alone is retired: configured only when chosen.
        configure: (apns || (mpns && answers.configure_retired_mpns)) && edge != E::None && documented,
        hosting_provider: !matches!(edge, E::Ocs2007R2 | E::None),
        identity: if sfb { "SkypeOnline" } else { "LyncOnline" },
        push_test: !matches!(shell, P::Sfb2019 | P::SfbSe),
        sfb,
    }
}

pub fn parse(script: &str) -> Tree {
    let mut parser = Parser::new();
    parser.set_language(&tree_sitter_powershell::LANGUAGE.into()).expect("PowerShell grammar loads");
    parser.parse(script, None).expect("the parser returns a tree")
}

/// Every node of the tree, depth first.
pub fn nodes(tree: &Tree) -> Vec<Node<'_>> {
    let mut all = Vec::new();
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        all.push(node);
        let mut cursor = node.walk();
        let children: Vec<Node> = node.children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    all
}

/// ERROR and MISSING nodes, with their line, so a failure says where.
pub fn syntax_problems(tree: &Tree, script: &str) -> Vec<String> {
    nodes(tree)
        .into_iter()
        .filter(|node| node.is_error() || node.is_missing())
        .map(|node| {
            let line = script.lines().nth(node.start_position().row).unwrap_or("");
            format!("{} at line {}: {line}", if node.is_missing() { "MISSING" } else { "ERROR" }, node.start_position().row + 1)
        })
        .collect()
}

/// Names of the commands the script invokes, with whether each sits inside an `if`.
pub fn commands<'a>(tree: &'a Tree, script: &'a str) -> Vec<(&'a str, bool)> {
    nodes(tree)
        .into_iter()
        .filter(|node| node.kind() == "command_name")
        .map(|node| {
            let mut guarded = false;
            let mut parent = node.parent();
            while let Some(ancestor) = parent {
                guarded |= ancestor.kind() == "if_statement";
                parent = ancestor.parent();
            }
            (&script[node.byte_range()], guarded)
        })
        .collect()
}

/// Byte ranges of single-quoted string literals and of comments.
pub fn literal_and_comment_ranges(tree: &Tree) -> (Vec<std::ops::Range<usize>>, Vec<std::ops::Range<usize>>) {
    let mut literals = Vec::new();
    let mut comments = Vec::new();
    for node in nodes(tree) {
        match node.kind() {
            "verbatim_string_characters" => literals.push(node.byte_range()),
            "comment" => comments.push(node.byte_range()),
            _ => {}
        }
    }
    (literals, comments)
}

/// The script's shape: every leaf as (kind, text), with the text of string literals and comments
/// blanked. Two scripts with the same shape differ only inside literals and comments.
pub fn shape(tree: &Tree, script: &str) -> Vec<(String, String)> {
    nodes(tree)
        .into_iter()
        .filter(|node| node.child_count() == 0 || matches!(node.kind(), "verbatim_string_characters" | "comment"))
        .filter(|node| !node.parent().is_some_and(|p| matches!(p.kind(), "verbatim_string_characters" | "comment")))
        .map(|node| {
            let text = match node.kind() {
                "verbatim_string_characters" | "comment" => String::new(),
                _ => script[node.byte_range()].to_string(),
            };
            (node.kind().to_string(), text)
        })
        .collect()
}
