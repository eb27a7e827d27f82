//! Lowering pipelines and commands: a pipeline's elements, a command's name (or `&` on a script
//! block), and its arguments as PowerShell's command mode reads them (`-Name:value`, a bare
//! comma list, a method call split across arguments). Apart because command arguments follow
//! their own rules, not the expression grammar.

use tree_sitter::Node;

use super::{kids, line, named_kids, Lowerer, R};
use crate::shell::ast::{Arg, Command, CommandName, Element, Expr, Pipeline};

impl Lowerer<'_> {
    pub fn pipeline(&self, node: Node) -> R<Pipeline> {
        let ln = line(node);
        let parts = named_kids(node);
        if parts.len() != 1 {
            return self.unsupported(node, "a pipeline chain (&& / ||)");
        }
        let chain = parts[0];
        if chain.kind() == "assignment_expression" {
            return self.unsupported(chain, "an assignment used as a value");
        }
        if chain.kind() != "pipeline_chain" {
            return self.unsupported(chain, "this pipeline");
        }
        let mut first = None;
        let mut rest = Vec::new();
        for child in kids(chain) {
            match child.kind() {
                "|" => {}
                "command" => {
                    let command = self.command(child)?;
                    if first.is_none() {
                        first = Some(Element::Command(command));
                    } else {
                        rest.push(command);
                    }
                }
                "redirections" | "verbatim_command_argument" => return self.unsupported(child, "a redirection"),
                _ if child.is_named() => {
                    if first.is_some() {
                        return self.unsupported(child, "this pipeline element");
                    }
                    first = Some(Element::Expr(self.expr(child)?));
                }
                _ => return self.unsupported(child, "this pipeline token"),
            }
        }
        Ok(Pipeline { line: ln, first: first.ok_or("empty pipeline")?, rest })
    }

    fn command(&self, node: Node) -> R<Command> {
        let ln = line(node);
        let mut name = None;
        let mut args = Vec::new();
        let mut invoke = false;
        for child in kids(node) {
            match child.kind() {
                "command_invokation_operator" => {
                    if self.text(child) != "&" {
                        return self.unsupported(child, "dot-sourcing");
                    }
                    invoke = true;
                }
                "command_name" => name = Some(CommandName::Name(self.text(child).to_string())),
                "command_name_expr" => {
                    let inner = named_kids(child)[0];
                    name = Some(match inner.kind() {
                        "command_name" if !invoke => CommandName::Name(self.text(inner).to_string()),
                        "script_block_expression" | "variable" => CommandName::Invoke(self.expr(inner)?),
                        // `& $block args`: the grammar reads `$block` as a path of one variable.
                        "path_command_name" if invoke && named_kids(inner).len() == 1 && named_kids(inner)[0].kind() == "variable" => {
                            CommandName::Invoke(Expr::Var(self.var(named_kids(inner)[0])?))
                        }
                        _ => return self.unsupported(inner, "invoking this"),
                    });
                }
                "command_elements" => args = self.command_elements(child)?,
                _ => return self.unsupported(child, "this part of a command"),
            }
        }
        if let Some(CommandName::Name(n)) = &name {
            if invoke {
                return self.unsupported(node, &format!("`& {n}` (the call operator on a name)"));
            }
        }
        Ok(Command { line: ln, name: name.ok_or("command without a name")?, args })
    }

    fn command_elements(&self, node: Node) -> R<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut attach = false;
        let mut after_comma = false;
        for child in kids(node) {
            let value = match child.kind() {
                "command_argument_sep" => {
                    if self.text(child).contains(':') {
                        attach = true;
                    }
                    continue;
                }
                "command_parameter" => {
                    let text = self.text(child);
                    if !text.starts_with('-') || text.starts_with("--") || text.len() < 2 {
                        return self.unsupported(child, "this parameter token");
                    }
                    args.push(Arg::Param { name: text[1..].to_string(), value: None });
                    attach = false;
                    continue;
                }
                "," => {
                    // `Select-Object Id, Name`: a bare comma list is one array argument.
                    match args.last_mut() {
                        Some(Arg::Value(Expr::List(_))) => {}
                        Some(Arg::Value(e)) => {
                            let first = std::mem::replace(e, Expr::List(Vec::new()));
                            *e = Expr::List(vec![first]);
                        }
                        _ => return self.unsupported(child, "a comma here"),
                    }
                    after_comma = true;
                    continue;
                }
                "generic_token" => Expr::Bare(self.text(child).to_string()),
                "argument_list" => {
                    // `Write-Host $h.ContainsKey('x')`: the grammar splits a method call in an
                    // argument into the member and its argument list.
                    let mut call_args = Vec::new();
                    if let Some(exprs) = named_kids(child).into_iter().find(|p| p.kind() == "argument_expression_list") {
                        for a in named_kids(exprs) {
                            call_args.push(self.expr(a)?);
                        }
                    }
                    match args.last_mut() {
                        Some(Arg::Value(slot @ Expr::Member(..))) | Some(Arg::Param { value: Some(slot @ Expr::Member(..)), .. }) => {
                            let Expr::Member(base, name) = std::mem::replace(slot, Expr::Int(0)) else { unreachable!() };
                            *slot = Expr::Method(base, name, call_args);
                        }
                        _ => return self.unsupported(child, "an argument list after this command argument"),
                    }
                    continue;
                }
                "redirection" | "stop_parsing" => return self.unsupported(child, "this command element"),
                _ if child.is_named() => self.expr(child)?,
                _ => return self.unsupported(child, "this command token"),
            };
            if after_comma {
                if let Some(Arg::Value(Expr::List(list))) = args.last_mut() {
                    list.push(value);
                }
                after_comma = false;
                continue;
            }
            self.push_value(&mut args, value, attach, child)?;
            attach = false;
        }
        Ok(args)
    }

    fn push_value(&self, args: &mut Vec<Arg>, value: Expr, attach: bool, node: Node) -> R<()> {
        if attach {
            match args.last_mut() {
                Some(Arg::Param { value: slot @ None, .. }) => {
                    *slot = Some(value);
                    return Ok(());
                }
                _ => return self.unsupported(node, "a ':' argument without a parameter"),
            }
        }
        args.push(Arg::Value(value));
        Ok(())
    }
}
