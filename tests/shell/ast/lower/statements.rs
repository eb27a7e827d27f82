//! Lowering statements: `if`, the loops, `break`/`continue`/`return`/`throw`/`exit`, `try`, and
//! assignments. Apart from pipelines and expressions because these forms are the script's shape:
//! each control-flow construct the subset leaves out is named here.

use tree_sitter::Node;

use super::{kids, line, named_kids, Lowerer, R};
use crate::shell::ast::{AssignOp, Block, Expr, Stmt, StmtKind};

impl Lowerer<'_> {
    pub fn statements(&self, node: Node) -> R<Block> {
        let mut out = Vec::new();
        for child in kids(node) {
            if child.kind() == "empty_statement" || child.kind() == ";" {
                continue;
            }
            out.push(self.statement(child)?);
        }
        Ok(out)
    }

    fn block(&self, node: Node) -> R<Block> {
        // statement_block: '{' statement_list? '}'
        match named_kids(node).into_iter().find(|c| c.kind() == "statement_list") {
            Some(list) => self.statements(list),
            None => Ok(Vec::new()),
        }
    }

    pub(super) fn statement(&self, node: Node) -> R<Stmt> {
        let ln = line(node);
        let kind = match node.kind() {
            "pipeline" => return self.pipeline_stmt(node),
            "if_statement" => {
                let mut branches = Vec::new();
                let mut otherwise = None;
                let mut cond = None;
                for child in kids(node) {
                    match child.kind() {
                        "pipeline" => cond = Some(self.pipeline(child)?),
                        "statement_block" => branches.push((cond.take().ok_or("if without condition")?, self.block(child)?)),
                        "elseif_clauses" => {
                            for clause in named_kids(child) {
                                let parts = named_kids(clause);
                                let c = parts.iter().find(|p| p.kind() == "pipeline").ok_or("elseif without condition")?;
                                let b = parts.iter().find(|p| p.kind() == "statement_block").ok_or("elseif without block")?;
                                branches.push((self.pipeline(*c)?, self.block(*b)?));
                            }
                        }
                        "else_clause" => {
                            let b = named_kids(child).into_iter().find(|p| p.kind() == "statement_block").ok_or("else without block")?;
                            otherwise = Some(self.block(b)?);
                        }
                        "if" | "(" | ")" => {}
                        _ => return self.unsupported(child, "this part of an if statement"),
                    }
                }
                StmtKind::If { branches, otherwise }
            }
            "foreach_statement" => {
                let mut var = None;
                let mut source = None;
                let mut body = None;
                for child in kids(node) {
                    match child.kind() {
                        "variable" => var = Some(self.var(child)?),
                        "pipeline" => source = Some(self.pipeline(child)?),
                        "statement_block" => body = Some(self.block(child)?),
                        "foreach_parameter" => return self.unsupported(child, "foreach -parallel"),
                        _ => {}
                    }
                }
                StmtKind::Foreach { var: var.ok_or("foreach var")?, source: source.ok_or("foreach source")?, body: body.ok_or("foreach body")? }
            }
            "while_statement" => {
                let mut cond = None;
                let mut body = None;
                for child in named_kids(node) {
                    match child.kind() {
                        "while_condition" => cond = Some(self.pipeline(named_kids(child)[0])?),
                        "statement_block" => body = Some(self.block(child)?),
                        _ => return self.unsupported(child, "this part of a while loop"),
                    }
                }
                StmtKind::While { cond: cond.ok_or("while cond")?, body: body.ok_or("while body")? }
            }
            "do_statement" => {
                let mut cond = None;
                let mut body = None;
                let mut until = false;
                for child in kids(node) {
                    match child.kind() {
                        "while_condition" => cond = Some(self.pipeline(named_kids(child)[0])?),
                        "statement_block" => body = Some(self.block(child)?),
                        "until" => until = true,
                        _ => {}
                    }
                }
                StmtKind::DoLoop { body: body.ok_or("do body")?, cond: cond.ok_or("do cond")?, until }
            }
            "flow_control_statement" => {
                let parts = kids(node);
                let keyword = parts[0].kind().to_ascii_lowercase();
                let operand = parts.iter().find(|p| p.kind() == "pipeline").map(|p| self.pipeline(*p)).transpose()?;
                if parts.iter().any(|p| p.kind() == "label_expression") {
                    return self.unsupported(node, "a labelled break/continue");
                }
                match keyword.as_str() {
                    "break" => StmtKind::Break,
                    "continue" => StmtKind::Continue,
                    "return" => StmtKind::Return(operand),
                    "throw" => StmtKind::Throw(operand),
                    "exit" => StmtKind::Exit(operand),
                    _ => return self.unsupported(node, "this flow-control statement"),
                }
            }
            "try_statement" => {
                let mut body = None;
                let mut catch = None;
                let mut finally = None;
                for child in named_kids(node) {
                    match child.kind() {
                        "statement_block" => body = Some(self.block(child)?),
                        "catch_clauses" => {
                            let clauses = named_kids(child);
                            if clauses.len() != 1 {
                                return self.unsupported(child, "more than one catch clause");
                            }
                            for part in named_kids(clauses[0]) {
                                match part.kind() {
                                    "statement_block" => catch = Some(self.block(part)?),
                                    _ => return self.unsupported(part, "a typed catch"),
                                }
                            }
                        }
                        "finally_clause" => {
                            let b = named_kids(child).into_iter().find(|p| p.kind() == "statement_block").ok_or("finally block")?;
                            finally = Some(self.block(b)?);
                        }
                        _ => return self.unsupported(child, "this part of a try statement"),
                    }
                }
                StmtKind::Try { body: body.ok_or("try body")?, catch, finally }
            }
            "function_statement" => return self.unsupported(node, "a function definition"),
            "switch_statement" => return self.unsupported(node, "a switch statement"),
            "for_statement" => return self.unsupported(node, "a for loop"),
            "trap_statement" => return self.unsupported(node, "a trap statement"),
            "label" => return self.unsupported(node, "a loop label"),
            _ => return self.unsupported(node, "this statement"),
        };
        Ok(Stmt { line: ln, kind })
    }

    pub(super) fn pipeline_stmt(&self, node: Node) -> R<Stmt> {
        let ln = line(node);
        let parts = named_kids(node);
        if parts.len() == 1 && parts[0].kind() == "assignment_expression" {
            let a = parts[0];
            let mut target = None;
            let mut op = None;
            let mut value = None;
            for child in kids(a) {
                match child.kind() {
                    "left_assignment_expression" => target = Some(self.expr(named_kids(child)[0])?),
                    "assignement_operator" => {
                        op = Some(match self.text(child) {
                            "=" => AssignOp::Set,
                            "+=" => AssignOp::Add,
                            "-=" => AssignOp::Sub,
                            _ => return self.unsupported(child, "this assignment operator"),
                        })
                    }
                    _ if child.is_named() => value = Some(self.statement(child)?),
                    _ => {}
                }
            }
            let target = target.ok_or("assignment target")?;
            match &target {
                Expr::Var(_) | Expr::Index(..) => {}
                Expr::Member(..) => {}
                _ => return self.unsupported(a, "this assignment target"),
            }
            let value = value.ok_or("assignment value")?;
            if !matches!(value.kind, StmtKind::Pipeline(_) | StmtKind::Assign { .. }) {
                return self.unsupported(a, "assigning a statement other than a pipeline");
            }
            return Ok(Stmt { line: ln, kind: StmtKind::Assign { target, op: op.ok_or("assignment operator")?, value: Box::new(value) } });
        }
        Ok(Stmt { line: ln, kind: StmtKind::Pipeline(self.pipeline(node)?) })
    }
}
