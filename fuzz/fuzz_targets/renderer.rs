//! Answers built from raw bytes (any Edge, any clients, any text in every field): validation
//! rejects them or both scripts parse with no ERROR or MISSING node.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lync_push_wizard::core::{plan, render, Answers, EdgeServer, MobileClient, ScopeKind};

fn parses(script: &str) -> bool {
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(&tree_sitter_powershell::LANGUAGE.into()).expect("grammar");
    let tree = parser.parse(script, None).expect("tree");
    let mut stack = vec![tree.root_node()];
    while let Some(node) = stack.pop() {
        if node.is_error() || node.is_missing() {
            return false;
        }
        let mut cursor = node.walk();
        stack.extend(node.children(&mut cursor));
    }
    true
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else { return };
    let Some((&mask, rest)) = rest.split_first() else { return };
    let mut texts = rest.split(|&b| b == 0xFF).map(|t| String::from_utf8_lossy(t).into_owned());
    let mut answers = Answers {
        edge: EdgeServer::ALL.get(usize::from(head % 5)).copied(),
        access_edge: texts.next().unwrap_or_default(),
        provider_exists: head & 0x10 != 0,
        provider_identity: texts.next().unwrap_or_default(),
        scope: if head & 0x20 != 0 { ScopeKind::Site } else { ScopeKind::Global },
        site: texts.next().unwrap_or_default(),
        ..Answers::default()
    };
    for (bit, &client) in MobileClient::ALL.iter().enumerate() {
        answers.set_client(client, mask & (1 << bit) != 0);
    }
    if let Ok(plan) = plan(&answers) {
        assert!(parses(&render::powershell::script(&plan)), "script does not parse: {answers:?}");
        assert!(parses(&render::rollback::rollback(&plan)), "rollback does not parse: {answers:?}");
    }
});
