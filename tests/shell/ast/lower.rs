//! Lowers the tree-sitter-powershell tree to the `ast` subset. Anything outside the subset is an
//! `Err` naming the construct and its line, never skipped. This part holds the walk's tools and
//! the script's frame (its `param()` block, script blocks); statements, pipelines and commands,
//! expressions, and strings are lowered in the parts below, one concern each.

mod commands;
mod expressions;
mod statements;
mod strings;

use tree_sitter::Node;

use super::{Param, Script, ScriptBlock};

pub struct Lowerer<'a> {
    pub src: &'a str,
}

type R<T> = Result<T, String>;

fn line(node: Node) -> usize {
    node.start_position().row + 1
}

/// Named, non-comment children.
fn kids<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children(&mut cursor).filter(|c| c.kind() != "comment").collect()
}

fn named_kids<'t>(node: Node<'t>) -> Vec<Node<'t>> {
    kids(node).into_iter().filter(|c| c.is_named()).collect()
}

impl<'a> Lowerer<'a> {
    fn text(&self, node: Node) -> &'a str {
        &self.src[node.byte_range()]
    }

    fn unsupported<T>(&self, node: Node, what: &str) -> R<T> {
        let text: String = self.text(node).chars().take(80).collect();
        Err(format!("line {}: {what} is outside the modelled subset ({}: `{}`)", line(node), node.kind(), text.replace('\n', " ")))
    }

    pub fn program(&self, root: Node) -> R<Script> {
        let mut params = Vec::new();
        let mut body = Vec::new();
        for child in kids(root) {
            match child.kind() {
                "param_block" => params = self.param_block(child)?,
                "statement_list" => body = self.statements(child)?,
                _ => return self.unsupported(child, "this top-level element"),
            }
        }
        Ok(Script { params, body })
    }

    fn param_block(&self, node: Node) -> R<Vec<Param>> {
        let mut params = Vec::new();
        for child in kids(node) {
            match child.kind() {
                "attribute_list" => return self.unsupported(child, "an attribute on param()"),
                "parameter_list" => {
                    for p in named_kids(child) {
                        params.push(self.parameter(p)?);
                    }
                }
                "param" | "(" | ")" => {}
                _ => return self.unsupported(child, "this part of param()"),
            }
        }
        Ok(params)
    }

    fn parameter(&self, node: Node) -> R<Param> {
        let mut switch = false;
        let mut name = None;
        let mut default = None;
        for child in named_kids(node) {
            match child.kind() {
                "attribute_list" => {
                    let t = self.text(child).to_ascii_lowercase();
                    if t == "[switch]" {
                        switch = true;
                    } else if t != "[string]" && t != "[bool]" && t != "[int]" {
                        return self.unsupported(child, "a parameter attribute other than [switch], [string], [bool], [int]");
                    }
                }
                "variable" => name = Some(self.var(child)?.name),
                "script_parameter_default" => {
                    let value = named_kids(child).into_iter().next().ok_or("empty default")?;
                    default = Some(self.expr(value)?);
                }
                _ => return self.unsupported(child, "this parameter form"),
            }
        }
        Ok(Param { name: name.ok_or("parameter without a name")?, switch, default })
    }

    pub fn script_block(&self, node: Node) -> R<ScriptBlock> {
        let mut params = Vec::new();
        let mut body = Vec::new();
        for child in named_kids(node) {
            match child.kind() {
                "param_block" => params = self.param_block(child)?,
                "script_block" => {
                    for part in named_kids(child) {
                        match part.kind() {
                            "param_block" => params = self.param_block(part)?,
                            "script_block_body" => {
                                let inner = named_kids(part)[0];
                                if inner.kind() != "statement_list" {
                                    return self.unsupported(inner, "begin/process/end blocks");
                                }
                                body = self.statements(inner)?;
                            }
                            _ => return self.unsupported(part, "this part of a script block"),
                        }
                    }
                }
                _ => return self.unsupported(child, "this part of a script block"),
            }
        }
        Ok(ScriptBlock { params, body, line: line(node) })
    }
}
