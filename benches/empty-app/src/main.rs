//! The smallest Leptos app that asks one question and reacts to the answer: a heading, a
//! checkbox bound to a signal and a line derived from it. "First question on screen" is the
//! heading, marked for Element Timing exactly as the wizard's is.
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;

fn main() {
    leptos::mount::mount_to_body(|| {
        let (answer, set_answer) = signal(false);
        view! {
            <main>
                <h2 {..custom_attribute("elementtiming", "first-question")} data-testid="question">"Question"</h2>
                <label>
                    <input type="checkbox" on:change=move |event| set_answer.set(event_target_checked(&event)) />
                    " Answer"
                </label>
                <p data-testid="script">{move || if answer.get() { "yes" } else { "no" }}</p>
            </main>
        }
    });
}
