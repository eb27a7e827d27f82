//! The syntax tree of the subset of PowerShell 2.0 the generated scripts use: what `lower`
//! builds from the tree-sitter-powershell tree and the interpreter runs. The types stand apart
//! from the lowering so that the whole subset can be read in one place; a construct outside it
//! never reaches the tree (lowering it is an `Err` naming the construct and its line).

mod lower;

use std::rc::Rc;

pub use lower::Lowerer;

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
