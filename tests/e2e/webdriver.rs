//! Just enough of the W3C WebDriver protocol over std's TcpStream to drive Chromium through
//! chromedriver on loopback: no async runtime to compile, nothing fetched at run time.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub struct Driver {
    port: u16,
    child: Child,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Driver {
    pub fn start() -> Driver {
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (./dev test installs it)"));
        let driver = Driver { port, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if http(port, "GET", "/status", None).map(|v| v["value"]["ready"] == true).unwrap_or(false) {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("chromedriver did not become ready on port {port}");
    }

    pub fn session(&self, options: Options) -> Session {
        let profile = tempdir();
        let mut args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--window-size={},{}", options.width, options.height),
            format!("--user-data-dir={}", profile.display()),
        ];
        args.extend(options.extra_args.iter().cloned());
        let mut chrome = json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": args,
        });
        if options.block_storage {
            // Blocking site data makes window.localStorage throw, as a locked-down browser does.
            chrome["prefs"] = json!({ "profile.default_content_setting_values.cookies": 2 });
        }
        if options.javascript_off {
            chrome["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let body = json!({ "capabilities": { "alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": chrome,
            "goog:loggingPrefs": { "browser": "ALL" },
        } } });
        let value = http(self.port, "POST", "/session", Some(body)).expect("new session");
        let id = value["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {value}")).to_string();
        Session { port: self.port, id, profile }
    }
}

pub struct Options {
    pub width: u32,
    pub height: u32,
    pub block_storage: bool,
    /// The page's own scripts never run, as in a browser with JavaScript turned off.
    pub javascript_off: bool,
    pub extra_args: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 1280, height: 1600, block_storage: false, javascript_off: false, extra_args: Vec::new() }
    }
}

fn tempdir() -> std::path::PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("lync-push-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub struct Session {
    port: u16,
    id: String,
    profile: std::path::PathBuf,
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = http(self.port, "DELETE", &format!("/session/{}", self.id), None);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// One WebDriver element reference.
pub struct Element(String);

impl Session {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let full = format!("/session/{}{path}", self.id);
        let reply = http(self.port, method, &full, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        if reply["value"].get("error").is_some() {
            panic!("{method} {path}: {}", reply["value"]);
        }
        reply["value"].clone()
    }

    pub fn goto(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    pub fn refresh(&self) {
        self.call("POST", "/refresh", Some(json!({})));
    }

    pub fn exec(&self, script: &str, args: Vec<Value>) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// The browser console's messages since the last call (CSP violations are logged there).
    pub fn console(&self) -> Vec<String> {
        let entries = self.call("POST", "/se/log", Some(json!({ "type": "browser" })));
        entries.as_array().into_iter().flatten().filter_map(|entry| entry["message"].as_str().map(str::to_string)).collect()
    }

    /// How long `exec_async` may wait for its callback.
    #[allow(dead_code)] // Only benches/site.rs waits longer than the default 30 s.
    pub fn set_script_timeout(&self, timeout: Duration) {
        self.call("POST", "/timeouts", Some(json!({ "script": timeout.as_millis() as u64 })));
    }

    /// Runs `script` until it calls its last argument, the callback, with the result.
    pub fn exec_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.call("POST", "/execute/async", Some(json!({ "script": script, "args": args })))
    }

    /// A Chrome DevTools command through chromedriver (e.g. to emulate dark mode).
    pub fn cdp(&self, command: &str, params: Value) {
        self.call("POST", "/goog/cdp/execute", Some(json!({ "cmd": command, "params": params })));
    }

    pub fn try_find(&self, test_id: &str) -> Option<Element> {
        self.try_select(&format!("[data-testid=\"{test_id}\"]"))
    }

    /// The first element a CSS selector matches, for what has no test id of its own.
    pub fn try_select(&self, selector: &str) -> Option<Element> {
        let body = json!({ "using": "css selector", "value": selector });
        let reply = http(self.port, "POST", &format!("/session/{}/element", self.id), Some(body)).ok()?;
        // W3C WebDriver names an element reference by this fixed key; an error has none.
        reply["value"]["element-6066-11e4-a52e-4f735466cecf"].as_str().map(|id| Element(id.to_string()))
    }

    /// Clicks the first element a CSS selector matches.
    pub fn click_selector(&self, selector: &str) {
        let element = self.wait_for(selector, || self.try_select(selector));
        self.call("POST", &format!("/element/{}/click", element.0), Some(json!({})));
    }

    pub fn find(&self, test_id: &str) -> Element {
        self.wait_for(&format!("[data-testid={test_id}]"), || self.try_find(test_id))
    }

    pub fn click(&self, test_id: &str) {
        let element = self.find(test_id);
        self.call("POST", &format!("/element/{}/click", element.0), Some(json!({})));
    }

    pub fn type_into(&self, test_id: &str, text: &str) {
        let element = self.find(test_id);
        self.call("POST", &format!("/element/{}/clear", element.0), Some(json!({})));
        self.call("POST", &format!("/element/{}/value", element.0), Some(json!({ "text": text })));
    }

    /// Gives a file to an `<input type=file>`, as choosing it in the dialog does.
    pub fn upload(&self, test_id: &str, file: &Path) {
        let element = self.find(test_id);
        let path = file.display().to_string();
        self.call("POST", &format!("/element/{}/value", element.0), Some(json!({ "text": path })));
    }

    /// `textContent`, which (unlike WebDriver's text) includes text scrolled out of view.
    pub fn content(&self, test_id: &str) -> String {
        self.find(test_id);
        let script = "return document.querySelector(arguments[0]).textContent";
        self.exec(script, vec![json!(format!("[data-testid=\"{test_id}\"]"))]).as_str().unwrap_or_default().to_string()
    }

    pub fn is_checked(&self, test_id: &str) -> bool {
        self.find(test_id);
        let script = "return document.querySelector(arguments[0]).checked";
        self.exec(script, vec![json!(format!("[data-testid=\"{test_id}\"]"))]) == json!(true)
    }

    /// Polls until `probe` gives a value, for at most 10 s.
    pub fn wait_for<T>(&self, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(value) = probe() {
                return value;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the wasm has taken the pre-rendered page over (`ui::browser::mark_ready`):
    /// before that, the questions are in the page but nothing listens to them.
    pub fn wait_ready(&self) {
        self.wait_for("the wizard to take the page over", || {
            (self.exec("return document.documentElement.dataset.wizard || null", vec![]) == serde_json::json!("ready")).then_some(())
        });
    }

    pub fn wait_until_contains(&self, test_id: &str, needle: &str) -> String {
        self.wait_for(&format!("{test_id} to contain {needle:?}"), || {
            let text = self.try_find(test_id).map(|_| self.content(test_id))?;
            text.contains(needle).then_some(text)
        })
    }

    /// Presses keys (WebDriver key codes, e.g. "\u{E004}" for Tab) on whatever has focus.
    pub fn press(&self, keys: &str) {
        let mut actions = Vec::new();
        for key in keys.chars() {
            actions.push(json!({ "type": "keyDown", "value": key.to_string() }));
            actions.push(json!({ "type": "keyUp", "value": key.to_string() }));
        }
        let body = json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] });
        self.call("POST", "/actions", Some(body));
    }

    pub fn focused_test_id(&self) -> Option<String> {
        let script = "var e = document.activeElement; return e ? (e.getAttribute('data-testid') || e.id) : null";
        self.exec(script, vec![]).as_str().map(str::to_string)
    }

    pub fn screenshot(&self, path: &Path) {
        let encoded = self.call("GET", "/screenshot", None);
        let bytes = base64_decode(encoded.as_str().expect("base64 PNG"));
        assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(path, bytes).expect("write screenshot");
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let sextets: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(sextets.len() * 3 / 4);
    for chunk in sextets.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &s)| acc | (u32::from(s) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

/// One HTTP/1.1 request with `Connection: close`; the reply's JSON body.
fn http(port: u16, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    // chromedriver may keep the connection open, so read the headers, then exactly the body.
    let mut reply = Vec::new();
    let mut buffer = [0u8; 16384];
    let split = loop {
        if let Some(split) = reply.windows(4).position(|w| w == b"\r\n\r\n") {
            break split;
        }
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the headers ended".into());
        }
        reply.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&reply[..split]).to_ascii_lowercase();
    let mut payload = reply[split + 4..].to_vec();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|value| value.trim().parse::<usize>().ok());
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let complete = match length {
            Some(length) => payload.len() >= length,
            None if chunked => payload.windows(5).any(|w| w == b"0\r\n\r\n"),
            None => false,
        };
        if complete {
            break;
        }
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        payload.extend_from_slice(&buffer[..n]);
    }
    if chunked {
        payload = dechunk(&payload);
    }
    serde_json::from_slice(&payload).map_err(|e| format!("{e}: {}", String::from_utf8_lossy(&payload)))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..line_end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}
