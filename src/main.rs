//! The browser entry point; Trunk builds this binary to WebAssembly.

fn main() {
    marketplan::ui::start();
}
