//! The files a run reads and writes (the undo record): `-Path` resolution with wildcards, and what
//! Import-/Export-Clixml, Rename-Item, Remove-Item and Test-Path do, Windows' errors included.
//! Apart from the Lync store: these cmdlets act on the machine's file system.

use super::{wildcard, CmdErr, Machine};
use crate::shell::value::{clixml_copy, Value};

fn parent(path: &str) -> String {
    match path.rfind('\\') {
        Some(i) => path[..i].to_string(),
        None => String::new(),
    }
}

/// Whether `-Path` would read `path` as a wildcard pattern: PowerShell's
/// WildcardPattern.ContainsWildcardCharacters counts `*`, `?`, `[` and `]` not escaped by a
/// backtick (about_Wildcards; -LiteralPath "is used exactly as it is typed").
pub fn has_wildcard(path: &str) -> bool {
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '`' => {
                chars.next();
            }
            '*' | '?' | '[' | ']' => return true,
            _ => {}
        }
    }
    false
}

/// A `-Path` without wildcards names one item: backticks only escape.
fn unescape(path: &str) -> String {
    let mut out = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '`' => out.extend(chars.next()),
            other => out.push(other),
        }
    }
    out
}

impl Machine {
    /// What a `-Path` resolves to: the existing files and folders a wildcard pattern matches (as
    /// written), or the one path it names. A `[` in a folder's name is a character class, so
    /// `C:\Lync[1]\x.xml` matches `C:\Lync1\x.xml` and never itself.
    pub fn resolve(&self, path: &str) -> Vec<String> {
        if !has_wildcard(path) {
            return vec![unescape(path)];
        }
        let files = self.files.values().map(|(written, _)| written.clone());
        let folders = self.folders.iter().cloned();
        files.chain(folders).filter(|p| wildcard(path, p)).collect()
    }

    /// Test-Path -Path: true when the pattern matches an existing item.
    pub fn exists_path(&self, path: &str) -> bool {
        self.resolve(path).iter().any(|p| self.exists(p))
    }

    /// The one file a `-Path` names for Import-Clixml, Rename-Item and Remove-Item: a pattern
    /// that matches nothing is "not found" (the same error as a missing file).
    pub fn one_item(&self, path: &str) -> Result<String, CmdErr> {
        let found = self.resolve(path);
        match found.len() {
            1 => Ok(found[0].clone()),
            0 => Err(CmdErr::Error(format!("Cannot find path '{path}' because it does not exist."))),
            _ => Err(CmdErr::Fail(format!("-Path '{path}' matches {} items: not modelled", found.len()))),
        }
    }

    /// Export-Clixml -Path: a pattern must match one existing file, or the cmdlet stops with a
    /// terminating error (PowerShell's PathUtils; the message Out-File and Export-Clixml users
    /// report for folders with brackets); a plain path is created as written.
    pub fn export_target(&self, path: &str) -> Result<String, CmdErr> {
        if !has_wildcard(path) {
            return Ok(path.to_string());
        }
        let found: Vec<String> = self.resolve(path).into_iter().filter(|p| self.files.contains_key(&p.to_ascii_lowercase())).collect();
        match found.len() {
            1 => Ok(found[0].clone()),
            0 => Err(CmdErr::Terminating(format!("Cannot perform operation because the wildcard path {path} did not resolve to a file."))),
            _ => Err(CmdErr::Terminating(
                "Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.".to_string(),
            )),
        }
    }

    pub fn export(&mut self, path: &str, value: &Value) -> Result<(), CmdErr> {
        let folder = parent(path).to_ascii_lowercase();
        if self.unwritable.contains(&folder) {
            return Err(CmdErr::Error(format!("Access to the path '{path}' is denied.")));
        }
        if !self.folders.contains(&folder) {
            return Err(CmdErr::Error(format!("Could not find a part of the path '{path}'.")));
        }
        let copy = clixml_copy(value).map_err(CmdErr::Fail)?;
        self.files.insert(path.to_ascii_lowercase(), (path.to_string(), copy));
        Ok(())
    }

    pub fn import(&mut self, path: &str) -> Result<Value, CmdErr> {
        match self.files.get(&path.to_ascii_lowercase()) {
            Some((_, v)) => clixml_copy(v).map_err(CmdErr::Fail),
            None => Err(CmdErr::Error(format!("Could not find file '{path}'."))),
        }
    }

    pub fn exists(&self, path: &str) -> bool {
        let key = path.to_ascii_lowercase();
        self.files.contains_key(&key) || self.folders.contains(&key)
    }

    pub fn rename(&mut self, path: &str, new_name: &str) -> Result<(), CmdErr> {
        if new_name.contains('\\') {
            return Err(CmdErr::Fail("Rename-Item -NewName with a folder is not modelled".into()));
        }
        // Windows file names cannot hold these (Naming Files, Paths, and Namespaces).
        if new_name.chars().any(|c| matches!(c, '<' | '>' | ':' | '"' | '/' | '|' | '?' | '*')) {
            return Err(CmdErr::Error(format!("The given path's format is not supported: '{new_name}'.")));
        }
        let key = path.to_ascii_lowercase();
        let folder = parent(path);
        if self.unwritable.contains(&folder.to_ascii_lowercase()) {
            return Err(CmdErr::Error(format!("Access to the path '{path}' is denied.")));
        }
        let target = format!("{folder}\\{new_name}");
        if self.files.contains_key(&target.to_ascii_lowercase()) {
            return Err(CmdErr::Error(format!("Cannot create a file when that file already exists: '{target}'.")));
        }
        match self.files.remove(&key) {
            Some((_, v)) => {
                self.files.insert(target.to_ascii_lowercase(), (target, v));
                Ok(())
            }
            None => Err(CmdErr::Error(format!("Cannot rename because item at '{path}' does not exist."))),
        }
    }

    pub fn remove_file(&mut self, path: &str) -> Result<(), CmdErr> {
        if self.unwritable.contains(&parent(path).to_ascii_lowercase()) {
            return Err(CmdErr::Error(format!("Access to the path '{path}' is denied.")));
        }
        match self.files.remove(&path.to_ascii_lowercase()) {
            Some(_) => Ok(()),
            None => Err(CmdErr::Error(format!("Cannot find path '{path}' because it does not exist."))),
        }
    }
}
