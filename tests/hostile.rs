#![cfg(not(target_arch = "wasm32"))]
//! Hostile text in every field: rejected by validation with a message naming the field, or present
//! only inside a single-quoted literal (or an inert one-line comment), as the parser sees it.

mod support;

use lync_push_wizard::core::render::powershell::{quote, script};
use lync_push_wizard::core::{plan, Answers, EdgeServer::*, Field, MobileClient::*};
use proptest::prelude::*;
use support::{answers, literal_and_comment_ranges, parse, shape, syntax_problems, with_provider, with_site};

fn plan_of(answers: &Answers) -> lync_push_wizard::core::Plan {
    plan(answers).expect("placeholder answers are valid")
}

const PIECES: &[&str] = &[
    "'", "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\"", "\u{201C}", "\u{201D}", "`", "$(", "$(calc)", ")", ";", "|",
    "&", "\n", "\r\n", "#", "<#", "#>", "@'", "'@", "{", "}", "$x", "${env:PATH}", "%", " ", ".", "-", "_", "a", "Z", "7",
    "contoso", "com", "é", "\u{0}", "\t",
];

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|pieces| pieces.concat()),
        // At least 10 kB of one hostile piece.
        1 => (prop::sample::select(PIECES), 0usize..64).prop_map(|(piece, extra)| piece.repeat(10_240 / piece.len() + 1 + extra)),
        1 => "\\PC{0,64}",
    ]
}

fn base() -> Answers {
    answers(Lync2013, &[IosLync2010, WpLync2013])
}

fn check_field(field: Field, answers: Answers) -> Result<(), TestCaseError> {
    match plan(&answers) {
        Err(errors) => {
            prop_assert!(errors.iter().any(|e| e.field == field), "rejected, but not for {field:?}: {errors:?}");
            for error in &errors {
                for t in [&lync_push_wizard::core::i18n::EN, &lync_push_wizard::core::i18n::ZH_TW] {
                    prop_assert!(error.message(t).starts_with(error.field.label(t)));
                    prop_assert!(!error.message(t).contains('\n'));
                }
            }
        }
        Ok(plan) => {
            let script = script(&plan);
            let tree = parse(&script);
            let problems = syntax_problems(&tree, &script);
            prop_assert!(problems.is_empty(), "{problems:?}");
            // The same answers with a plain placeholder must give the same script outside
            // literals and comments: the value changed nothing but literal and comment text.
            let mut placeholder = answers.clone();
            match field {
                Field::AccessEdge => placeholder.access_edge = "placeholder.example.com".into(),
                Field::ProviderIdentity => placeholder.provider_identity = "Placeholder".into(),
                Field::Site => placeholder.site = "Placeholder".into(),
                Field::Pool | Field::Edge | Field::Clients => unreachable!("text fields only"),
            }
            let reference = lync_push_wizard::core::render::powershell::script(&plan_of(&placeholder));
            prop_assert_eq!(shape(&tree, &script), shape(&parse(&reference), &reference));
            for (_, comment) in literal_and_comment_ranges(&tree).1.iter().map(|r| ((), &script[r.clone()])) {
                prop_assert!(!comment.contains('\n'), "a comment spans lines");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn access_edge(value in hostile()) {
        let mut answers = base();
        answers.access_edge = value.clone();
        check_field(Field::AccessEdge, answers)?;
    }

    #[test]
    fn existing_provider_identity(value in hostile()) {
        check_field(Field::ProviderIdentity, with_provider(base(), &value))?;
    }

    #[test]
    fn site_name(value in hostile()) {
        check_field(Field::Site, with_site(base(), &value))?;
    }

    /// The quoting function alone, on anything: one literal, nothing outside it.
    #[test]
    fn quote_yields_exactly_one_literal(value in hostile()) {
        // tree-sitter's lexer reads NUL as the end of input; validation rejects NUL anyway.
        prop_assume!(!value.contains('\0'));
        let source = format!("$value = {}\n", quote(&value));
        let tree = parse(&source);
        let (literals, _) = literal_and_comment_ranges(&tree);
        prop_assert!(syntax_problems(&tree, &source).is_empty());
        prop_assert_eq!(literals, vec![9..source.len() - 1]);
    }
}

/// Plain names with spaces pass validation and are quoted; they are what the literal check sees.
#[test]
fn a_valid_site_with_spaces_stays_inside_its_literal() {
    let answers = with_site(with_provider(base(), "Lync Online 2"), "North America");
    check_field(Field::Site, answers).unwrap();
}
