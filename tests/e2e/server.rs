//! A static file server on loopback for the release site, under a sub-path like a docs site.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

/// While set, `.wasm` requests wait: a test can answer the pre-rendered page before the wasm has
/// arrived, as on a slow network.
static WASM_HELD: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// Holds back the wasm until the returned guard is dropped (also when a test fails).
pub fn hold_wasm() -> WasmHeld {
    *WASM_HELD.0.lock().unwrap() = true;
    WasmHeld
}

pub struct WasmHeld;

impl Drop for WasmHeld {
    fn drop(&mut self) {
        *WASM_HELD.0.lock().unwrap_or_else(|e| e.into_inner()) = false;
        WASM_HELD.1.notify_all();
    }
}

/// While set, `.wasm` requests get 404, as behind a proxy that blocks WebAssembly.
static WASM_REFUSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Refuses the wasm until the returned guard is dropped.
pub fn refuse_wasm() -> WasmRefused {
    WASM_REFUSED.store(true, std::sync::atomic::Ordering::SeqCst);
    WasmRefused
}

pub struct WasmRefused;

impl Drop for WasmRefused {
    fn drop(&mut self) {
        WASM_REFUSED.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

fn wait_while_wasm_held() {
    let mut held = WASM_HELD.0.lock().unwrap_or_else(|e| e.into_inner());
    while *held {
        held = WASM_HELD.1.wait(held).unwrap_or_else(|e| e.into_inner());
    }
}

pub struct StaticServer {
    /// e.g. `http://127.0.0.1:41234/docs/lync-push/`
    pub base: String,
}

pub fn serve(root: PathBuf, prefix: &'static str) -> StaticServer {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || answer(stream, &root, prefix));
        }
    });
    StaticServer { base: format!("http://127.0.0.1:{port}{prefix}") }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn answer(mut stream: TcpStream, root: &Path, prefix: &str) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Read the headers (a GET has no body), noting whether the browser takes gzip.
    let mut header = String::new();
    let mut takes_gzip = false;
    while reader.read_line(&mut header).map(|n| n > 2).unwrap_or(false) {
        let line = header.to_ascii_lowercase();
        takes_gzip |= line.starts_with("accept-encoding:") && line.contains("gzip");
        header.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let file = path
        .strip_prefix(prefix)
        .filter(|rest| !rest.split('/').any(|part| part == ".."))
        // A folder's address serves its index.html, as static hosts do (zh-TW/).
        .map(|rest| if rest.is_empty() || rest.ends_with('/') { root.join(rest).join("index.html") } else { root.join(rest) })
        .filter(|file| file.is_file())
        .filter(|file| !(WASM_REFUSED.load(std::sync::atomic::Ordering::SeqCst) && file.extension().is_some_and(|e| e == "wasm")));
    let response = match file {
        Some(file) => {
            if file.extension().is_some_and(|extension| extension == "wasm") {
                wait_while_wasm_held();
            }
            // A `<file>.gz` beside it (the benchmark writes them) is sent as a static host would.
            let compressed = PathBuf::from(format!("{}.gz", file.display()));
            let (body, encoding) = if takes_gzip && compressed.is_file() {
                (std::fs::read(&compressed).unwrap_or_default(), "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n")
            } else {
                (std::fs::read(&file).unwrap_or_default(), "")
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-store\r\nConnection: close\r\n\r\n",
                content_type(&file),
                body.len()
            );
            [head.into_bytes(), body].concat()
        }
        None => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec(),
    };
    let _ = stream.write_all(&response);
}
