//! Shared by the native test files: an independent PowerShell parser and the scenario builder.
#![allow(dead_code)]

use lync_push_wizard::core::{Answers, EdgeServer, MobileClient, ScopeKind};
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

/// Every combination of Edge Server × client subset × existing provider × scope (1,024).
pub fn every_answer_set() -> Vec<Answers> {
    let mut all = Vec::new();
    for &edge in EdgeServer::ALL {
        for mask in 0u32..(1 << MobileClient::ALL.len()) {
            let clients: Vec<MobileClient> =
                MobileClient::ALL.iter().enumerate().filter(|(bit, _)| mask & (1 << bit) != 0).map(|(_, c)| *c).collect();
            let base = answers(edge, &clients);
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
    all
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
