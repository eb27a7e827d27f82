//! The subset of PowerShell 2.0 the generated scripts use, lowered from the tree-sitter-powershell
//! tree. Anything outside the subset is an `Err` naming the construct and its line, never skipped.

use std::rc::Rc;

use tree_sitter::Node;

pub type Block = Vec<Stmt>;

#[derive(Debug)]
pub struct Script {
    pub params: Vec<Param>,
    pub body: Block,
}

#[derive(Debug)]
pub struct ScriptBlock {
    pub params: Vec<Param>,
    pub body: Block,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: String,
    pub switch: bool,
    pub default: Option<Expr>,
}

#[derive(Debug, Clone)]
pub struct Stmt {
    pub line: usize,
    pub kind: StmtKind,
}

#[derive(Debug, Clone)]
pub enum StmtKind {
    Pipeline(Pipeline),
    Assign { target: Expr, op: AssignOp, value: Box<Stmt> },
    If { branches: Vec<(Pipeline, Block)>, otherwise: Option<Block> },
    Foreach { var: Var, source: Pipeline, body: Block },
    While { cond: Pipeline, body: Block },
    DoLoop { body: Block, cond: Pipeline, until: bool },
    Break,
    Continue,
    Return(Option<Pipeline>),
    Throw(Option<Pipeline>),
    Exit(Option<Pipeline>),
    Try { body: Block, catch: Option<Block>, finally: Option<Block> },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AssignOp {
    Set,
    Add,
    Sub,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub line: usize,
    pub first: Element,
    pub rest: Vec<Command>,
}

#[derive(Debug, Clone)]
pub enum Element {
    Expr(Expr),
    Command(Command),
}

#[derive(Debug, Clone)]
pub struct Command {
    pub line: usize,
    pub name: CommandName,
    pub args: Vec<Arg>,
}

#[derive(Debug, Clone)]
pub enum CommandName {
    Name(String),
    /// `& { ... }` or `& $block`.
    Invoke(Expr),
}

#[derive(Debug, Clone)]
pub enum Arg {
    /// `-Name`, or `-Name:value`.
    Param { name: String, value: Option<Expr> },
    Value(Expr),
}

#[derive(Debug, Clone)]
pub struct Var {
    pub scope: VarScope,
    /// Lower case: PowerShell variable names ignore case.
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VarScope {
    Any,
    Global,
    Script,
    Local,
}

#[derive(Debug, Clone)]
pub enum StrPart {
    Text(String),
    Var(Var),
    Sub(Block),
}

#[derive(Debug, Clone)]
pub enum Expr {
    Str(String),
    Expand(Vec<StrPart>),
    Int(i64),
    /// An unquoted command argument (`global`, `Red`, `push.lync.com`).
    Bare(String),
    Var(Var),
    Member(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
    Method(Box<Expr>, String, Vec<Expr>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Cast(String, Box<Expr>),
    /// `a, b, c`.
    List(Vec<Expr>),
    /// `@( ... )`.
    ArrayOf(Block),
    /// `$( ... )`.
    Sub(Block),
    /// `( pipeline )`.
    Paren(Box<Stmt>),
    Hash(Vec<(Expr, Stmt)>),
    Block(Rc<ScriptBlock>),
    /// `[Type]::Member`, lower case; only `[System.Text.Encoding]::UTF8` is modelled.
    Static(String, String),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnOp {
    Not,
    Neg,
    Join,
    Comma,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BinOp {
    And,
    Or,
    Add,
    Sub,
    Mul,
    Div,
    Format,
    Cmp(Cmp, bool),
    Join,
}

/// Comparison operators; the `bool` beside them in `BinOp::Cmp` is "negated" for the not-forms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cmp {
    Eq,
    Gt,
    Lt,
    Ge,
    Le,
    Like,
    Match,
    Contains,
}

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

    fn statement(&self, node: Node) -> R<Stmt> {
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

    fn pipeline_stmt(&self, node: Node) -> R<Stmt> {
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
                if parts.iter().any(|p| p.kind() == "::") || parts.iter().any(|p| p.kind() == "invokation_foreach_expression") {
                    return self.unsupported(node, "a static method or .foreach()");
                }
                let member = parts.iter().find(|p| p.kind() == "member_name").ok_or("method name")?;
                let list = parts.iter().find(|p| p.kind() == "argument_list").ok_or("argument list")?;
                let mut args = Vec::new();
                if let Some(exprs) = named_kids(*list).into_iter().find(|p| p.kind() == "argument_expression_list") {
                    for a in named_kids(exprs) {
                        args.push(self.expr(a)?);
                    }
                }
                Ok(Expr::Method(Box::new(self.expr(parts[0])?), self.member_name(*member)?, args))
            }
            "type_literal" => self.unsupported(node, "a type literal as a value"),
            _ => self.unsupported(node, "this expression"),
        }
    }

    fn inner_statements(&self, node: Node) -> R<Block> {
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

    fn expandable(&self, node: Node) -> R<Expr> {
        let full = self.text(node);
        let start = node.start_byte();
        let mut parts = Vec::new();
        let mut cursor = start + 1; // after the opening quote
        let end = node.end_byte() - 1; // before the closing quote
        let children: Vec<Node> = named_kids(node);
        for child in children {
            let (cs, ce) = (child.start_byte(), child.end_byte());
            if cs > cursor {
                parts.push(StrPart::Text(self.unescape(&self.src[cursor..cs], node)?));
            }
            match child.kind() {
                "variable" => parts.push(StrPart::Var(self.var(child)?)),
                "sub_expression" => parts.push(StrPart::Sub(self.inner_statements(child)?)),
                _ => return self.unsupported(child, "this part of a string"),
            }
            cursor = ce;
        }
        if end > cursor {
            parts.push(StrPart::Text(self.unescape(&self.src[cursor..end], node)?));
        }
        if !full.ends_with('"') {
            return self.unsupported(node, "this string");
        }
        if parts.iter().all(|p| matches!(p, StrPart::Text(_))) {
            let text: String = parts.iter().map(|p| if let StrPart::Text(t) = p { t.as_str() } else { "" }).collect();
            return Ok(Expr::Str(text));
        }
        Ok(Expr::Expand(parts))
    }

    fn unescape(&self, raw: &str, node: Node) -> R<String> {
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '`' => match chars.next() {
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('0') => out.push('\0'),
                    Some('a') => out.push('\u{7}'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some('v') => out.push('\u{b}'),
                    // Any other escaped character is itself (about_Escape_Characters; Parser.Tests.ps1
                    // "escaping any character with no special meaning just returns that char"). `e and
                    // `u{} are escapes only from PowerShell 6 on: in 2.0 and 3.0 they are "e" and "u".
                    Some(other) => out.push(other),
                    None => return self.unsupported(node, "this escape sequence"),
                },
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    out.push('"');
                }
                '$' => match chars.peek() {
                    None => out.push('$'),
                    Some(n) if n.is_whitespace() || *n == '"' => out.push('$'),
                    _ => return self.unsupported(node, "a '$' form in a string"),
                },
                _ => out.push(c),
            }
        }
        Ok(out)
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
