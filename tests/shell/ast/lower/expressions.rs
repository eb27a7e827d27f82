//! Lowering expressions: operators, casts, literals, variables, members, indexes, method calls,
//! hash literals and script blocks. Apart from the statements because an expression lowers to a
//! value (`Expr`) whatever statement or argument holds it.

use std::rc::Rc;

use tree_sitter::Node;

use super::{kids, named_kids, Lowerer, R};
use crate::shell::ast::{BinOp, Block, Cmp, Expr, UnOp, Var, VarScope};

impl Lowerer<'_> {
    pub fn var(&self, node: Node) -> R<Var> {
        let text = self.text(node);
        if node.kind() != "variable" {
            return self.unsupported(node, "this variable form");
        }
        if text.starts_with('@') || text.starts_with("${") || text == "$$" || text == "$^" || text == "$?" {
            return self.unsupported(node, "this variable form (splatting, braces or an automatic one)");
        }
        let body = &text[1..];
        let (scope, name) = match body.split_once(':') {
            Some((scope, name)) => {
                let scope = match scope.to_ascii_lowercase().as_str() {
                    "global" => VarScope::Global,
                    "script" => VarScope::Script,
                    "local" => VarScope::Local,
                    _ => return self.unsupported(node, "this variable scope or drive"),
                };
                (scope, name)
            }
            None => (VarScope::Any, body),
        };
        Ok(Var { scope, name: name.to_ascii_lowercase(), text: text.to_string() })
    }

    pub fn expr(&self, node: Node) -> R<Expr> {
        let parts = kids(node);
        match node.kind() {
            "logical_expression" | "bitwise_expression" | "comparison_expression" | "additive_expression"
            | "multiplicative_expression" | "format_expression" | "range_expression"
            | "logical_argument_expression" | "bitwise_argument_expression" | "comparison_argument_expression"
            | "additive_argument_expression" | "multiplicative_argument_expression" | "format_argument_expression"
            | "range_argument_expression" => {
                if parts.len() == 1 {
                    return self.expr(parts[0]);
                }
                if parts.len() != 3 {
                    return self.unsupported(node, "this expression");
                }
                let op_text = self.text(parts[1]).to_ascii_lowercase();
                let op = match op_text.as_str() {
                    "-and" => BinOp::And,
                    "-or" => BinOp::Or,
                    "+" => BinOp::Add,
                    "-" => BinOp::Sub,
                    "*" => BinOp::Mul,
                    "/" => BinOp::Div,
                    "-f" => BinOp::Format,
                    "-join" => BinOp::Join,
                    other => match comparison(other) {
                        Some((cmp, negated)) => BinOp::Cmp(cmp, negated),
                        None => return self.unsupported(parts[1], &format!("the operator {other}")),
                    },
                };
                Ok(Expr::Binary(op, Box::new(self.expr(parts[0])?), Box::new(self.expr(parts[2])?)))
            }
            "array_literal_expression" => {
                let items: Vec<Node> = parts.into_iter().filter(|p| p.kind() != ",").collect();
                if items.len() == 1 {
                    return self.expr(items[0]);
                }
                Ok(Expr::List(items.into_iter().map(|i| self.expr(i)).collect::<R<_>>()?))
            }
            "unary_expression" | "argument_expression" | "left_assignment_expression" | "string_literal" | "integer_literal"
            | "key_expression" => {
                if parts.len() != 1 {
                    return self.unsupported(node, "this expression");
                }
                self.expr(parts[0])
            }
            "expression_with_unary_operator" => {
                if parts.len() == 1 {
                    return self.expr(parts[0]);
                }
                let op = match self.text(parts[0]).to_ascii_lowercase().as_str() {
                    "-not" | "!" => UnOp::Not,
                    "-" => UnOp::Neg,
                    "-join" => UnOp::Join,
                    "," => UnOp::Comma,
                    other => return self.unsupported(parts[0], &format!("the unary operator {other}")),
                };
                Ok(Expr::Unary(op, Box::new(self.expr(parts[1])?)))
            }
            "cast_expression" => {
                let ty = self.type_name(parts[0])?;
                Ok(Expr::Cast(ty, Box::new(self.expr(parts[1])?)))
            }
            "parenthesized_expression" => {
                let inner = parts.iter().find(|p| p.kind() == "pipeline").ok_or("empty parentheses")?;
                Ok(Expr::Paren(Box::new(self.pipeline_stmt(*inner)?)))
            }
            "sub_expression" => Ok(Expr::Sub(self.inner_statements(node)?)),
            "array_expression" => Ok(Expr::ArrayOf(self.inner_statements(node)?)),
            "hash_literal_expression" => {
                let mut entries = Vec::new();
                if let Some(body) = parts.iter().find(|p| p.kind() == "hash_literal_body") {
                    for entry in named_kids(*body) {
                        let e = kids(entry);
                        let key = e.iter().find(|p| p.kind() == "key_expression").ok_or("hash key")?;
                        let key_expr = match named_kids(*key).first() {
                            Some(k) if k.kind() == "simple_name" => Expr::Str(self.text(*k).to_string()),
                            _ => self.expr(*key)?,
                        };
                        let value = e.iter().find(|p| p.is_named() && p.kind() != "key_expression").ok_or("hash value")?;
                        entries.push((key_expr, self.statement(*value)?));
                    }
                }
                Ok(Expr::Hash(entries))
            }
            "script_block_expression" => Ok(Expr::Block(Rc::new(self.script_block(node)?))),
            "verbatim_string_characters" => {
                let t = self.text(node);
                Ok(Expr::Str(t[1..t.len() - 1].replace("''", "'")))
            }
            "expandable_string_literal" => self.expandable(node),
            "verbatim_here_string_characters" | "expandable_here_string_literal" => self.unsupported(node, "a here-string"),
            "decimal_integer_literal" => {
                let t = self.text(node);
                t.parse::<i64>().map(Expr::Int).or_else(|_| self.unsupported(node, "this number form"))
            }
            "hexadecimal_integer_literal" | "real_literal" => self.unsupported(node, "this number form"),
            "variable" => Ok(Expr::Var(self.var(node)?)),
            "member_access" => {
                if parts.iter().any(|p| p.kind() == "::") {
                    let name = self.member_name(*parts.last().ok_or("member")?)?;
                    let ty = self.text(parts[0]).trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
                    if parts[0].kind() != "type_literal" || (ty.as_str(), name.to_ascii_lowercase().as_str()) != ("system.text.encoding", "utf8") {
                        return self.unsupported(node, "a static member ([Type]::Member) other than [System.Text.Encoding]::UTF8");
                    }
                    return Ok(Expr::Static(ty, name.to_ascii_lowercase()));
                }
                let name = self.member_name(*parts.last().ok_or("member")?)?;
                Ok(Expr::Member(Box::new(self.expr(parts[0])?), name))
            }
            "element_access" => {
                let index = parts.iter().filter(|p| p.is_named()).nth(1).ok_or("index")?;
                Ok(Expr::Index(Box::new(self.expr(parts[0])?), Box::new(self.expr(*index)?)))
            }
            "invokation_expression" => {
                let member = parts.iter().find(|p| p.kind() == "member_name").ok_or("method name")?;
                // The one static method modelled: [System.Uri]::EscapeDataString (System.Uri,
                // .NET Framework 2.0 and later).
                let uri_escape = parts.iter().any(|p| p.kind() == "::")
                    && parts[0].kind() == "type_literal"
                    && self.text(parts[0]).eq_ignore_ascii_case("[System.Uri]")
                    && self.member_name(*member)?.eq_ignore_ascii_case("EscapeDataString");
                if (parts.iter().any(|p| p.kind() == "::") && !uri_escape) || parts.iter().any(|p| p.kind() == "invokation_foreach_expression") {
                    return self.unsupported(node, "a static method other than [System.Uri]::EscapeDataString, or .foreach()");
                }
                let list = parts.iter().find(|p| p.kind() == "argument_list").ok_or("argument list")?;
                let mut args = Vec::new();
                if let Some(exprs) = named_kids(*list).into_iter().find(|p| p.kind() == "argument_expression_list") {
                    for a in named_kids(exprs) {
                        args.push(self.expr(a)?);
                    }
                }
                let target = if uri_escape { Expr::Static("system.uri".into(), String::new()) } else { self.expr(parts[0])? };
                Ok(Expr::Method(Box::new(target), self.member_name(*member)?, args))
            }
            "type_literal" => self.unsupported(node, "a type literal as a value"),
            _ => self.unsupported(node, "this expression"),
        }
    }

    pub(super) fn inner_statements(&self, node: Node) -> R<Block> {
        match named_kids(node).into_iter().find(|c| c.kind() == "statement_list") {
            Some(list) => self.statements(list),
            None => Ok(Vec::new()),
        }
    }

    fn member_name(&self, node: Node) -> R<String> {
        let inner = named_kids(node);
        match inner.first() {
            Some(n) if n.kind() == "simple_name" => Ok(self.text(*n).to_string()),
            _ => self.unsupported(node, "a computed member name"),
        }
    }

    fn type_name(&self, node: Node) -> R<String> {
        let t = self.text(node).to_ascii_lowercase();
        let inner = t.trim_start_matches('[').trim_end_matches(']').to_string();
        match inner.as_str() {
            "bool" | "string" | "int" | "array" | "char" => Ok(inner),
            _ => self.unsupported(node, &format!("the cast [{inner}]")),
        }
    }
}

fn comparison(op: &str) -> Option<(Cmp, bool)> {
    let op = op.strip_prefix('-')?;
    // -i forms are the default case-insensitive ones; -c forms are not modelled.
    let op = if op.starts_with('i') && !matches!(op, "in" | "is" | "isnot") { &op[1..] } else { op };
    Some(match op {
        "eq" => (Cmp::Eq, false),
        "ne" => (Cmp::Eq, true),
        "gt" => (Cmp::Gt, false),
        "lt" => (Cmp::Lt, false),
        "ge" => (Cmp::Ge, false),
        "le" => (Cmp::Le, false),
        "like" => (Cmp::Like, false),
        "notlike" => (Cmp::Like, true),
        "match" => (Cmp::Match, false),
        "notmatch" => (Cmp::Match, true),
        "contains" => (Cmp::Contains, false),
        "notcontains" => (Cmp::Contains, true),
        // -in / -notin are PowerShell 3.0; -c*, -replace, -split, -as, -is: not modelled.
        _ => return None,
    })
}
