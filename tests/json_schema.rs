#![cfg(not(target_arch = "wasm32"))]
//! `--format json` against its schema, tests/plan.schema.json (JSON Schema draft 2020-12), for
//! every answer set; and every key kebab-case. The validator below knows only the keywords the
//! schema uses, and refuses a schema that uses any other, so no constraint is silently skipped.

mod support;

use std::collections::BTreeSet;

use lync_push_wizard::core::plan::{Host, Note, StatusFact, Trouble};
use lync_push_wizard::core::render::json::json;
use lync_push_wizard::core::{plan, EdgeServer, MobileClient, PushService, Verdict};
use serde_json::{json as value, Map, Value};
use support::{answers, sampled_answer_sets};

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/plan.schema.json")).expect("schema file");
    serde_json::from_str(&text).expect("the schema is JSON")
}

// ---- The validator -------------------------------------------------------------------------

/// Keywords the validator applies, and those it reads as documentation only.
const APPLIED: [&str; 11] =
    ["type", "properties", "required", "additionalProperties", "items", "enum", "const", "oneOf", "anyOf", "not", "$ref"];
const ANNOTATIONS: [&str; 4] = ["$schema", "title", "description", "$defs"];

/// Every problem of `instance` against `schema`, each with its JSON pointer; empty when valid.
fn validate(root: &Value, schema: &Value, instance: &Value, path: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let schema = match schema {
        Value::Bool(true) => return errors,
        Value::Bool(false) => return vec![format!("{path}: nothing is allowed here")],
        Value::Object(schema) => schema,
        other => return vec![format!("{path}: the schema is not an object: {other}")],
    };
    for keyword in schema.keys() {
        assert!(
            APPLIED.contains(&keyword.as_str()) || ANNOTATIONS.contains(&keyword.as_str()),
            "the schema uses `{keyword}`, which this validator does not apply"
        );
    }
    if let Some(reference) = schema.get("$ref") {
        let name = reference.as_str().and_then(|r| r.strip_prefix("#/$defs/")).expect("$ref is #/$defs/<name>");
        let target = root.get("$defs").and_then(|defs| defs.get(name)).unwrap_or_else(|| panic!("no $defs/{name}"));
        errors.extend(validate(root, target, instance, path));
    }
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().map(|k| k.as_str().expect("type names are strings")).collect(),
            other => panic!("type is {other}"),
        };
        if !kinds.iter().any(|&k| has_type(instance, k)) {
            errors.push(format!("{path}: expected {}, found {}", kinds.join(" or "), type_of(instance)));
            return errors; // Nothing below means much for the wrong type.
        }
    }
    if let Some(allowed) = schema.get("enum") {
        if !allowed.as_array().expect("enum is an array").contains(instance) {
            errors.push(format!("{path}: {instance} is not one of {allowed}"));
        }
    }
    if let Some(constant) = schema.get("const") {
        if constant != instance {
            errors.push(format!("{path}: {instance} is not {constant}"));
        }
    }
    if let Value::Object(object) = instance {
        let properties = schema.get("properties").map(|p| p.as_object().expect("properties is an object"));
        if let Some(required) = schema.get("required") {
            for key in required.as_array().expect("required is an array") {
                let key = key.as_str().expect("required names are strings");
                if !object.contains_key(key) {
                    errors.push(format!("{path}: `{key}` is missing"));
                }
            }
        }
        for (key, item) in object {
            let item_path = format!("{}/{key}", path.trim_end_matches('/'));
            match properties.and_then(|p| p.get(key)) {
                Some(property) => errors.extend(validate(root, property, item, &item_path)),
                None => {
                    if let Some(additional) = schema.get("additionalProperties") {
                        match additional {
                            Value::Bool(false) => errors.push(format!("{path}: `{key}` is not allowed")),
                            other => errors.extend(validate(root, other, item, &item_path)),
                        }
                    }
                }
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (instance, schema.get("items")) {
        for (index, item) in items.iter().enumerate() {
            errors.extend(validate(root, item_schema, item, &format!("{}/{index}", path.trim_end_matches('/'))));
        }
    }
    if let Some(branches) = schema.get("oneOf") {
        let branches = branches.as_array().expect("oneOf is an array");
        let passing = branches.iter().filter(|b| validate(root, b, instance, path).is_empty()).count();
        if passing != 1 {
            errors.push(format!("{path}: matches {passing} of the {} oneOf branches, not exactly one", branches.len()));
        }
    }
    if let Some(branches) = schema.get("anyOf") {
        if !branches.as_array().expect("anyOf is an array").iter().any(|b| validate(root, b, instance, path).is_empty()) {
            errors.push(format!("{path}: matches none of the anyOf branches"));
        }
    }
    if let Some(negated) = schema.get("not") {
        if validate(root, negated, instance, path).is_empty() {
            errors.push(format!("{path}: matches what `not` forbids ({negated})"));
        }
    }
    errors
}

fn has_type(instance: &Value, kind: &str) -> bool {
    match kind {
        "object" => instance.is_object(),
        "array" => instance.is_array(),
        "string" => instance.is_string(),
        "boolean" => instance.is_boolean(),
        "null" => instance.is_null(),
        "number" => instance.is_number(),
        "integer" => instance.is_i64() || instance.is_u64(),
        other => panic!("unknown type {other}"),
    }
}

fn type_of(instance: &Value) -> &'static str {
    match instance {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn problems(document: &Value) -> Vec<String> {
    let root = schema();
    validate(&root, &root, document, "/")
}

// ---- Kebab-case ----------------------------------------------------------------------------

/// Lowercase letters and digits in words joined by single hyphens.
fn is_kebab(key: &str) -> bool {
    !key.is_empty() && key.split('-').all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Every object key in the document, with its path.
fn keys(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(object) => {
            for (key, item) in object {
                out.push((path.to_string(), key.clone()));
                keys(item, &format!("{path}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                keys(item, &format!("{path}/{index}"), out);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

// ---- Tests ---------------------------------------------------------------------------------

#[test]
fn every_answer_set_gives_a_document_the_schema_accepts_with_kebab_case_keys() {
    let all = sampled_answer_sets();
    let root = schema();
    let mut seen_keys = BTreeSet::new();
    let mut configured = 0;
    for answers in &all {
        let case = lync_push_wizard::core::share::to_fragment(answers);
        let plan = plan(answers).unwrap_or_else(|e| panic!("{case}: {e:?}"));
        let document: Value = serde_json::from_str(&json(&plan)).expect("valid JSON");
        let errors = validate(&root, &root, &document, "/");
        assert!(errors.is_empty(), "{case}:\n{}", errors.join("\n"));
        let mut found = Vec::new();
        keys(&document, "", &mut found);
        for (path, key) in found {
            assert!(is_kebab(&key), "{case}: `{key}` at {path} is not kebab-case");
            seen_keys.insert(key);
        }
        if matches!(plan.decision.verdict, Verdict::Configure { .. }) {
            configured += 1;
            assert!(!document["status"].as_array().unwrap().is_empty(), "{case}: status when configuring");
        } else if matches!(plan.decision.verdict, Verdict::NotRecommended { .. }) {
            assert_eq!(document["status"][0]["fact"], value!("mpns-retired"), "{case}: the reason it is not recommended");
        } else {
            assert_eq!(document["status"], value!([]), "{case}: no status unless configuring");
        }
    }
    assert!(configured > 0);
    // Every key the schema documents shows up in some document, so the schema holds nothing stale.
    let mut documented = BTreeSet::new();
    schema_property_names(&root, &mut documented);
    let unused: Vec<&String> = documented.difference(&seen_keys).collect();
    assert!(unused.is_empty(), "the schema documents keys no document has: {unused:?}");
    println!("json schema: {} documents valid, {} distinct keys, all kebab-case", all.len(), seen_keys.len());
}

/// Every name under a `properties` anywhere in the schema.
fn schema_property_names(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(object) => {
            for (keyword, item) in object {
                if keyword == "properties" {
                    out.extend(item.as_object().expect("properties is an object").keys().cloned());
                }
                schema_property_names(item, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| schema_property_names(item, out)),
        Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
    }
}

/// A documentation schema: every object closed, every field and definition described.
#[test]
fn the_schema_closes_every_object_and_describes_every_field() {
    let root = schema();
    assert_eq!(root["$schema"], "https://json-schema.org/draft/2020-12/schema");
    fn walk(schema: &Value, path: &str) {
        let Value::Object(object) = schema else { return };
        if object.get("type") == Some(&value!("object")) {
            assert_eq!(object.get("additionalProperties"), Some(&value!(false)), "{path}: additionalProperties false");
        }
        if let Some(Value::Object(properties)) = object.get("properties") {
            // Branches of oneOf only narrow fields declared (and described) beside them.
            let in_branch = path.contains("/oneOf/");
            for (name, property) in properties {
                if !in_branch {
                    assert!(property.get("description").and_then(Value::as_str).is_some_and(|d| !d.is_empty()), "{path}/properties/{name}: no description");
                }
            }
        }
        if let Some(Value::Object(definitions)) = object.get("$defs") {
            for (name, definition) in definitions {
                assert!(definition.get("description").is_some(), "$defs/{name}: no description");
            }
        }
        for (keyword, item) in object {
            match item {
                Value::Array(items) => items.iter().enumerate().for_each(|(i, s)| walk(s, &format!("{path}/{keyword}/{i}"))),
                Value::Object(_) if keyword == "properties" || keyword == "$defs" => {
                    for (name, s) in item.as_object().unwrap() {
                        walk(s, &format!("{path}/{keyword}/{name}"));
                    }
                }
                _ => walk(item, &format!("{path}/{keyword}")),
            }
        }
    }
    walk(&root, "");
}

/// The schema's lists of values are the core's vocabularies, no more and no less, and kebab-case
/// (but for the role, which is Microsoft's name for a group or role).
#[test]
fn the_schema_lists_exactly_the_core_vocabularies() {
    let root = schema();
    let enumeration = |pointer: &str| -> Vec<String> {
        root.pointer(pointer)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{pointer} is an enum"))
            .iter()
            .map(|v| v.as_str().expect("string values").to_string())
            .collect()
    };
    let tokens = |all: Vec<&str>| -> Vec<String> { all.into_iter().map(String::from).collect() };
    assert_eq!(enumeration("/$defs/edge-server/enum"), tokens(EdgeServer::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/pool-version/enum"), tokens(lync_push_wizard::core::PoolVersion::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/mobile-client/enum"), tokens(MobileClient::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/push-service/enum"), tokens(PushService::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/step/properties/host/enum"), tokens(Host::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/trouble/properties/trouble/enum"), tokens(Trouble::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/note/properties/note/enum"), tokens(Note::ALL.iter().map(|v| v.token()).collect()));
    assert_eq!(enumeration("/$defs/status-fact/properties/fact/enum"), tokens(StatusFact::ALL.iter().map(|v| v.token()).collect()));
    // Only the Identity that is not the seed's is ever written (plan::NewProvider).
    assert_eq!(enumeration("/$defs/step/properties/new-identity/enum"), tokens(vec![lync_push_wizard::core::plan::NewProvider::SkypeOnline.token()]));
    let roles = enumeration("/$defs/step/properties/role/enum");
    assert_eq!(roles, tokens(lync_push_wizard::core::Role::ALL.iter().map(|v| v.token()).collect()));

    fn values(schema: &Value, path: &str, out: &mut Vec<(String, String)>) {
        match schema {
            Value::Object(object) => {
                for (keyword, item) in object {
                    let here = format!("{path}/{keyword}");
                    match (keyword.as_str(), item) {
                        ("enum", Value::Array(list)) => out.extend(list.iter().filter_map(Value::as_str).map(|v| (here.clone(), v.to_string()))),
                        ("const", Value::String(v)) => out.push((here, v.clone())),
                        _ => values(item, &here, out),
                    }
                }
            }
            Value::Array(items) => items.iter().enumerate().for_each(|(i, item)| values(item, &format!("{path}/{i}"), out)),
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        }
    }
    let mut all = Vec::new();
    values(&root, "", &mut all);
    for (path, v) in all {
        // Roles and hosting-provider Identities are names Microsoft spells, not our tokens.
        let names = ["/$defs/step/properties/role/enum", "/$defs/step/properties/new-identity/enum"];
        assert!(is_kebab(&v) || names.contains(&path.as_str()), "{path}: `{v}` is not kebab-case");
    }
}

fn seed_document() -> Value {
    let plan = plan(&answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010, MobileClient::WpLync2013])).unwrap();
    serde_json::from_str(&json(&plan)).unwrap()
}

fn step_mut<'a>(document: &'a mut Value, action: &str) -> &'a mut Map<String, Value> {
    document["steps"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["action"] == action)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("a step {action}"))
}

/// The validator is worth something only if it rejects what the schema forbids.
#[test]
fn the_validator_rejects_extra_keys_wrong_types_and_unknown_values() {
    assert_eq!(problems(&seed_document()), Vec::<String>::new());
    type Change = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Change, &str)> = vec![
        ("extra top-level key", Box::new(|d| d["extra"] = value!(1)), "/: `extra` is not allowed"),
        ("snake_case key as before", Box::new(|d| {
            let step = step_mut(d, "allow-federated-users");
            let flag = step.remove("check-dns-srv-routing").unwrap();
            step.insert("check_dns_srv_routing".into(), flag);
        }), "`check_dns_srv_routing` is not allowed"),
        ("wrong type", Box::new(|d| d["steps"][0]["manual"] = value!("no")), "/steps/0/manual: expected boolean, found string"),
        ("wrong type of number", Box::new(|d| d["steps"][0]["number"] = value!(1.5)), "/steps/0/number: expected integer"),
        ("PascalCase value as before", Box::new(|d| d["steps"][0]["seed"] = value!("LyncEdge")), "/steps/0/seed: \"LyncEdge\" is not one of"),
        ("missing key", Box::new(|d| { d.as_object_mut().unwrap().remove("status"); }), "/: `status` is missing"),
        ("extra key in a list item", Box::new(|d| d["status"][0]["note"] = value!("x")), "/status/0: `note` is not allowed"),
        ("route without configure", Box::new(|d| d["decision"]["verdict"] = value!("blocked")), "/decision: matches 0 of the 4 oneOf branches"),
        ("service without push", Box::new(|d| d["decision"]["clients"][0]["need"] = value!("runs-in-background")), "/decision/clients/0: matches 0"),
        ("a test without its FQDN", Box::new(|d| { step_mut(d, "test-push").remove("access-edge"); }), "matches 0 of the 7 oneOf branches"),
    ];
    for (name, change, expected) in cases {
        let mut document = seed_document();
        change(&mut document);
        let errors = problems(&document);
        assert!(errors.iter().any(|e| e.contains(expected)), "{name}: expected {expected:?} among {errors:#?}");
    }
}

#[test]
fn kebab_case_means_lowercase_words_and_single_hyphens() {
    for good in ["rules-version", "seed-anchor", "check-dns-srv-routing", "ocs2007r2-edge", "a"] {
        assert!(is_kebab(good), "{good}");
    }
    for bad in ["access_edge", "seedAnchor", "LyncEdge", "a--b", "-a", "a-", "", "a b"] {
        assert!(!is_kebab(bad), "{bad}");
    }
}
