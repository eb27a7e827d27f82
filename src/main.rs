//! Natively: the command-line renderer. In the browser: mounts the wizard.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = lync_push_wizard::cli::run(&args);
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(output.stdout.as_bytes());
    let _ = std::io::stderr().write_all(output.stderr.as_bytes());
    std::process::exit(output.code);
}

/// No panic hook: the wizard is written never to panic (bad input gets a message), and the
/// hook's message formatting cost the page over a kilobyte of every first visit.
#[cfg(target_arch = "wasm32")]
fn main() {
    lync_push_wizard::ui::mount();
}
